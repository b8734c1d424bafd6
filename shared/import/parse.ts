/**
 * Pure cell parsing rules shared by the backend import and the renderer preview. No Node APIs.
 * Each parser returns a value, `null` for a blank cell, or a `ParseFail` carrying the reason the
 * user sees in the validation report. Parsers never throw.
 */
import type { DateOrder, DurationUnit } from './types';

/** A cell as read from CSV (always text) or XLSX (typed by exceljs). */
export type RawCell = string | number | boolean | Date | null | undefined;

export class ParseFail {
  constructor(readonly reason: string) {}
}
export const isFail = (value: unknown): value is ParseFail => value instanceof ParseFail;

const BLANKS = new Set(['', 'null', 'n/a', 'na', '-', '--', 'none', '#n/a']);

/** Empty cells and the usual "no value" spellings of exports. */
export function isBlank(raw: RawCell): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw !== 'string') return false;
  const n = raw.length;
  if (n === 0) return true;
  // Hot path: no surrounding whitespace, so no trim; every blank spelling starts with n, -, #.
  if (isPrintableAscii(raw.charCodeAt(0)) && isPrintableAscii(raw.charCodeAt(n - 1)))
    return n <= 4 && mayBeBlankWord(raw.charCodeAt(0)) && BLANKS.has(raw.toLowerCase());
  const trimmed = raw.trim();
  return trimmed.length === 0 || (trimmed.length <= 4 && BLANKS.has(trimmed.toLowerCase()));
}

const isPrintableAscii = (c: number) => c > 32 && c < 127;
const mayBeBlankWord = (c: number) => c === 110 || c === 78 || c === 45 || c === 35;

/** The value of a string of 1–9 ASCII digits, else -1 (the common case of counts and seconds). */
export function smallUint(text: string): number {
  const n = text.length;
  if (n === 0 || n > 9) return -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

export function cellText(raw: RawCell): string {
  if (raw === null || raw === undefined) return '';
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? '' : raw.toISOString();
  return String(raw);
}

/**
 * Cells starting with = + @ (and tab/CR) are spreadsheet formulas or formula-injection payloads.
 * Text fields keep them verbatim (never evaluated; the CSV exporter neutralises them on output);
 * fields that must hold a number, date, flag or duration reject them with this reason.
 */
export function formulaFail(text: string): ParseFail | null {
  const c = text.charCodeAt(0);
  // '=' 61, '+' 43, '@' 64, tab 9, CR 13
  if (c === 61 || c === 43 || c === 64 || c === 9 || c === 13) {
    return new ParseFail(
      `starts with "${text[0] === '\t' ? '\\t' : text[0]}": looks like a spreadsheet formula, which is never evaluated`,
    );
  }
  return null;
}

export const startsLikeFormula = (text: string): boolean => /^[=+\-@\t\r]/.test(text);

// ---------------------------------------------------------------------------------------- numbers

const NUMBER_RE = /^-?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?$/i;
const GROUPED_RE = /^-?\d{1,3}([, ]\d{3})+(\.\d+)?$/;

/** Decimal point or a single decimal comma ("4,5" from a semicolon CSV); "1,234.5" grouping too. */
export function parseNumber(raw: RawCell): number | null | ParseFail {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : new ParseFail('not a finite number');
  if (typeof raw === 'boolean') return raw ? 1 : 0;
  if (raw instanceof Date) return new ParseFail('is a date, expected a number');
  if (typeof raw === 'string') {
    const digits = smallUint(raw);
    if (digits >= 0) return digits;
  }
  if (isBlank(raw)) return null;
  const text = (raw as string).trim();
  const formula = formulaFail(text);
  if (formula) return formula;
  if (NUMBER_RE.test(text)) return Number(text.replace(',', '.'));
  if (GROUPED_RE.test(text)) return Number(text.replace(/[, ]/g, ''));
  return new ParseFail(`"${clip(text)}" is not a number`);
}

// ------------------------------------------------------------------------------------------ flags

const TRUE_WORDS = new Set([
  'y',
  'yes',
  'true',
  't',
  '1',
  'x',
  'ja',
  'j',
  'oui',
  'si',
  'sí',
  'on',
  'answered',
  'resolved',
]);
const FALSE_WORDS = new Set([
  'n',
  'no',
  'false',
  'f',
  '0',
  'nein',
  'non',
  'off',
  'unanswered',
  'unresolved',
  'abandoned',
]);

export function parseFlag(raw: RawCell): 0 | 1 | null | ParseFail {
  if (typeof raw === 'boolean') return raw ? 1 : 0;
  if (typeof raw === 'number') {
    if (raw === 1 || raw === 0) return raw;
    return new ParseFail(`${raw} is not a yes/no value (expected 1 or 0)`);
  }
  if (raw instanceof Date) return new ParseFail('is a date, expected a yes/no value');
  if (typeof raw === 'string' && raw.length === 1) {
    switch (raw.charCodeAt(0)) {
      case 89: // Y y 1 X x J j T t
      case 121:
      case 49:
      case 88:
      case 120:
      case 74:
      case 106:
      case 84:
      case 116:
        return 1;
      case 78: // N n 0 F f
      case 110:
      case 48:
      case 70:
      case 102:
        return 0;
    }
  }
  if (isBlank(raw)) return null;
  const text = (raw as string).trim().toLowerCase();
  if (TRUE_WORDS.has(text)) return 1;
  if (FALSE_WORDS.has(text)) return 0;
  if (text === '1.0') return 1;
  if (text === '0.0') return 0;
  return (
    formulaFail(text) ?? new ParseFail(`"${clip(text)}" is not a yes/no value (Y/N, Yes/No, TRUE/FALSE, 1/0)`)
  );
}

// -------------------------------------------------------------------------------------- durations

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const UNIT_SECONDS: Record<Exclude<DurationUnit, 'auto'>, number> = {
  seconds: 1,
  minutes: 60,
  hours: 3600,
  days: 86_400,
};
const CLOCK_RE = /^(\d+):([0-5]?\d)(?::([0-5]?\d(?:\.\d+)?))?$/;
const UNIT_RE =
  /(\d+(?:[.,]\d+)?)\s*(h|hr|hrs|hour|hours|std|m|min|mins|minute|minutes|s|sec|secs|second|seconds|ms)\b/gi;

/**
 * Seconds from: a number in `unit` (auto = seconds), `mm:ss`, `h:mm:ss`, "2m 30s"/"1.5 min",
 * an Excel time serial (unit `days`, or an XLSX cell formatted as time which exceljs hands over
 * as a Date on 1899-12-30). Negative durations are rejected.
 */
export function parseDuration(raw: RawCell, unit: DurationUnit = 'auto'): number | null | ParseFail {
  if (raw instanceof Date) {
    const ms = raw.getTime() - EXCEL_EPOCH_MS;
    if (!Number.isFinite(ms)) return new ParseFail('invalid time value');
    if (ms < 0) return new ParseFail('negative duration');
    if (ms >= 366 * DAY_MS) return new ParseFail('is a date, expected a duration');
    return round3(ms / 1000);
  }
  if (typeof raw === 'boolean') return new ParseFail('expected a duration');
  let num: number;
  if (typeof raw === 'number') {
    num = raw;
  } else {
    const digits = typeof raw === 'string' ? smallUint(raw) : -1;
    if (digits >= 0) return round3(digits * UNIT_SECONDS[unit === 'auto' ? 'seconds' : unit]);
    if (isBlank(raw)) return null;
    const text = (raw as string).trim();
    if (text.charCodeAt(0) === 45 /* - */) return new ParseFail(`negative duration "${clip(text)}"`);
    const formula = formulaFail(text);
    if (formula) return formula;
    const clock = CLOCK_RE.exec(text);
    if (clock) {
      const a = Number(clock[1]);
      const b = Number(clock[2]);
      // Two parts read as mm:ss (talk times), three as h:mm:ss.
      return clock[3] === undefined ? a * 60 + b : round3(a * 3600 + b * 60 + Number(clock[3]));
    }
    if (NUMBER_RE.test(text)) {
      num = Number(text.replace(',', '.'));
    } else {
      const seconds = parseUnitText(text);
      if (seconds === null)
        return new ParseFail(`"${clip(text)}" is not a duration (seconds, mm:ss or h:mm:ss)`);
      return seconds;
    }
  }
  if (!Number.isFinite(num)) return new ParseFail('not a finite number');
  if (num < 0) return new ParseFail(`negative duration ${num}`);
  return round3(num * UNIT_SECONDS[unit === 'auto' ? 'seconds' : unit]);
}

function parseUnitText(text: string): number | null {
  let total = 0;
  let consumed = 0;
  UNIT_RE.lastIndex = 0;
  for (let m = UNIT_RE.exec(text); m; m = UNIT_RE.exec(text)) {
    const value = Number((m[1] ?? '').replace(',', '.'));
    const u = (m[2] ?? '').toLowerCase();
    const factor = u === 'ms' ? 0.001 : u.startsWith('h') || u === 'std' ? 3600 : u.startsWith('m') ? 60 : 1;
    total += value * factor;
    consumed += m[0].length;
  }
  if (consumed === 0 || text.replace(/[\s,]+/g, '').length > consumed + 2) return null;
  return round3(total);
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

// ---------------------------------------------------------------------------------------- dates

/**
 * `ms` is an instant when `zoned`, else wall-clock time encoded as if UTC (the business time
 * zone is applied later). `hasTime` false = a date-only value (midnight).
 */
export interface DateTimeValue {
  ms: number;
  zoned: boolean;
  hasTime: boolean;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  janv: 1,
  januar: 1,
  feb: 2,
  february: 2,
  februar: 2,
  mar: 3,
  march: 3,
  märz: 3,
  maerz: 3,
  apr: 4,
  april: 4,
  may: 5,
  mai: 5,
  jun: 6,
  june: 6,
  juni: 6,
  jul: 7,
  july: 7,
  juli: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  okt: 10,
  oktober: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
  dez: 12,
  dezember: 12,
};
const NUMERIC_DATE_RE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T,]+(.*))?$/;
const YMD_SLASH_RE = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[ T,]+(.*))?$/;
const TIME_RE =
  /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3})\d*)?)?\s*(am|pm|a\.m\.|p\.m\.)?\s*(z|utc|gmt|[+-]\d{2}:?\d{2})?$/i;

function isoDigits(s: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 9999) return false;
  if (d <= 28) return true;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (MONTH_DAYS[m - 1] as number) + (leap ? 1 : 0);
}

/** Fast path for ISO text (`YYYY-MM-DD`, optional `THH:MM[:SS[.fff]]`, optional `Z`/offset). */
function parseIso(s: string): DateTimeValue | ParseFail | undefined {
  if (s.length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  const y = isoDigits(s, 0, 4);
  const m = isoDigits(s, 5, 2);
  const d = isoDigits(s, 8, 2);
  if (y < 0 || m < 0 || d < 0) return undefined;
  if (!validYmd(y, m, d)) return new ParseFail(`"${clip(s)}" is not a valid calendar date`);
  if (s.length === 10) return { ms: Date.UTC(y, m - 1, d), zoned: false, hasTime: false };
  const sep = s.charCodeAt(10);
  if (sep !== 84 && sep !== 32 /* T or space */) return undefined;
  const seconds = isoClock(s);
  if (seconds >= 0) {
    const zoned = s.charCodeAt(s.length - 1) === 90; /* Z */
    return { ms: Date.UTC(y, m - 1, d) + seconds * 1000, zoned, hasTime: true };
  }
  const time = parseTimeText(s.slice(11));
  if (time === undefined) return undefined;
  if (isFail(time)) return time;
  return {
    ms: Date.UTC(y, m - 1, d) + time.seconds * 1000 - (time.offsetMinutes ?? 0) * 60_000,
    zoned: time.offsetMinutes !== null,
    hasTime: true,
  };
}

/**
 * Seconds of `HH:MM:SS` or `HH:MM:SS.fff` at position 11, optionally followed by `Z` (then
 * s.length is 20 or 24), else -1: anything else (offsets, out-of-range values) takes the
 * general path, which also words the reasons.
 */
function isoClock(s: string): number {
  const n = s.length;
  if (n < 19 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return -1;
  let end = n;
  if (s.charCodeAt(n - 1) === 90 /* Z */) end = n - 1;
  if (end !== 19 && end !== 23) return -1;
  const h = isoDigits(s, 11, 2);
  const mi = isoDigits(s, 14, 2);
  const se = isoDigits(s, 17, 2);
  if (h < 0 || mi < 0 || se < 0 || h > 23 || mi > 59 || se > 59) return -1;
  let millis = 0;
  if (end === 23) {
    if (s.charCodeAt(19) !== 46 /* . */) return -1;
    millis = isoDigits(s, 20, 3);
    if (millis < 0) return -1;
  }
  return h * 3600 + mi * 60 + se + millis / 1000;
}

interface TimeText {
  seconds: number;
  offsetMinutes: number | null;
}

function parseTimeText(text: string): TimeText | ParseFail | undefined {
  const m = TIME_RE.exec(text.trim());
  if (!m) return undefined;
  let hours = Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = m[3] === undefined ? 0 : Number(m[3]);
  const millis = m[4] === undefined ? 0 : Number(m[4].padEnd(3, '0'));
  const meridiem = m[5]?.toLowerCase();
  if (meridiem) {
    if (hours < 1 || hours > 12) return new ParseFail(`"${clip(text)}" is not a valid time`);
    hours = (hours % 12) + (meridiem.startsWith('p') ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return new ParseFail(`"${clip(text)}" is not a valid time`);
  let offsetMinutes: number | null = null;
  const zone = m[6]?.toLowerCase();
  if (zone) {
    if (zone === 'z' || zone === 'utc' || zone === 'gmt') offsetMinutes = 0;
    else {
      const digits = zone.replace(':', '');
      const sign = digits.startsWith('-') ? -1 : 1;
      offsetMinutes = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
    }
  }
  return { seconds: hours * 3600 + minutes * 60 + seconds + millis / 1000, offsetMinutes };
}

function withTime(
  y: number,
  m: number,
  d: number,
  rest: string | undefined,
  original: string,
): DateTimeValue | ParseFail {
  if (!validYmd(y, m, d)) return new ParseFail(`"${clip(original)}" is not a valid calendar date`);
  const base = Date.UTC(y, m - 1, d);
  if (rest === undefined || rest.trim() === '') return { ms: base, zoned: false, hasTime: false };
  const time = parseTimeText(rest);
  if (time === undefined) return new ParseFail(`"${clip(original)}" has an unreadable time part`);
  if (isFail(time)) return time;
  return {
    ms: base + time.seconds * 1000 - (time.offsetMinutes ?? 0) * 60_000,
    zoned: time.offsetMinutes !== null,
    hasTime: true,
  };
}

const fullYear = (y: number, digits: number) => (digits === 2 ? (y < 70 ? 2000 + y : 1900 + y) : y);

/**
 * Dates and timestamps: ISO, `MM/DD/YYYY`, `DD.MM.YYYY`, `YYYY/MM/DD`, long text ("Friday,
 * 1 January, 2021", "Jan 5 2021 3:04 PM"), Excel serials (numbers or exceljs Dates), Unix
 * seconds/milliseconds. `order` settles 03/04/2021; `auto` reads `.` as day-first and `/` as
 * month-first (resolve per file first with `detectDateOrder`).
 */
export function parseDateTime(raw: RawCell, order: DateOrder = 'auto'): DateTimeValue | null | ParseFail {
  if (raw instanceof Date) {
    const ms = raw.getTime();
    if (!Number.isFinite(ms)) return new ParseFail('invalid date');
    return { ms, zoned: false, hasTime: ms % DAY_MS !== 0 };
  }
  if (typeof raw === 'number') return fromSerial(raw);
  if (typeof raw === 'boolean') return new ParseFail('expected a date');
  if (isBlank(raw)) return null;
  const s = (raw as string).trim();
  const iso = parseIso(s);
  if (iso !== undefined) return iso;
  const formula = formulaFail(s);
  if (formula) return formula;
  const numeric = NUMERIC_DATE_RE.exec(s);
  if (numeric) {
    const a = Number(numeric[1]);
    const b = Number(numeric[3]);
    const y = fullYear(Number(numeric[4]), (numeric[4] ?? '').length);
    const sep = numeric[2];
    let dayFirst = order === 'dmy' || (order === 'auto' && sep !== '/');
    if (order === 'auto') {
      if (a > 12 && b <= 12) dayFirst = true;
      else if (b > 12 && a <= 12) dayFirst = false;
    }
    const [d, m] = dayFirst ? [a, b] : [b, a];
    if (m > 12) {
      return new ParseFail(`"${clip(s)}" is not a valid date as ${dayFirst ? 'DD.MM.YYYY' : 'MM/DD/YYYY'}`);
    }
    return withTime(y, m, d, numeric[5], s);
  }
  const ymd = YMD_SLASH_RE.exec(s);
  if (ymd) return withTime(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]), ymd[4], s);
  if (/^\d+(\.\d+)?$/.test(s)) return fromSerial(Number(s));
  return parseTextDate(s);
}

function fromSerial(n: number): DateTimeValue | ParseFail {
  if (!Number.isFinite(n) || n < 0) return new ParseFail(`${n} is not a date`);
  // 13 digits: Unix milliseconds; 9–10 digits: Unix seconds; otherwise an Excel serial day.
  if (n >= 1e11) return { ms: Math.round(n), zoned: true, hasTime: true };
  if (n >= 1e8) return { ms: Math.round(n * 1000), zoned: true, hasTime: true };
  if (n < 1 || n > 2_958_465) return new ParseFail(`${n} is not a date`);
  const ms = EXCEL_EPOCH_MS + Math.round((n * DAY_MS) / 1000) * 1000;
  return { ms, zoned: false, hasTime: !Number.isInteger(n) };
}

const WEEKDAY_RE =
  /\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|nesday|rsday|urday)?\b\.?|\b(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b/gi;

function parseTextDate(s: string): DateTimeValue | ParseFail {
  const fail = new ParseFail(`"${clip(s)}" is not a recognised date`);
  const lower = s.toLowerCase().replace(WEEKDAY_RE, ' ');
  const timeMatch =
    /(\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:am|pm|a\.m\.|p\.m\.)?\s*(?:z|utc|gmt|[+-]\d{2}:?\d{2})?)\s*$/i.exec(
      lower,
    );
  const datePart = timeMatch ? lower.slice(0, timeMatch.index) : lower;
  const tokens = datePart.split(/[\s,./-]+/).filter((t) => t.length > 0);
  let month = 0;
  let day = 0;
  let year = 0;
  for (const token of tokens) {
    const word = token.replace(/\.$/, '');
    const named = MONTHS[word];
    if (named !== undefined && month === 0) month = named;
    else if (/^\d{4}$/.test(word) && year === 0) year = Number(word);
    else if (/^\d{1,2}(st|nd|rd|th)?$/.test(word) && day === 0) day = Number.parseInt(word, 10);
    else if (/^\d{2}$/.test(word) && year === 0 && day !== 0) year = fullYear(Number(word), 2);
    else if (word === 'at' || word === 'um' || word === 'the' || word === 'of') continue;
    else return fail;
  }
  if (month === 0 || day === 0 || year === 0) return fail;
  return withTime(year, month, day, timeMatch?.[1], s);
}

/** Seconds since midnight from "09:12:58", "9:12 PM", an Excel time fraction or an exceljs time Date. */
export function parseTimeOfDay(raw: RawCell): number | null | ParseFail {
  if (raw instanceof Date) {
    const ms = raw.getTime();
    if (!Number.isFinite(ms)) return new ParseFail('invalid time');
    return Math.round((((ms % DAY_MS) + DAY_MS) % DAY_MS) / 1000);
  }
  if (typeof raw === 'number') {
    if (raw >= 0 && raw < 1) return Math.round(raw * 86_400);
    return new ParseFail(`${raw} is not a time of day`);
  }
  if (typeof raw === 'boolean') return new ParseFail('expected a time of day');
  if (isBlank(raw)) return null;
  const s = (raw as string).trim();
  const formula = formulaFail(s);
  if (formula) return formula;
  if (/^0?\.\d+$/.test(s)) return Math.round(Number(s) * 86_400);
  const time = parseTimeText(s);
  if (time === undefined) return new ParseFail(`"${clip(s)}" is not a time of day (HH:MM:SS)`);
  if (isFail(time)) return time;
  return Math.round(time.seconds);
}

/**
 * Settles day/month order for a column from its values: any first part > 12 means day-first,
 * any second part > 12 month-first. Returns null when the sample never disambiguates.
 */
export function detectDateOrder(values: Iterable<RawCell>): {
  order: 'mdy' | 'dmy' | null;
  conflicting: boolean;
} {
  let dmy = false;
  let mdy = false;
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const m = NUMERIC_DATE_RE.exec(value.trim());
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && b <= 12) dmy = true;
    if (b > 12 && a <= 12) mdy = true;
  }
  if (dmy && mdy) return { order: null, conflicting: true };
  return { order: dmy ? 'dmy' : mdy ? 'mdy' : null, conflicting: false };
}

/** True when at least one value is a numeric date whose day/month order the value alone does not settle. */
export function hasAmbiguousNumericDates(values: Iterable<RawCell>): boolean {
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const m = NUMERIC_DATE_RE.exec(value.trim());
    if (m && Number(m[1]) <= 12 && Number(m[3]) <= 12 && m[1] !== m[3]) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------- scores

const GOOD_WORDS = new Set(['good', 'satisfied', 'positive', 'happy', "good, i'm satisfied", '👍']);
const BAD_WORDS = new Set([
  'bad',
  'unsatisfied',
  'dissatisfied',
  'negative',
  'unhappy',
  "bad, i'm unsatisfied",
  '👎',
]);
const NOT_RATED = new Set(['offered', 'unoffered', 'not offered', 'not rated', 'no rating', 'pending']);

/**
 * CSAT score on the given scale. Zendesk's binary Good/Bad becomes 5/1 on a 1–5 scale (10/1 on
 * 1–10): "Good" counts as satisfied and "Bad" as not, which is what the CSAT % KPI needs; the
 * mean-rating mode then treats them as the scale's ends. "Offered"/"Unoffered" mean no response.
 */
export function parseCsat(raw: RawCell, scale: 5 | 10): number | null | ParseFail {
  if (typeof raw === 'string' && smallUint(raw) < 0) {
    const word = raw.trim().toLowerCase();
    if (GOOD_WORDS.has(word)) return scale;
    if (BAD_WORDS.has(word)) return 1;
    if (NOT_RATED.has(word)) return null;
  }
  return scoreInRange(raw, scale === 5 ? 1 : 0, scale, 'CSAT', false);
}

export function parseNps(raw: RawCell): number | null | ParseFail {
  return scoreInRange(raw, 0, 10, 'NPS', true);
}

export function parseCes(raw: RawCell, scale: 5 | 7): number | null | ParseFail {
  return scoreInRange(raw, 1, scale, 'CES', false);
}

function scoreInRange(
  raw: RawCell,
  min: number,
  max: number,
  label: string,
  integer: boolean,
): number | null | ParseFail {
  const n = parseNumber(raw);
  if (n === null || isFail(n)) return n;
  if (n < min || n > max) return new ParseFail(`${label} ${n} is outside ${min}–${max}`);
  if (integer && !Number.isInteger(n)) return new ParseFail(`${label} ${n} is not a whole number`);
  return n;
}

/** The scale a column of CSAT answers is on: anything above 5 means 1–10. */
export function detectScale<S extends number>(
  values: Iterable<RawCell>,
  small: S,
  large: number,
): S | number {
  let max = -Infinity;
  for (const value of values) {
    const n = parseNumber(value);
    if (typeof n === 'number' && n > max) max = n;
  }
  return max > small ? large : small;
}

// -------------------------------------------------------------------------------------- channels

const CHANNEL_WORDS: Record<string, 'call' | 'chat' | 'email' | 'ticket' | 'social' | 'other'> = {
  call: 'call',
  calls: 'call',
  phone: 'call',
  voice: 'call',
  telephone: 'call',
  telefon: 'call',
  inbound: 'call',
  outbound: 'call',
  chat: 'chat',
  'live chat': 'chat',
  livechat: 'chat',
  messaging: 'chat',
  whatsapp: 'chat',
  sms: 'chat',
  email: 'email',
  'e-mail': 'email',
  mail: 'email',
  ticket: 'ticket',
  web: 'ticket',
  'web form': 'ticket',
  webform: 'ticket',
  form: 'ticket',
  api: 'ticket',
  portal: 'ticket',
  'help center': 'ticket',
  social: 'social',
  'social media': 'social',
  twitter: 'social',
  facebook: 'social',
  instagram: 'social',
  x: 'social',
  other: 'other',
};

/** Vendor channel names to ours; an unknown name is kept as `other` rather than rejected. */
export function parseChannel(raw: RawCell): 'call' | 'chat' | 'email' | 'ticket' | 'social' | 'other' | null {
  if (isBlank(raw)) return null;
  return CHANNEL_WORDS[cellText(raw).trim().toLowerCase()] ?? 'other';
}

/** Trimmed text, or null when blank. Formula-looking text is kept as is: it is never evaluated. */
export function parseText(raw: RawCell): string | null {
  if (raw instanceof Date) return cellText(raw);
  if (typeof raw === 'string') {
    const n = raw.length;
    if (n === 0) return null;
    const text =
      isPrintableAscii(raw.charCodeAt(0)) && isPrintableAscii(raw.charCodeAt(n - 1)) ? raw : raw.trim();
    const c = text.charCodeAt(0);
    if (text.length === 0 || (text.length <= 4 && mayBeBlankWord(c) && BLANKS.has(text.toLowerCase())))
      return null;
    return text;
  }
  if (isBlank(raw)) return null;
  return String(raw);
}

export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

// ------------------------------------------------------------------------------------ time zones

const formatters = new Map<string, Intl.DateTimeFormat>();

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const OFFSET_SLOT_MS = 15 * 60_000;
const offsetCache = new Map<string, Map<number, number>>();

/**
 * Offset (minutes east of UTC) of `zone` at the instant `utcMs`. Asking Intl costs microseconds
 * and an import asks for every row, so offsets are cached per quarter hour: zones change offset
 * only on quarter-hour boundaries.
 */
export function zoneOffsetMinutes(utcMs: number, zone: string): number {
  if (zone === 'UTC') return 0;
  let cache = offsetCache.get(zone);
  if (!cache) offsetCache.set(zone, (cache = new Map()));
  const slot = Math.floor(utcMs / OFFSET_SLOT_MS);
  let offset = cache.get(slot);
  if (offset === undefined) {
    if (cache.size > 500_000) cache.clear();
    offset = intlOffsetMinutes(slot * OFFSET_SLOT_MS, zone);
    cache.set(slot, offset);
  }
  return offset;
}

/** The uncached lookup (exported for the cache's property test). */
export function intlOffsetMinutes(utcMs: number, zone: string): number {
  let fmt = formatters.get(zone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, fmt);
  }
  const parts: Record<string, number> = {};
  for (const part of fmt.formatToParts(new Date(utcMs))) parts[part.type] = Number(part.value);
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/** Wall-clock time in `zone` (encoded as if UTC) to the instant. */
export function wallToUtc(wallMs: number, zone: string): number {
  if (zone === 'UTC') return wallMs;
  const first = wallMs - zoneOffsetMinutes(wallMs, zone) * 60_000;
  return wallMs - zoneOffsetMinutes(first, zone) * 60_000;
}

export function utcToWall(utcMs: number, zone: string): number {
  return zone === 'UTC' ? utcMs : utcMs + zoneOffsetMinutes(utcMs, zone) * 60_000;
}
