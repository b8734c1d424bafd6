import type { Metric, RatingMatrix } from './types';

/** Krippendorff's alpha; null when there are no pairable values or no expected disagreement. */
export function krippendorffAlpha(
  _m: RatingMatrix,
  _metric: Metric,
  _categories?: readonly number[],
): number | null {
  throw new Error('krippendorffAlpha: not implemented yet');
}
