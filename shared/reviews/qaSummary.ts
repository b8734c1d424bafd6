import { meanInterval, wilsonInterval, type MeanInterval, type ProportionInterval } from './stats';

/** Shared by every review on a form version, so a report does not copy labels per review. */
export interface QaSectionInfo {
  id: string;
  label: string;
}

export interface QaCriterionInfo {
  id: string;
  label: string;
  sectionId: string;
  sectionLabel: string;
  critical: boolean;
}

/** One submitted review as QA reporting sees it (scores already computed on its own form version). */
export interface QaReviewInput {
  id: string;
  agentId: string;
  agentName: string;
  teamId: string | null;
  teamName: string | null;
  evaluator: string;
  /** Local day of the review date (business time zone). */
  day: string;
  /** Null when every criterion was N/A: such a review has no score to average. */
  score: number | null;
  failedCritical: boolean;
  sections: Array<{ info: QaSectionInfo; score: number | null }>;
  criteria: Array<{
    info: QaCriterionInfo;
    /** Share of the criterion's points earned, 0–1; null when N/A or unanswered. */
    earned: number | null;
    notApplicable: boolean;
  }>;
}

export interface QaScore extends MeanInterval {
  /** Fewer scored reviews than the minimum: shown, but too few to judge. */
  tooFew: boolean;
}

export interface QaFigures {
  /** Mean review score, 0–100, with its 95% t-interval. */
  score: QaScore;
  /** Reviews with a failed critical criterion (Wilson interval). */
  failedCritical: ProportionInterval;
  /** Scored reviews at or above the pass line (Wilson interval). */
  passed: ProportionInterval;
}

export interface QaGroupRow extends QaFigures {
  id: string | null;
  name: string;
}

export interface QaAgentRow extends QaFigures {
  agentId: string;
  agentName: string;
  teamId: string | null;
  teamName: string | null;
}

export interface QaAverageRow {
  id: string;
  label: string;
  /** Mean share of points earned, 0–100, with n = reviews where it was rated. */
  average: QaScore;
}

export interface QaCriterionRow extends QaAverageRow {
  sectionId: string;
  sectionLabel: string;
  critical: boolean;
  /** Reviews that marked it N/A (left out of its average). */
  notApplicable: number;
}

export interface QaTrendPoint extends QaFigures {
  /** First day of the bucket, as `bucketOf` returned it. */
  period: string;
}

export interface QaSummary {
  overall: QaFigures;
  teams: QaGroupRow[];
  agents: QaAgentRow[];
  sections: QaAverageRow[];
  criteria: QaCriterionRow[];
  trend: QaTrendPoint[];
}

export interface QaSummaryOptions {
  minReviews: number;
  passScore: number;
  /** Maps a day to the first day of its trend bucket (week or month). */
  bucketOf: (day: string) => string;
  /** Every bucket of the period, so a bucket without reviews shows as n = 0 rather than vanishing. */
  periods?: readonly string[];
}

const SCORE_BOUNDS = { min: 0, max: 100 };

function scoreOf(values: number[], minReviews: number): QaScore {
  const interval = meanInterval(values, SCORE_BOUNDS);
  return { ...interval, tooFew: interval.n < minReviews };
}

export function qaFigures(reviews: readonly QaReviewInput[], options: QaSummaryOptions): QaFigures {
  const scores = reviews.flatMap((r) => (r.score === null ? [] : [r.score]));
  return {
    score: scoreOf(scores, options.minReviews),
    failedCritical: wilsonInterval(reviews.filter((r) => r.failedCritical).length, reviews.length),
    passed: wilsonInterval(scores.filter((s) => s >= options.passScore).length, scores.length),
  };
}

function groupBy<K>(
  reviews: readonly QaReviewInput[],
  key: (r: QaReviewInput) => K,
): Map<K, QaReviewInput[]> {
  const groups = new Map<K, QaReviewInput[]>();
  for (const review of reviews) {
    const k = key(review);
    const list = groups.get(k);
    if (list) list.push(review);
    else groups.set(k, [review]);
  }
  return groups;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

function averages(reviews: readonly QaReviewInput[], minReviews: number) {
  const sections = new Map<string, { label: string; values: number[] }>();
  const criteria = new Map<string, Omit<QaCriterionRow, 'average'> & { values: number[] }>();
  for (const review of reviews) {
    for (const { info, score } of review.sections) {
      let entry = sections.get(info.id);
      if (!entry) {
        entry = { label: info.label, values: [] };
        sections.set(info.id, entry);
      }
      if (score !== null) entry.values.push(score);
    }
    for (const { info, earned, notApplicable } of review.criteria) {
      let entry = criteria.get(info.id);
      if (!entry) {
        entry = { ...info, notApplicable: 0, values: [] };
        criteria.set(info.id, entry);
      }
      if (notApplicable) entry.notApplicable += 1;
      else if (earned !== null) entry.values.push(earned * 100);
    }
  }
  return {
    sections: [...sections].map(([id, s]) => ({
      id,
      label: s.label,
      average: scoreOf(s.values, minReviews),
    })),
    criteria: [...criteria.values()].map(({ values, ...row }) => ({
      ...row,
      average: scoreOf(values, minReviews),
    })),
  };
}

/**
 * QA figures of a set of reviews: overall, per team and agent, per section and criterion and per
 * trend bucket. Section and criterion rows keep the order in which the forms list them.
 */
export function summariseQa(reviews: readonly QaReviewInput[], options: QaSummaryOptions): QaSummary {
  const teams = [...groupBy(reviews, (r) => r.teamId)].map(([id, list]) => ({
    id,
    name: list[0]?.teamName ?? 'No team',
    ...qaFigures(list, options),
  }));
  const agents = [...groupBy(reviews, (r) => r.agentId)].map(([agentId, list]) => {
    const first = list[0] as QaReviewInput;
    return {
      agentId,
      agentName: first.agentName,
      teamId: first.teamId,
      teamName: first.teamName,
      ...qaFigures(list, options),
    };
  });
  const byBucket = groupBy(reviews, (r) => options.bucketOf(r.day));
  const periods = new Set([...(options.periods ?? []), ...byBucket.keys()]);
  const trend = [...periods]
    .sort((a, b) => a.localeCompare(b))
    .map((period) => ({ period, ...qaFigures(byBucket.get(period) ?? [], options) }));
  return {
    overall: qaFigures(reviews, options),
    teams: teams.sort(byName),
    agents: agents.sort((a, b) => a.agentName.localeCompare(b.agentName)),
    ...averages(reviews, options.minReviews),
    trend,
  };
}
