import {
  DEFAULT_RESAMPLES,
  DEFAULT_SEED,
  checkOptions,
  percentileInterval,
  resampleUnits,
} from './bootstrap';
import { scaleCategories, scaleStatistics } from './criterion';
import { NO_PAIRS, makeEstimate } from './estimate';
import { iccOf, planIcc } from './icc';
import {
  type AlphaPlan,
  alphaOf,
  exactOf,
  pairableValuesOf,
  pairableWeight,
  planAlpha,
  planExact,
} from './kernels';
import { allOnce, checkMatrix, countTable, pairable } from './matrix';
import type { BootstrapOptions, CriterionScale, FormAgreement, RatingMatrix } from './types';

interface PreparedCriterion {
  shares: Float64Array;
  alpha: AlphaPlan;
  raters: Float64Array;
  /** Position in the form's list of rated interactions of each of this criterion's units. */
  position: Int32Array;
  /** This criterion's unit weights in the current resample. */
  w: Float64Array;
}

function prepare(criteria: ReadonlyArray<{ matrix: RatingMatrix; scale: CriterionScale }>) {
  const widths = criteria.map((c) => checkMatrix(c.matrix));
  if (widths.some((width) => width !== widths[0]))
    throw new Error(
      `Every criterion needs one column per interaction of the session; the criteria have ${[...new Set(widths)].join(', ')} columns.`,
    );
  const tables = criteria.map((c) => countTable(c.matrix, scaleCategories(c.scale)));
  const rated = [...new Set(tables.flatMap((t) => t.columns))].sort((a, b) => a - b);
  const positionOf = new Map(rated.map((column, i) => [column, i]));
  const prepared = criteria.map(({ scale }, i): PreparedCriterion => {
    const table = tables[i] ?? countTable([]);
    return {
      shares: planExact(table),
      alpha: planAlpha(table, scaleStatistics(scale).metric),
      raters: table.raters,
      position: Int32Array.from(table.columns, (column) => positionOf.get(column) ?? 0),
      w: new Float64Array(table.columns.length),
    };
  });
  return { tables, rated, prepared };
}

/** Pooled exact agreement and alpha for interaction weights w; writes NaN when undefined. */
function pooled(
  prepared: PreparedCriterion[],
  w: Float64Array,
  out: { exact: number; alpha: number; used: number },
) {
  let agreeing = 0;
  let units = 0;
  let alphaSum = 0;
  let alphaValues = 0;
  out.used = 0;
  for (const c of prepared) {
    for (let u = 0; u < c.position.length; u += 1) c.w[u] = w[c.position[u] ?? 0] ?? 0;
    const weight = pairableWeight(c.shares, c.w);
    if (weight > 0) {
      agreeing += exactOf(c.shares, c.w) * weight;
      units += weight;
    }
    const alpha = alphaOf(c.alpha, c.w);
    if (Number.isNaN(alpha)) continue;
    const n = pairableValuesOf(c.alpha, c.raters, c.w);
    alphaSum += n * alpha;
    alphaValues += n;
    out.used += 1;
  }
  out.exact = units === 0 ? NaN : agreeing / units;
  out.alpha = alphaValues === 0 ? NaN : alphaSum / alphaValues;
}

function iccEstimate(totalScores: RatingMatrix, resamples: number, seed: number): FormAgreement['icc'] {
  const plan = planIcc(totalScores);
  const value = iccOf(plan, allOnce(plan.units));
  const samples = new Float64Array(resamples);
  if (plan.units >= 2) resampleUnits(plan.units, resamples, seed, (w, r) => (samples[r] = iccOf(plan, w)));
  const undefinedReason =
    plan.raters < 2
      ? 'Fewer than two evaluators gave total scores, so ICC cannot be computed.'
      : plan.units < 2
        ? 'Fewer than two interactions were scored by every evaluator, so ICC cannot be computed.'
        : 'Every total score is the same, so ICC is undefined.';
  const estimate = makeEstimate({
    value,
    interval: plan.units >= 2 ? percentileInterval(samples) : null,
    pairableUnits: plan.raters >= 2 ? plan.units : 0,
    pairableValues: plan.raters >= 2 ? plan.units * plan.raters : 0,
    undefinedReason,
    describeUnits: (n) => `${n} ${n === 1 ? 'interaction' : 'interactions'} scored by every evaluator`,
  });
  return { ...estimate, raters: plan.raters };
}

/**
 * Agreement over the whole form.
 * - exact: pooled over every (criterion, interaction) with ≥ 2 ratings, each counting once: the
 *   mean of their shares of agreeing pairs (the per-criterion definition, applied to all).
 * - alpha: the mean of the criteria's alphas (each with its own metric), weighted by their
 *   pairable values, over criteria whose alpha is defined. Alphas of different metrics cannot
 *   share one coincidence matrix, and a criterion everyone rated the same (alpha undefined) says
 *   nothing about chance-corrected agreement; `criteriaUndefined` counts those left out.
 * - icc: ICC(2,1) on the total scores (rows evaluators, columns interactions); see icc.ts for
 *   missing scores.
 * Intervals: 95% percentile bootstrap resampling interactions (all criteria of a drawn
 * interaction go together); ICC resamples the interactions scored by every evaluator. Every
 * criterion matrix must have one column per interaction, in the same order.
 */
export function formAgreement(
  criteria: ReadonlyArray<{ matrix: RatingMatrix; scale: CriterionScale }>,
  totalScores: RatingMatrix,
  opts: BootstrapOptions = {},
): FormAgreement {
  const resamples = opts.resamples ?? DEFAULT_RESAMPLES;
  const seed = opts.seed ?? DEFAULT_SEED;
  checkOptions(resamples, 0.95);
  const { tables, rated, prepared } = prepare(criteria);
  const observed = { exact: NaN, alpha: NaN, used: 0 };
  pooled(prepared, allOnce(rated.length), observed);

  const exactSamples = new Float64Array(resamples);
  const alphaSamples = new Float64Array(resamples);
  const scratch = { exact: NaN, alpha: NaN, used: 0 };
  if (rated.length >= 2)
    resampleUnits(rated.length, resamples, seed, (w, r) => {
      pooled(prepared, w, scratch);
      exactSamples[r] = scratch.exact;
      alphaSamples[r] = scratch.alpha;
    });
  const interval = (xs: Float64Array) => (rated.length >= 2 ? percentileInterval(xs) : null);
  const pairableColumns = new Set<number>();
  let pairableValues = 0;
  tables.forEach((table) => {
    table.raters.forEach((m, u) => {
      if (m >= 2) pairableColumns.add(table.columns[u] ?? 0);
    });
    pairableValues += pairable(table).values;
  });
  const base = { pairableUnits: pairableColumns.size, pairableValues, undefinedReason: NO_PAIRS };
  const alpha = makeEstimate({
    ...base,
    value: observed.alpha,
    interval: interval(alphaSamples),
    undefinedReason:
      pairableColumns.size === 0
        ? NO_PAIRS
        : 'On every criterion all evaluators gave the same rating, so alpha is undefined for each of them.',
  });
  return {
    exact: makeEstimate({ ...base, value: observed.exact, interval: interval(exactSamples) }),
    alpha: { ...alpha, criteriaUsed: observed.used, criteriaUndefined: criteria.length - observed.used },
    icc: iccEstimate(totalScores, resamples, seed),
  };
}
