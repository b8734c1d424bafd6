import { DEFAULT_RESAMPLES, DEFAULT_SEED, checkOptions, resampleUnits } from './bootstrap';
import {
  type CriterionPlan,
  type CriterionSamples,
  criterionAgreement,
  criterionResult,
  newSamples,
  planCriterion,
  sampleCriterion,
} from './criterion';
import { type FormCriteria, Pool, formAgreement, formResult, prepareForm } from './form';
import { pairableValuesOf, pairableWeight } from './kernels';
import type { BootstrapOptions, CriterionAgreement, FormAgreement, RatingMatrix } from './types';

const sameColumns = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * criterionAgreement for every criterion and formAgreement, with the same figures (tested equal)
 * for about two thirds of the work: when every criterion has ratings on the same interactions
 * (the usual session), a criterion's resample r and the form's resample r are the same draw, so
 * each criterion's alpha and exact agreement per resample are computed once and pooled for the
 * form as they come. Otherwise it simply calls the two.
 */
export function sessionAgreement(
  criteria: FormCriteria,
  totalScores: RatingMatrix,
  opts: BootstrapOptions = {},
): { criteria: CriterionAgreement[]; form: FormAgreement } {
  const resamples = opts.resamples ?? DEFAULT_RESAMPLES;
  const seed = opts.seed ?? DEFAULT_SEED;
  checkOptions(resamples, 0.95);
  const form = prepareForm(criteria);
  const plans = criteria.map((c) => planCriterion(c.matrix, c.scale));
  const samples = plans.map(() => newSamples(resamples));
  const formSamples = { exact: new Float64Array(resamples), alpha: new Float64Array(resamples) };
  const units = form.rated.length;
  if (units >= 2) {
    if (plans.every((p) => sameColumns(p.table.columns, form.rated)))
      sampleTogether(plans, samples, formSamples, { units, resamples, seed });
    else return separately(criteria, totalScores, { resamples, seed });
  }
  return {
    criteria: plans.map((plan, i) => criterionResult(plan, samples[i] ?? newSamples(resamples))),
    form: formResult(form, formSamples, { totalScores, resamples, seed }),
  };
}

function sampleTogether(
  plans: CriterionPlan[],
  samples: CriterionSamples[],
  formSamples: { exact: Float64Array; alpha: Float64Array },
  draw: { units: number; resamples: number; seed: number },
): void {
  const pool = new Pool();
  resampleUnits(draw.units, draw.resamples, draw.seed, (w, r) => {
    pool.reset();
    for (let i = 0; i < plans.length; i += 1) {
      const plan = plans[i] as CriterionPlan;
      const own = samples[i] as CriterionSamples;
      sampleCriterion(plan, w, r, own);
      pool.add(
        own.exact[r] ?? NaN,
        pairableWeight(plan.shares, w),
        own.alpha[r] ?? NaN,
        pairableValuesOf(plan.alpha, plan.table.raters, w),
      );
    }
    formSamples.exact[r] = pool.exact;
    formSamples.alpha[r] = pool.alpha;
  });
}

function separately(criteria: FormCriteria, totalScores: RatingMatrix, opts: Required<BootstrapOptions>) {
  return {
    criteria: criteria.map((c) => criterionAgreement(c.matrix, c.scale, opts)),
    form: formAgreement(criteria, totalScores, opts),
  };
}
