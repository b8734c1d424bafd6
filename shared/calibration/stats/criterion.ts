import {
  DEFAULT_RESAMPLES,
  DEFAULT_SEED,
  checkOptions,
  percentileInterval,
  resampleUnits,
} from './bootstrap';
import { NO_PAIRS, NO_VARIATION, makeEstimate } from './estimate';
import {
  type AlphaPlan,
  type GwetPlan,
  alphaOf,
  exactOf,
  gwetOf,
  planAlpha,
  planExact,
  planGwet,
} from './kernels';
import { type CountTable, allOnce, countTable, pairable } from './matrix';
import type {
  BootstrapOptions,
  CriterionAgreement,
  CriterionScale,
  GwetWeights,
  Metric,
  RatingMatrix,
} from './types';

/** The ratings a scale allows, lowest first (yes/no: 0 = no, 1 = yes; N/A is missing). */
export function scaleCategories(scale: CriterionScale): number[] {
  switch (scale.kind) {
    case 'yes_no_na':
      return [0, 1];
    case '1-5':
      return [1, 2, 3, 4, 5];
    case 'points': {
      const top = scale.maxPoints;
      if (top === undefined || !Number.isInteger(top) || top < 1)
        throw new Error(`A points criterion needs a whole maximum of at least 1 point (got ${String(top)}).`);
      return Array.from({ length: top + 1 }, (_, i) => i);
    }
  }
}

/** Top minus bottom of the scale (1 for yes/no, 4 for 1–5, maxPoints for points). */
export function scaleRange(scale: CriterionScale): number {
  const categories = scaleCategories(scale);
  return (categories[categories.length - 1] ?? 0) - (categories[0] ?? 0);
}

/**
 * Which statistics a scale gets. Yes/no: nominal alpha and AC1. 1–5 and points: ordinal alpha
 * and AC2 with Gwet's ordinal weights. Both then use only the order of the ratings: the anchors
 * of a 1–5 criterion are labelled levels, and nothing says "3 to 4" is as far as "4 to 5".
 * Quadratic weights would treat the points as equally spaced numbers and are a little more
 * lenient (on 1–5 a one-step miss counts as 0.94 agreement instead of 0.90, a two-step miss 0.75
 * instead of 0.70).
 */
export function scaleStatistics(scale: CriterionScale): {
  metric: Metric;
  weights: GwetWeights;
  kind: 'AC1' | 'AC2';
} {
  return scale.kind === 'yes_no_na'
    ? { metric: 'nominal', weights: 'identity', kind: 'AC1' }
    : { metric: 'ordinal', weights: 'ordinal', kind: 'AC2' };
}

/** What does not change between resamples of one criterion. */
export interface CriterionPlan {
  metric: Metric;
  kind: 'AC1' | 'AC2';
  table: CountTable;
  shares: Float64Array;
  alpha: AlphaPlan;
  gwet: GwetPlan;
}

export interface CriterionSamples {
  exact: Float64Array;
  alpha: Float64Array;
  ac: Float64Array;
}

export function planCriterion(m: RatingMatrix, scale: CriterionScale): CriterionPlan {
  const { metric, weights, kind } = scaleStatistics(scale);
  const table = countTable(m, scaleCategories(scale));
  return {
    metric,
    kind,
    table,
    shares: planExact(table),
    alpha: planAlpha(table, metric),
    gwet: planGwet(table, weights),
  };
}

export function newSamples(resamples: number): CriterionSamples {
  return {
    exact: new Float64Array(resamples),
    alpha: new Float64Array(resamples),
    ac: new Float64Array(resamples),
  };
}

/** The three statistics of resample r (unit weights w), stored in `samples`. */
export function sampleCriterion(
  plan: CriterionPlan,
  w: Float64Array,
  r: number,
  samples: CriterionSamples,
): void {
  samples.exact[r] = exactOf(plan.shares, w);
  samples.alpha[r] = alphaOf(plan.alpha, w);
  samples.ac[r] = gwetOf(plan.gwet, w);
}

/** Observed values, and intervals from the resamples (none with fewer than two rated units). */
export function criterionResult(plan: CriterionPlan, samples: CriterionSamples): CriterionAgreement {
  const units = plan.table.raters.length;
  const once = allOnce(units);
  const interval = (xs: Float64Array) => (units >= 2 ? percentileInterval(xs) : null);
  const counts = pairable(plan.table);
  const base = { pairableUnits: counts.units, pairableValues: counts.values, undefinedReason: NO_PAIRS };
  const exact = makeEstimate({
    ...base,
    value: exactOf(plan.shares, once),
    interval: interval(samples.exact),
  });
  const alpha = makeEstimate({
    ...base,
    value: alphaOf(plan.alpha, once),
    interval: interval(samples.alpha),
    undefinedReason: counts.units === 0 ? NO_PAIRS : NO_VARIATION,
  });
  const ac = makeEstimate({ ...base, value: gwetOf(plan.gwet, once), interval: interval(samples.ac) });
  return { exact, alpha: { ...alpha, metric: plan.metric }, ac: { ...ac, kind: plan.kind } };
}

/**
 * Agreement on one criterion: % exact agreement, Krippendorff's alpha and Gwet's AC1/AC2, each
 * with a 95% percentile bootstrap interval over interactions (the same resamples for all three,
 * 1,000 by default, seed 1 by default) and the insufficient-data flag (see estimate.ts).
 * Ratings outside the scale throw; null (N/A or not scored) is missing.
 */
export function criterionAgreement(
  m: RatingMatrix,
  scale: CriterionScale,
  opts: BootstrapOptions = {},
): CriterionAgreement {
  const resamples = opts.resamples ?? DEFAULT_RESAMPLES;
  checkOptions(resamples, 0.95);
  const plan = planCriterion(m, scale);
  const units = plan.table.raters.length;
  const samples = newSamples(resamples);
  if (units >= 2)
    resampleUnits(units, resamples, opts.seed ?? DEFAULT_SEED, (w, r) =>
      sampleCriterion(plan, w, r, samples),
    );
  return criterionResult(plan, samples);
}
