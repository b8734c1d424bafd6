import { useState, type FormEvent } from 'react';
import type { ReviewDetail, ReviewDisputeView } from '../../../../../shared/ipc/contracts/reviewLifecycle';
import { call } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { useLoad } from '../../../lib/useLoad';
import { ratingText } from './disputeFormat';
import { ModalDialog } from './ModalDialog';
import { RatingSelect, type RatingChoice } from './RatingSelect';

function ReviewPicker({ value, onChange }: { value: string; onChange(id: string): void }) {
  const list = useLoad('dispute-review-list', () => call('listReviews', { status: 'submitted', limit: 200 }));
  if (list.error) return <p className="error">Could not list the reviews: {list.error}</p>;
  return (
    <label className="dispute-field">
      <span>Review</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{list.data ? 'Choose a submitted review' : 'Loading reviews…'}</option>
        {list.data?.rows
          .filter((r) => r.countsInQa)
          .map((r) => (
            <option key={r.id} value={r.id}>
              {r.agentName} · {formatDate(r.reviewedAt ?? r.createdAt)} · score{' '}
              {r.score === null ? 'none' : r.score.toFixed(1)} · {r.evaluator}
            </option>
          ))}
      </select>
    </label>
  );
}

function currentRating(review: ReviewDetail, criterionId: string): string {
  const criterion = review.definition.sections.flatMap((s) => s.criteria).find((c) => c.id === criterionId);
  const answer = review.answers.find((a) => a.criterionId === criterionId);
  if (!criterion || !answer) return 'not rated';
  return ratingText(
    { scale: criterion.scale, maxPoints: criterion.maxPoints ?? null },
    answer.rating,
    answer.notApplicable,
  );
}

/**
 * Records that the agent disputes one criterion of a submitted review: the criterion, the agent's
 * reason and, optionally, the rating they ask for. Given a reviewId (the workspace), it skips the
 * review picker; the Disputes tab opens it without one.
 */
export function OpenDisputeDialog(props: {
  reviewId?: string | null;
  onClose(): void;
  onOpened(view: ReviewDisputeView): void;
}) {
  const [reviewId, setReviewId] = useState(props.reviewId ?? '');
  const [criterionId, setCriterionId] = useState('');
  const [reason, setReason] = useState('');
  const [proposal, setProposal] = useState<RatingChoice>({ kind: 'none' });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const review = useLoad(reviewId ? `dispute-review:${reviewId}` : null, () =>
    call('getReview', { reviewId }),
  );
  const detail = review.data && review.data.id === reviewId ? review.data : null;
  const criterion =
    detail?.definition.sections.flatMap((s) => s.criteria).find((c) => c.id === criterionId) ?? null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!detail) return setError('Choose the review the agent disputes.');
    if (!criterion) return setError('Choose the criterion the agent disputes.');
    if (reason.trim() === '') return setError("Write down the agent's reason.");
    setSaving(true);
    setError(null);
    try {
      const view = await call('openDispute', {
        reviewId: detail.id,
        criterionId: criterion.id,
        agentReason: reason.trim(),
        ...(proposal.kind === 'na' ? { proposedNotApplicable: true } : {}),
        ...(proposal.kind === 'rating' ? { proposedRating: proposal.rating } : {}),
      });
      props.onOpened(view);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setSaving(false);
    }
  }

  return (
    <ModalDialog title="Record a dispute" onClose={props.onClose}>
      <form onSubmit={(e) => void submit(e)} className="dispute-form" noValidate>
        {!props.reviewId && (
          <ReviewPicker
            value={reviewId}
            onChange={(id) => {
              setReviewId(id);
              setCriterionId('');
              setProposal({ kind: 'none' });
            }}
          />
        )}
        {review.error && <p className="error">Could not load the review: {review.error}</p>}
        {detail && (
          <label className="dispute-field">
            <span>Criterion</span>
            <select
              value={criterionId}
              onChange={(e) => {
                setCriterionId(e.target.value);
                setProposal({ kind: 'none' });
              }}
            >
              <option value="">Choose the disputed criterion</option>
              {detail.definition.sections.map((s) => (
                <optgroup key={s.id} label={s.label}>
                  {s.criteria.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.label} (now {currentRating(detail, c.id)})
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
        )}
        <label className="dispute-field">
          <span>Agent&apos;s reason (required)</span>
          <textarea value={reason} rows={3} required onChange={(e) => setReason(e.target.value)} />
        </label>
        {criterion && (
          <RatingSelect
            criterion={criterion}
            label="Rating the agent asks for (optional)"
            value={proposal}
            emptyLabel="No rating named"
            onChange={setProposal}
          />
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="dispute-actions">
          <button type="button" className="secondary" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="button" disabled={saving}>
            Record dispute
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
