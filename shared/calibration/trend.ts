import type { AgreementTrend } from './types';
import type { Estimate } from './stats';

export const MIN_TREND_SESSIONS = 3;

export interface TrendPoint {
  label: string;
  estimate: Pick<Estimate, 'value' | 'interval' | 'insufficient'>;
}

const fmt = (v: number) => v.toFixed(2);

/** Least-squares slope of values over their positions 0..n−1. */
function slope(values: readonly number[]): number {
  const n = values.length;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  values.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  return den === 0 ? 0 : num / den;
}

/**
 * Whether agreement is converging across sessions, oldest first. Only sessions with enough data
 * count. Converging: the fitted line rises and the latest value lies above the first session's
 * 95% interval (so the rise is more than that session's own uncertainty); diverging is the mirror
 * image; anything else is steady. Fewer than three usable sessions cannot tell.
 */
export function agreementTrend(points: readonly TrendPoint[], statistic: string): AgreementTrend {
  const usable = points.filter(
    (p): p is TrendPoint & { estimate: { value: number } } =>
      p.estimate.value !== null && !p.estimate.insufficient,
  );
  if (usable.length < MIN_TREND_SESSIONS)
    return {
      direction: 'too_few',
      text: `${usable.length} of ${points.length} session${points.length === 1 ? '' : 's'} had enough data for ${statistic}; at least ${MIN_TREND_SESSIONS} are needed to tell a trend.`,
    };
  const first = usable[0] as (typeof usable)[number];
  const last = usable[usable.length - 1] as (typeof usable)[number];
  const rising = slope(usable.map((p) => p.estimate.value));
  const upper = first.estimate.interval?.upper ?? first.estimate.value;
  const lower = first.estimate.interval?.lower ?? first.estimate.value;
  const span = `${statistic} went from ${fmt(first.estimate.value)} in "${first.label}" to ${fmt(last.estimate.value)} in "${last.label}" over ${usable.length} sessions`;
  if (rising > 0 && last.estimate.value > upper)
    return { direction: 'converging', text: `Converging: ${span}, above the first session's 95% interval.` };
  if (rising < 0 && last.estimate.value < lower)
    return {
      direction: 'diverging',
      text: `Drifting apart: ${span}, below the first session's 95% interval.`,
    };
  return {
    direction: 'steady',
    text: `No clear change: ${span}, within the first session's 95% interval (${fmt(lower)} to ${fmt(upper)}).`,
  };
}
