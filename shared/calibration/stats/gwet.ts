import type { GwetWeights, RatingMatrix } from './types';

/** Gwet's AC1 (identity weights) or AC2 (other weights) for any number of raters, missing allowed. */
export function gwetAC(
  _m: RatingMatrix,
  _categories: readonly number[],
  _weights: GwetWeights,
): number | null {
  throw new Error('gwetAC: not implemented yet');
}
