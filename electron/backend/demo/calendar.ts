/**
 * Local business calendar of the demo: Mon–Fri 08:00–18:00 in Europe/Berlin, German national
 * holidays off. Dates are "day numbers" (days since 1970-01-01 of the local date) so the
 * generator does plain integer arithmetic; only output is turned into ISO text.
 */
export const OPEN_SECONDS = 8 * 3600;
export const CLOSE_SECONDS = 18 * 3600;
const DAY_MS = 86_400_000;

export const dayNumberOf = (year: number, month0: number, date: number): number =>
  Math.floor(Date.UTC(year, month0, date) / DAY_MS);

export const weekdayOf = (day: number): number => (day + 4) % 7; // 1970-01-01 was a Thursday (4)

const isoCache = new Map<number, string>();
export function isoDay(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

function lastSunday(year: number, month0: number): number {
  const last = dayNumberOf(year, month0 + 1, 0);
  return last - weekdayOf(last);
}

/** UTC offset in hours of a local day (EU summer time). Working hours never touch the Sunday switch. */
const offsetCache = new Map<number, number>();
export function utcOffsetHours(day: number): number {
  let offset = offsetCache.get(day);
  if (offset === undefined) {
    const year = new Date(day * DAY_MS).getUTCFullYear();
    offset = day >= lastSunday(year, 2) && day < lastSunday(year, 9) ? 2 : 1;
    offsetCache.set(day, offset);
  }
  return offset;
}

/** Local calendar day of a UTC instant in Europe/Berlin. */
export function localDayOf(instant: Date): number {
  const ms = instant.getTime();
  const offset = isSummerInstant(ms, new Date(ms).getUTCFullYear()) ? 2 : 1;
  return Math.floor((ms + offset * 3_600_000) / DAY_MS);
}

function isSummerInstant(ms: number, year: number): boolean {
  const start = lastSunday(year, 2) * DAY_MS + 3_600_000; // 01:00 UTC
  const end = lastSunday(year, 9) * DAY_MS + 3_600_000;
  return ms >= start && ms < end;
}

/** UTC epoch ms of a local day plus seconds after local midnight. */
export const instantMs = (day: number, secondOfDay: number): number =>
  day * DAY_MS + secondOfDay * 1000 - utcOffsetHours(day) * 3_600_000;

function easterSunday(year: number): number {
  // Anonymous Gregorian algorithm.
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const date = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumberOf(year, month - 1, date);
}

function holidays(year: number): Set<number> {
  const easter = easterSunday(year);
  return new Set([
    dayNumberOf(year, 0, 1),
    easter - 2,
    easter + 1,
    dayNumberOf(year, 4, 1),
    easter + 39,
    easter + 50,
    dayNumberOf(year, 9, 3),
    dayNumberOf(year, 11, 25),
    dayNumberOf(year, 11, 26),
  ]);
}

/** Public holidays (on weekdays or not) in [from, to), as ISO dates. */
export function holidaysBetween(from: number, to: number): string[] {
  const days: number[] = [];
  const first = new Date(from * DAY_MS).getUTCFullYear();
  const last = new Date(to * DAY_MS).getUTCFullYear();
  for (let year = first; year <= last; year += 1) {
    for (const day of holidays(year)) if (day >= from && day < to) days.push(day);
  }
  return days.sort((a, b) => a - b).map(isoDay);
}

/** Working days in [from, to) (day numbers), ascending. */
export function workdaysBetween(from: number, to: number): number[] {
  const byYear = new Map<number, Set<number>>();
  const days: number[] = [];
  for (let day = from; day < to; day += 1) {
    const weekday = weekdayOf(day);
    if (weekday === 0 || weekday === 6) continue;
    const year = new Date(day * DAY_MS).getUTCFullYear();
    let off = byYear.get(year);
    if (!off) {
      off = holidays(year);
      byYear.set(year, off);
    }
    if (!off.has(day)) days.push(day);
  }
  return days;
}

/**
 * Adds business seconds to a moment given as (index into `workdays`, second of day), walking
 * opening hours only. Returns null when the result falls after the last working day listed.
 */
export function addBusinessSeconds(
  workdays: readonly number[],
  index: number,
  secondOfDay: number,
  seconds: number,
): { index: number; secondOfDay: number } | null {
  let i = index;
  let second = Math.max(OPEN_SECONDS, secondOfDay);
  let left = seconds;
  if (second >= CLOSE_SECONDS) {
    i += 1;
    second = OPEN_SECONDS;
  }
  while (i < workdays.length) {
    const room = CLOSE_SECONDS - second;
    if (left <= room) return { index: i, secondOfDay: second + left };
    left -= room;
    i += 1;
    second = OPEN_SECONDS;
  }
  return null;
}
