import type { Estimate, Interval } from './types';

/**
 * The insufficient-data rule: an estimate resting on fewer than 5 units (interactions) with two
 * or more ratings, or on fewer than 10 such ratings, is flagged. It is still computed and shown,
 * with a low-confidence mark: with 1–4 interactions a bootstrap over interactions can only
 * reshuffle a handful of units, and one odd interaction swings alpha by tenths.
 */
export const MIN_PAIRABLE_UNITS = 5;
export const MIN_PAIRABLE_VALUES = 10;

export interface EstimateInput {
  /** NaN when undefined. */
  value: number;
  interval: Interval | null;
  pairableUnits: number;
  pairableValues: number;
  /** Why the value is undefined when it is, in plain words. */
  undefinedReason: string;
  /** Says what the estimate rests on, e.g. "3 interactions with ratings from two or more evaluators". */
  describeUnits?: (units: number) => string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
export const pairableUnitsPhrase = (n: number) =>
  `${plural(n, 'interaction', 'interactions')} with ratings from two or more evaluators`;

export function makeEstimate(input: EstimateInput): Estimate {
  const describe = input.describeUnits ?? pairableUnitsPhrase;
  const reasons: string[] = [];
  const value = Number.isNaN(input.value) ? null : input.value;
  if (value === null) reasons.push(input.undefinedReason);
  const insufficient = input.pairableUnits < MIN_PAIRABLE_UNITS || input.pairableValues < MIN_PAIRABLE_VALUES;
  if (insufficient && input.pairableUnits > 0)
    reasons.push(
      `Too little data to judge: only ${describe(input.pairableUnits)} (${plural(input.pairableValues, 'rating', 'ratings')}); at least ${MIN_PAIRABLE_UNITS} interactions and ${MIN_PAIRABLE_VALUES} ratings are needed.`,
    );
  return {
    value,
    interval: value === null ? null : input.interval,
    pairableUnits: input.pairableUnits,
    pairableValues: input.pairableValues,
    insufficient,
    reason: reasons.length > 0 ? reasons.join(' ') : null,
  };
}

export const NO_PAIRS =
  'No interaction has ratings from two or more evaluators, so there is nothing to compare.';
export const NO_VARIATION =
  'Every rating is the same, so there is no variation to tell agreement from chance: alpha is undefined.';
