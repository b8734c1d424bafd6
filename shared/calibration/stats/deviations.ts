import { checkMatrix } from './matrix';
import type { EvaluatorDeviation, Rating, RatingMatrix } from './types';

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The most frequent rating of one unit; ties and too few ratings as in `consensus`. */
function modeOf(ratings: number[]): Rating {
  if (ratings.length < 2) return null;
  const sorted = [...ratings].sort((a, b) => a - b);
  const counts = new Map<number, number>();
  for (const x of sorted) counts.set(x, (counts.get(x) ?? 0) + 1);
  const top = Math.max(...counts.values());
  const modes = [...counts].filter(([, n]) => n === top).map(([x]) => x);
  if (modes.length === 1) return modes[0] ?? null;
  const centre = median(sorted);
  const nearest = Math.min(...modes.map((x) => Math.abs(x - centre)));
  const closest = modes.filter((x) => Math.abs(x - centre) === nearest);
  return closest.length === 1 ? (closest[0] ?? null) : null;
}

/**
 * The reference rating per unit (column).
 * - With `expertRow`: the expert's rating as it is (null where the expert gave none or N/A: there
 *   is then no benchmark for that unit).
 * - Otherwise the mode of the unit's ratings. Ties: among the tied values, the one nearest the
 *   median of all the unit's ratings (so 2, 2, 4, 4, 5 gives 4: the rest of the panel leans that
 *   way); when two tied values are equally near (a clean split such as yes, yes, no, no), null:
 *   there is no consensus, and the app should say so rather than pick a side. A unit with fewer
 *   than two ratings has no consensus either (null).
 */
export function consensus(m: RatingMatrix, expertRow?: number): Rating[] {
  const columns = checkMatrix(m);
  if (expertRow !== undefined) {
    const expert = m[expertRow];
    if (expert === undefined) throw new Error(`There is no evaluator row ${expertRow} to use as the expert.`);
    return [...expert];
  }
  return Array.from({ length: columns }, (_, c) =>
    modeOf(m.map((row) => row[c] ?? null).filter((x): x is number => x !== null)),
  );
}

/**
 * Per evaluator (row): over the units where both the evaluator and the reference have a rating,
 * the mean signed deviation (rating − reference) / normaliseBy, positive = more lenient than
 * the reference, and the mean absolute deviation. `normaliseBy` (default 1) puts criteria on one
 * footing, e.g. the scale's range (scaleRange) so a deviation of 1 is the whole scale. The
 * reference may include the evaluator's own rating (the mode does); an expert's own row shows 0.
 */
export function evaluatorDeviations(
  m: RatingMatrix,
  reference: ReadonlyArray<Rating>,
  normaliseBy = 1,
): EvaluatorDeviation[] {
  const columns = checkMatrix(m);
  if (reference.length !== columns)
    throw new Error(
      `The reference needs one rating per interaction: it has ${reference.length}, expected ${columns}.`,
    );
  if (!(normaliseBy > 0) || !Number.isFinite(normaliseBy))
    throw new Error(`Deviations can only be divided by a positive number (got ${normaliseBy}).`);
  return m.map((row, r) => {
    let n = 0;
    let signed = 0;
    let absolute = 0;
    row.forEach((rating, c) => {
      const ref = reference[c] ?? null;
      if (rating === null || ref === null) return;
      const d = (rating - ref) / normaliseBy;
      n += 1;
      signed += d;
      absolute += Math.abs(d);
    });
    return {
      row: r,
      n,
      meanSigned: n === 0 ? null : signed / n,
      meanAbsolute: n === 0 ? null : absolute / n,
    };
  });
}
