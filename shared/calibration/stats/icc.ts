import { allOnce, checkMatrix } from './matrix';
import type { RatingMatrix } from './types';

/**
 * ICC(2,1) needs a complete two-way table (every rater scores every unit). With missing scores:
 * raters with no score at all are left out, then every unit that a remaining rater did not score
 * (listwise deletion, as Shrout & Fleiss's ANOVA and R's psych/irr do). `units` says how many
 * complete units remain, so the caller can show what the figure rests on.
 */
export interface IccPlan {
  /** Complete units × raters, row-major by unit. */
  scores: Float64Array;
  units: number;
  raters: number;
  /** Matrix column of each complete unit. */
  columns: number[];
  unitMeans: Float64Array;
  raterSums: Float64Array;
}

export function planIcc(m: RatingMatrix): IccPlan {
  const columns = checkMatrix(m);
  const rows = m.filter((row) => row.some((x) => x !== null));
  const complete: number[] = [];
  for (let c = 0; c < columns; c += 1) if (rows.every((row) => row[c] !== null)) complete.push(c);
  const k = rows.length;
  const scores = new Float64Array(complete.length * k);
  const unitMeans = new Float64Array(complete.length);
  complete.forEach((column, u) => {
    let sum = 0;
    rows.forEach((row, j) => {
      const x = row[column] ?? 0;
      scores[u * k + j] = x;
      sum += x;
    });
    unitMeans[u] = sum / k;
  });
  return {
    scores,
    units: complete.length,
    raters: k,
    columns: complete,
    unitMeans,
    raterSums: new Float64Array(k),
  };
}

/**
 * Shrout & Fleiss (1979) case 2, single rater, from the two-way ANOVA mean squares:
 * (BMS − EMS) / (BMS + (k − 1) EMS + k (JMS − EMS) / n), over units weighted by w.
 */
export function iccOf(plan: IccPlan, w: Float64Array): number {
  const { scores, raters: k, unitMeans, raterSums } = plan;
  raterSums.fill(0);
  let n = 0;
  let total = 0;
  for (let u = 0; u < plan.units; u += 1) {
    const weight = w[u] ?? 0;
    if (weight === 0) continue;
    n += weight;
    for (let j = 0; j < k; j += 1) {
      const x = weight * (scores[u * k + j] ?? 0);
      raterSums[j] = (raterSums[j] ?? 0) + x;
      total += x;
    }
  }
  if (n < 2 || k < 2) return NaN;
  const grand = total / (n * k);
  let unitsSS = 0;
  let totalSS = 0;
  for (let u = 0; u < plan.units; u += 1) {
    const weight = w[u] ?? 0;
    if (weight === 0) continue;
    unitsSS += weight * k * ((unitMeans[u] ?? 0) - grand) ** 2;
    for (let j = 0; j < k; j += 1) totalSS += weight * ((scores[u * k + j] ?? 0) - grand) ** 2;
  }
  let ratersSS = 0;
  for (let j = 0; j < k; j += 1) ratersSS += n * ((raterSums[j] ?? 0) / n - grand) ** 2;
  const errorSS = Math.max(0, totalSS - unitsSS - ratersSS);
  const bms = unitsSS / (n - 1);
  const jms = ratersSS / (k - 1);
  const ems = errorSS / ((n - 1) * (k - 1));
  const denominator = bms + (k - 1) * ems + (k * (jms - ems)) / n;
  return denominator <= 0 ? NaN : (bms - ems) / denominator;
}

/**
 * ICC(2,1): two-way random effects, absolute agreement, single rater (Shrout & Fleiss 1979).
 * Rows are raters, columns units, as everywhere here. Missing scores: see IccPlan. null with
 * fewer than 2 complete units or 2 raters, or when every score is the same.
 */
export function icc21(m: RatingMatrix): number | null {
  const plan = planIcc(m);
  const icc = iccOf(plan, allOnce(plan.units));
  return Number.isNaN(icc) ? null : icc;
}
