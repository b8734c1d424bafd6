import { addDays } from './periods';
import type { KpiSettings } from './settings';

export type BusinessCalendar = KpiSettings['calendar'];

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a zone. */
function wallClock(
  ms: number,
  timeZone: string,
): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const out: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    y: out.year ?? 0,
    mo: out.month ?? 1,
    d: out.day ?? 1,
    h: out.hour ?? 0,
    mi: out.minute ?? 0,
    s: out.second ?? 0,
  };
}

/** Zone offset (ms, local − UTC) in force at an instant. */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant (epoch ms) of a local wall-clock time in a zone. */
export function zonedToEpochMs(day: string, hhmm: string, timeZone: string): number {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = hhmm.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  let t = guess - offsetAt(guess, timeZone);
  const corrected = guess - offsetAt(t, timeZone);
  if (corrected !== t) t = corrected;
  return t;
}

/** Local calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDay(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  return `${String(w.y).padStart(4, '0')}-${String(w.mo).padStart(2, '0')}-${String(w.d).padStart(2, '0')}`;
}

/** ISO weekday 1 = Monday … 7 = Sunday of a calendar date. */
export function isoWeekday(day: string): number {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const w = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
  return w === 0 ? 7 : w;
}

export interface CalendarDay {
  day: string;
  /** Epoch seconds of local midnight. */
  startS: number;
  openS: number;
  closeS: number;
}

/** Opening window of one local date; closed days have an empty window at midnight. */
export function calendarDay(day: string, cal: BusinessCalendar, holidays: ReadonlySet<string>): CalendarDay {
  const startS = zonedToEpochMs(day, '00:00', cal.timeZone) / 1000;
  if (!cal.workingDays.includes(isoWeekday(day)) || holidays.has(day))
    return { day, startS, openS: startS, closeS: startS };
  return {
    day,
    startS,
    openS: zonedToEpochMs(day, cal.open, cal.timeZone) / 1000,
    closeS: zonedToEpochMs(day, cal.close, cal.timeZone) / 1000,
  };
}

/**
 * Reference implementation: seconds of [start, end] that fall inside opening hours on working
 * days that are not holidays, in the calendar's zone. Null when end is before start.
 */
export function businessSeconds(startMs: number, endMs: number, cal: BusinessCalendar): number | null {
  if (!(endMs >= startMs)) return null;
  const holidays = new Set(cal.holidays);
  const startS = startMs / 1000;
  const endS = endMs / 1000;
  let total = 0;
  const last = localDay(endMs, cal.timeZone);
  for (let day = localDay(startMs, cal.timeZone); day <= last; day = addDays(day, 1)) {
    const { openS, closeS } = calendarDay(day, cal, holidays);
    total += Math.max(0, Math.min(endS, closeS) - Math.max(startS, openS));
  }
  return total;
}
