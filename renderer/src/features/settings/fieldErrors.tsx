import { createContext, useContext } from 'react';

interface FieldErrorsValue {
  /** Sentence per field key ("calendar.timeZone", "targets.csat.team") from the last refused save. */
  errors: Record<string, string>;
  /** Fields that hold text they cannot read (a time like "fast") report it, so saving waits. */
  reportInputError(key: string, message: string | null): void;
}

export const FieldErrorsContext = createContext<FieldErrorsValue>({
  errors: {},
  reportInputError: () => undefined,
});

export const useFieldErrors = () => useContext(FieldErrorsContext);

/** The sentence shown under a field; its id goes into the input's aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <span id={id} className="field-error">
      {message}
    </span>
  );
}

/** aria-describedby from the ids that are present, or undefined when none is. */
export const describedBy = (...ids: Array<string | false | null | undefined>) =>
  ids.filter(Boolean).join(' ') || undefined;
