import type { BootstrapOptions, CriterionAgreement, CriterionScale, RatingMatrix } from './types';

/** The ratings a scale allows, lowest first. */
export function scaleCategories(_scale: CriterionScale): number[] {
  throw new Error('scaleCategories: not implemented yet');
}

/** Top minus bottom of the scale (1 for yes/no, 4 for 1–5, maxPoints for points). */
export function scaleRange(_scale: CriterionScale): number {
  throw new Error('scaleRange: not implemented yet');
}

export function criterionAgreement(
  _m: RatingMatrix,
  _scale: CriterionScale,
  _opts?: BootstrapOptions,
): CriterionAgreement {
  throw new Error('criterionAgreement: not implemented yet');
}
