import { useId, useState } from 'react';
import { onEnter } from './parts';
import { MAX_SESSION_EVALUATORS } from '../../../../shared/ipc/contracts/calibration';

/** Name field with suggestions; Enter or Add puts the name on the list (refused: a repeat). */
function AddEvaluator(props: { evaluators: string[]; known: string[]; onAdd(name: string): void }) {
  const id = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const full = props.evaluators.length >= MAX_SESSION_EVALUATORS;
  const add = () => {
    const trimmed = name.trim();
    if (!trimmed) return setError('Type the evaluator’s name as it is set in their profile.');
    if (props.evaluators.some((e) => e.toLowerCase() === trimmed.toLowerCase()))
      return setError(`${trimmed} is already on the list.`);
    setError(null);
    setName('');
    props.onAdd(trimmed);
  };
  return (
    <>
      <div className="cal-row">
        <label htmlFor={`${id}-name`}>Add evaluator</label>
        <input
          id={`${id}-name`}
          list={`${id}-known`}
          value={name}
          maxLength={100}
          disabled={full}
          aria-describedby={error ? `${id}-error` : undefined}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={onEnter(add)}
        />
        <datalist id={`${id}-known`}>
          {props.known
            .filter((k) => !props.evaluators.includes(k))
            .map((k) => (
              <option key={k} value={k} />
            ))}
        </datalist>
        <button type="button" className="secondary" disabled={full} onClick={add}>
          Add
        </button>
      </div>
      {error && (
        <p className="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </>
  );
}

function ExpertSelect(props: {
  evaluators: string[];
  expert: string | null;
  onChange(expert: string | null): void;
}) {
  const id = useId();
  return (
    <div className="cal-row">
      <label htmlFor={`${id}-expert`}>Benchmark</label>
      <select
        id={`${id}-expert`}
        value={props.expert ?? ''}
        onChange={(e) => props.onChange(e.target.value === '' ? null : e.target.value)}
      >
        <option value="">No expert: the most common answer is the consensus</option>
        {props.evaluators.map((e) => (
          <option key={e} value={e}>
            {e} is the expert: their answers are the benchmark
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The evaluators, by the names they use as their profile (answers are matched by name), and the
 * optional expert whose answers are the benchmark.
 */
export function EvaluatorsField(props: {
  evaluators: string[];
  expert: string | null;
  /** Names seen before (other sessions, the profile), offered as the user types. */
  known: string[];
  /** Evaluators who already scored: they stay on the list. */
  locked: string[];
  onChange(evaluators: string[], expert: string | null): void;
}) {
  const { evaluators, expert, locked, onChange } = props;
  return (
    <fieldset className="cal-fieldset">
      <legend>
        Evaluators <span className="muted">(at least two; each scores every interaction blind)</span>
      </legend>
      <ul className="cal-picked" aria-label="Evaluators">
        {evaluators.map((e) => (
          <li key={e}>
            <span>{e}</span>
            <button
              type="button"
              className="ghost"
              disabled={locked.includes(e)}
              title={locked.includes(e) ? `${e} already scored and stays on the list` : undefined}
              aria-label={`Remove ${e}`}
              onClick={() =>
                onChange(
                  evaluators.filter((x) => x !== e),
                  expert === e ? null : expert,
                )
              }
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <AddEvaluator
        evaluators={evaluators}
        known={props.known}
        onAdd={(name) => onChange([...evaluators, name], expert)}
      />
      <ExpertSelect evaluators={evaluators} expert={expert} onChange={(next) => onChange(evaluators, next)} />
    </fieldset>
  );
}
