import type { KpiCount } from '../ipc/contracts/kpi';
import { sumOf, type KpiSums } from './aggregate';
import { cesRatings, cesStats, csatRatings, csatStats, npsCounts, npsHistogram } from './ratings';
import type { KpiSettings } from './settings';
import type { KpiId } from './types';

/**
 * The numerator, denominator and what was left out of each KPI, in counts (issue 8 item 5). Read
 * from the aggregate sums plus a few raw counts the aggregates do not keep (how many rows carry a
 * rating at all, how many are complaints): those tell "blank" apart from "outside the scale".
 */
export interface RawCounts {
  csatPresent: number;
  npsPresent: number;
  cesPresent: number;
  complaints: number;
  eligible: number;
  offered: number;
  withCustomer: number;
}

export interface TrailParts {
  formula: string;
  numerator: KpiCount | null;
  denominator: KpiCount | null;
  excluded: KpiCount[];
}

const c = (count: number, label: string): KpiCount => ({ count, label });
/** Left-out counts of zero are noise in the panel. */
const left = (...counts: KpiCount[]): KpiCount[] => counts.filter((x) => x.count > 0);

function ratingParts(
  kind: 'CSAT' | 'NPS' | 'effort',
  total: number,
  present: number,
  scopeN: number,
): KpiCount[] {
  const word = kind === 'NPS' ? 'an answer' : kind === 'CSAT' ? 'a rating' : 'an effort score';
  return left(c(scopeN - present, `without ${word}`), c(present - total, `with ${word} outside the scale`));
}

type Part = (s: KpiSums, raw: RawCounts, settings: KpiSettings) => TrailParts;

const rate =
  (formula: string, yes: string, n: string, yesLabel: string, nLabel: string, excluded: Part): Part =>
  (s, raw, settings) => ({
    formula,
    numerator: c(sumOf(s, yes), yesLabel),
    denominator: c(sumOf(s, n), nLabel),
    excluded: excluded(s, raw, settings).excluded,
  });

const only =
  (...fn: Array<(s: KpiSums, raw: RawCounts) => KpiCount>): Part =>
  (s, raw) => ({
    formula: '',
    numerator: null,
    denominator: null,
    excluded: left(...fn.map((f) => f(s, raw))),
  });

const csat: Part = (s, raw, settings) => {
  const stats = csatStats(csatRatings(s, settings), settings);
  const { scale, satisfiedMin5, satisfiedMin10, mode } = settings.csat;
  const excluded = ratingParts('CSAT', stats.total, raw.csatPresent, sumOf(s, 'n'));
  if (mode === 'mean')
    return {
      formula: `Mean rating on a 1–${scale} scale (ratings on another scale are mapped onto it) over all responses.`,
      numerator: c(Math.round(stats.sum * 100) / 100, `rating points on the 1–${scale} scale`),
      denominator: c(stats.total, 'rated'),
      excluded,
    };
  return {
    formula: `Responses rated satisfied (≥ ${satisfiedMin5} of 5, ≥ ${satisfiedMin10} of 10) ÷ all responses × 100.`,
    numerator: c(stats.satisfied, 'rated satisfied'),
    denominator: c(stats.total, 'rated'),
    excluded,
  };
};

const nps: Part = (s, raw, settings) => {
  const n = npsCounts(npsHistogram(s), settings);
  const { promoterMin, detractorMax } = settings.nps;
  return {
    formula: `% promoters (${promoterMin}–10) − % detractors (0–${detractorMax}) of the 0–10 answers; passives count in the total.`,
    numerator: c(n.promoters - n.detractors, `promoters (${n.promoters}) minus detractors (${n.detractors})`),
    denominator: c(n.total, 'answers'),
    excluded: ratingParts('NPS', n.total, raw.npsPresent, sumOf(s, 'n')),
  };
};

const ces: Part = (s, raw, settings) => {
  const stats = cesStats(cesRatings(s, settings), settings);
  const { scale, direction } = settings.ces;
  return {
    formula: `Mean effort score on a 1–${scale} scale (${direction === 'high_is_easy' ? 'high = easy' : 'high = hard'}).`,
    numerator: c(Math.round(stats.sum * 100) / 100, `effort points on the 1–${scale} scale`),
    denominator: c(stats.total, 'scored'),
    excluded: ratingParts('effort', stats.total, raw.cesPresent, sumOf(s, 'n')),
  };
};

const fcr: Part = (s, raw, settings) =>
  settings.fcr.mode === 'flag'
    ? rate(
        'Contacts flagged resolved at first contact ÷ contacts with an FCR flag × 100.',
        'fcrf_yes',
        'fcrf_n',
        'resolved at first contact',
        'with an FCR flag',
        only((x) => c(sumOf(x, 'n') - sumOf(x, 'fcrf_n'), 'without an FCR flag')),
      )(s, raw, settings)
    : rate(
        `Resolved contacts with no contact by the same customer on the same topic within ${settings.fcr.windowDays} days ÷ contacts with a known customer, topic and outcome × 100.`,
        'fcrw_yes',
        'fcrw_n',
        'resolved with no repeat contact',
        'with a known customer, topic and outcome',
        only((x) => c(sumOf(x, 'n') - sumOf(x, 'fcrw_n'), 'without a customer, topic or outcome')),
      )(s, raw, settings);

const mean = (
  formula: string,
  sum: string,
  n: string,
  sumLabel: string,
  nLabel: string,
  excluded: Part,
): Part => rate(formula, sum, n, sumLabel, nLabel, excluded);

const PARTS: Record<Exclude<KpiId, 'retention_rate' | 'churn_rate'>, Part> = {
  csat,
  nps,
  ces,
  fcr,
  art: mean(
    'Σ business-hours time to resolve ÷ resolved tickets with a resolution time.',
    'art_sum',
    'art_n',
    'business seconds to resolve',
    'resolved tickets',
    only(
      (s) => c(sumOf(s, 'res_n') - sumOf(s, 'res_yes'), 'not resolved'),
      (s) => c(sumOf(s, 'n') - sumOf(s, 'res_n'), 'without a resolved flag'),
      (s) => c(sumOf(s, 'res_yes') - sumOf(s, 'art_n'), 'resolved without a resolution time'),
    ),
  ),
  frt: mean(
    'Σ time to first response (speed of answer for calls) ÷ cases with a response time.',
    'frt_sum',
    'frt_n',
    'seconds to first response',
    'cases with a response time',
    only((s) => c(sumOf(s, 'n') - sumOf(s, 'frt_n'), 'without a response time')),
  ),
  resolution_rate: rate(
    'Resolved ÷ submitted × 100.',
    'res_yes',
    'res_n',
    'resolved',
    'submitted with a resolved flag',
    only((s) => c(sumOf(s, 'n') - sumOf(s, 'res_n'), 'without a resolved flag')),
  ),
  escalation_rate: rate(
    'Complaints escalated to a second level ÷ complaints × 100.',
    'esc_yes',
    'esc_n',
    'escalated complaints',
    'complaints with an escalation flag',
    only(
      (s, raw) => c(sumOf(s, 'n') - raw.complaints, 'not complaints'),
      (s, raw) => c(raw.complaints - sumOf(s, 'esc_n'), 'complaints without an escalation flag'),
    ),
  ),
  abandonment_rate: rate(
    'Abandoned calls or chats (the abandoned flag, else not answered) ÷ all inquiries × 100.',
    'ab_yes',
    'ab_n',
    'abandoned',
    'inquiries',
    only((s) => c(sumOf(s, 'n') - sumOf(s, 'ab_n'), 'with neither an abandoned nor an answered flag')),
  ),
  aht: mean(
    '(talk + hold + wrap-up) ÷ handled interactions with a talk time.',
    'aht_sum',
    'aht_n',
    'seconds of talk, hold and wrap-up',
    'handled interactions',
    only(
      (s) => c(sumOf(s, 'n') - sumOf(s, 'handled_n'), 'abandoned'),
      (s) => c(sumOf(s, 'handled_n') - sumOf(s, 'aht_n'), 'handled without a talk time'),
    ),
  ),
  interactions_per_hour: (s) => ({
    formula: 'Handled interactions on agent-days with logged-in time ÷ logged-in hours.',
    numerator: c(s.shift_handled ?? 0, 'handled in logged-in time'),
    denominator: c(Math.round(((s.shift_seconds ?? 0) / 3600) * 10) / 10, 'logged-in hours'),
    excluded: left(
      c(sumOf(s, 'n') - sumOf(s, 'handled_n'), 'abandoned'),
      c(sumOf(s, 'handled_n') - (s.shift_handled ?? 0), 'handled on days without logged-in time'),
    ),
  }),
  cross_sell_offer_rate: rate(
    'Offers made (upsells count too) ÷ eligible interactions × 100.',
    'xo_yes',
    'xo_n',
    'offers made',
    'eligible with an offer flag',
    only(
      (s, raw) => c(sumOf(s, 'n') - raw.eligible, 'not eligible'),
      (s, raw) => c(raw.eligible - sumOf(s, 'xo_n'), 'eligible without an offer flag'),
    ),
  ),
  cross_sell_conversion_rate: rate(
    'Conversions ÷ offers × 100.',
    'xc_yes',
    'xc_n',
    'converted',
    'offers with an outcome',
    only(
      (s, raw) => c(sumOf(s, 'n') - raw.offered, 'no offer made'),
      (s, raw) => c(raw.offered - sumOf(s, 'xc_n'), 'offers without an outcome'),
    ),
  ),
  volume: (s) => ({
    formula: 'Every interaction that started in the period.',
    numerator: null,
    denominator: c(sumOf(s, 'n'), 'interactions'),
    excluded: [],
  }),
  sentiment_positive: rate(
    'Positive comments (offline lexicon) ÷ interactions with a comment or a sentiment × 100.',
    'sent_pos',
    'sent_n',
    'positive',
    'with a comment or a sentiment',
    only((s) => c(sumOf(s, 'n') - sumOf(s, 'sent_n'), 'without a comment')),
  ),
  sentiment_negative: rate(
    'Negative comments (offline lexicon) ÷ interactions with a comment or a sentiment × 100.',
    'sent_neg',
    'sent_n',
    'negative',
    'with a comment or a sentiment',
    only((s) => c(sumOf(s, 'n') - sumOf(s, 'sent_n'), 'without a comment')),
  ),
};

/** Retention's parts: customers, not interactions, are counted. */
function retentionParts(id: 'retention_rate' | 'churn_rate', s: KpiSums, raw: RawCounts): TrailParts {
  const start = s.ret_start ?? 0;
  const retained = (s.ret_end ?? 0) - (s.ret_new ?? 0);
  return {
    formula:
      id === 'retention_rate'
        ? '(customers at end − new customers) ÷ customers at start × 100.'
        : '100 − customer retention rate: customers at start not in contact again ÷ customers at start × 100.',
    numerator:
      id === 'retention_rate'
        ? c(retained, 'customers at start in contact again')
        : c(start - retained, 'customers at start not in contact again'),
    denominator: c(start, 'customers at start'),
    excluded: left(c(sumOf(s, 'n') - raw.withCustomer, 'interactions without a customer id')),
  };
}

export function trailParts(id: KpiId, s: KpiSums, raw: RawCounts, settings: KpiSettings): TrailParts {
  if (id === 'retention_rate' || id === 'churn_rate') return retentionParts(id, s, raw);
  return PARTS[id](s, raw, settings);
}
