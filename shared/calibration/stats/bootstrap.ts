import type { Interval, RatingMatrix } from './types';

/** Percentile bootstrap interval, resampling units (columns) with replacement. */
export function bootstrapInterval(
  _m: RatingMatrix,
  _stat: (m: RatingMatrix) => number | null,
  _opts: { resamples: number; seed: number; level?: number },
): Interval | null {
  throw new Error('bootstrapInterval: not implemented yet');
}
