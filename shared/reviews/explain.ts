import {
  maxPointsOf,
  passMinimumOf,
  type CriterionScale,
  type ReviewAnswer,
  type ReviewCriterion,
  type ReviewFormDefinition,
} from './form';
import { computeReviewScore, type ReviewScore } from './score';

export type CriterionState = 'rated' | 'not_applicable' | 'unanswered';

/** One line of "why this score". */
export interface CriterionExplanation {
  criterionId: string;
  sectionId: string;
  label: string;
  scale: CriterionScale;
  weight: number;
  state: CriterionState;
  rating: number | null;
  maxPoints: number;
  /** Share of the criterion's points earned, 0–1; null unless rated. */
  earned: number | null;
  /** The criterion's weight as a share of the weight that counts (0–1); null unless rated. */
  weightShare: number | null;
  /** Percentage points this criterion adds to the score; they sum to the earned score. */
  contribution: number | null;
  /** Percentage points lost against full marks on this criterion. */
  lost: number | null;
  critical: boolean;
  /** Lowest passing rating of a critical criterion. */
  passMinimum: number | null;
  failedCritical: boolean;
}

export interface SectionExplanation {
  id: string;
  label: string;
  score: number | null;
  weight: number;
  notApplicableWeight: number;
}

export interface ReviewScoreExplanation extends ReviewScore {
  /** The score before a failed critical criterion zeroed it (equal to `score` otherwise). */
  earnedScore: number | null;
  /** True when the form sets the score to 0 on a failed critical criterion and one failed. */
  zeroedByCritical: boolean;
  /** Sum of all criterion weights of the form. */
  totalWeight: number;
  /** Weight of the rated criteria: the denominator. */
  countedWeight: number;
  /** Weight taken out of the denominator by N/A answers. */
  notApplicableWeight: number;
  /** Weight of criteria not answered yet. */
  unansweredWeight: number;
  criteria: CriterionExplanation[];
  sectionDetails: SectionExplanation[];
  /** Labels of the failed critical criteria, in form order. */
  failedCriteriaLabels: string[];
}

/**
 * The "why this score" breakdown: the same arithmetic as `computeReviewScore` (whose result it
 * carries unchanged), split per criterion so a lead sees what each rating and weight added, what
 * N/A took out of the denominator and which critical criterion failed.
 */
export function explainReviewScore(
  definition: ReviewFormDefinition,
  answers: ReadonlyArray<ReviewAnswer>,
): ReviewScoreExplanation {
  const result = computeReviewScore(definition, answers);
  const byId = new Map(answers.map((a) => [a.criterionId, a]));
  const failed = new Set(result.failedCriteria);
  const criteria: CriterionExplanation[] = [];
  const sectionDetails: SectionExplanation[] = [];
  let totalWeight = 0;
  let notApplicableWeight = 0;
  let unansweredWeight = 0;

  for (const section of definition.sections) {
    let sectionWeight = 0;
    let sectionNa = 0;
    for (const criterion of section.criteria) {
      const line = lineFor(section.id, criterion, byId.get(criterion.id), failed.has(criterion.id));
      totalWeight += line.weight;
      sectionWeight += line.weight;
      if (line.state === 'not_applicable') {
        notApplicableWeight += line.weight;
        sectionNa += line.weight;
      }
      if (line.state === 'unanswered') unansweredWeight += line.weight;
      criteria.push(line);
    }
    const score = result.sections.find((s) => s.id === section.id)?.score ?? null;
    sectionDetails.push({
      id: section.id,
      label: section.label,
      score,
      weight: sectionWeight,
      notApplicableWeight: sectionNa,
    });
  }

  const countedWeight = totalWeight - notApplicableWeight - unansweredWeight;
  for (const line of criteria) {
    if (line.earned === null || countedWeight <= 0) continue;
    line.weightShare = line.weight / countedWeight;
    line.contribution = line.weightShare * line.earned * 100;
    line.lost = line.weightShare * (1 - line.earned) * 100;
  }
  const zeroedByCritical = result.failedCritical && definition.criticalFailure === 'zero_score';
  const earnedScore = zeroedByCritical
    ? computeReviewScore({ ...definition, criticalFailure: 'mark_failed' }, answers).score
    : result.score;
  return {
    ...result,
    earnedScore,
    zeroedByCritical,
    totalWeight,
    countedWeight,
    notApplicableWeight,
    unansweredWeight,
    criteria,
    sectionDetails,
    failedCriteriaLabels: criteria.filter((c) => c.failedCritical).map((c) => c.label),
  };
}

function lineFor(
  sectionId: string,
  criterion: ReviewCriterion,
  answer: ReviewAnswer | undefined,
  failedCritical: boolean,
): CriterionExplanation {
  const rating = answer?.rating;
  const state: CriterionState = answer?.notApplicable
    ? 'not_applicable'
    : rating === null || rating === undefined || !Number.isFinite(rating)
      ? 'unanswered'
      : 'rated';
  const max = maxPointsOf(criterion);
  const rated = state === 'rated' ? (rating as number) : null;
  return {
    criterionId: criterion.id,
    sectionId,
    label: criterion.label,
    scale: criterion.scale,
    weight: Math.max(0, criterion.weight),
    state,
    rating: rated,
    maxPoints: max,
    earned: rated === null ? null : Math.min(max, Math.max(0, rated)) / max,
    weightShare: null,
    contribution: null,
    lost: null,
    critical: criterion.critical === true,
    passMinimum: criterion.critical ? passMinimumOf(criterion) : null,
    failedCritical,
  };
}
