import type { RatingMatrix } from './types';

/**
 * Every statistic here except ICC depends on a unit only through how many of its ratings fall in
 * each category, so a matrix is reduced once to a table of counts per rated unit. A bootstrap
 * resample is then just a multiplicity per unit (how often it was drawn): no matrix is copied.
 */
export interface CountTable {
  /** Category values, ascending. */
  values: number[];
  /** Column index in the matrix of each rated unit (a unit with at least one rating). */
  columns: number[];
  /** counts[u * values.length + c] = ratings of unit u in category c. */
  counts: Float64Array;
  /** Ratings per rated unit. */
  raters: Float64Array;
}

/** Throws in plain words when rows differ in length or a rating is not a finite number. */
export function checkMatrix(m: RatingMatrix): number {
  const columns = m[0]?.length ?? 0;
  m.forEach((row, r) => {
    if (row.length !== columns)
      throw new Error(
        `Every evaluator needs one rating (or a blank) per interaction: row ${r + 1} has ${row.length}, expected ${columns}.`,
      );
    row.forEach((rating, c) => {
      if (rating !== null && !Number.isFinite(rating))
        throw new Error(`Rating of row ${r + 1}, interaction ${c + 1} is not a number (${String(rating)}).`);
    });
  });
  return columns;
}

/** Columns that hold at least one rating: the units every bootstrap here resamples. */
export function ratedColumns(m: RatingMatrix): number[] {
  const columns = checkMatrix(m);
  const rated: number[] = [];
  for (let c = 0; c < columns; c += 1) if (m.some((row) => row[c] !== null)) rated.push(c);
  return rated;
}

function categoryValues(m: RatingMatrix, categories: readonly number[] | undefined): number[] {
  if (categories !== undefined) {
    const sorted = [...new Set(categories)].sort((a, b) => a - b);
    if (sorted.length !== categories.length) throw new Error('The list of categories repeats a value.');
    return sorted;
  }
  const seen = new Set<number>();
  for (const row of m) for (const rating of row) if (rating !== null) seen.add(rating);
  return [...seen].sort((a, b) => a - b);
}

export function countTable(m: RatingMatrix, categories?: readonly number[]): CountTable {
  const columns = ratedColumns(m);
  const values = categoryValues(m, categories);
  const index = new Map(values.map((v, i) => [v, i]));
  const k = values.length;
  const counts = new Float64Array(columns.length * k);
  const raters = new Float64Array(columns.length);
  columns.forEach((column, u) => {
    for (const row of m) {
      const rating = row[column] ?? null;
      if (rating === null) continue;
      const c = index.get(rating);
      if (c === undefined)
        throw new Error(`Rating ${rating} is not on the scale (${values.join(', ')}) of this criterion.`);
      counts[u * k + c] = (counts[u * k + c] ?? 0) + 1;
      raters[u] = (raters[u] ?? 0) + 1;
    }
  });
  return { values, columns, counts, raters };
}

/** Units with ≥ 2 ratings and the ratings in them: what agreement can be judged on. */
export function pairable(table: CountTable): { units: number; values: number } {
  let units = 0;
  let values = 0;
  for (const m of table.raters)
    if (m >= 2) {
      units += 1;
      values += m;
    }
  return { units, values };
}

/** Multiplicity 1 for every unit: the statistic of the data as observed. */
export function allOnce(units: number): Float64Array {
  return new Float64Array(units).fill(1);
}
