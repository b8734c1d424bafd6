import type { RatingMatrix } from './types';

/** ICC(2,1): two-way random effects, absolute agreement, single rater (Shrout & Fleiss 1979). */
export function icc21(_m: RatingMatrix): number | null {
  throw new Error('icc21: not implemented yet');
}
