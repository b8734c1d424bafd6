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

/** The inputs of one interaction that AGG_COLUMNS reads (derived columns already computed). */
export interface AggInput {
  answered: unknown;
  abandoned: unknown;
  resolved: unknown;
  resolution_business_seconds: number | null;
  first_response_seconds: unknown;
  talk_seconds: unknown;
  hold_seconds: unknown;
  wrap_seconds: unknown;
  fcr: unknown;
  repeat_contact: number | null;
  csat_score: unknown;
  csat_scale: unknown;
  nps_score: unknown;
  ces_score: unknown;
  ces_scale: unknown;
  is_complaint: unknown;
  escalated: unknown;
  cross_sell_eligible: unknown;
  cross_sell_offered: unknown;
  cross_sell_converted: unknown;
  sentiment: number | null;
}

const col = (name: string): number => {
  const i = AGG_COLUMN_NAMES.indexOf(name);
  if (i < 0) throw new Error(`unknown aggregate column ${name}`);
  return i;
};
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
/** SQLite round(x): half away from zero. */
const sqlRound = (v: number): number => Math.sign(v) * Math.floor(Math.abs(v) + 0.5);
const C = Object.fromEntries(Object.keys(baseColumns).map((name) => [name, col(name)])) as Record<
  keyof typeof baseColumns,
  number
>;
const histBase = (prefix: string, first: number): number => col(`${prefix}_${first}`);
const H = {
  cs5: histBase('cs5', 1),
  cs10: histBase('cs10', 1),
  csx: histBase('csx', 1),
  nps: histBase('nps', 0),
  ce5: histBase('ce5', 1),
  ce7: histBase('ce7', 1),
  cex: histBase('cex', 1),
};

const bump = (acc: Float64Array, i: number, v: number): void => {
  acc[i] = (acc[i] as number) + v;
};

/**
 * Adds one interaction to a row of sums (indexed like AGG_COLUMN_NAMES): the same rules as the
 * AGG_COLUMNS SQL, evaluated in TS during refreshDerived's single pass over the rows. The
 * property test checks both against the reference implementation.
 */
export function accumulate(acc: Float64Array, r: AggInput): void {
  const answered = num(r.answered);
  const abandoned = num(r.abandoned) ?? (answered === null ? null : 1 - answered);
  const handled = (abandoned ?? 0) === 0;
  const resolved = num(r.resolved);
  const biz = r.resolution_business_seconds;
  const frt = num(r.first_response_seconds);
  const talk = num(r.talk_seconds);
  bump(acc, C.n, 1);
  if (handled) bump(acc, C.handled_n, 1);
  if (abandoned !== null) {
    bump(acc, C.ab_n, 1);
    if (abandoned === 1) bump(acc, C.ab_yes, 1);
  }
  if (resolved !== null) {
    bump(acc, C.res_n, 1);
    if (resolved === 1) {
      bump(acc, C.res_yes, 1);
      if (biz !== null) {
        bump(acc, C.art_n, 1);
        bump(acc, C.art_sum, biz);
      }
    }
  }
  if (frt !== null) {
    bump(acc, C.frt_n, 1);
    bump(acc, C.frt_sum, frt);
  }
  if (talk !== null && handled) {
    bump(acc, C.aht_n, 1);
    bump(acc, C.aht_sum, talk + (num(r.hold_seconds) ?? 0) + (num(r.wrap_seconds) ?? 0));
  }
  const escalated = num(r.escalated);
  if (num(r.is_complaint) === 1 && escalated !== null) {
    bump(acc, C.esc_n, 1);
    if (escalated === 1) bump(acc, C.esc_yes, 1);
  }
  const fcr = num(r.fcr);
  if (fcr !== null) {
    bump(acc, C.fcrf_n, 1);
    if (fcr === 1) bump(acc, C.fcrf_yes, 1);
  }
  const rep = r.repeat_contact;
  if (rep !== null && resolved !== null) {
    bump(acc, C.fcrw_n, 1);
    if (rep === 0 && resolved === 1) bump(acc, C.fcrw_yes, 1);
  }
  const offered = num(r.cross_sell_offered);
  if (num(r.cross_sell_eligible) === 1 && offered !== null) {
    bump(acc, C.xo_n, 1);
    if (offered === 1) bump(acc, C.xo_yes, 1);
  }
  const converted = num(r.cross_sell_converted);
  if (offered === 1 && converted !== null) {
    bump(acc, C.xc_n, 1);
    if (converted === 1) bump(acc, C.xc_yes, 1);
  }
  if (r.sentiment !== null) {
    bump(acc, C.sent_n, 1);
    if (r.sentiment === 1) bump(acc, C.sent_pos, 1);
    else if (r.sentiment === -1) bump(acc, C.sent_neg, 1);
  }
  const csat = num(r.csat_score);
  if (csat !== null) {
    const k = sqlRound(csat);
    const scale = num(r.csat_scale);
    if (scale === 5 && k >= 1 && k <= 5) bump(acc, H.cs5 + k - 1, 1);
    else if (scale === 10 && k >= 1 && k <= 10) bump(acc, H.cs10 + k - 1, 1);
    else if (scale === null && k >= 1 && k <= 10) bump(acc, H.csx + k - 1, 1);
  }
  const nps = num(r.nps_score);
  if (nps !== null) {
    const k = sqlRound(nps);
    if (k >= 0 && k <= 10) bump(acc, H.nps + k, 1);
  }
  const ces = num(r.ces_score);
  if (ces !== null) {
    const k = sqlRound(ces);
    const scale = num(r.ces_scale);
    if (scale === 5 && k >= 1 && k <= 5) bump(acc, H.ce5 + k - 1, 1);
    else if (scale === 7 && k >= 1 && k <= 7) bump(acc, H.ce7 + k - 1, 1);
    else if (scale === null && k >= 1 && k <= 7) bump(acc, H.cex + k - 1, 1);
  }
}
