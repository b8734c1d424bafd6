import type { OutcomeComparison, ValidityOutcome } from '../../../../../shared/reviews/validity';
import type { EvaluatorLeniencyRow } from '../../../../../shared/reviews/leniency';
import type { MeanInterval, ProportionInterval } from '../../../../../shared/reviews/stats';
import { formatCount, plural } from '../../../lib/format';

/** A QA score or average, 0–100, to one decimal: "86.1". */
export function formatScore(value: number | null): string {
  return value === null ? 'no data' : value.toFixed(1);
}

/** "95% interval 80.9–91.3", or why there is none (one review says nothing about spread). */
export function scoreInterval(m: MeanInterval): string {
  if (m.n === 0) return 'no reviews';
  if (m.low === null || m.high === null) return 'no interval from one review';
  return `95% interval ${m.low.toFixed(1)}–${m.high.toFixed(1)}`;
}

/** "n = 12 reviews". */
export function reviewsN(n: number, what = 'review'): string {
  return `n = ${plural(n, what)}`;
}

const pct = (share: number) => `${(share * 100).toFixed(share === 0 || share === 1 ? 0 : 1)}%`;

/** "8.3% (1 of 12)", or "no data" for an empty group. */
export function formatShare(p: ProportionInterval): string {
  if (p.share === null) return 'no data';
  return `${pct(p.share)} (${formatCount(p.count)} of ${formatCount(p.n)})`;
}

/** "95% interval 0–24%" for a share. */
export function shareInterval(p: ProportionInterval): string | null {
  if (p.low === null || p.high === null) return null;
  return `95% interval ${(Math.max(0, p.low) * 100).toFixed(0)}–${(Math.min(1, p.high) * 100).toFixed(0)}%`;
}

export type ScoreTone = 'good' | 'bad' | 'none';

/**
 * Colour of a QA score against the pass line. Too few reviews, or none, is never coloured: a
 * green 100 from one review would read as a verdict it is not.
 */
export function scoreTone(score: MeanInterval & { tooFew: boolean }, passScore: number): ScoreTone {
  if (score.mean === null || score.tooFew) return 'none';
  return score.mean >= passScore ? 'good' : 'bad';
}

/** Words for a score: "too few to judge (2 of 5 reviews)", "at or above the pass line 80", … */
export function scoreWords(
  score: MeanInterval & { tooFew: boolean },
  settings: { passScore: number; minReviews: number },
): string {
  if (score.n === 0) return 'no reviews in this period';
  if (score.tooFew) return `too few to judge (${formatCount(score.n)} of ${settings.minReviews} reviews)`;
  return (score.mean ?? 0) >= settings.passScore
    ? `at or above the pass line ${settings.passScore}`
    : `below the pass line ${settings.passScore}`;
}

export const OUTCOME_LABEL: Record<ValidityOutcome, string> = {
  csat_satisfied: 'CSAT',
  fcr: 'FCR',
  repeat_contact: 'Repeat contact',
};

/** Which way is better for each outcome: a repeat contact is a failure to resolve. */
const HIGHER_IS_BETTER: Record<ValidityOutcome, boolean> = {
  csat_satisfied: true,
  fcr: true,
  repeat_contact: false,
};

/** "+18.0 pts" for a difference of two shares. */
export function formatPoints(difference: number): string {
  const value = difference * 100;
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  return `${sign}${Math.abs(value).toFixed(1)} pts`;
}

/** "95% interval −13.2 to +56.1 pts". */
export function pointsInterval(low: number | null, high: number | null): string | null {
  if (low === null || high === null) return null;
  return `95% interval ${formatPoints(low).replace(' pts', '')} to ${formatPoints(high)}`;
}

export type ValidityTone = 'good' | 'bad' | 'none';

/** One outcome's reading in words that follow the outcome's direction. */
export function outcomeReading(c: OutcomeComparison): { words: string; tone: ValidityTone } {
  const label = OUTCOME_LABEL[c.outcome];
  if (c.reading === 'too_few') return { words: 'too few to judge', tone: 'none' };
  if (c.reading === 'no_clear_difference') return { words: 'no clear difference', tone: 'none' };
  const higher = (c.difference.difference ?? 0) > 0;
  const better = higher === HIGHER_IS_BETTER[c.outcome];
  const rate = c.outcome === 'repeat_contact' ? 'repeat contacts' : label;
  return better
    ? { words: `passing goes with ${higher ? 'higher' : 'fewer'} ${rate}`, tone: 'good' }
    : { words: `passing goes with ${higher ? 'more' : 'lower'} ${rate}`, tone: 'bad' };
}

/**
 * The criterion's verdict: which outcomes it predicts, "no evidence it moves outcomes" when every
 * judged interval spans 0, "too few to judge" when none could be judged.
 */
export function criterionVerdict(outcomes: readonly OutcomeComparison[]): string {
  const judged = outcomes.filter((o) => o.reading !== 'too_few');
  if (judged.length === 0) return 'too few to judge';
  const predicts = judged.filter((o) => o.reading === 'associated' && outcomeReading(o).tone === 'good');
  const against = judged.filter((o) => o.reading === 'associated' && outcomeReading(o).tone === 'bad');
  const names = (list: OutcomeComparison[]) => list.map((o) => OUTCOME_LABEL[o.outcome]).join(' and ');
  const parts: string[] = [];
  if (predicts.length > 0) parts.push(`predicts ${names(predicts)}`);
  if (against.length > 0) parts.push(`passing goes with worse ${names(against)}: check the criterion`);
  if (parts.length === 0) return 'no evidence it moves outcomes';
  return parts.join('; ');
}

/** "more lenient" / "harsher" only when the interval excludes 0. */
export function leniencyWords(row: EvaluatorLeniencyRow): string {
  if (row.tooFew) return 'too few to judge';
  const { low, high } = row.difference;
  if (low === null || high === null) return 'too few to judge';
  if (low > 0) return 'more lenient than the others';
  if (high < 0) return 'harsher than the others';
  return 'no clear difference';
}

/** "+3.4 pts" for a score difference already in points. */
export function formatScoreDelta(value: number | null): string {
  if (value === null) return 'no data';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  return `${sign}${Math.abs(value).toFixed(1)} pts`;
}

/** "95% interval −2.0 to +8.7 pts" for a difference in score points. */
export function scoreDeltaInterval(m: MeanInterval): string | null {
  if (m.low === null || m.high === null) return null;
  return `95% interval ${formatScoreDelta(m.low).replace(' pts', '')} to ${formatScoreDelta(m.high)}`;
}
