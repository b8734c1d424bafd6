import { useEffect, useRef } from 'react';
import type { QueueStop } from '../store';
import { useReviewsNav } from '../store';

/**
 * After a submit: what comes next in the queue, with the focus on it so Enter (or Ctrl+Enter
 * anywhere) opens it without the mouse.
 */
export function NextPanel({
  next,
  focus,
  onOpen,
  done,
}: {
  next: QueueStop | null;
  focus: boolean;
  /** Opens the next stop; default: a review of it from the queue. */
  onOpen?: (stop: QueueStop) => void;
  /** Where to go when nothing is next; default: back to the queue. */
  done?: { text: string; label: string; go(): void };
}) {
  const beginReview = useReviewsNav((s) => s.beginReview);
  const showTab = useReviewsNav((s) => s.showTab);
  const open = onOpen ?? ((stop: QueueStop) => beginReview(stop.interactionId));
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focus) button.current?.focus();
  }, [focus]);
  return (
    <section className="rw-next" aria-label="Next in queue" data-testid="next-in-queue">
      {next ? (
        <>
          <p>
            <strong>Next: {next.label}</strong>
            <span className="muted"> — {next.reason}</span>
          </p>
          <button ref={button} type="button" className="primary" onClick={() => open(next)}>
            Open next <kbd>Enter</kbd>
          </button>
        </>
      ) : (
        <>
          <p>{done?.text ?? 'Nothing else is queued from this list.'}</p>
          <button
            ref={button}
            type="button"
            className="primary"
            onClick={done?.go ?? (() => showTab('queue'))}
          >
            {done?.label ?? 'Back to the queue'}
          </button>
        </>
      )}
    </section>
  );
}
