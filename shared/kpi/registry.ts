import { sumOf, type KpiSums } from './aggregate';
import {
  MIN_RETENTION_DAYS,
  MIN_RETURNING_SHARE,
  cesRatings,
  cesStats,
  csatRatings,
  csatStats,
  npsCounts,
  npsHistogram,
  npsHistogramFromScores,
  retentionCounts,
  type NpsCounts,
  type RatingStats,
} from './ratings';
import {
  abandonedOf,
  cesRows,
  count,
  csatRows,
  handled,
  iphReference,
  pct,
  ratio,
  refPct,
  refRatio,
  retentionReference,
  sumBy,
  type KpiRow,
  type Reference,
  type ReferenceContext,
} from './reference';
import type { KpiSettings } from './settings';

export type { KpiRow, Reference, ReferenceContext, ShiftRow } from './reference';
import type { KpiBetter, KpiId, KpiUnit } from './types';

export interface KpiDefinition {
  id: KpiId;
  label: string;
  /** Unit in the default settings; see `kpiUnit` (CSAT in mean mode is a score). */
  unit: KpiUnit;
  better: KpiBetter;
  /** The exact DOMAIN.md definition, with how blanks are treated. */
  description: string;
  /** Digits after the decimal point a UI should show. */
  decimals: number;
  /** True when per-period values come from distinct customers, not from agg_daily sums (not additive). */
  needsCustomers?: boolean;
  /** True when the value needs logged-in time (agent_shifts). */
  needsShifts?: boolean;
  fromAggregate(sums: KpiSums, settings: KpiSettings): number | null;
  reference(rows: KpiRow[], ctx: ReferenceContext): Reference;
}

function csatFrom(stats: RatingStats, settings: KpiSettings): number | null {
  return settings.csat.mode === 'mean' ? ratio(stats.sum, stats.total) : pct(stats.satisfied, stats.total);
}

function npsFrom(c: NpsCounts): number | null {
  return c.total > 0 ? (100 * (c.promoters - c.detractors)) / c.total : null;
}

/**
 * Null without customers at start, and also without any customer in contact during the period:
 * contact data cannot tell "every customer left" from "nothing imported yet" (a future month
 * would otherwise read as 0% retention, 100% churn).
 */
function retentionFrom(s: KpiSums): number | null {
  const c = retentionCounts(s);
  if (c === null || c.start <= 0 || c.end <= 0) return null;
  return (100 * (c.end - c.fresh)) / c.start;
}

export const KPI_REGISTRY: readonly KpiDefinition[] = [
  {
    id: 'csat',
    label: 'CSAT',
    unit: '%',
    better: 'higher',
    decimals: 1,
    description:
      'Threshold mode: responses rated satisfied (≥ 4 on 1–5, ≥ 8 on 1–10; settings) ÷ all responses × 100. Mean mode: mean rating on the configured scale. Only responses count (blank ratings are excluded).',
    fromAggregate: (s, settings) => csatFrom(csatStats(csatRatings(s, settings), settings), settings),
    reference: (rows, { settings }) => {
      const stats = csatStats(csatRows(rows, settings), settings);
      return { value: csatFrom(stats, settings), n: stats.total };
    },
  },
  {
    id: 'nps',
    label: 'NPS',
    unit: 'score',
    better: 'higher',
    decimals: 0,
    description:
      '% promoters (9–10) − % detractors (0–6) of the 0–10 "how likely to recommend" answers; passives (7–8) count in the total. Range −100…100. Bands: 5–15 average, ≥ 30 strong.',
    fromAggregate: (s, settings) => npsFrom(npsCounts(npsHistogram(s), settings)),
    reference: (rows, { settings }) => {
      const c = npsCounts(npsHistogramFromScores(rows.map((r) => r.nps_score)), settings);
      return { value: npsFrom(c), n: c.total };
    },
  },
  {
    id: 'ces',
    label: 'Customer effort',
    unit: 'score',
    better: 'higher',
    decimals: 2,
    description:
      'Mean of the Likert effort score (1–5 or 1–7), on the configured scale; whether high means easy or hard is a setting. Blank scores are excluded.',
    fromAggregate: (s, settings) => {
      const stats = cesStats(cesRatings(s, settings), settings);
      return ratio(stats.sum, stats.total);
    },
    reference: (rows, { settings }) => {
      const stats = cesStats(cesRows(rows, settings), settings);
      return refRatio(stats.sum, stats.total);
    },
  },
  {
    id: 'fcr',
    label: 'First contact resolution',
    unit: '%',
    better: 'higher',
    decimals: 1,
    description:
      'Issues resolved in the first interaction with no callback on the same concern ÷ issues × 100. Flag mode: the FCR flag (blank flags excluded). Repeat-window mode: resolved and no contact by the same customer on the same topic within N days ÷ contacts with a known customer, topic and resolution.',
    fromAggregate: (s, settings) =>
      settings.fcr.mode === 'flag'
        ? pct(sumOf(s, 'fcrf_yes'), sumOf(s, 'fcrf_n'))
        : pct(sumOf(s, 'fcrw_yes'), sumOf(s, 'fcrw_n')),
    reference: (rows, { settings }) =>
      settings.fcr.mode === 'flag'
        ? refPct(
            count(rows, (r) => r.fcr === 1),
            count(rows, (r) => r.fcr !== null),
          )
        : refPct(
            count(rows, (r) => r.repeat_contact === 0 && r.resolved === 1),
            count(rows, (r) => r.repeat_contact !== null && r.resolved !== null),
          ),
  },
  {
    id: 'art',
    label: 'Avg resolution time',
    unit: 'seconds',
    better: 'lower',
    decimals: 0,
    description:
      'Σ time to resolve ÷ number of resolved tickets, counting business hours only (working days, opening hours, holidays, time zone: settings). Unresolved tickets and tickets without a resolution time are not in the denominator.',
    fromAggregate: (s) => ratio(sumOf(s, 'art_sum'), sumOf(s, 'art_n')),
    reference: (rows) => {
      const ok = (r: KpiRow) => r.resolved === 1 && r.resolution_business_seconds !== null;
      return refRatio(
        sumBy(rows, ok, (r) => r.resolution_business_seconds ?? 0),
        count(rows, ok),
      );
    },
  },
  {
    id: 'frt',
    label: 'First response time',
    unit: 'seconds',
    better: 'lower',
    decimals: 0,
    description:
      'Σ time to first response ÷ number of cases with a response time; for calls the average speed of answer (time in queue before an agent picks up).',
    fromAggregate: (s) => ratio(sumOf(s, 'frt_sum'), sumOf(s, 'frt_n')),
    reference: (rows) => {
      const ok = (r: KpiRow) => r.first_response_seconds !== null;
      return refRatio(
        sumBy(rows, ok, (r) => r.first_response_seconds ?? 0),
        count(rows, ok),
      );
    },
  },
  {
    id: 'resolution_rate',
    label: 'Resolution rate',
    unit: '%',
    better: 'higher',
    decimals: 1,
    description: 'Resolved ÷ submitted × 100 (interactions whose resolved flag is blank are excluded).',
    fromAggregate: (s) => pct(sumOf(s, 'res_yes'), sumOf(s, 'res_n')),
    reference: (rows) =>
      refPct(
        count(rows, (r) => r.resolved === 1),
        count(rows, (r) => r.resolved !== null),
      ),
  },
  {
    id: 'escalation_rate',
    label: 'Escalation rate',
    unit: '%',
    better: 'lower',
    decimals: 1,
    description:
      'Complaints that needed a second level (expert, manager) ÷ complaints × 100 (complaints with a blank escalation flag are excluded).',
    fromAggregate: (s) => pct(sumOf(s, 'esc_yes'), sumOf(s, 'esc_n')),
    reference: (rows) =>
      refPct(
        count(rows, (r) => r.is_complaint === 1 && r.escalated === 1),
        count(rows, (r) => r.is_complaint === 1 && r.escalated !== null),
      ),
  },
  {
    id: 'abandonment_rate',
    label: 'Abandonment rate',
    unit: '%',
    better: 'lower',
    decimals: 1,
    description:
      'Abandoned calls or chats ÷ all inquiries × 100; the aim is 0. Abandoned = the abandoned flag, else not answered; inquiries with neither are excluded.',
    fromAggregate: (s) => pct(sumOf(s, 'ab_yes'), sumOf(s, 'ab_n')),
    reference: (rows) =>
      refPct(
        count(rows, (r) => abandonedOf(r) === 1),
        count(rows, (r) => abandonedOf(r) !== null),
      ),
  },
  {
    id: 'retention_rate',
    label: 'Customer retention',
    unit: '%',
    better: 'higher',
    decimals: 1,
    needsCustomers: true,
    description: `((customers at end − new customers during the period) ÷ customers at start) × 100, from customer ids on interactions: customers at start = customers in contact during the previous period of the same length, at end = in contact during this period, new = those of them not in contact before. Entered customer counts for the exact period win. Not measurable (no value) when no interaction carries a customer id or customers do not come back (fewer than ${100 * MIN_RETURNING_SHARE}% of a month's customers in contact again the next month, as with one-off tickets), and over periods shorter than ${MIN_RETENTION_DAYS} days.`,
    fromAggregate: retentionFrom,
    reference: retentionReference,
  },
  {
    id: 'churn_rate',
    label: 'Customer churn',
    unit: '%',
    better: 'lower',
    decimals: 1,
    needsCustomers: true,
    description: '100 − customer retention rate; not measurable whenever retention is not.',
    fromAggregate: (s) => {
      const crr = retentionFrom(s);
      return crr === null ? null : 100 - crr;
    },
    reference: (rows, ctx) => {
      const crr = retentionReference(rows, ctx);
      return { value: crr.value === null ? null : 100 - crr.value, n: crr.n };
    },
  },
  {
    id: 'aht',
    label: 'Avg handle time',
    unit: 'seconds',
    better: 'lower',
    decimals: 0,
    description:
      '(talk + hold + wrap-up) ÷ handled interactions. Abandoned contacts and contacts without a talk time are excluded; blank hold or wrap-up counts as 0.',
    fromAggregate: (s) => ratio(sumOf(s, 'aht_sum'), sumOf(s, 'aht_n')),
    reference: (rows) => {
      const ok = (r: KpiRow) => r.talk_seconds !== null && handled(r);
      return refRatio(
        sumBy(rows, ok, (r) => (r.talk_seconds ?? 0) + (r.hold_seconds ?? 0) + (r.wrap_seconds ?? 0)),
        count(rows, ok),
      );
    },
  },
  {
    id: 'interactions_per_hour',
    label: 'Interactions per hour',
    unit: 'per_hour',
    better: 'higher',
    decimals: 2,
    needsShifts: true,
    description:
      'Handled (not abandoned) interactions ÷ logged-in hours, over the agent-days that have logged-in time recorded.',
    fromAggregate: (s) => {
      const seconds = s.shift_seconds;
      const n = s.shift_handled;
      return seconds === undefined || n === undefined || seconds <= 0 ? null : n / (seconds / 3600);
    },
    reference: iphReference,
  },
  {
    id: 'cross_sell_offer_rate',
    label: 'Cross-sell offer rate',
    unit: '%',
    better: 'higher',
    decimals: 1,
    description:
      'Offers made (upsells count too) ÷ eligible interactions × 100 (blank offer flags excluded).',
    fromAggregate: (s) => pct(sumOf(s, 'xo_yes'), sumOf(s, 'xo_n')),
    reference: (rows) =>
      refPct(
        count(rows, (r) => r.cross_sell_eligible === 1 && r.cross_sell_offered === 1),
        count(rows, (r) => r.cross_sell_eligible === 1 && r.cross_sell_offered !== null),
      ),
  },
  {
    id: 'cross_sell_conversion_rate',
    label: 'Cross-sell conversion',
    unit: '%',
    better: 'higher',
    decimals: 1,
    description: 'Conversions ÷ offers × 100 (offers with a blank outcome excluded).',
    fromAggregate: (s) => pct(sumOf(s, 'xc_yes'), sumOf(s, 'xc_n')),
    reference: (rows) =>
      refPct(
        count(rows, (r) => r.cross_sell_offered === 1 && r.cross_sell_converted === 1),
        count(rows, (r) => r.cross_sell_offered === 1 && r.cross_sell_converted !== null),
      ),
  },
  {
    id: 'volume',
    label: 'Volume',
    unit: 'count',
    better: 'neutral',
    decimals: 0,
    description:
      'New interactions in the period (day/week/month/quarter); event marks on the chart explain spikes.',
    fromAggregate: (s) => sumOf(s, 'n'),
    reference: (rows) => ({ value: rows.length, n: rows.length }),
  },
  {
    id: 'sentiment_positive',
    label: 'Positive sentiment',
    unit: '%',
    better: 'higher',
    decimals: 1,
    description:
      'Share of customer comments that are positive (offline lexicon) × 100, over interactions with a comment or a sentiment.',
    fromAggregate: (s) => pct(sumOf(s, 'sent_pos'), sumOf(s, 'sent_n')),
    reference: (rows) =>
      refPct(
        count(rows, (r) => r.sentiment === 1),
        count(rows, (r) => r.sentiment !== null),
      ),
  },
  {
    id: 'sentiment_negative',
    label: 'Negative sentiment',
    unit: '%',
    better: 'lower',
    decimals: 1,
    description:
      'Share of customer comments that are negative (offline lexicon) × 100, over interactions with a comment or a sentiment.',
    fromAggregate: (s) => pct(sumOf(s, 'sent_neg'), sumOf(s, 'sent_n')),
    reference: (rows) =>
      refPct(
        count(rows, (r) => r.sentiment === -1),
        count(rows, (r) => r.sentiment !== null),
      ),
  },
];

const byId = new Map(KPI_REGISTRY.map((k) => [k.id, k]));

export function getKpi(id: KpiId): KpiDefinition {
  const def = byId.get(id);
  if (!def) throw new Error(`Unknown KPI ${id}`);
  return def;
}

/** Unit in force: CSAT in mean mode is a score, not a percentage. */
export function kpiUnit(def: KpiDefinition, settings: KpiSettings): KpiUnit {
  return def.id === 'csat' && settings.csat.mode === 'mean' ? 'score' : def.unit;
}

/** Direction in force: CES is better low when a high score means hard. */
export function kpiBetter(def: KpiDefinition, settings: KpiSettings): KpiBetter {
  return def.id === 'ces' && settings.ces.direction === 'high_is_hard' ? 'lower' : def.better;
}
