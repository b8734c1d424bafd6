import { addDays, monthStart } from '../../../shared/kpi/periods';
import type { DayRange } from '../../../shared/kpi/types';
import type { Db } from '../db/database';

/**
 * Distinct-customer sets per calendar month (kpi_customer_months, written by refreshDerived):
 * retention over a long range is the union of its months' sets, so a 24-month range reads
 * 48 small blobs instead of every raw contact of four years. Only the partial months at the
 * edges of a range that is not month-aligned are read from interactions.
 */

/** The stored format is little-endian; typed arrays use the platform's order. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function encodeKeys(sorted: Int32Array): Uint8Array {
  if (LITTLE_ENDIAN) return new Uint8Array(sorted.buffer, sorted.byteOffset, sorted.byteLength);
  const out = new Uint8Array(sorted.length * 4);
  const view = new DataView(out.buffer);
  sorted.forEach((key, i) => view.setInt32(i * 4, key, true));
  return out;
}

export function decodeKeys(blob: Uint8Array): Int32Array {
  const n = blob.byteLength >> 2;
  if (LITTLE_ENDIAN && blob.byteOffset % 4 === 0) return new Int32Array(blob.buffer, blob.byteOffset, n);
  const out = new Int32Array(n);
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  for (let i = 0; i < n; i += 1) out[i] = view.getInt32(i * 4, true);
  return out;
}

export type ScopeKind = 'agent' | 'team' | 'all';

/** Days of a range split into whole calendar months and the leftover partial-month segments. */
export interface MonthSplit {
  /** First days of the whole months, ascending. */
  months: string[];
  /** At most two runs of days (one per end), each shorter than a month. */
  edges: DayRange[];
}

export function splitMonths(range: DayRange): MonthSplit {
  const first = range.from.endsWith('-01') ? range.from : monthStart(range.from, 1);
  // The last whole month ends on range.to or before it.
  const afterTo = addDays(range.to, 1);
  const end = afterTo.endsWith('-01') ? afterTo : monthStart(range.to);
  if (first >= end) return { months: [], edges: [range] };
  const months: string[] = [];
  for (let m = first; m < end; m = monthStart(m, 1)) months.push(m);
  const edges: DayRange[] = [];
  if (range.from < first) edges.push({ from: range.from, to: addDays(first, -1) });
  if (end <= range.to) edges.push({ from: end, to: range.to });
  return { months, edges };
}

/** Marks set per customer key: bit 1 = in contact during the previous range, 2 = this range. */
const PREVIOUS = 1;
const CURRENT = 2;

export interface SetRetentionSource {
  kind: ScopeKind;
  id: string;
  /** Customer keys in contact during the given days, for this scope (edge segments). */
  edgeKeys(days: DayRange): Int32Array | number[];
}

/**
 * start / end / new customer counts from the month sets, or null when neither range holds a whole
 * month (a short range reads raw contacts faster than it would assemble sets). Undefined when no
 * customer was in contact during either range (as a grouped raw read returns no row).
 */
export function setRetention(
  db: Db,
  source: SetRetentionSource,
  range: DayRange,
  previous: DayRange,
): { start: number; end: number; fresh: number } | null | undefined {
  const cur = splitMonths(range);
  const prev = splitMonths(previous);
  if (cur.months.length + prev.months.length === 0) return null;
  const maxKey = Number(db.values('SELECT max(key) FROM kpi_customer_keys')[0]?.[0] ?? -1);
  // No keys: no customer ids at all, or sets never built; the raw read answers either way.
  if (maxKey < 0) return null;
  const marks = new Uint8Array(maxKey + 1);
  const lo = [...cur.months, ...prev.months].sort()[0] as string;
  const hi = [...cur.months, ...prev.months].sort().at(-1) as string;
  const bit = new Map<string, number>();
  for (const m of prev.months) bit.set(m, PREVIOUS);
  for (const m of cur.months) bit.set(m, (bit.get(m) ?? 0) | CURRENT);
  const stmt = db.raw.prepare(
    `SELECT month, ids FROM kpi_customer_months
      WHERE scope = ? AND scope_id = ? AND month BETWEEN ? AND ?`,
  );
  try {
    stmt.bind([source.kind, source.id, lo, hi]);
    while (stmt.step()) {
      const [month, blob] = stmt.get();
      const b = bit.get(String(month));
      if (b === undefined || !(blob instanceof Uint8Array)) continue;
      const keys = decodeKeys(blob);
      for (let i = 0; i < keys.length; i += 1) {
        const key = keys[i] as number;
        marks[key] = (marks[key] as number) | b;
      }
    }
  } finally {
    stmt.free();
  }
  const edge = (days: DayRange, b: number) => {
    const keys = source.edgeKeys(days);
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i] as number;
      if (key >= 0 && key <= maxKey) marks[key] = (marks[key] as number) | b;
    }
  };
  for (const days of prev.edges) edge(days, PREVIOUS);
  for (const days of cur.edges) edge(days, CURRENT);
  let start = 0;
  let end = 0;
  let fresh = 0;
  for (let i = 0; i < marks.length; i += 1) {
    const m = marks[i] as number;
    if (m === 0) continue;
    if (m & PREVIOUS) start += 1;
    if (m & CURRENT) {
      end += 1;
      if (!(m & PREVIOUS)) fresh += 1;
    }
  }
  return start + end === 0 ? undefined : { start, end, fresh };
}
