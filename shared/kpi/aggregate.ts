/**
 * The additive inputs of every KPI: one SQL expression per column, summed per
 * (day, agent, team, channel) into agg_daily. Ratings are stored as histograms so the CSAT
 * threshold or mean mode, NPS bands and CES direction are applied at query time without
 * re-aggregation. Each expression reads interactions aliased `i`, after derived columns are filled.
 *
 * Blank handling (DOMAIN.md): a KPI's denominator counts only rows whose input is present, e.g.
 * CSAT over responses only, resolution time over resolved tickets that have a time, AHT over
 * handled (not abandoned) contacts only.
 */

/** Abandoned: the flag, else "not answered" (ACD exports carry only Answered Y/N). */
const ABANDONED = 'COALESCE(i.abandoned, 1 - i.answered)';
const HANDLED = `COALESCE(${ABANDONED}, 0) = 0`;
/** Likert ratings are integers; a decimal export (`4.0`) is rounded to its point. */
const rating = (col: string) => `round(i.${col})`;
/** A comparison is 1, 0 or NULL, and SUM skips NULL: cheaper than CASE on a million rows. */
const flag = (cond: string) => `(${cond})`;

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, k) => from + k);

const baseColumns = {
  n: '1',
  handled_n: flag(HANDLED),
  ab_n: flag(`${ABANDONED} IS NOT NULL`),
  ab_yes: flag(`${ABANDONED} = 1`),
  res_n: flag('i.resolved IS NOT NULL'),
  res_yes: flag('i.resolved = 1'),
  art_n: flag('i.resolved = 1 AND i.resolution_business_seconds IS NOT NULL'),
  art_sum: 'CASE WHEN i.resolved = 1 THEN COALESCE(i.resolution_business_seconds, 0) ELSE 0 END',
  frt_n: flag('i.first_response_seconds IS NOT NULL'),
  frt_sum: 'COALESCE(i.first_response_seconds, 0)',
  aht_n: flag(`i.talk_seconds IS NOT NULL AND ${HANDLED}`),
  aht_sum: `CASE WHEN i.talk_seconds IS NOT NULL AND ${HANDLED} THEN i.talk_seconds + COALESCE(i.hold_seconds, 0) + COALESCE(i.wrap_seconds, 0) ELSE 0 END`,
  esc_n: flag('i.is_complaint = 1 AND i.escalated IS NOT NULL'),
  esc_yes: flag('i.is_complaint = 1 AND i.escalated = 1'),
  fcrf_n: flag('i.fcr IS NOT NULL'),
  fcrf_yes: flag('i.fcr = 1'),
  fcrw_n: flag('i.repeat_contact IS NOT NULL AND i.resolved IS NOT NULL'),
  fcrw_yes: flag('i.repeat_contact = 0 AND i.resolved = 1'),
  xo_n: flag('i.cross_sell_eligible = 1 AND i.cross_sell_offered IS NOT NULL'),
  xo_yes: flag('i.cross_sell_eligible = 1 AND i.cross_sell_offered = 1'),
  xc_n: flag('i.cross_sell_offered = 1 AND i.cross_sell_converted IS NOT NULL'),
  xc_yes: flag('i.cross_sell_offered = 1 AND i.cross_sell_converted = 1'),
  sent_n: flag('i.sentiment IS NOT NULL'),
  sent_pos: flag('i.sentiment = 1'),
  sent_neg: flag('i.sentiment = -1'),
};

function histogram(prefix: string, col: string, scaleCol: string, scale: number | null, points: number[]) {
  const out: Record<string, string> = {};
  const scaleCond = scale === null ? `i.${scaleCol} IS NULL` : `i.${scaleCol} = ${scale}`;
  for (const k of points) out[`${prefix}_${k}`] = flag(`${scaleCond} AND ${rating(col)} = ${k}`);
  return out;
}

/** Column name → SQL expression (summed). Order is the table's column order. */
export const AGG_COLUMNS: Readonly<Record<string, string>> = {
  ...baseColumns,
  ...histogram('cs5', 'csat_score', 'csat_scale', 5, range(1, 5)),
  ...histogram('cs10', 'csat_score', 'csat_scale', 10, range(1, 10)),
  // Scale unknown: read on the CSAT scale setting at query time (points above it are invalid).
  ...histogram('csx', 'csat_score', 'csat_scale', null, range(1, 10)),
  ...Object.fromEntries(range(0, 10).map((k) => [`nps_${k}`, flag(`${rating('nps_score')} = ${k}`)])),
  ...histogram('ce5', 'ces_score', 'ces_scale', 5, range(1, 5)),
  ...histogram('ce7', 'ces_score', 'ces_scale', 7, range(1, 7)),
  ...histogram('cex', 'ces_score', 'ces_scale', null, range(1, 7)),
};

export const AGG_COLUMN_NAMES: readonly string[] = Object.keys(AGG_COLUMNS);

/**
 * Inputs that come from outside agg_daily at query time, present only when known: logged-in time
 * from agent_shifts (and the handled contacts of those agent-days), distinct customers for retention.
 */
export const EXTRA_COLUMNS = ['shift_seconds', 'shift_handled', 'ret_start', 'ret_end', 'ret_new'] as const;

/** Summed inputs of one group. Missing agg columns read as 0; missing extra columns mean "unknown". */
export type KpiSums = Record<string, number>;

export const sumOf = (s: KpiSums, col: string): number => s[col] ?? 0;

export function emptySums(): KpiSums {
  const sums: KpiSums = {};
  for (const col of AGG_COLUMN_NAMES) sums[col] = 0;
  return sums;
}

/** Adds b into a (in place) for the agg columns; extra sums are not additive and are left alone. */
export function addSums(a: KpiSums, b: KpiSums): KpiSums {
  for (const col of AGG_COLUMN_NAMES) a[col] = (a[col] ?? 0) + (b[col] ?? 0);
  return a;
}

export function subtractSums(a: KpiSums, b: KpiSums): KpiSums {
  for (const col of AGG_COLUMN_NAMES) a[col] = (a[col] ?? 0) - (b[col] ?? 0);
  return a;
}

/** `SUM(expr) AS col, …` over raw interactions: the agg_daily build and the native-shell comparison. */
export function rawSumSelectList(): string {
  // TOTAL, not SUM: a group whose comparisons are all NULL sums to 0, not NULL.
  return AGG_COLUMN_NAMES.map((col) => `TOTAL(${AGG_COLUMNS[col]}) AS ${col}`).join(',\n  ');
}

/** `SUM(col) AS col, …` over agg_daily rows. */
export function aggSumSelectList(alias = 'g'): string {
  return AGG_COLUMN_NAMES.map((col) => `SUM(${alias}.${col}) AS ${col}`).join(', ');
}
