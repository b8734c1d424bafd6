import type { KpiEvidence } from '../ipc/contracts/kpi';
import { sumOf, type KpiSums } from './aggregate';
import {
  intervalSe,
  meanInterval,
  missCertainty,
  npsInterval,
  poissonRateInterval,
  wilson,
  type Interval,
} from './evidence';
import {
  cesRatings,
  cesStats,
  csatRatings,
  csatStats,
  npsCounts,
  npsHistogram,
  retentionCounts,
} from './ratings';
import { kpiBetter, type KpiDefinition } from './registry';
import type { KpiSettings } from './settings';
import type { KpiId } from './types';

/**
 * What stands behind each KPI value, from the same aggregate sums the value comes from (no raw
 * rows: the dashboard stays a read of agg_daily). `n` is the denominator the registry's reference
 * implementation divides by; the property test holds the two together.
 */
export interface KpiSample {
  n: number;
  nLabel: string;
  interval: Interval | null;
  /**
   * Standard error used to rank misses by certainty: from the interval where there is one,
   * otherwise an approximation stated where it is made (see below), or null when none is honest.
   */
  se: number | null;
}

const pctInterval = (yes: number, n: number): Interval | null => {
  const w = wilson(yes, n);
  return w && { low: 100 * w.low, high: 100 * w.high };
};

function rate(yes: number, n: number, nLabel: string): KpiSample {
  const interval = pctInterval(yes, n);
  return { n, nLabel, interval, se: interval && intervalSe(interval) };
}

/**
 * Resolution, response and handle times carry no stored spread (agg_daily keeps sums, not sums of
 * squares), and they are not a sample but every interaction of the period: no interval is shown.
 * To rank a miss against rate misses we still need a scale of chance variation: durations like
 * these are roughly exponential (standard deviation ≈ mean), so se ≈ mean ÷ √n. This is used for
 * the ordering of exceptions only, never shown as an interval.
 */
function duration(sum: number, n: number, nLabel: string): KpiSample {
  return { n, nLabel, interval: null, se: n > 0 ? sum / n / Math.sqrt(n) : null };
}

function ratingMean(
  stats: { total: number; sum: number; sumSq: number },
  scale: number,
  nLabel: string,
): KpiSample {
  const interval = meanInterval(stats.total, stats.sum, stats.sumSq, 1, scale);
  return { n: stats.total, nLabel, interval, se: interval && intervalSe(interval) };
}

function retention(s: KpiSums, churn: boolean): KpiSample {
  const c = retentionCounts(s);
  const start = c ? Math.max(0, c.start) : 0;
  // Entered counts can disagree with themselves (more retained than at start): clamp to a proportion.
  const retained = c ? Math.min(start, Math.max(0, c.end - c.fresh)) : 0;
  const w = pctInterval(retained, start);
  const interval = w && churn ? { low: 100 - w.high, high: 100 - w.low } : w;
  return { n: start, nLabel: 'customers at start', interval, se: interval && intervalSe(interval) };
}

type SampleOf = (s: KpiSums, settings: KpiSettings) => KpiSample;

const SAMPLES: Record<KpiId, SampleOf> = {
  csat: (s, settings) => {
    const stats = csatStats(csatRatings(s, settings), settings);
    return settings.csat.mode === 'mean'
      ? ratingMean(stats, settings.csat.scale, 'responses')
      : rate(stats.satisfied, stats.total, 'responses');
  },
  nps: (s, settings) => {
    const c = npsCounts(npsHistogram(s), settings);
    const interval = npsInterval(c.promoters, c.detractors, c.total);
    return { n: c.total, nLabel: 'responses', interval, se: interval && intervalSe(interval) };
  },
  ces: (s, settings) =>
    ratingMean(cesStats(cesRatings(s, settings), settings), settings.ces.scale, 'responses'),
  fcr: (s, settings) =>
    settings.fcr.mode === 'flag'
      ? rate(sumOf(s, 'fcrf_yes'), sumOf(s, 'fcrf_n'), 'contacts with an FCR flag')
      : rate(sumOf(s, 'fcrw_yes'), sumOf(s, 'fcrw_n'), 'contacts with a known customer, topic and outcome'),
  art: (s) => duration(sumOf(s, 'art_sum'), sumOf(s, 'art_n'), 'resolved tickets'),
  frt: (s) => duration(sumOf(s, 'frt_sum'), sumOf(s, 'frt_n'), 'cases with a response time'),
  resolution_rate: (s) => rate(sumOf(s, 'res_yes'), sumOf(s, 'res_n'), 'submitted interactions'),
  escalation_rate: (s) => rate(sumOf(s, 'esc_yes'), sumOf(s, 'esc_n'), 'complaints'),
  abandonment_rate: (s) => rate(sumOf(s, 'ab_yes'), sumOf(s, 'ab_n'), 'inquiries'),
  retention_rate: (s) => retention(s, false),
  churn_rate: (s) => retention(s, true),
  aht: (s) => duration(sumOf(s, 'aht_sum'), sumOf(s, 'aht_n'), 'handled interactions'),
  interactions_per_hour: (s) => {
    // Handled contacts in logged-in time, counted as a Poisson rate per hour of exposure.
    const n = s.shift_handled ?? 0;
    const interval = poissonRateInterval(n, (s.shift_seconds ?? 0) / 3600);
    return {
      n,
      nLabel: 'handled interactions in logged-in time',
      interval,
      se: interval && intervalSe(interval),
    };
  },
  cross_sell_offer_rate: (s) => rate(sumOf(s, 'xo_yes'), sumOf(s, 'xo_n'), 'eligible interactions'),
  cross_sell_conversion_rate: (s) => rate(sumOf(s, 'xc_yes'), sumOf(s, 'xc_n'), 'offers'),
  // A count is not an estimate: every interaction is in it, there is nothing to be unsure about.
  volume: (s) => ({ n: sumOf(s, 'n'), nLabel: 'interactions', interval: null, se: null }),
  sentiment_positive: (s) => rate(sumOf(s, 'sent_pos'), sumOf(s, 'sent_n'), 'comments'),
  sentiment_negative: (s) => rate(sumOf(s, 'sent_neg'), sumOf(s, 'sent_n'), 'comments'),
};

export function kpiSample(id: KpiId, sums: KpiSums, settings: KpiSettings): KpiSample {
  return SAMPLES[id](sums, settings);
}

/** The aggregate column that is n, for the KPIs whose n is one column (FCR: per mode). */
const N_COLUMN: Partial<Record<KpiId, string>> = {
  art: 'art_n',
  frt: 'frt_n',
  resolution_rate: 'res_n',
  escalation_rate: 'esc_n',
  abandonment_rate: 'ab_n',
  aht: 'aht_n',
  cross_sell_offer_rate: 'xo_n',
  cross_sell_conversion_rate: 'xc_n',
  volume: 'n',
  sentiment_positive: 'sent_n',
  sentiment_negative: 'sent_n',
};

/** n alone, without the interval: every point of every series needs it, cheaply. */
export function kpiN(id: KpiId, sums: KpiSums, settings: KpiSettings): number {
  if (id === 'fcr') return sumOf(sums, settings.fcr.mode === 'flag' ? 'fcrf_n' : 'fcrw_n');
  const column = N_COLUMN[id];
  return column === undefined ? kpiSample(id, sums, settings).n : sumOf(sums, column);
}

/** The evidence shown beside a value; null when there is no value. */
export function kpiEvidence(
  def: KpiDefinition,
  value: number | null,
  sums: KpiSums,
  settings: KpiSettings,
): KpiEvidence | null {
  if (value === null) return null;
  return toEvidence(def.id, kpiSample(def.id, sums, settings), settings);
}

export function toEvidence(id: KpiId, sample: KpiSample, settings: KpiSettings): KpiEvidence {
  return {
    n: sample.n,
    nLabel: sample.nLabel,
    interval: sample.interval,
    // Volume is a count of everything, not an estimate from a sample: never low-confidence.
    lowConfidence: id !== 'volume' && sample.n < settings.status.minN,
  };
}

/** How sure the miss of `target` is (0…1), from the value's standard error. */
export function kpiMissCertainty(
  def: KpiDefinition,
  value: number,
  target: number,
  sums: KpiSums,
  settings: KpiSettings,
): number {
  const better = kpiBetter(def, settings);
  if (better === 'neutral') return 0;
  return missCertainty(value, target, better, kpiSample(def.id, sums, settings).se);
}
