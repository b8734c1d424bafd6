import type { ReviewAnswer, ReviewFormDefinition } from './form';
import { computeReviewScore } from './score';
import { meanInterval, type MeanInterval } from './stats';

export interface WhatIfReview {
  id: string;
  agentName: string;
  reviewedAt: string;
  /** The stored score, on the version the review was made on. */
  score: number | null;
  failedCritical: boolean;
  answers: ReviewAnswer[];
}

export interface PassLineCrossing {
  reviewId: string;
  agentName: string;
  reviewedAt: string;
  before: number;
  after: number;
  direction: 'now_passes' | 'now_fails';
}

export interface FormWhatIf {
  /** Reviews scored both ways (a review whose every criterion is N/A has no score to compare). */
  n: number;
  before: MeanInterval;
  after: MeanInterval;
  /** Mean of (draft − current) per review, with a 95% t-interval of the paired differences. */
  change: MeanInterval;
  passScore: number;
  crossings: PassLineCrossing[];
  /** Reviews whose failed-critical verdict the draft would change. */
  criticalChanges: number;
  /**
   * Criteria of the draft that none of these reviews answered (new criteria): they drop out of the
   * denominator here, so the preview cannot say how they would have been rated.
   */
  unratedCriteria: string[];
}

/**
 * How the scores of past reviews would change under a draft form version, before it is published.
 * Answers carry over by criterion id (ids are stable across versions); criteria the draft removes
 * no longer count, criteria it adds count as unanswered.
 */
export function formWhatIf(
  reviews: readonly WhatIfReview[],
  draft: ReviewFormDefinition,
  passScore: number,
): FormWhatIf {
  const before: number[] = [];
  const after: number[] = [];
  const differences: number[] = [];
  const crossings: PassLineCrossing[] = [];
  let criticalChanges = 0;
  const answered = new Set<string>();
  for (const review of reviews) {
    for (const a of review.answers) if (a.notApplicable || a.rating !== null) answered.add(a.criterionId);
    const next = computeReviewScore(draft, review.answers);
    if (next.failedCritical !== review.failedCritical) criticalChanges += 1;
    if (review.score === null || next.score === null) continue;
    before.push(review.score);
    after.push(next.score);
    differences.push(next.score - review.score);
    const passedBefore = review.score >= passScore;
    const passesAfter = next.score >= passScore;
    if (passedBefore !== passesAfter)
      crossings.push({
        reviewId: review.id,
        agentName: review.agentName,
        reviewedAt: review.reviewedAt,
        before: review.score,
        after: next.score,
        direction: passesAfter ? 'now_passes' : 'now_fails',
      });
  }
  const bounds = { min: 0, max: 100 };
  return {
    n: differences.length,
    before: meanInterval(before, bounds),
    after: meanInterval(after, bounds),
    change: meanInterval(differences, { min: -100, max: 100 }),
    passScore,
    crossings: crossings.sort(
      (a, b) => b.reviewedAt.localeCompare(a.reviewedAt) || a.reviewId.localeCompare(b.reviewId),
    ),
    criticalChanges,
    unratedCriteria:
      reviews.length === 0
        ? []
        : draft.sections.flatMap((s) => s.criteria.filter((c) => !answered.has(c.id)).map((c) => c.id)),
  };
}
