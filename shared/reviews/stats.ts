/**
 * Small-sample statistics for QA figures. A QA score rests on a handful of reviews, so every
 * figure carries its n and a 95% interval rather than a bare mean.
 */

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export interface MeanInterval {
  n: number;
  mean: number | null;
  /** Sample standard deviation; null below two values. */
  sd: number | null;
  /** 95% t-interval of the mean; null below two values (one review says nothing about spread). */
  low: number | null;
  high: number | null;
}

export interface ProportionInterval {
  count: number;
  n: number;
  /** count / n, null when n = 0. */
  share: number | null;
  low: number | null;
  high: number | null;
}

export interface DifferenceInterval {
  difference: number | null;
  low: number | null;
  high: number | null;
}

/** log Γ(x) by the Lanczos approximation (g = 7), accurate to ~15 digits for x > 0. */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const xx = x - 1;
  let a = c[0] as number;
  const t = xx + 7.5;
  for (let i = 1; i < 9; i += 1) a += (c[i] as number) / (xx + i);
  return 0.5 * Math.log(2 * Math.PI) + (xx + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the regularised incomplete beta function (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m += 1) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    c = 1 + aa / c;
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    c = Math.abs(c) < tiny ? tiny : c;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    c = 1 + aa / c;
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    c = Math.abs(c) < tiny ? tiny : c;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(a, b, x)) / a
    : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The t value with P(T ≤ t) = p (p in (0.5, 1)), by bisection on the CDF: exact to ~1e-10. */
export function studentTQuantile(p: number, df: number): number {
  if (!(df > 0) || !(p > 0.5 && p < 1)) throw new RangeError('studentTQuantile needs df > 0 and 0.5 < p < 1');
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i += 1) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

const t975Cache = new Map<number, number>();
/** Reports ask for the same few df over and over (one per agent's n): bisection once each. */
function t975(df: number): number {
  let t = t975Cache.get(df);
  if (t === undefined) {
    t = studentTQuantile(0.975, df);
    if (t975Cache.size < 10_000) t975Cache.set(df, t);
  }
  return t;
}

/**
 * Mean with a 95% t-interval (normal approximation of the mean of n reviews, df = n − 1),
 * clipped to the scale's bounds when given: a QA score cannot exceed 100.
 */
export function meanInterval(values: readonly number[], bounds?: { min: number; max: number }): MeanInterval {
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null, low: null, high: null };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n < 2) return { n, mean, sd: null, low: null, high: null };
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  const sd = Math.sqrt(variance);
  const half = t975(n - 1) * (sd / Math.sqrt(n));
  const clip = (v: number) => (bounds ? Math.min(bounds.max, Math.max(bounds.min, v)) : v);
  return { n, mean, sd, low: clip(mean - half), high: clip(mean + half) };
}

/** Share with a 95% Wilson score interval: stays inside [0, 1] and behaves at 0 and n. */
export function wilsonInterval(count: number, n: number, z = Z95): ProportionInterval {
  if (n <= 0) return { count, n, share: null, low: null, high: null };
  const p = count / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { count, n, share: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * Difference of two shares p1 − p2 with Newcombe's hybrid score interval (method 10 of
 * Newcombe 1998), built from the two Wilson intervals; unlike the Wald interval it stays sensible
 * with small groups and shares near 0 or 1.
 */
export function differenceInterval(a: ProportionInterval, b: ProportionInterval): DifferenceInterval {
  if (
    a.share === null ||
    b.share === null ||
    a.low === null ||
    b.low === null ||
    a.high === null ||
    b.high === null
  )
    return { difference: null, low: null, high: null };
  const d = a.share - b.share;
  return {
    difference: d,
    low: d - Math.sqrt((a.share - a.low) ** 2 + (b.high - b.share) ** 2),
    high: d + Math.sqrt((a.high - a.share) ** 2 + (b.share - b.low) ** 2),
  };
}
