import {
  addDays as addDaysFns,
  differenceInCalendarDays,
  endOfMonth,
  endOfQuarter,
  format,
  parseISO,
  startOfISOWeek,
  startOfMonth,
  startOfQuarter,
} from 'date-fns';
import type { DayRange, Granularity, PeriodKind } from './types';

/**
 * Period maths on local calendar days (`YYYY-MM-DD`). Days are parsed at local midnight and
 * formatted back, so DST shifts of the machine's zone never move a day.
 */
const parse = (day: string): Date => parseISO(day);
const fmt = (date: Date): string => format(date, 'yyyy-MM-dd');

export const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function addDays(day: string, n: number): string {
  return fmt(addDaysFns(parse(day), n));
}

/** First day of the month of `day`, shifted by `n` months. */
export function monthStart(day: string, n = 0): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + n;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${String(yy).padStart(4, '0')}-${String(mm + 1).padStart(2, '0')}-01`;
}

/** Number of days in an inclusive range. */
export function rangeLength(range: DayRange): number {
  return differenceInCalendarDays(parse(range.to), parse(range.from)) + 1;
}

export function eachDay(range: DayRange): string[] {
  const days: string[] = [];
  const n = rangeLength(range);
  const start = parse(range.from);
  for (let i = 0; i < n; i += 1) days.push(fmt(addDaysFns(start, i)));
  return days;
}

/** First day of the bucket that contains `day` (weeks are ISO: Monday). */
export function bucketStart(day: string, granularity: Granularity): string {
  switch (granularity) {
    case 'day':
      return day;
    case 'week':
      return fmt(startOfISOWeek(parse(day)));
    case 'month':
      return `${day.slice(0, 7)}-01`;
    case 'quarter':
      return fmt(startOfQuarter(parse(day)));
  }
}

export function bucketEnd(start: string, granularity: Granularity): string {
  switch (granularity) {
    case 'day':
      return start;
    case 'week':
      return addDays(start, 6);
    case 'month':
      return fmt(endOfMonth(parse(start)));
    case 'quarter':
      return fmt(endOfQuarter(parse(start)));
  }
}

/** Buckets overlapping the range, clipped to it. `period` is the bucket's first (unclipped) day. */
export function listBuckets(range: DayRange, granularity: Granularity): Array<DayRange & { period: string }> {
  const buckets: Array<DayRange & { period: string }> = [];
  let start = bucketStart(range.from, granularity);
  while (start <= range.to) {
    const end = bucketEnd(start, granularity);
    buckets.push({
      period: start,
      from: start < range.from ? range.from : start,
      to: end > range.to ? range.to : end,
    });
    start = addDays(end, 1);
  }
  return buckets;
}

/** The period of a kind that contains `anchor` (custom: the anchor day only; pass a range instead). */
export function periodRange(kind: PeriodKind, anchor: string): DayRange {
  if (kind === 'custom') return { from: anchor, to: anchor };
  if (kind === 'month') return { from: fmt(startOfMonth(parse(anchor))), to: fmt(endOfMonth(parse(anchor))) };
  const from = bucketStart(anchor, kind);
  return { from, to: bucketEnd(from, kind) };
}

/**
 * The period before, for "change vs previous period": for a whole calendar month, quarter or week
 * the previous calendar one; otherwise the same number of days immediately before.
 */
export function previousRange(range: DayRange): DayRange {
  for (const kind of ['month', 'quarter'] as const) {
    const whole = periodRange(kind, range.from);
    if (whole.from === range.from && whole.to === range.to) return periodRange(kind, addDays(range.from, -1));
  }
  const n = rangeLength(range);
  return { from: addDays(range.from, -n), to: addDays(range.from, -1) };
}

/** Suggested trend granularity for a range length (sparklines, exports). */
export function defaultGranularity(range: DayRange): Granularity {
  const n = rangeLength(range);
  if (n <= 45) return 'day';
  if (n <= 200) return 'week';
  if (n <= 800) return 'month';
  return 'quarter';
}

export function periodLabel(period: string, granularity: Granularity): string {
  switch (granularity) {
    case 'day':
      return period;
    case 'week':
      return `${format(parse(period), "RRRR-'W'II")}`;
    case 'month':
      return period.slice(0, 7);
    case 'quarter':
      return format(parse(period), "yyyy-'Q'q");
  }
}
