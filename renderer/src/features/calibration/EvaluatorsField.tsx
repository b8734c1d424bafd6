import { useId, useState } from 'react';
import { MAX_SESSION_EVALUATORS } from '../../../../shared/ipc/contracts/calibration';

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
  const { evaluators, expert, known, locked, onChange } = props;
  const id = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    const trimmed = name.trim();
    if (!trimmed) return setError('Type the evaluator’s name as it is set in their profile.');
    if (evaluators.some((e) => e.toLowerCase() === trimmed.toLowerCase()))
      return setError(`${trimmed} is already on the list.`);
    setError(null);
    setName('');
    onChange([...evaluators, trimmed], expert);
  };
  const full = evaluators.length >= MAX_SESSION_EVALUATORS;
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
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <datalist id={`${id}-known`}>
          {known
            .filter((k) => !evaluators.includes(k))
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
      <div className="cal-row">
        <label htmlFor={`${id}-expert`}>Benchmark</label>
        <select
          id={`${id}-expert`}
          value={expert ?? ''}
          onChange={(e) => onChange(evaluators, e.target.value === '' ? null : e.target.value)}
        >
          <option value="">No expert: the most common answer is the consensus</option>
          {evaluators.map((e) => (
            <option key={e} value={e}>
              {e} is the expert: their answers are the benchmark
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
