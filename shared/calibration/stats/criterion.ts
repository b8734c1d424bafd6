import {
  DEFAULT_RESAMPLES,
  DEFAULT_SEED,
  checkOptions,
  percentileInterval,
  resampleUnits,
} from './bootstrap';
import { NO_PAIRS, NO_VARIATION, makeEstimate } from './estimate';
import { alphaOf, exactOf, gwetOf, planAlpha, planExact, planGwet } from './kernels';
import { allOnce, countTable, pairable } from './matrix';
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
  const { metric, weights, kind } = scaleStatistics(scale);
  const table = countTable(m, scaleCategories(scale));
  const units = table.raters.length;
  const shares = planExact(table);
  const alphaPlan = planAlpha(table, metric);
  const gwetPlan = planGwet(table, weights);
  const once = allOnce(units);
  const values = {
    exact: exactOf(shares, once),
    alpha: alphaOf(alphaPlan, once),
    ac: gwetOf(gwetPlan, once),
  };

  const samples = {
    exact: new Float64Array(resamples),
    alpha: new Float64Array(resamples),
    ac: new Float64Array(resamples),
  };
  if (units >= 2)
    resampleUnits(units, resamples, opts.seed ?? DEFAULT_SEED, (w, r) => {
      samples.exact[r] = exactOf(shares, w);
      samples.alpha[r] = alphaOf(alphaPlan, w);
      samples.ac[r] = gwetOf(gwetPlan, w);
    });
  const interval = (xs: Float64Array) => (units >= 2 ? percentileInterval(xs) : null);
  const counts = pairable(table);
  const base = { pairableUnits: counts.units, pairableValues: counts.values, undefinedReason: NO_PAIRS };
  return {
    exact: makeEstimate({ ...base, value: values.exact, interval: interval(samples.exact) }),
    alpha: {
      ...makeEstimate({
        ...base,
        value: values.alpha,
        interval: interval(samples.alpha),
        undefinedReason: counts.units === 0 ? NO_PAIRS : NO_VARIATION,
      }),
      metric,
    },
    ac: { ...makeEstimate({ ...base, value: values.ac, interval: interval(samples.ac) }), kind },
  };
}
