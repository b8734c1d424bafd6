import type { ReviewDetail } from '../../../../../shared/ipc/contracts/reviewLifecycle';
import { formatDateTime } from '../../interactions/format';
import { useReviewSession, type SaveState } from './session';

/** Saving… while any answer is on its way, Not saved after a failure, else Saved. */
function overallSave(states: Record<string, SaveState>): SaveState | null {
  const values = Object.values(states);
  if (values.includes('saving')) return 'saving';
  if (values.includes('failed')) return 'failed';
  return values.length > 0 ? 'saved' : null;
}

const SAVE_WORDS: Record<SaveState, string> = {
  saving: 'Saving…',
  saved: 'All changes saved',
  failed: 'A change was not saved',
};

/** Who and what is reviewed, on which form version, and whether the answers are on disk. */
export function WorkspaceHeader({ review }: { review: ReviewDetail }) {
  const saveState = useReviewSession((s) => overallSave(s.saveState));
  const status =
    review.status === 'draft'
      ? 'Draft'
      : `Submitted ${formatDateTime(review.submittedAt)}${review.amendments.length > 0 ? `, amended ${review.amendments.length}×` : ''}`;
  return (
    <header className="rw-head">
      <div>
        <h2 className="rw-title">
          {review.agentName}
          {review.teamName && <span className="muted"> · {review.teamName}</span>}
        </h2>
        <p className="muted rw-sub">
          {review.formName} v{review.formVersion} · evaluator {review.evaluator} · interaction{' '}
          {review.interactionId ?? '—'}
        </p>
      </div>
      <span className={`rw-status ${review.status}`} data-testid="review-status">
        {status}
      </span>
      <span className={`rw-save ${saveState ?? ''}`} role="status" data-testid="save-state">
        {saveState ? SAVE_WORDS[saveState] : ''}
      </span>
    </header>
  );
}

/** The keys, always in sight: the workspace is meant to be used without the mouse. */
export function KeyLegend({ mode }: { mode: 'draft' | 'amend' | 'final' }) {
  const keys: Array<[string, string]> =
    mode !== 'final'
      ? [
          ['1–5', 'rate'],
          ['1 / 0', 'yes / no'],
          ['N', 'N/A'],
          ['J K ↓ ↑', 'next / previous'],
          ['C', 'comment'],
          ['Esc', 'leave comment'],
          ['Ctrl+Enter', mode === 'amend' ? 'save amendment' : 'submit'],
        ]
      : [
          ['J K ↓ ↑', 'next / previous'],
          ['Ctrl+Enter', 'next in queue'],
        ];
  return (
    <ul className="rw-legend" aria-label="Keyboard shortcuts">
      {keys.map(([key, what]) => (
        <li key={key}>
          <kbd>{key}</kbd> {what}
        </li>
      ))}
    </ul>
  );
}
