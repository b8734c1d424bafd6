import { allOnce, countTable } from './matrix';
import { alphaOf, planAlpha } from './kernels';
import type { Metric, RatingMatrix } from './types';

/**
 * Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"), from the
 * coincidence matrix of pairable values; units with fewer than two ratings drop out. Metrics:
 * nominal (any difference counts 1), ordinal (differences in ranks, built from the marginals),
 * interval (squared difference), ratio ((a − b) / (a + b))².
 *
 * `categories`, when given, is the scale: a rating outside it is an error. It does not change the
 * value (unobserved categories add no coincidences and no ordinal rank distance).
 * null when there is no pairable value or the expected disagreement is zero (no variation).
 */
export function krippendorffAlpha(
  m: RatingMatrix,
  metric: Metric,
  categories?: readonly number[],
): number | null {
  const table = countTable(m, categories);
  const alpha = alphaOf(planAlpha(table, metric), allOnce(table.raters.length));
  return Number.isNaN(alpha) ? null : alpha;
}
