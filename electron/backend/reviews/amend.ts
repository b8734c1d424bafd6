import type {
  AnswerChange,
  ReviewAnswerRecord,
  ReviewDetail,
} from '../../../shared/ipc/contracts/reviewLifecycle';
import { UserFacingError } from '../../../shared/ipc/result';
import { assertCalibrationWrite } from '../calibration/blind';
import { currentActor, type AuditTrail } from '../core/audit';
import { nowIso, type BackendContext } from '../core/context';
import { getReviewDetail } from './lifecycle';
import {
  applyChange,
  findCriterion,
  loadAnswers,
  loadReview,
  storeScore,
  writeAnswer,
  type ReviewRecord,
} from './records';

export interface Amendment {
  id: string;
  scoreBefore: number | null;
  scoreAfter: number | null;
  failedCriticalBefore: boolean;
  failedCriticalAfter: boolean;
  answersBefore: ReviewAnswerRecord[];
  answersAfter: ReviewAnswerRecord[];
}

const blankAnswer = (criterionId: string): ReviewAnswerRecord => ({
  criterionId,
  rating: null,
  notApplicable: false,
  comment: null,
});

/** Checks every change against the form and returns the answers before and after, changed ones only. */
function plan(review: ReviewRecord, current: ReviewAnswerRecord[], changes: AnswerChange[]) {
  const byId = new Map(current.map((a) => [a.criterionId, a]));
  const seen = new Set<string>();
  const before: ReviewAnswerRecord[] = [];
  const after: ReviewAnswerRecord[] = [];
  for (const change of changes) {
    const criterion = findCriterion(review, change.criterionId);
    if (seen.has(criterion.id))
      throw new UserFacingError(
        'invalid_input',
        `"${criterion.label}" is changed twice in one amendment: give it once.`,
      );
    seen.add(criterion.id);
    const old = byId.get(criterion.id) ?? blankAnswer(criterion.id);
    const next = applyChange(criterion, old, change);
    if (next.rating === null && !next.notApplicable)
      throw new UserFacingError(
        'invalid_input',
        `An amendment cannot leave "${criterion.label}" unanswered: a submitted review rates every criterion (or marks it N/A).`,
      );
    if (JSON.stringify(old) === JSON.stringify(next)) continue;
    before.push(old);
    after.push(next);
  }
  if (after.length === 0)
    throw new UserFacingError(
      'user_error',
      'The amendment changes nothing: every answer already reads that way.',
    );
  return { before, after };
}

/**
 * Changes answers of a submitted review: the answers and score are updated in place and the
 * change (answers and score before and after, who, when, why) is kept in review_amendments.
 */
export function amendAnswers(
  ctx: BackendContext,
  review: ReviewRecord,
  changes: AnswerChange[],
  reason: string,
  disputeId: string | null = null,
): Amendment {
  if (review.status !== 'submitted')
    throw new UserFacingError(
      'conflict',
      'This review is still a draft: change its answers directly. Amendments are for submitted reviews.',
    );
  const why = reason.trim();
  if (why === '') throw new UserFacingError('invalid_input', 'An amendment needs a reason.');
  const { before, after } = plan(review, loadAnswers(ctx, review.id), changes);
  for (const answer of after) writeAnswer(ctx, review.id, answer);
  const { result } = storeScore(ctx, review);
  const amendment: Amendment = {
    id: ctx.ids.next('amd'),
    scoreBefore: review.score,
    scoreAfter: result.score,
    failedCriticalBefore: review.failedCritical,
    failedCriticalAfter: result.failedCritical,
    answersBefore: before,
    answersAfter: after,
  };
  ctx.db.run(
    `INSERT INTO review_amendments (id, review_id, dispute_id, amended_at, actor, reason, score_before, score_after,
       failed_critical_before, failed_critical_after, answers_before_json, answers_after_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      amendment.id,
      review.id,
      disputeId,
      nowIso(ctx),
      currentActor(ctx),
      why,
      amendment.scoreBefore,
      amendment.scoreAfter,
      amendment.failedCriticalBefore ? 1 : 0,
      amendment.failedCriticalAfter ? 1 : 0,
      JSON.stringify(before),
      JSON.stringify(after),
    ],
  );
  return amendment;
}

export function amendReview(
  ctx: BackendContext,
  input: { reviewId: string; changes: AnswerChange[]; reason: string },
  audit: AuditTrail,
): ReviewDetail {
  const review = loadReview(ctx, input.reviewId);
  assertCalibrationWrite(ctx, review, 'amend');
  const amendment = amendAnswers(ctx, review, input.changes, input.reason);
  audit.record({
    entityId: review.id,
    action: 'amended',
    before: {
      score: amendment.scoreBefore,
      failedCritical: amendment.failedCriticalBefore,
      answers: amendment.answersBefore,
    },
    after: {
      score: amendment.scoreAfter,
      failedCritical: amendment.failedCriticalAfter,
      answers: amendment.answersAfter,
    },
    reason: input.reason.trim(),
  });
  return getReviewDetail(ctx, review.id);
}
