import { ratingsFromRows } from './ratings';
import type { KpiSettings } from './settings';

/**
 * The raw-row side of the registry: the rows a reference implementation reads and the helpers
 * it counts with. The references are the executable form of DOMAIN.md's definitions, which the
 * property tests hold the SQL aggregates (and the evidence's n) to.
 */

/** The interaction fields KPIs read (snake_case, as in the interactions table), derived columns filled. */
export interface KpiRow {
  agent_id: string | null;
  customer_id: string | null;
  day: string;
  answered: number | null;
  abandoned: number | null;
  resolved: number | null;
  resolution_business_seconds: number | null;
  first_response_seconds: number | null;
  talk_seconds: number | null;
  hold_seconds: number | null;
  wrap_seconds: number | null;
  fcr: number | null;
  repeat_contact: number | null;
  csat_score: number | null;
  csat_scale: number | null;
  nps_score: number | null;
  ces_score: number | null;
  ces_scale: number | null;
  is_complaint: number | null;
  escalated: number | null;
  cross_sell_eligible: number | null;
  cross_sell_offered: number | null;
  cross_sell_converted: number | null;
  sentiment: number | null;
}

export interface ShiftRow {
  agent_id: string;
  day: string;
  logged_in_seconds: number;
}

/** What a reference implementation may look at besides the period's rows. */
export interface ReferenceContext {
  settings: KpiSettings;
  /** Logged-in time of the agents and days in scope (interactions per hour). */
  shifts: ShiftRow[];
  /** Rows of the previous period of the same length (retention's "customers at start"). */
  previousRows: KpiRow[];
}

/** A reference value and the denominator (evidence n) it stands on. */
export interface Reference {
  value: number | null;
  n: number;
}

export const pct = (num: number, den: number): number | null => (den > 0 ? (100 * num) / den : null);
export const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);
export const count = (rows: KpiRow[], pred: (r: KpiRow) => boolean): number =>
  rows.reduce((n, r) => n + (pred(r) ? 1 : 0), 0);
export const sumBy = (rows: KpiRow[], pred: (r: KpiRow) => boolean, value: (r: KpiRow) => number): number =>
  rows.reduce((n, r) => n + (pred(r) ? value(r) : 0), 0);
/** A reference value with the denominator it was computed on. */
export const refPct = (num: number, den: number): Reference => ({ value: pct(num, den), n: den });
export const refRatio = (num: number, den: number): Reference => ({ value: ratio(num, den), n: den });

export const abandonedOf = (r: KpiRow): number | null =>
  r.abandoned ?? (r.answered === null ? null : 1 - r.answered);
export const handled = (r: KpiRow): boolean => (abandonedOf(r) ?? 0) === 0;

export function retentionReference(rows: KpiRow[], ctx: ReferenceContext): Reference {
  const atStart = new Set(ctx.previousRows.flatMap((r) => (r.customer_id === null ? [] : [r.customer_id])));
  const atEnd = new Set(rows.flatMap((r) => (r.customer_id === null ? [] : [r.customer_id])));
  const fresh = [...atEnd].filter((c) => !atStart.has(c)).length;
  return {
    value: atStart.size > 0 && atEnd.size > 0 ? (100 * (atEnd.size - fresh)) / atStart.size : null,
    n: atStart.size,
  };
}

export function iphReference(rows: KpiRow[], ctx: ReferenceContext): Reference {
  const shiftKeys = new Set(ctx.shifts.map((s) => `${s.agent_id}|${s.day}`));
  const seconds = ctx.shifts.reduce((n, s) => n + s.logged_in_seconds, 0);
  const handledInShifts = count(rows, (r) => handled(r) && shiftKeys.has(`${r.agent_id}|${r.day}`));
  return { value: seconds > 0 ? handledInShifts / (seconds / 3600) : null, n: handledInShifts };
}

export const csatRows = (rows: KpiRow[], settings: KpiSettings) =>
  ratingsFromRows(
    rows,
    (r) => r.csat_score,
    (r) => r.csat_scale,
    settings.csat.scale,
  );
export const cesRows = (rows: KpiRow[], settings: KpiSettings) =>
  ratingsFromRows(
    rows,
    (r) => r.ces_score,
    (r) => r.ces_scale,
    settings.ces.scale,
  );
