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

/** Per outcome: interactions with it known, and with it true. */
type OutcomeTally = Record<ValidityOutcome, { known: number; yes: number }>;

/** Counts behind one criterion's row; what a report needs, without keeping every interaction. */
export interface ValidityTally {
  criterionId: string;
  label: string;
  sectionLabel: string;
  passed: { n: number; outcomes: OutcomeTally };
  failed: { n: number; outcomes: OutcomeTally };
}

const emptyOutcomes = (): OutcomeTally => ({
  csat_satisfied: { known: 0, yes: 0 },
  fcr: { known: 0, yes: 0 },
  repeat_contact: { known: 0, yes: 0 },
});

/** Adds counts as interactions arrive (criteria in first-seen order). */
export class ValidityTallies {
  private readonly byId = new Map<string, ValidityTally>();

  add(
    criterion: { id: string; label: string; sectionLabel: string },
    passed: boolean,
    outcomes: Record<ValidityOutcome, boolean | null>,
  ): void {
    let tally = this.byId.get(criterion.id);
    if (!tally) {
      tally = {
        criterionId: criterion.id,
        label: criterion.label,
        sectionLabel: criterion.sectionLabel,
        passed: { n: 0, outcomes: emptyOutcomes() },
        failed: { n: 0, outcomes: emptyOutcomes() },
      };
      this.byId.set(criterion.id, tally);
    }
    const side = passed ? tally.passed : tally.failed;
    side.n += 1;
    for (const outcome of VALIDITY_OUTCOMES) {
      const value = outcomes[outcome];
      if (value === null) continue;
      side.outcomes[outcome].known += 1;
      if (value) side.outcomes[outcome].yes += 1;
    }
  }

  list(): ValidityTally[] {
    return [...this.byId.values()];
  }
}

function compare(outcome: ValidityOutcome, tally: ValidityTally, minN: number): OutcomeComparison {
  const p = wilsonInterval(tally.passed.outcomes[outcome].yes, tally.passed.outcomes[outcome].known);
  const f = wilsonInterval(tally.failed.outcomes[outcome].yes, tally.failed.outcomes[outcome].known);
  const difference = differenceInterval(p, f);
  const reading =
    p.n < minN || f.n < minN || difference.low === null || difference.high === null
      ? 'too_few'
      : difference.low > 0 || difference.high < 0
        ? 'associated'
        : 'no_clear_difference';
  return { outcome, passed: p, failed: f, difference, reading };
}

/** Rows from counts: the rates of each group, their difference and its reading. */
export function validityFromTallies(tallies: readonly ValidityTally[], minN: number): CriterionValidityRow[] {
  return tallies.map((tally) => ({
    criterionId: tally.criterionId,
    label: tally.label,
    sectionLabel: tally.sectionLabel,
    passedN: tally.passed.n,
    failedN: tally.failed.n,
    outcomes: VALIDITY_OUTCOMES.map((o) => compare(o, tally, minN)),
  }));
}

/**
 * Criterion validity: for each criterion, the outcome rates of reviewed interactions that passed
 * it against those that failed it. A criterion whose outcomes never differ predicts nothing;
 * the reading says so only when both groups hold at least `minN` interactions.
 */
export function criterionValidity(inputs: readonly ValidityInput[], minN: number): CriterionValidityRow[] {
  const tallies = new ValidityTallies();
  for (const input of inputs)
    for (const criterion of input.criteria)
      if (criterion.passed !== null) tallies.add(criterion, criterion.passed, input.outcomes);
  return validityFromTallies(tallies.list(), minN);
}
