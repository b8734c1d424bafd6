/**
 * Agreement statistics for calibration sessions (issue 10, item 3): % exact agreement,
 * Krippendorff's alpha, Gwet's AC1/AC2, ICC(2,1), percentile bootstrap intervals over units, and
 * per-evaluator deviations from a consensus or an expert.
 *
 * Additions to the agreed API (no renames): `Interval.definedResamples` and `Interval.resamples`;
 * `FormAgreement.alpha.criteriaUsed/criteriaUndefined`; `FormAgreement.icc.raters`; the named
 * types `CriterionScale`, `GwetWeights`, `FormAgreement`, `BootstrapOptions`, `EvaluatorDeviation`;
 * helpers `scaleCategories`, `scaleRange` and the constants of the insufficient-data rule;
 * `sessionAgreement` (every criterion and the form in one call, the same figures for less work).
 */
export * from './types';
export { seededRandom } from './random';
export { percentExactAgreement } from './exact';
export { krippendorffAlpha } from './alpha';
export { gwetAC } from './gwet';
export { icc21 } from './icc';
export { bootstrapInterval } from './bootstrap';
export { MIN_PAIRABLE_UNITS, MIN_PAIRABLE_VALUES } from './estimate';
export { criterionAgreement, scaleCategories, scaleRange } from './criterion';
export { formAgreement } from './form';
export { sessionAgreement } from './session';
export { consensus, evaluatorDeviations } from './deviations';
