import type { EvaluatorDeviation, Rating, RatingMatrix } from './types';

/** Per unit: the expert's rating when expertRow is given, otherwise the mode (ties: see below). */
export function consensus(_m: RatingMatrix, _expertRow?: number): Rating[] {
  throw new Error('consensus: not implemented yet');
}

export function evaluatorDeviations(
  _m: RatingMatrix,
  _reference: ReadonlyArray<Rating>,
  _normaliseBy?: number,
): EvaluatorDeviation[] {
  throw new Error('evaluatorDeviations: not implemented yet');
}
