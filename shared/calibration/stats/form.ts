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
import { type CountTable, allOnce, checkMatrix, countTable, pairable } from './matrix';
import type { BootstrapOptions, CriterionScale, FormAgreement, RatingMatrix } from './types';

export type FormCriteria = ReadonlyArray<{ matrix: RatingMatrix; scale: CriterionScale }>;

interface PreparedCriterion {
  shares: Float64Array;
  alpha: AlphaPlan;
  raters: Float64Array;
  /** Position in the form's list of rated interactions of each of this criterion's units. */
  position: Int32Array;
  /** This criterion's unit weights in the current resample. */
  w: Float64Array;
}

export interface PreparedForm {
  tables: CountTable[];
  /** Columns (interactions) rated in at least one criterion: the units the form resamples. */
  rated: number[];
  criteria: PreparedCriterion[];
}

export function prepareForm(criteria: FormCriteria): PreparedForm {
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
  return { tables, rated, criteria: prepared };
}

/** Running sums of the pooled statistics over the criteria of one resample. */
export class Pool {
  private agreeing = 0;
  private units = 0;
  private alphaSum = 0;
  private alphaValues = 0;
  used = 0;

  reset(): void {
    this.agreeing = this.units = this.alphaSum = this.alphaValues = this.used = 0;
  }

  /** One criterion: its exact agreement over `units` pairable units, its alpha over `values`. */
  add(exact: number, units: number, alpha: number, values: number): void {
    if (units > 0) {
      this.agreeing += exact * units;
      this.units += units;
    }
    if (Number.isNaN(alpha)) return;
    this.alphaSum += values * alpha;
    this.alphaValues += values;
    this.used += 1;
  }

  get exact(): number {
    return this.units === 0 ? NaN : this.agreeing / this.units;
  }

  get alpha(): number {
    return this.alphaValues === 0 ? NaN : this.alphaSum / this.alphaValues;
  }
}

/** Adds every criterion, for interaction weights w, to `pool`. */
function poolForm(form: PreparedForm, w: Float64Array, pool: Pool): void {
  pool.reset();
  for (const c of form.criteria) {
    for (let u = 0; u < c.position.length; u += 1) c.w[u] = w[c.position[u] ?? 0] ?? 0;
    pool.add(
      exactOf(c.shares, c.w),
      pairableWeight(c.shares, c.w),
      alphaOf(c.alpha, c.w),
      pairableValuesOf(c.alpha, c.raters, c.w),
    );
  }
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

/** The form's estimates from its pooled resample values (NaN = undefined). */
export function formResult(
  form: PreparedForm,
  samples: { exact: Float64Array; alpha: Float64Array },
  icc: { totalScores: RatingMatrix; resamples: number; seed: number },
): FormAgreement {
  const observed = new Pool();
  poolForm(form, allOnce(form.rated.length), observed);
  const interval = (xs: Float64Array) => (form.rated.length >= 2 ? percentileInterval(xs) : null);
  const pairableColumns = new Set<number>();
  let pairableValues = 0;
  for (const table of form.tables) {
    table.raters.forEach((m, u) => {
      if (m >= 2) pairableColumns.add(table.columns[u] ?? 0);
    });
    pairableValues += pairable(table).values;
  }
  const base = { pairableUnits: pairableColumns.size, pairableValues, undefinedReason: NO_PAIRS };
  const alpha = makeEstimate({
    ...base,
    value: observed.alpha,
    interval: interval(samples.alpha),
    undefinedReason:
      pairableColumns.size === 0
        ? NO_PAIRS
        : 'On every criterion all evaluators gave the same rating, so alpha is undefined for each of them.',
  });
  return {
    exact: makeEstimate({ ...base, value: observed.exact, interval: interval(samples.exact) }),
    alpha: { ...alpha, criteriaUsed: observed.used, criteriaUndefined: form.criteria.length - observed.used },
    icc: iccEstimate(icc.totalScores, icc.resamples, icc.seed),
  };
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
 * For the criteria and the form together, sessionAgreement gives the same figures with less work.
 */
export function formAgreement(
  criteria: FormCriteria,
  totalScores: RatingMatrix,
  opts: BootstrapOptions = {},
): FormAgreement {
  const resamples = opts.resamples ?? DEFAULT_RESAMPLES;
  const seed = opts.seed ?? DEFAULT_SEED;
  checkOptions(resamples, 0.95);
  const form = prepareForm(criteria);
  const samples = { exact: new Float64Array(resamples), alpha: new Float64Array(resamples) };
  const pool = new Pool();
  if (form.rated.length >= 2)
    resampleUnits(form.rated.length, resamples, seed, (w, r) => {
      poolForm(form, w, pool);
      samples.exact[r] = pool.exact;
      samples.alpha[r] = pool.alpha;
    });
  return formResult(form, samples, { totalScores, resamples, seed });
}
