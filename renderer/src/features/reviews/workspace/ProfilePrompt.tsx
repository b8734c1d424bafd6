import { useEffect, useId, useState, type FormEvent } from 'react';
import { useProfile } from './profileStore';

/**
 * Asks once for the evaluator's name (written on every review and into the audit trail) and shows
 * nothing once it is known. Reviews cannot start without it, so the workspace waits behind it.
 */
export function ProfilePrompt() {
  const name = useProfile((s) => s.name);
  const loadError = useProfile((s) => s.error);
  const load = useProfile((s) => s.load);
  const save = useProfile((s) => s.save);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();

  useEffect(() => {
    void load();
  }, [load]);
  // No autofocus: after a page change focus belongs to the page heading (screen readers announce
  // the page); the name field is the first Tab stop of the content.
  const asking = name === null;

  if (loadError) return <p className="error">{loadError}</p>;
  if (!asking) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(await save(draft));
    setSaving(false);
  };
  return (
    <form className="panel rw-profile" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Who is reviewing?</h2>
      <p className="muted" id={`${id}-help`}>
        Your name is written on every review you score and every change you make. You are asked once.
      </p>
      <div className="rw-profile-row">
        <label htmlFor={`${id}-name`}>Your name</label>
        <input
          id={`${id}-name`}
          value={draft}
          maxLength={100}
          autoComplete="name"
          aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save name'}
        </button>
      </div>
      {error && (
        <p className="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
