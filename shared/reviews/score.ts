import {
  maxPointsOf,
  passMinimumOf,
  type ReviewAnswer,
  type ReviewCriterion,
  type ReviewFormDefinition,
} from './form';

export interface SectionScore {
  id: string;
  /** 0–100, or null when every criterion of the section is N/A or unanswered. */
  score: number | null;
}

export interface ReviewScore {
  /** Weighted share of points earned, 0–100; null when nothing applicable was rated. */
  score: number | null;
  failedCritical: boolean;
  /** Ids of the critical criteria that were failed. */
  failedCriteria: string[];
  sections: SectionScore[];
  /** Criteria with neither a rating nor N/A: a draft is incomplete while this is non-empty. */
  unanswered: string[];
}

type AnswerLookup = ReadonlyArray<ReviewAnswer> | ReadonlyMap<string, ReviewAnswer>;

/**
 * Scores a review against the form version it was made on. N/A and unanswered criteria drop out
 * of the denominator; a critical criterion rated below its pass minimum fails the review. The form's
 * `criticalFailure` says whether the score is then kept (the default) or set to 0; section scores
 * are always kept, so coaching sees the rest of the picture.
 */
export function computeReviewScore(definition: ReviewFormDefinition, answers: AnswerLookup): ReviewScore {
  const byId = toMap(answers);
  let earnedTotal = 0;
  let weightTotal = 0;
  const failedCriteria: string[] = [];
  const unanswered: string[] = [];
  const sections: SectionScore[] = [];

  for (const section of definition.sections) {
    let earned = 0;
    let weight = 0;
    for (const criterion of section.criteria) {
      const answer = byId.get(criterion.id);
      if (answer?.notApplicable) continue;
      const rating = answer?.rating;
      if (rating === null || rating === undefined || !Number.isFinite(rating)) {
        unanswered.push(criterion.id);
        continue;
      }
      if (criterion.critical && rating < passMinimumOf(criterion)) failedCriteria.push(criterion.id);
      const w = Math.max(0, criterion.weight);
      if (w === 0) continue;
      earned += w * share(criterion, rating);
      weight += w;
    }
    sections.push({ id: section.id, score: weight > 0 ? toPercent(earned / weight) : null });
    earnedTotal += earned;
    weightTotal += weight;
  }

  const failedCritical = failedCriteria.length > 0;
  const earnedScore = weightTotal > 0 ? toPercent(earnedTotal / weightTotal) : null;
  const zeroed = failedCritical && definition.criticalFailure === 'zero_score';
  return {
    score: zeroed ? 0 : earnedScore,
    failedCritical,
    failedCriteria,
    sections,
    unanswered,
  };
}

function share(criterion: ReviewCriterion, rating: number): number {
  const max = maxPointsOf(criterion);
  return Math.min(max, Math.max(0, rating)) / max;
}

/** Rounded to 0.1 so stored scores compare equal to recomputed ones. */
function toPercent(fraction: number): number {
  return Math.round(fraction * 1000) / 10;
}

function toMap(answers: AnswerLookup): ReadonlyMap<string, ReviewAnswer> {
  if (answers instanceof Map) return answers;
  const map = new Map<string, ReviewAnswer>();
  for (const answer of answers as ReadonlyArray<ReviewAnswer>) map.set(answer.criterionId, answer);
  return map;
}
