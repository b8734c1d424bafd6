import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Team } from '../../../../shared/domain/types';
import { EVENT_LABEL_MAX, validateEventDraft, type EventDraft, type EventDraftErrors } from './events';

interface EventFormProps {
  initial: EventDraft;
  teams: Team[];
  /** Rejects with the backend's error; the form stays open and shows it. */
  onSubmit(draft: EventDraft): Promise<void>;
  onCancel(): void;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Inline "Add event" form: day, label (required, short) and scope (one team or all teams). */
export function EventForm({ initial, teams, onSubmit, onCancel }: EventFormProps) {
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<EventDraftErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const labelRef = useRef<HTMLInputElement>(null);

  useEffect(() => labelRef.current?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = validateEventDraft(draft);
    setErrors(found);
    setServerError(null);
    if (found.label) labelRef.current?.focus();
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await onSubmit(draft);
    } catch (error) {
      setServerError(errorText(error));
      setBusy(false);
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onCancel();
    }
  }

  const labelLength = draft.label.trim().length;
  return (
    <form
      className="event-form"
      aria-label="Add event"
      onSubmit={(e) => void submit(e)}
      onKeyDown={onKeyDown}
      noValidate
    >
      <label className="event-field">
        <span>Day</span>
        <input
          type="date"
          aria-label="Event day"
          required
          value={draft.day}
          aria-invalid={errors.day ? true : undefined}
          aria-describedby={errors.day ? `${id}-day-error` : undefined}
          onChange={(e) => setDraft({ ...draft, day: e.target.value })}
        />
      </label>
      <label className="event-field event-field-label">
        <span>Label</span>
        <input
          ref={labelRef}
          type="text"
          aria-label="Event label"
          placeholder="Product launch, outage…"
          required
          maxLength={EVENT_LABEL_MAX}
          value={draft.label}
          aria-invalid={errors.label ? true : undefined}
          aria-describedby={`${id}-label-hint${errors.label ? ` ${id}-label-error` : ''}`}
          onChange={(e) => setDraft({ ...draft, label: e.target.value })}
        />
      </label>
      <label className="event-field">
        <span>Applies to</span>
        <select
          aria-label="Event team"
          value={draft.teamId ?? ''}
          onChange={(e) => setDraft({ ...draft, teamId: e.target.value || null })}
        >
          <option value="">All teams</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <div className="event-form-actions">
        <button type="submit" className="event-button primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add'}
        </button>
        <button type="button" className="event-button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
      <p className="event-hint muted" id={`${id}-label-hint`}>
        {labelLength}/{EVENT_LABEL_MAX} characters
      </p>
      {errors.day && (
        <p className="event-error" id={`${id}-day-error`}>
          {errors.day}
        </p>
      )}
      {errors.label && (
        <p className="event-error" id={`${id}-label-error`}>
          {errors.label}
        </p>
      )}
      {serverError && (
        <p className="event-error" role="alert">
          Could not add the event: {serverError}
        </p>
      )}
    </form>
  );
}
