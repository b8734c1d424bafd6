import type { RatingMatrix } from './types';

/** Share of agreeing rater pairs within units, pooled over all pairs; null without pairs. */
export function percentExactAgreement(_m: RatingMatrix): number | null {
  throw new Error('percentExactAgreement: not implemented yet');
}
