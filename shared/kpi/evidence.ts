/**
 * The statistics behind "how much evidence stands behind a value" (issue 8 item 4): 95%
 * intervals and how sure a miss of a target is. Pure functions, no KPI knowledge; the per-KPI
 * choice of interval lives in kpiEvidence.ts.
 */

export interface Interval {
  low: number;
  high: number;
}

/** Two-sided 95%. */
export const Z95 = 1.959963984540054;

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/**
 * Wilson score interval for a proportion (successes of n), in proportion units 0…1. Unlike the
 * Wald interval it stays inside 0…1 and is not degenerate at 0/n or n/n, which matters for the
 * small team-lead samples (3 of 4 complaints escalated). Null when n is 0.
 */
export function wilson(successes: number, n: number, z = Z95): Interval | null {
  if (!(n > 0)) return null;
  const p = clamp(successes / n, 0, 1);
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: clamp(centre - half, 0, 1), high: clamp(centre + half, 0, 1) };
}

// Student t 97.5% quantiles for 1…29 degrees of freedom; beyond, the Cornish–Fisher expansion
// below is within 0.001 of the table value.
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045,
];

/** Two-sided 95% quantile of Student's t with `df` degrees of freedom (df ≥ 1). */
export function t975(df: number): number {
  const fromTable = T975[Math.floor(df) - 1];
  if (fromTable !== undefined) return fromTable;
  const z = Z95;
  const z3 = z ** 3;
  return z + (z3 + z) / (4 * df) + (5 * z ** 5 + 16 * z3 + 3 * z) / (96 * df * df);
}

/**
 * t interval for a mean from n observations with the given sum and sum of squares, clamped to
 * [lo, hi] (the rating scale). One observation says nothing about the spread: the whole scale.
 */
export function meanInterval(n: number, sum: number, sumSq: number, lo: number, hi: number): Interval | null {
  if (!(n > 0)) return null;
  if (n < 2) return { low: lo, high: hi };
  const mean = sum / n;
  const variance = Math.max(0, (sumSq - n * mean * mean) / (n - 1));
  const half = t975(n - 1) * Math.sqrt(variance / n);
  return { low: clamp(mean - half, lo, hi), high: clamp(mean + half, lo, hi) };
}

/**
 * NPS interval in points (−100…100). NPS is a difference of two proportions of the same
 * multinomial sample, so its variance is (p + d − (p − d)²) / n, not the sum of two binomial
 * variances (promoters and detractors are negatively correlated).
 */
export function npsInterval(promoters: number, detractors: number, n: number): Interval | null {
  if (!(n > 0)) return null;
  const p = promoters / n;
  const d = detractors / n;
  const nps = p - d;
  const half = Z95 * Math.sqrt(Math.max(0, p + d - nps * nps) / n);
  return { low: clamp(100 * (nps - half), -100, 100), high: clamp(100 * (nps + half), -100, 100) };
}

/**
 * Interval for a rate of events per unit of exposure (handled contacts per logged-in hour),
 * treating the count as Poisson: se = √count ÷ exposure.
 */
export function poissonRateInterval(count: number, exposure: number): Interval | null {
  if (!(exposure > 0) || !(count >= 0)) return null;
  const half = (Z95 * Math.sqrt(count)) / exposure;
  const rate = count / exposure;
  return { low: Math.max(0, rate - half), high: rate + half };
}

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 via erf; absolute error < 1.5e-7). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** The standard error a 95% interval implies (half its width over z), the basis of certainty. */
export const intervalSe = (interval: Interval): number => (interval.high - interval.low) / (2 * Z95);

/**
 * How sure a miss is, 0…1: one minus the one-sided p-value of "the true value is on the right
 * side of the target", by the normal approximation with standard error `se`. A value on the right
 * side gives at most 0.5. With no spread at all (se 0 or unknown) the value is the whole truth: a
 * miss is certain (1), a hit is not a miss (0).
 */
export function missCertainty(
  value: number,
  target: number,
  better: 'higher' | 'lower',
  se: number | null,
): number {
  const gap = better === 'higher' ? target - value : value - target;
  if (se === null || !(se > 0)) return gap > 0 ? 1 : 0;
  return normalCdf(gap / se);
}
