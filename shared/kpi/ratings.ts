import { sumOf, type KpiSums } from './aggregate';
import type { KpiSettings } from './settings';

/**
 * Rating histograms (CSAT, CES, NPS) read from raw rows or from the aggregate sums, and the
 * counts both the values (registry.ts) and their evidence (kpiEvidence.ts) are computed from.
 */

/** Same rule as the SQL: a Likert rating is rounded to its point (SQLite round = half away from zero). */
export const likert = (value: number): number => Math.sign(value) * Math.round(Math.abs(value));

/** Maps a rating on scale `from` (1..from) linearly onto 1..to, so mixed-scale means are comparable. */
export const rescale = (k: number, from: number, to: number): number => 1 + ((k - 1) * (to - 1)) / (from - 1);

export interface Rated {
  k: number;
  scale: number;
}

export type RatedCount = Rated & { n: number };

/** Valid ratings (1..scale) with the scale each is on: explicit, or the setting when blank. */
export function ratingsFromRows<R>(
  rows: readonly R[],
  score: (r: R) => number | null,
  scaleOf: (r: R) => number | null,
  defaultScale: number,
): RatedCount[] {
  const out: RatedCount[] = [];
  for (const r of rows) {
    const v = score(r);
    if (v === null) continue;
    const k = likert(v);
    const scale = scaleOf(r) ?? defaultScale;
    if (k >= 1 && k <= scale) out.push({ k, scale, n: 1 });
  }
  return out;
}

/** Histogram column names per (prefix, scale), built once: this runs for every bucket of every series. */
const histogramKeys = new Map<string, string[]>();
function keysOf(prefix: string, scale: number): string[] {
  const id = `${prefix}|${scale}`;
  let keys = histogramKeys.get(id);
  if (!keys) histogramKeys.set(id, (keys = Array.from({ length: scale }, (_, i) => `${prefix}_${i + 1}`)));
  return keys;
}

export function ratingsFromSums(
  s: KpiSums,
  prefix: string,
  scales: number[],
  unknownPrefix: string,
  defaultScale: number,
): RatedCount[] {
  const out: RatedCount[] = [];
  for (const scale of scales)
    keysOf(`${prefix}${scale}`, scale).forEach((key, i) => out.push({ k: i + 1, scale, n: sumOf(s, key) }));
  keysOf(unknownPrefix, defaultScale).forEach((key, i) =>
    out.push({ k: i + 1, scale: defaultScale, n: sumOf(s, key) }),
  );
  return out;
}

export const csatRatings = (s: KpiSums, settings: KpiSettings): RatedCount[] =>
  ratingsFromSums(s, 'cs', [5, 10], 'csx', settings.csat.scale);
export const cesRatings = (s: KpiSums, settings: KpiSettings): RatedCount[] =>
  ratingsFromSums(s, 'ce', [5, 7], 'cex', settings.ces.scale);

/** Responses, how many are "satisfied" (CSAT threshold), and the points on the target scale. */
export interface RatingStats {
  total: number;
  satisfied: number;
  sum: number;
  sumSq: number;
}

export function ratingStats(
  ratings: readonly RatedCount[],
  toScale: number,
  satisfiedMin?: (scale: number) => number,
) {
  const stats: RatingStats = { total: 0, satisfied: 0, sum: 0, sumSq: 0 };
  for (const { k, scale, n } of ratings) {
    if (n === 0) continue;
    const points = rescale(k, scale, toScale);
    stats.total += n;
    if (satisfiedMin && k >= satisfiedMin(scale)) stats.satisfied += n;
    stats.sum += n * points;
    stats.sumSq += n * points * points;
  }
  return stats;
}

export const csatStats = (ratings: readonly RatedCount[], settings: KpiSettings): RatingStats =>
  ratingStats(ratings, settings.csat.scale, (s) =>
    s === 5 ? settings.csat.satisfiedMin5 : settings.csat.satisfiedMin10,
  );

export const cesStats = (ratings: readonly RatedCount[], settings: KpiSettings): RatingStats =>
  ratingStats(ratings, settings.ces.scale);

export interface NpsCounts {
  total: number;
  promoters: number;
  detractors: number;
}

export function npsCounts(hist: readonly number[], settings: KpiSettings): NpsCounts {
  const c: NpsCounts = { total: 0, promoters: 0, detractors: 0 };
  hist.forEach((n, k) => {
    c.total += n;
    if (k >= settings.nps.promoterMin) c.promoters += n;
    if (k <= settings.nps.detractorMax) c.detractors += n;
  });
  return c;
}

export const npsHistogram = (s: KpiSums): number[] =>
  Array.from({ length: 11 }, (_, k) => sumOf(s, `nps_${k}`));

export function npsHistogramFromScores(scores: ReadonlyArray<number | null>): number[] {
  const hist = Array.from({ length: 11 }, () => 0);
  for (const score of scores) {
    if (score === null) continue;
    const k = likert(score);
    if (k >= 0 && k <= 10) hist[k] = (hist[k] ?? 0) + 1;
  }
  return hist;
}

/**
 * Below this share of a month's customers in contact again the next month (over the whole data),
 * customers do not come back and retention from contacts is not measurable (retentionRule.ts).
 */
export const MIN_RETURNING_SHARE = 0.05;

/**
 * Retention over a shorter window is not measurable: whether a customer of yesterday is in touch
 * again today says how often customers call, not whether they stayed (a day gave "91.8% churn").
 * Two weeks, so the current month has a value from its 14th day on.
 */
export const MIN_RETENTION_DAYS = 14;

/** Customers at start, at end and new, when known (entered, or from customer ids). */
export interface RetentionCounts {
  start: number;
  end: number;
  fresh: number;
}

export function retentionCounts(s: KpiSums): RetentionCounts | null {
  const { ret_start: start, ret_end: end, ret_new: fresh } = s;
  if (start === undefined || end === undefined || fresh === undefined) return null;
  return { start, end, fresh };
}
