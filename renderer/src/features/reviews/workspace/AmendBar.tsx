import { useEffect, useRef, useState, type RefObject } from 'react';
import { useReviewSession } from './session';
import { focusCriterion } from './useWorkspaceKeys';

/**
 * A submitted review is final; "Amend…" unlocks the form, and the changes are stored only with a
 * reason, as a logged amendment that keeps the score history.
 */
export function AmendBar({ saveRef }: { saveRef: RefObject<(() => void) | null> }) {
  const amending = useReviewSession((s) => s.amending);
  const busy = useReviewSession((s) => s.busy);
  const startAmend = useReviewSession((s) => s.startAmend);
  const cancelAmend = useReviewSession((s) => s.cancelAmend);
  const amend = useReviewSession((s) => s.amend);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const save = async () => {
    if (!reason.trim()) {
      setError('Give a reason: it is kept with the amendment.');
      reasonField.current?.focus();
      return;
    }
    const failure = await amend(reason.trim());
    setError(failure);
    if (!failure) setReason('');
  };
  // The Amend… button is gone once amending: the keys go on with the current criterion.
  useEffect(() => {
    if (amending) focusCriterion(useReviewSession.getState().current);
  }, [amending]);
  // Ctrl+Enter anywhere in the workspace saves the amendment, with the reason typed so far.
  useEffect(() => {
    saveRef.current = amending ? () => void save() : null;
  });

  if (!amending)
    return (
      <button type="button" className="secondary" onClick={startAmend}>
        Amend…
      </button>
    );
  return (
    <div className="rw-amend" role="group" aria-label="Amend the submitted review">
      <p>Change the ratings above, then say why. The score before and after is kept.</p>
      <label>
        <span>Reason for the amendment</span>
        <textarea
          ref={reasonField}
          rows={2}
          value={reason}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'rw-amend-error' : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      {error && (
        <p className="error" id="rw-amend-error" role="alert">
          {error}
        </p>
      )}
      <div className="rw-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
          Save amendment <kbd>Ctrl+Enter</kbd>
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setError(null);
            cancelAmend();
          }}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}
