import { allOnce, countTable } from './matrix';
import { gwetOf, planGwet } from './kernels';
import type { GwetWeights, RatingMatrix } from './types';

/**
 * Gwet's agreement coefficient for any number of raters with missing ratings (Gwet 2008; Gwet
 * 2014, Handbook of Inter-Rater Reliability, 4th ed., ch. 2–3), as irrCAC `gwet.ac1.raw`:
 *   p_a = mean over units with ≥ 2 ratings of Σ_k r_ik (r*_ik − 1) / (r_i (r_i − 1)),
 *   p_e = T_w / (q (q − 1)) · Σ_k π_k (1 − π_k), π_k = mean over rated units of r_ik / r_i.
 * `identity` weights give AC1, the others AC2. q is the number of `categories` (the whole scale,
 * used or not), so pass the scale, not the observed values. null without a pairable unit or for
 * a one-category scale.
 */
export function gwetAC(m: RatingMatrix, categories: readonly number[], weights: GwetWeights): number | null {
  const table = countTable(m, categories);
  const ac = gwetOf(planGwet(table, weights), allOnce(table.raters.length));
  return Number.isNaN(ac) ? null : ac;
}
