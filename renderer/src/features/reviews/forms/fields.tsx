import { useEffect, useId, useState, type ReactNode } from 'react';
import { describedBy, FieldError } from '../../settings/fieldErrors';
import { useFieldProblem } from './editorStore';

interface BaseProps {
  label: string;
  /** The draft field this control edits, for its problem sentence. */
  errorKey: string;
  className?: string;
  /** Id of text that explains the field further (a share, a hint). */
  hintId?: string;
  /** Marks the control for the editor's focus requests. */
  focusKey?: string;
}

/** Label, control and problem sentence, the control described by the sentence when there is one. */
function Field({
  label,
  errorKey,
  className,
  children,
}: Omit<BaseProps, 'hintId'> & {
  children: (ids: { id: string; error?: string; errorId: string }) => ReactNode;
}) {
  const id = useId();
  const error = useFieldProblem(errorKey);
  return (
    <div className={`fe-field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, error, errorId: `${id}-error` })}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function TextField({
  value,
  onChange,
  multiline,
  placeholder,
  ...props
}: BaseProps & { value: string; onChange(v: string): void; multiline?: boolean; placeholder?: string }) {
  return (
    <Field {...props}>
      {({ id, error, errorId }) => {
        const common = {
          id,
          value,
          placeholder,
          'data-focus': props.focusKey,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': describedBy(error && errorId, props.hintId),
        };
        return multiline ? (
          <textarea {...common} rows={2} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input {...common} type="text" onChange={(e) => onChange(e.target.value)} />
        );
      }}
    </Field>
  );
}

const parseNumber = (text: string): number => {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? Number.NaN : Number(trimmed);
};
const sameNumber = (a: number, b: number | undefined) =>
  Object.is(a, b) || (Number.isNaN(a) && b === undefined);

/**
 * A number typed as text: what the lead types stays on screen while it is not a number yet
 * ("1." on the way to "1.5"), and the draft gets NaN meanwhile, which the draft check names.
 */
export function NumberField({
  value,
  onChange,
  ...props
}: BaseProps & { value: number | undefined; onChange(v: number): void }) {
  const [text, setText] = useState(value === undefined || Number.isNaN(value) ? '' : String(value));
  useEffect(() => {
    // A change from elsewhere (discard, a scale change) replaces the text; the lead's own typing does not.
    setText((t) => (sameNumber(parseNumber(t), value) ? t : value === undefined ? '' : String(value)));
  }, [value]);
  return (
    <Field {...props}>
      {({ id, error, errorId }) => (
        <input
          id={id}
          type="text"
          inputMode="decimal"
          value={text}
          data-focus={props.focusKey}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(error && errorId, props.hintId)}
          onChange={(e) => {
            setText(e.target.value);
            onChange(parseNumber(e.target.value));
          }}
        />
      )}
    </Field>
  );
}
