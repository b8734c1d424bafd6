import type { ReviewAnswerRecord } from '../../../shared/ipc/contracts/reviewLifecycle';
import type { RatingMatrix } from '../../../shared/calibration/stats';
import type { ReviewCriterion, ReviewFormDefinition } from '../../../shared/reviews/form';
import type { BackendContext } from '../core/context';
import {
  loadSession,
  sessionDefinition,
  sessionEvaluators,
  sessionInteractionIds,
  type SessionRow,
} from './sessionRead';

export interface SubmittedReview {
  reviewId: string;
  score: number | null;
  comment: string | null;
  answers: Map<string, ReviewAnswerRecord>;
}

/**
 * A revealed session's submitted calibration reviews laid out as the statistics need them:
 * `reviews[evaluator][interaction]` in the session's own order, null where that evaluator
 * submitted no review of that interaction. Drafts and reviews by people not on the list are left out.
 */
export interface SessionRatings {
  session: SessionRow;
  definition: ReviewFormDefinition;
  criteria: Array<ReviewCriterion & { sectionLabel: string }>;
  evaluators: string[];
  interactionIds: number[];
  reviews: Array<Array<SubmittedReview | null>>;
  reviewCount: number;
}

export function loadSessionRatings(ctx: Pick<BackendContext, 'db'>, sessionId: string): SessionRatings {
  const session = loadSession(ctx, sessionId);
  const definition = sessionDefinition(ctx, session);
  const evaluators = sessionEvaluators(ctx, sessionId);
  const interactionIds = sessionInteractionIds(ctx, sessionId);
  const rows = ctx.db.all<{
    id: string;
    evaluator: string;
    interactionId: number;
    score: number | null;
    comment: string | null;
  }>(
    `SELECT id, evaluator, interaction_id AS interactionId, score, comment FROM reviews
      WHERE calibration_group = ? AND status = 'submitted' AND interaction_id IS NOT NULL
      ORDER BY submitted_at, id`,
    [sessionId],
  );
  const answers = new Map<string, Map<string, ReviewAnswerRecord>>();
  for (const a of ctx.db.all<{
    reviewId: string;
    criterionId: string;
    rating: number | null;
    na: number;
    comment: string | null;
  }>(
    `SELECT a.review_id AS reviewId, a.criterion_id AS criterionId, a.rating, a.not_applicable AS na, a.comment
       FROM review_answers a JOIN reviews r ON r.id = a.review_id
      WHERE r.calibration_group = ? AND r.status = 'submitted'`,
    [sessionId],
  )) {
    const map = answers.get(a.reviewId) ?? new Map<string, ReviewAnswerRecord>();
    map.set(a.criterionId, {
      criterionId: a.criterionId,
      rating: a.rating,
      notApplicable: a.na === 1,
      comment: a.comment,
    });
    answers.set(a.reviewId, map);
  }
  const reviews = evaluators.map(() => interactionIds.map((): SubmittedReview | null => null));
  let reviewCount = 0;
  for (const row of rows) {
    const e = evaluators.indexOf(row.evaluator);
    const i = interactionIds.indexOf(row.interactionId);
    const line = reviews[e];
    // The first submitted review counts; a session never holds two by one evaluator of one interaction.
    if (!line || i < 0 || line[i]) continue;
    line[i] = {
      reviewId: row.id,
      score: row.score,
      comment: row.comment,
      answers: answers.get(row.id) ?? new Map(),
    };
    reviewCount += 1;
  }
  const criteria = definition.sections.flatMap((s) =>
    s.criteria.map((c) => ({ ...c, sectionLabel: s.label })),
  );
  return { session, definition, criteria, evaluators, interactionIds, reviews, reviewCount };
}

/** One criterion's ratings: rows = evaluators, columns = interactions; N/A and missing are null. */
export function criterionMatrix(ratings: SessionRatings, criterionId: string): RatingMatrix {
  return ratings.reviews.map((line) =>
    line.map((review) => {
      const answer = review?.answers.get(criterionId);
      return answer && !answer.notApplicable ? answer.rating : null;
    }),
  );
}

/** Each review's total score (0–100), for ICC(2,1). */
export function scoreMatrix(ratings: SessionRatings): RatingMatrix {
  return ratings.reviews.map((line) => line.map((review) => review?.score ?? null));
}
