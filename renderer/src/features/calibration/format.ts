import type { Estimate } from '../../../../shared/calibration/stats';
import type { EvaluatorDeviationRow } from '../../../../shared/calibration/types';
import type { CalibrationState } from '../../../../shared/ipc/contracts/calibration';
import type { CriterionScale } from '../../../../shared/reviews/form';
import { plural } from '../../lib/format';

export const STATE_WORDS: Record<CalibrationState, string> = {
  draft: 'Draft',
  scoring: 'Scoring (blind)',
  revealed: 'Revealed',
  closed: 'Closed',
};

export const SCALE_WORDS: Record<CriterionScale, string> = {
  yes_no_na: 'yes / no',
  '1-5': '1–5',
  points: 'points',
};

/** An agreement figure to two decimals; a share as a percentage. */
export function formatEstimate(e: Pick<Estimate, 'value'>, percent = false): string {
  if (e.value === null) return 'not defined';
  return percent ? `${(e.value * 100).toFixed(0)}%` : e.value.toFixed(2);
}

/** "95% interval 0.21 to 0.66", or why there is none. */
export function estimateInterval(e: Pick<Estimate, 'interval' | 'value'>, percent = false): string {
  if (e.value === null) return '';
  if (!e.interval) return 'no interval (too few resamples defined)';
  const f = (v: number) => (percent ? `${(v * 100).toFixed(0)}%` : v.toFixed(2));
  return `95% interval ${f(e.interval.lower)} to ${f(e.interval.upper)}`;
}

/** "n = 5 interactions, 15 ratings". */
export function estimateN(e: Pick<Estimate, 'pairableUnits' | 'pairableValues'>): string {
  return `n = ${plural(e.pairableUnits, 'interaction')}, ${plural(e.pairableValues, 'rating')}`;
}

/** A rating as the evaluator chose it: "yes", "4", "2 pts", "N/A", "—" when not answered. */
export function ratingText(
  scale: CriterionScale,
  answer: { rating: number | null; notApplicable: boolean; answered?: boolean },
): string {
  if (answer.answered === false) return '—';
  if (answer.notApplicable) return 'N/A';
  if (answer.rating === null) return '—';
  if (scale === 'yes_no_na') return answer.rating === 1 ? 'yes' : 'no';
  return scale === 'points' ? `${answer.rating} pts` : String(answer.rating);
}

const share = (v: number) => `${(Math.abs(v) * 100).toFixed(1)}%`;

/**
 * Words for a deviation, with the figure: "rates higher than the consensus by 6.3% of the scale".
 * Under 2% of the scale, or too few ratings, it is not called lenient or harsh.
 */
export function deviationWords(d: EvaluatorDeviationRow, reference: 'expert' | 'consensus'): string {
  const against = reference === 'expert' ? 'the expert' : 'the consensus';
  if (d.isExpert) return 'the expert: the benchmark the others are measured against';
  if (d.n === 0 || d.meanSigned === null) return `no ratings to compare with ${against}`;
  if (d.insufficient) return `too few ratings to judge (${d.n})`;
  if (Math.abs(d.meanSigned) < 0.02) return `in line with ${against} (within ${share(0.02)} of the scale)`;
  return d.meanSigned > 0
    ? `lenient: rates higher than ${against} by ${share(d.meanSigned)} of the scale on average`
    : `harsh: rates lower than ${against} by ${share(d.meanSigned)} of the scale on average`;
}

/** "+6.3%" / "−2.0%" of the scale. */
export function signedShare(v: number | null): string {
  if (v === null) return '—';
  const sign = v > 0 ? '+' : v < 0 ? '−' : '±';
  return `${sign}${(Math.abs(v) * 100).toFixed(1)}%`;
}

export function shortDate(iso: string | null): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}
