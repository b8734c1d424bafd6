import type { CriticalFailureMode } from '../../../../../shared/reviews/form';
import { useFieldProblem, useFormEditor } from './editorStore';
import { TextField } from './fields';

const MODES: Array<{ value: CriticalFailureMode; label: string; hint: string }> = [
  {
    value: 'mark_failed',
    label: 'Keep the score and mark the review failed',
    hint: 'Coaching still sees how the rest of the contact went.',
  },
  { value: 'zero_score', label: 'Set the score to 0', hint: 'The failure shows in every average.' },
];

/** The form as a whole: its name, what it is for, and what a failed critical criterion does. */
export function FormSettingsFields() {
  const name = useFormEditor((s) => s.draft.name);
  const description = useFormEditor((s) => s.draft.description ?? '');
  const mode = useFormEditor((s) => s.draft.criticalFailure ?? 'mark_failed');
  const formProblem = useFieldProblem('');
  const edit = useFormEditor((s) => s.edit);
  return (
    <section className="panel fe-form-settings" aria-labelledby="fe-form-heading">
      <h2 id="fe-form-heading">Form</h2>
      {formProblem && (
        <p className="field-error" role="alert">
          {formProblem}
        </p>
      )}
      <div className="fe-row">
        <TextField
          className="fe-grow"
          label="Form name"
          errorKey="name"
          value={name}
          onChange={(v) => edit((f) => ({ ...f, name: v }))}
        />
      </div>
      <TextField
        label="Form description"
        multiline
        errorKey="description"
        value={description}
        onChange={(v) => edit((f) => ({ ...f, description: v }))}
      />
      <fieldset className="fe-modes">
        <legend>When a critical criterion fails</legend>
        {MODES.map((m) => (
          <label key={m.value} className="fe-check fe-mode">
            <input
              type="radio"
              name="critical-failure"
              value={m.value}
              checked={mode === m.value}
              onChange={() => edit((f) => ({ ...f, criticalFailure: m.value }))}
            />
            <span>
              {m.label}
              <span className="muted fe-hint">{m.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
