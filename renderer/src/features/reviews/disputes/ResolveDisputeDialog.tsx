import { useId, useState, type FormEvent } from 'react';
import type { DisputeOutcome } from '../../../../../shared/ipc/contracts/disputes';
import type { ReviewDisputeView } from '../../../../../shared/ipc/contracts/reviewLifecycle';
import type { ReviewCriterion } from '../../../../../shared/reviews/form';
import { call } from '../../../lib/api';
import { useLoad } from '../../../lib/useLoad';
import { proposalText, ratingText, scaleOf } from './disputeFormat';
import { ModalDialog } from './ModalDialog';
import { RatingSelect, type RatingChoice } from './RatingSelect';

const OUTCOMES: Array<{ id: DisputeOutcome; label: string }> = [
  { id: 'kept', label: 'Keep the rating' },
  { id: 'accepted', label: "Accept the agent's view" },
  { id: 'changed', label: 'Set another rating' },
];

function findCriterion(sections: Array<{ criteria: ReviewCriterion[] }>, id: string) {
  return sections.flatMap((s) => s.criteria).find((c) => c.id === id) ?? null;
}

/** What resolveDispute needs beyond the outcome and reason, or the sentence saying what is missing. */
export function resolutionRating(
  outcome: DisputeOutcome,
  dispute: Pick<ReviewDisputeView, 'proposedRating' | 'proposedNotApplicable'>,
  choice: RatingChoice,
): { rating?: number; notApplicable?: boolean } | string {
  const proposed = dispute.proposedNotApplicable || dispute.proposedRating !== null;
  if (outcome === 'kept' || (outcome === 'accepted' && proposed)) return {};
  if (choice.kind === 'none')
    return outcome === 'accepted'
      ? 'The agent named no rating: choose the rating they asked for.'
      : 'Choose the new rating.';
  return choice.kind === 'na' ? { notApplicable: true } : { rating: choice.rating };
}

/** Keep, accept the agent's view, or set another rating; always with a reason. */
export function ResolveDisputeDialog(props: {
  dispute: ReviewDisputeView;
  onClose(): void;
  onResolved(view: ReviewDisputeView): void;
}) {
  const { dispute } = props;
  const review = useLoad(`review:${dispute.reviewId}`, () =>
    call('getReview', { reviewId: dispute.reviewId }),
  );
  const criterion = review.data ? findCriterion(review.data.definition.sections, dispute.criterionId) : null;
  const [outcome, setOutcome] = useState<DisputeOutcome>('kept');
  const [choice, setChoice] = useState<RatingChoice>({ kind: 'none' });
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();
  const current = ratingText(scaleOf(dispute), dispute.originalRating, dispute.originalNotApplicable);
  const proposed = dispute.proposedNotApplicable || dispute.proposedRating !== null;
  const needsRating = outcome === 'changed' || (outcome === 'accepted' && !proposed);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const rating = resolutionRating(outcome, dispute, choice);
    if (typeof rating === 'string') return setError(rating);
    if (reason.trim() === '') return setError('Give a reason: the agent and the audit trail will read it.');
    setSaving(true);
    setError(null);
    try {
      props.onResolved(
        await call('resolveDispute', { disputeId: dispute.id, outcome, reason: reason.trim(), ...rating }),
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setSaving(false);
    }
  }

  return (
    <ModalDialog title={`Resolve dispute: ${dispute.criterionLabel}`} onClose={props.onClose}>
      <dl className="dispute-facts">
        <dt>Agent</dt>
        <dd>{dispute.agentName}</dd>
        <dt>Agent&apos;s reason</dt>
        <dd>{dispute.agentReason}</dd>
        <dt>Rating now</dt>
        <dd>{current}</dd>
        <dt>Agent asks for</dt>
        <dd>{proposalText(dispute)}</dd>
      </dl>
      <form onSubmit={(e) => void submit(e)} className="dispute-form" noValidate>
        <fieldset className="dispute-outcomes">
          <legend>Outcome</legend>
          {OUTCOMES.map((o) => (
            <label key={o.id}>
              <input
                type="radio"
                name={`${id}-outcome`}
                value={o.id}
                checked={outcome === o.id}
                onChange={() => {
                  setOutcome(o.id);
                  setChoice({ kind: 'none' });
                  setError(null);
                }}
              />
              {o.label}
            </label>
          ))}
        </fieldset>
        {needsRating && criterion && (
          <RatingSelect
            criterion={criterion}
            label={outcome === 'accepted' ? 'The rating the agent asked for' : 'New rating'}
            value={choice}
            emptyLabel={null}
            {...(outcome === 'changed'
              ? {
                  exclude: dispute.originalNotApplicable
                    ? { kind: 'na' as const }
                    : { kind: 'rating' as const, rating: dispute.originalRating ?? -1 },
                }
              : {})}
            onChange={setChoice}
          />
        )}
        {needsRating && !criterion && (
          <p className="muted" role="status">
            {review.error ? `Could not load the review: ${review.error}` : 'Loading the criterion…'}
          </p>
        )}
        <label className="dispute-field">
          <span>Reason (required)</span>
          <textarea value={reason} rows={3} required onChange={(e) => setReason(e.target.value)} />
        </label>
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
            Resolve dispute
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
