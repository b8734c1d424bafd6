/** Every KPI of DOMAIN.md, in the order dashboards show them. */
export const KPI_IDS = [
  'csat',
  'nps',
  'ces',
  'fcr',
  'art',
  'frt',
  'resolution_rate',
  'escalation_rate',
  'abandonment_rate',
  'retention_rate',
  'churn_rate',
  'aht',
  'interactions_per_hour',
  'cross_sell_offer_rate',
  'cross_sell_conversion_rate',
  'volume',
  'sentiment_positive',
  'sentiment_negative',
] as const;
export type KpiId = (typeof KPI_IDS)[number];

export type KpiUnit = '%' | 'score' | 'seconds' | 'count' | 'per_hour';
/** `neutral`: no direction is better (volume); status is only shown when a target is set. */
export type KpiBetter = 'higher' | 'lower' | 'neutral';
export type KpiStatus = 'good' | 'warn' | 'bad' | 'none';

export const GRANULARITIES = ['day', 'week', 'month', 'quarter'] as const;
export type Granularity = (typeof GRANULARITIES)[number];
export type PeriodKind = Granularity | 'custom';

/** Inclusive range of local calendar days, `YYYY-MM-DD`. */
export interface DayRange {
  from: string;
  to: string;
}

export const isKpiId = (value: string): value is KpiId => (KPI_IDS as readonly string[]).includes(value);
