import { ratedColumns } from './matrix';
import { seededRandom } from './random';
import type { Interval, RatingMatrix } from './types';

export const DEFAULT_RESAMPLES = 1000;
export const DEFAULT_SEED = 1;
export const DEFAULT_LEVEL = 0.95;

export function checkOptions(resamples: number, level: number): void {
  if (!Number.isInteger(resamples) || resamples < 1)
    throw new Error(
      `The number of bootstrap resamples must be a whole number of at least 1 (got ${resamples}).`,
    );
  if (!(level > 0 && level < 1))
    throw new Error(`The interval level must be between 0 and 1 (got ${level}).`);
}

/**
 * Draws `resamples` bootstrap resamples of `units` units with replacement and hands each to
 * `onResample` as a multiplicity per unit (w[u] = times unit u was drawn; Σ w = units). The
 * same seed gives the same resamples, whatever statistic is computed from them.
 */
export function resampleUnits(
  units: number,
  resamples: number,
  seed: number,
  onResample: (w: Float64Array, index: number) => void,
): void {
  const random = seededRandom(seed);
  const w = new Float64Array(units);
  for (let r = 0; r < resamples; r += 1) {
    w.fill(0);
    for (let i = 0; i < units; i += 1) {
      const u = Math.floor(random() * units);
      w[u] = (w[u] ?? 0) + 1;
    }
    onResample(w, r);
  }
}

/**
 * Moves a[k] to where it would be in sorted order, smaller values before it and larger after
 * (Hoare's selection, expected linear time; a full sort of 1,000 values costs ten times more,
 * and a session needs about a hundred intervals).
 */
function select(a: Float64Array, k: number, end: number): number {
  let lo = 0;
  let hi = end - 1;
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1] ?? 0;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] ?? 0) < pivot) i += 1;
      while ((a[j] ?? 0) > pivot) j -= 1;
      if (i <= j) {
        const t = a[i] ?? 0;
        a[i] = a[j] ?? 0;
        a[j] = t;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k] ?? NaN;
}

/** Moves the non-NaN values to the front; returns how many there are. */
function packDefined(values: Float64Array): number {
  let defined = 0;
  for (let i = 0; i < values.length; i += 1) {
    const x = values[i] ?? NaN;
    if (Number.isNaN(x)) continue;
    values[i] = values[defined] ?? NaN;
    values[defined] = x;
    defined += 1;
  }
  return defined;
}

/**
 * Percentile interval of the bootstrap values (NaN = undefined in that resample, left out),
 * linear interpolation between order statistics (R's quantile type 7). Reorders `values`.
 * null when fewer than half the resamples give a defined value: the rest would describe only
 * the lucky resamples.
 */
export function percentileInterval(values: Float64Array, level = DEFAULT_LEVEL): Interval | null {
  const defined = packDefined(values);
  if (defined === 0 || defined * 2 < values.length) return null;
  const quantile = (p: number) => {
    const h = (defined - 1) * p;
    const below = Math.floor(h);
    const low = select(values, below, defined);
    if (below + 1 >= defined || h === below) return low;
    let next = Infinity; // after select, everything past `below` is ≥ low: the next order statistic is their minimum
    for (let i = below + 1; i < defined; i += 1) next = Math.min(next, values[i] ?? Infinity);
    return low + (h - below) * (next - low);
  };
  const tail = (1 - level) / 2;
  return {
    lower: quantile(tail),
    upper: quantile(1 - tail),
    level,
    definedResamples: defined,
    resamples: values.length,
  };
}

/**
 * Percentile bootstrap interval of any statistic of a rating matrix, resampling units (columns)
 * with replacement. Only columns with at least one rating are resampled: an all-blank column
 * carries nothing for any statistic here, and leaving it out keeps the interval the same when one
 * is added. Resampled columns keep the order of the original matrix. null with fewer than two
 * rated units (every resample would be the data itself) or, see percentileInterval, too many
 * undefined resamples. Uses the same draws as criterionAgreement for the same seed.
 */
export function bootstrapInterval(
  m: RatingMatrix,
  stat: (m: RatingMatrix) => number | null,
  opts: { resamples: number; seed: number; level?: number },
): Interval | null {
  const level = opts.level ?? DEFAULT_LEVEL;
  checkOptions(opts.resamples, level);
  const rated = ratedColumns(m);
  if (rated.length < 2) return null;
  const values = new Float64Array(opts.resamples);
  resampleUnits(rated.length, opts.resamples, opts.seed, (w, r) => {
    const picked: number[] = [];
    w.forEach((times, u) => {
      for (let t = 0; t < times; t += 1) picked.push(rated[u] ?? 0);
    });
    values[r] = stat(m.map((row) => picked.map((c) => row[c] ?? null))) ?? NaN;
  });
  return percentileInterval(values, level);
}
