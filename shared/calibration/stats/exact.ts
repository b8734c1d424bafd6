import { allOnce, countTable } from './matrix';
import { exactOf, planExact } from './kernels';
import type { RatingMatrix } from './types';

const orNull = (x: number) => (Number.isNaN(x) ? null : x);

/**
 * % exact agreement as a share in [0, 1]: for each unit with ≥ 2 ratings, the share of its pairs
 * of evaluators who gave the same rating; then the mean over those units, so each interaction
 * counts once however many evaluators scored it. This is Gwet's p_a (irrCAC `pa.coeff.raw`); with
 * no missing ratings it equals the share of agreeing pairs overall. null when no unit is pairable.
 */
export function percentExactAgreement(m: RatingMatrix): number | null {
  const table = countTable(m);
  return orNull(exactOf(planExact(table), allOnce(table.raters.length)));
}
