import { useEffect, useId, useState } from 'react';
import { formatDurationInput, parseDurationInput } from '../../../../shared/kpi/durationInput';
import { FieldError, describedBy, useFieldErrors } from './fieldErrors';

interface NumberFieldProps {
  label: string;
  value: number | null;
  onChange(value: number | null): void;
  /** Field key ("fcr.windowDays"): the refused-save sentence for it shows under the input. */
  name?: string;
  min?: number;
  max?: number;
  step?: number;
  /** Allows an empty field (null), e.g. "no target". */
  optional?: boolean;
  hint?: string;
  ariaLabel?: string;
  className?: string;
  /** A sentence to show instead of the one the settings page holds for `name`. */
  error?: string | null;
}

/** A number input that lets the user type freely ("-", "8.") and reports only parsed numbers. */
export function NumberField({
  label,
  value,
  onChange,
  name,
  min,
  max,
  step,
  optional,
  hint,
  ariaLabel,
  className,
  error: ownError,
}: NumberFieldProps) {
  const id = useId();
  const { errors } = useFieldErrors();
  const error = ownError ?? errors[name ?? ''];
  const [text, setText] = useState(value === null ? '' : String(value));
  const [seen, setSeen] = useState(value);
  // Follow outside changes (reset, reload) without fighting the user's typing.
  if (seen !== value) {
    setSeen(value);
    if (Number(text) !== value || text === '') setText(value === null ? '' : String(value));
  }
  return (
    <div className={className ?? 'field'}>
      {label && <label htmlFor={id}>{label}</label>}
      <input
        id={id}
        type="number"
        inputMode="decimal"
        aria-label={ariaLabel}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        value={text}
        min={min}
        max={max}
        step={step ?? 'any'}
        placeholder={optional ? 'none' : undefined}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === '') {
            if (optional) onChange(null);
            return;
          }
          const n = Number(e.target.value);
          if (Number.isFinite(n)) onChange(n);
        }}
      />
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

interface DurationFieldProps {
  ariaLabel: string;
  value: number | null;
  onChange(value: number | null): void;
  /** Field key; also the key an unreadable text is reported under, so saving waits for it. */
  name: string;
  className?: string;
  error?: string | null;
  /** False where unreadable text must not hold up saving. */
  holdsSave?: boolean;
}

/**
 * A time typed the way people write it ("15 min", "1:30:00", "2h 30m"); the value is whole
 * seconds, and leaving the field shows it back as "1h 30m". Empty means no value.
 */
export function DurationField({
  ariaLabel,
  value,
  onChange,
  name,
  className,
  error: ownError,
  holdsSave = true,
}: DurationFieldProps) {
  const id = useId();
  const { errors, reportInputError } = useFieldErrors();
  const [text, setText] = useState(value === null ? '' : formatDurationInput(value));
  const [seen, setSeen] = useState(value);
  const [touched, setTouched] = useState(false);
  const parsed = text.trim() === '' ? null : parseDurationInput(text);
  const problem = parsed && !parsed.ok ? parsed.error : null;
  if (seen !== value) {
    setSeen(value);
    if (!(parsed?.ok && parsed.value === value)) setText(value === null ? '' : formatDurationInput(value));
  }
  useEffect(() => {
    if (!holdsSave) return;
    reportInputError(name, problem);
    return () => reportInputError(name, null);
  }, [name, problem, reportInputError, holdsSave]);

  const error = ownError ?? errors[name] ?? (touched ? problem : null);
  const reading = parsed?.ok && text.trim() !== formatDurationInput(parsed.value) ? parsed.value : null;
  return (
    <div className={className ?? 'field'}>
      <input
        id={id}
        type="text"
        inputMode="text"
        autoComplete="off"
        spellCheck={false}
        aria-label={ariaLabel}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(reading !== null && `${id}-hint`, error && `${id}-error`)}
        value={text}
        placeholder="none"
        onChange={(e) => {
          setText(e.target.value);
          const next = e.target.value.trim() === '' ? null : parseDurationInput(e.target.value);
          if (next === null) onChange(null);
          else if (next.ok) onChange(next.value);
        }}
        onBlur={() => {
          setTouched(true);
          if (parsed?.ok) setText(formatDurationInput(parsed.value));
        }}
      />
      {reading !== null && (
        <span id={`${id}-hint`} className="hint">
          Reads as {formatDurationInput(reading)}
        </span>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function SelectField<T extends string | number>({
  label,
  value,
  options,
  onChange,
  name,
}: {
  label: string;
  value: T;
  options: Array<{ value: T; label: string }>;
  onChange(value: T): void;
  name?: string;
}) {
  const id = useId();
  const error = useFieldErrors().errors[name ?? ''];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={String(value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(error && `${id}-error`)}
        onChange={(e) => {
          const picked = options.find((o) => String(o.value) === e.target.value);
          if (picked) onChange(picked.value);
        }}
      >
        {options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
