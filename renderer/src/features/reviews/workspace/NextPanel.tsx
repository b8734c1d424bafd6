import { useEffect, useRef } from 'react';
import type { QueueStop } from '../store';
import { useReviewsNav } from '../store';

/**
 * After a submit: what comes next in the queue, with the focus on it so Enter (or Ctrl+Enter
 * anywhere) opens it without the mouse.
 */
export function NextPanel({ next, focus }: { next: QueueStop | null; focus: boolean }) {
  const beginReview = useReviewsNav((s) => s.beginReview);
  const showTab = useReviewsNav((s) => s.showTab);
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
          <button
            ref={button}
            type="button"
            className="primary"
            onClick={() => beginReview(next.interactionId)}
          >
            Open next <kbd>Enter</kbd>
          </button>
        </>
      ) : (
        <>
          <p>Nothing else is queued from this list.</p>
          <button ref={button} type="button" className="primary" onClick={() => showTab('queue')}>
            Back to the queue
          </button>
        </>
      )}
    </section>
  );
}
