import type { BootstrapOptions, CriterionScale, FormAgreement, RatingMatrix } from './types';

export function formAgreement(
  _criteria: ReadonlyArray<{ matrix: RatingMatrix; scale: CriterionScale }>,
  _totalScores: RatingMatrix,
  _opts?: BootstrapOptions,
): FormAgreement {
  throw new Error('formAgreement: not implemented yet');
}
