import type { DisputeOutcome } from '../../../shared/ipc/contracts/disputes';
import type {
  AnswerChange,
  ReviewAnswerRecord,
  ReviewDisputeView,
} from '../../../shared/ipc/contracts/reviewLifecycle';
import { UserFacingError } from '../../../shared/ipc/result';
import type { ReviewCriterion } from '../../../shared/reviews/form';
import { assertCalibrationWrite } from '../calibration/blind';
import { currentActor, type AuditTrail } from '../core/audit';
import { nowIso, type BackendContext } from '../core/context';
import { amendAnswers } from './amend';
import { getDispute } from './disputeViews';
import { applyChange, dayOf, findCriterion, loadAnswers, loadReview } from './records';

const answerOf = (ctx: BackendContext, reviewId: string, criterionId: string): ReviewAnswerRecord =>
  loadAnswers(ctx, reviewId).find((a) => a.criterionId === criterionId) ?? {
    criterionId,
    rating: null,
    notApplicable: false,
    comment: null,
  };

const sameRating = (a: Pick<ReviewAnswerRecord, 'rating' | 'notApplicable'>, b: typeof a) =>
  a.notApplicable === b.notApplicable && (a.notApplicable || a.rating === b.rating);

function describeRating(
  criterion: ReviewCriterion,
  answer: Pick<ReviewAnswerRecord, 'rating' | 'notApplicable'>,
) {
  if (answer.notApplicable) return 'N/A';
  if (criterion.scale === 'yes_no_na') return answer.rating === 1 ? 'yes' : 'no';
  return String(answer.rating);
}

export function openDispute(
  ctx: BackendContext,
  input: {
    reviewId: string;
    criterionId: string;
    agentReason: string;
    proposedRating?: number | null;
    proposedNotApplicable?: boolean;
  },
  audit: AuditTrail,
): ReviewDisputeView {
  const review = loadReview(ctx, input.reviewId);
  assertCalibrationWrite(ctx, review, 'dispute');
  if (review.status !== 'submitted')
    throw new UserFacingError(
      'conflict',
      'This review is still a draft: an agent can dispute it once it is submitted.',
    );
  const criterion = findCriterion(review, input.criterionId);
  const original = answerOf(ctx, review.id, criterion.id);
  // The proposal goes through the same check as an answer, so "accepted" can apply it as it is.
  const proposal =
    input.proposedNotApplicable === true || (input.proposedRating ?? null) !== null
      ? applyChange(criterion, original, {
          criterionId: criterion.id,
          ...(input.proposedNotApplicable
            ? { notApplicable: true }
            : { rating: input.proposedRating ?? null }),
        })
      : null;
  const open = ctx.db.get<{ openedAt: string }>(
    `SELECT opened_at AS openedAt FROM review_disputes WHERE review_id = ? AND criterion_id = ? AND status = 'open'`,
    [review.id, criterion.id],
  );
  if (open)
    throw new UserFacingError(
      'conflict',
      `"${criterion.label}" already has an open dispute (opened ${dayOf(open.openedAt)}). Resolve it first.`,
    );
  const id = ctx.ids.next('dsp');
  ctx.db.run(
    `INSERT INTO review_disputes (id, review_id, criterion_id, agent_reason, proposed_rating, proposed_not_applicable,
       opened_at, opened_by, status, original_rating, original_not_applicable)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
    [
      id,
      review.id,
      criterion.id,
      input.agentReason.trim(),
      proposal?.notApplicable ? null : (proposal?.rating ?? null),
      proposal?.notApplicable ? 1 : 0,
      nowIso(ctx),
      currentActor(ctx),
      original.rating,
      original.notApplicable ? 1 : 0,
    ],
  );
  audit.record({
    entityId: id,
    action: 'opened',
    after: {
      reviewId: review.id,
      criterionId: criterion.id,
      agentReason: input.agentReason.trim(),
      proposed: proposal ? { rating: proposal.rating, notApplicable: proposal.notApplicable } : null,
    },
  });
  return requireDispute(ctx, id);
}

function requireDispute(ctx: BackendContext, disputeId: string): ReviewDisputeView {
  const dispute = getDispute(ctx, disputeId);
  if (!dispute) throw new UserFacingError('not_found', 'That dispute no longer exists.');
  return dispute;
}

/** The rating a resolution leads to, or an error that says what is missing. */
function targetOf(
  dispute: ReviewDisputeView,
  criterion: ReviewCriterion,
  current: ReviewAnswerRecord,
  input: { outcome: DisputeOutcome; rating?: number; notApplicable?: boolean },
): AnswerChange {
  const given = input.rating !== undefined || input.notApplicable === true;
  const change = (na: boolean, rating: number | null): AnswerChange =>
    na ? { criterionId: criterion.id, notApplicable: true } : { criterionId: criterion.id, rating };
  switch (input.outcome) {
    case 'kept':
      if (given)
        throw new UserFacingError(
          'invalid_input',
          'Keeping the rating takes no new rating: resolve as "changed" to set another one.',
        );
      return change(current.notApplicable, current.rating);
    case 'accepted':
      if (dispute.proposedNotApplicable || dispute.proposedRating !== null)
        return change(dispute.proposedNotApplicable, dispute.proposedRating);
      if (!given)
        throw new UserFacingError(
          'invalid_input',
          'No rating was recorded with this dispute: give the rating the agent asked for to accept it.',
        );
      return change(input.notApplicable === true, input.rating ?? null);
    case 'changed': {
      if (!given)
        throw new UserFacingError('invalid_input', 'Give the new rating (or N/A) to resolve as "changed".');
      const target = { rating: input.rating ?? null, notApplicable: input.notApplicable === true };
      if (sameRating(target, current))
        throw new UserFacingError(
          'invalid_input',
          `"${criterion.label}" is already rated ${describeRating(criterion, current)}: resolve as "kept" instead.`,
        );
      return change(target.notApplicable, target.rating);
    }
  }
}

/**
 * Resolves an open dispute. A resolution that changes the rating amends the review (answers,
 * score and the amendment row with the dispute's id), so the score history stays complete.
 */
export function resolveDispute(
  ctx: BackendContext,
  input: {
    disputeId: string;
    outcome: DisputeOutcome;
    rating?: number;
    notApplicable?: boolean;
    reason: string;
  },
  audit: AuditTrail,
): ReviewDisputeView {
  const dispute = requireDispute(ctx, input.disputeId);
  if (dispute.status !== 'open')
    throw new UserFacingError(
      'conflict',
      `This dispute was already resolved on ${dayOf(dispute.resolvedAt)} (${dispute.status}).`,
    );
  const review = loadReview(ctx, dispute.reviewId);
  const criterion = findCriterion(review, dispute.criterionId);
  const current = answerOf(ctx, review.id, criterion.id);
  const change = targetOf(dispute, criterion, current, input);
  const resolved = applyChange(criterion, current, change);
  const reason = input.reason.trim();
  if (!sameRating(resolved, current)) amendAnswers(ctx, review, [change], reason, dispute.id);
  ctx.db.run(
    `UPDATE review_disputes SET status = ?, resolved_rating = ?, resolved_not_applicable = ?, resolution_reason = ?,
       resolved_at = ?, resolved_by = ? WHERE id = ?`,
    [
      input.outcome,
      resolved.rating,
      resolved.notApplicable ? 1 : 0,
      reason,
      nowIso(ctx),
      currentActor(ctx),
      dispute.id,
    ],
  );
  audit.record({
    entityId: dispute.id,
    action: `resolved: ${input.outcome}`,
    before: {
      status: 'open',
      rating: current.rating,
      notApplicable: current.notApplicable,
      score: review.score,
    },
    after: {
      status: input.outcome,
      rating: resolved.rating,
      notApplicable: resolved.notApplicable,
      score: loadReview(ctx, review.id).score,
    },
    reason,
  });
  return requireDispute(ctx, dispute.id);
}
