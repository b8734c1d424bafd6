import type {
  AnswerChange,
  ReviewAnswerRecord,
  ReviewStatus,
} from '../../../shared/ipc/contracts/reviewLifecycle';
import { UserFacingError } from '../../../shared/ipc/result';
import {
  maxPointsOf,
  ratingValues,
  type ReviewCriterion,
  type ReviewFormDefinition,
} from '../../../shared/reviews/form';
import { packRatings } from '../../../shared/reviews/packed';
import { computeReviewScore, type ReviewScore } from '../../../shared/reviews/score';
import { nowIso, type BackendContext } from '../core/context';

/** A review row with the form version it is scored on. */
export interface ReviewRecord {
  id: string;
  status: ReviewStatus;
  formId: string;
  formName: string;
  formVersionId: string;
  formVersion: number;
  definition: ReviewFormDefinition;
  agentId: string;
  interactionId: number | null;
  evaluator: string;
  score: number | null;
  failedCritical: boolean;
  comment: string | null;
  calibrationGroup: string | null;
  countsInQa: boolean;
  reviewedAt: string | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

type ReviewRow = Omit<ReviewRecord, 'definition' | 'failedCritical' | 'countsInQa'> & {
  definitionJson: string;
  failedCritical: number;
  countsInQa: number;
};

export function loadReview(ctx: Pick<BackendContext, 'db'>, reviewId: string): ReviewRecord {
  const row = ctx.db.get<ReviewRow>(
    `SELECT r.id, r.status, v.form_id AS formId, f.name AS formName, r.form_version_id AS formVersionId,
            v.version AS formVersion, v.definition_json AS definitionJson, r.agent_id AS agentId,
            r.interaction_id AS interactionId, r.evaluator, r.score, r.failed_critical AS failedCritical,
            r.comment, r.calibration_group AS calibrationGroup, r.counts_in_qa AS countsInQa,
            r.reviewed_at AS reviewedAt, r.submitted_at AS submittedAt, r.created_at AS createdAt,
            r.updated_at AS updatedAt
       FROM reviews r
       JOIN review_form_versions v ON v.id = r.form_version_id
       JOIN review_forms f ON f.id = v.form_id
      WHERE r.id = ?`,
    [reviewId],
  );
  if (!row) throw new UserFacingError('not_found', 'That review no longer exists.');
  const { definitionJson, failedCritical, countsInQa, ...rest } = row;
  return {
    ...rest,
    definition: JSON.parse(definitionJson) as ReviewFormDefinition,
    failedCritical: failedCritical === 1,
    countsInQa: countsInQa === 1,
  };
}

export function loadAnswers(ctx: Pick<BackendContext, 'db'>, reviewId: string): ReviewAnswerRecord[] {
  return ctx.db
    .all<{ criterionId: string; rating: number | null; notApplicable: number; comment: string | null }>(
      `SELECT criterion_id AS criterionId, rating, not_applicable AS notApplicable, comment
         FROM review_answers WHERE review_id = ? ORDER BY criterion_id`,
      [reviewId],
    )
    .map((a) => ({ ...a, notApplicable: a.notApplicable === 1 }));
}

export const criteriaOf = (definition: ReviewFormDefinition): ReviewCriterion[] =>
  definition.sections.flatMap((s) => s.criteria);

export function findCriterion(review: ReviewRecord, criterionId: string): ReviewCriterion {
  const criterion = criteriaOf(review.definition).find((c) => c.id === criterionId);
  if (!criterion)
    throw new UserFacingError(
      'invalid_input',
      `Criterion "${criterionId}" is not on this review's form (${review.formName}, version ${review.formVersion}).`,
    );
  return criterion;
}

/** "yes or no", "1 to 5", "0 to 4 points": how a lead would read the scale. */
export function describeScale(criterion: ReviewCriterion): string {
  switch (criterion.scale) {
    case 'yes_no_na':
      return 'yes (1) or no (0)';
    case '1-5':
      return 'a whole number from 1 to 5';
    case 'points':
      return `a whole number of points from 0 to ${maxPointsOf(criterion)}`;
  }
}

const blankToNull = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/**
 * The answer after a change, checked against the criterion's scale and whether it allows N/A.
 * Fields the change leaves out keep their current value.
 */
export function applyChange(
  criterion: ReviewCriterion,
  current: ReviewAnswerRecord | undefined,
  change: AnswerChange,
): ReviewAnswerRecord {
  const comment = change.comment === undefined ? (current?.comment ?? null) : blankToNull(change.comment);
  if (change.notApplicable === true) {
    if (!criterion.allowNa)
      throw new UserFacingError(
        'invalid_input',
        `"${criterion.label}" cannot be marked N/A on this form: rate it with ${describeScale(criterion)}.`,
      );
    return { criterionId: criterion.id, rating: null, notApplicable: true, comment };
  }
  if (
    change.rating !== undefined &&
    change.rating !== null &&
    !ratingValues(criterion).includes(change.rating)
  )
    throw new UserFacingError(
      'invalid_input',
      `"${criterion.label}" takes ${describeScale(criterion)}; ${change.rating} is not one of them.`,
    );
  const rating = change.rating !== undefined ? change.rating : (current?.rating ?? null);
  const notApplicable =
    change.rating === undefined && change.notApplicable === undefined && !!current?.notApplicable;
  return { criterionId: criterion.id, rating, notApplicable, comment };
}

export function writeAnswer(
  ctx: Pick<BackendContext, 'db'>,
  reviewId: string,
  answer: ReviewAnswerRecord,
): void {
  if (answer.rating === null && !answer.notApplicable && answer.comment === null) {
    ctx.db.run('DELETE FROM review_answers WHERE review_id = ? AND criterion_id = ?', [
      reviewId,
      answer.criterionId,
    ]);
    return;
  }
  ctx.db.run(
    `INSERT INTO review_answers (review_id, criterion_id, rating, not_applicable, comment) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(review_id, criterion_id) DO UPDATE SET
       rating = excluded.rating, not_applicable = excluded.not_applicable, comment = excluded.comment`,
    [reviewId, answer.criterionId, answer.rating, answer.notApplicable ? 1 : 0, answer.comment],
  );
}

/**
 * Recomputes the score from the stored answers and stores it with the packed ratings: both are
 * caches of the answers on the review's own form version, never values typed in.
 */
export function storeScore(
  ctx: BackendContext,
  review: ReviewRecord,
): { answers: ReviewAnswerRecord[]; result: ReviewScore } {
  const answers = loadAnswers(ctx, review.id);
  const result = computeReviewScore(review.definition, answers);
  ctx.db.run(
    'UPDATE reviews SET score = ?, failed_critical = ?, ratings_packed = ?, updated_at = ? WHERE id = ?',
    [
      result.score,
      result.failedCritical ? 1 : 0,
      packRatings(review.definition, answers),
      nowIso(ctx),
      review.id,
    ],
  );
  return { answers, result };
}

export const dayOf = (iso: string | null): string => (iso ?? '').slice(0, 10);

/** Refuses a submit while criteria are unanswered, naming them. */
export function requireAllAnswered(definition: ReviewFormDefinition, unanswered: readonly string[]): void {
  if (unanswered.length === 0) return;
  const labels = criteriaOf(definition)
    .filter((c) => unanswered.includes(c.id))
    .map((c) => `"${c.label}"`);
  const count = labels.length === 1 ? '1 criterion is' : `${labels.length} criteria are`;
  throw new UserFacingError(
    'user_error',
    `This review cannot be submitted yet: ${count} not answered: ${labels.join(', ')}. Rate each one, or mark it N/A where the form allows.`,
    { unanswered: [...unanswered] },
  );
}
