import { useId, useState } from 'react';

interface NumberFieldProps {
  label: string;
  value: number | null;
  onChange(value: number | null): void;
  min?: number;
  max?: number;
  step?: number;
  /** Allows an empty field (null), e.g. "no target". */
  optional?: boolean;
  hint?: string;
  ariaLabel?: string;
  className?: string;
}

/** A number input that lets the user type freely ("-", "8.") and reports only parsed numbers. */
export function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  step,
  optional,
  hint,
  ariaLabel,
  className,
}: NumberFieldProps) {
  const id = useId();
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
      {hint && <span className="hint">{hint}</span>}
    </div>
  );
}

export function SelectField<T extends string | number>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: Array<{ value: T; label: string }>;
  onChange(value: T): void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={String(value)}
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
    </div>
  );
}
