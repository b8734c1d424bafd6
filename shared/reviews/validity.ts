import {
  differenceInterval,
  wilsonInterval,
  type DifferenceInterval,
  type ProportionInterval,
} from './stats';

export const VALIDITY_OUTCOMES = ['csat_satisfied', 'fcr', 'repeat_contact'] as const;
export type ValidityOutcome = (typeof VALIDITY_OUTCOMES)[number];

/** One reviewed interaction: how each criterion went and what happened with the customer. */
export interface ValidityInput {
  criteria: Array<{ id: string; label: string; sectionLabel: string; passed: boolean | null }>;
  outcomes: Record<ValidityOutcome, boolean | null>;
}

export interface OutcomeComparison {
  outcome: ValidityOutcome;
  /** Rate among interactions that passed the criterion (those with the outcome known). */
  passed: ProportionInterval;
  failed: ProportionInterval;
  /** passed − failed, with Newcombe's 95% interval. */
  difference: DifferenceInterval;
  /**
   * `associated`: the interval excludes 0; `no_clear_difference`: it does not; `too_few`: either
   * group is below the minimum, so the comparison is not judged.
   */
  reading: 'associated' | 'no_clear_difference' | 'too_few';
}

export interface CriterionValidityRow {
  criterionId: string;
  label: string;
  sectionLabel: string;
  passedN: number;
  failedN: number;
  outcomes: OutcomeComparison[];
}

function compare(
  outcome: ValidityOutcome,
  passed: boolean[],
  failed: boolean[],
  minN: number,
): OutcomeComparison {
  const p = wilsonInterval(passed.filter(Boolean).length, passed.length);
  const f = wilsonInterval(failed.filter(Boolean).length, failed.length);
  const difference = differenceInterval(p, f);
  const reading =
    p.n < minN || f.n < minN || difference.low === null || difference.high === null
      ? 'too_few'
      : difference.low > 0 || difference.high < 0
        ? 'associated'
        : 'no_clear_difference';
  return { outcome, passed: p, failed: f, difference, reading };
}

/**
 * Criterion validity: for each criterion, the outcome rates of reviewed interactions that passed
 * it against those that failed it. A criterion whose outcomes never differ predicts nothing;
 * the reading says so only when both groups hold at least `minN` interactions.
 */
export function criterionValidity(inputs: readonly ValidityInput[], minN: number): CriterionValidityRow[] {
  const rows = new Map<
    string,
    {
      label: string;
      sectionLabel: string;
      passedN: number;
      failedN: number;
      passed: Record<ValidityOutcome, boolean[]>;
      failed: Record<ValidityOutcome, boolean[]>;
    }
  >();
  const empty = (): Record<ValidityOutcome, boolean[]> => ({
    csat_satisfied: [],
    fcr: [],
    repeat_contact: [],
  });
  for (const input of inputs) {
    for (const criterion of input.criteria) {
      if (criterion.passed === null) continue;
      let row = rows.get(criterion.id);
      if (!row) {
        row = {
          label: criterion.label,
          sectionLabel: criterion.sectionLabel,
          passedN: 0,
          failedN: 0,
          passed: empty(),
          failed: empty(),
        };
        rows.set(criterion.id, row);
      }
      if (criterion.passed) row.passedN += 1;
      else row.failedN += 1;
      const side = criterion.passed ? row.passed : row.failed;
      for (const outcome of VALIDITY_OUTCOMES) {
        const value = input.outcomes[outcome];
        if (value !== null) side[outcome].push(value);
      }
    }
  }
  return [...rows].map(([criterionId, row]) => ({
    criterionId,
    label: row.label,
    sectionLabel: row.sectionLabel,
    passedN: row.passedN,
    failedN: row.failedN,
    outcomes: VALIDITY_OUTCOMES.map((o) => compare(o, row.passed[o], row.failed[o], minN)),
  }));
}
