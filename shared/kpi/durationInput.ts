/**
 * Time targets (resolution, first response, handle time) as people write them: "15 min",
 * "1:30:00", "90 s", "2h 30m". Stored as whole seconds; shown back by `formatDurationInput` in a
 * form this parser reads again.
 */

export type DurationParse = { ok: true; value: number } | { ok: false; error: string };

const UNIT_SECONDS: Record<string, number> = {
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
};

const EXAMPLE = 'Write it like 15 min, 1:30:00 or 2h 30m.';
const fail = (error: string): DurationParse => ({ ok: false, error });

/**
 * "h:mm:ss", or "m:ss" with two parts: a stopwatch reading, as handle times are usually written;
 * the field shows its reading back ("1m 30s"), so a misread "1:30" is visible at once.
 */
function parseClock(text: string): DurationParse {
  const parts = text.split(':');
  if (parts.length > 3 || parts.some((p) => !/^\d+$/.test(p)))
    return fail(`"${text}" is not a time. ${EXAMPLE}`);
  const numbers = parts.map(Number);
  const [first = 0, ...rest] = numbers;
  if (rest.some((n) => n >= 60))
    return fail(
      `"${text}" has minutes or seconds of 60 or more. Write it like 1:30:00 (h:mm:ss) or 4:12 (m:ss).`,
    );
  const value =
    numbers.length === 3 ? first * 3600 + (rest[0] ?? 0) * 60 + (rest[1] ?? 0) : first * 60 + (rest[0] ?? 0);
  return { ok: true, value };
}

function parseUnits(text: string): DurationParse {
  const token = /(\d+(?:[.,]\d+)?)\s*([a-z]+)/g;
  const seen = new Set<number>();
  let total = 0;
  let consumed = '';
  for (const match of text.matchAll(token)) {
    const [whole, amount = '', unit = ''] = match;
    consumed += whole;
    if (unit === 'd' || unit === 'day' || unit === 'days')
      return fail('Write days as hours, e.g. 48 h: resolution time counts business hours only.');
    const factor = UNIT_SECONDS[unit];
    if (factor === undefined) return fail(`"${unit}" is not a time unit. Use h, min or s, e.g. 2h 30m.`);
    if (seen.has(factor)) return fail(`"${text}" gives the same unit twice. ${EXAMPLE}`);
    seen.add(factor);
    total += Number(amount.replace(',', '.')) * factor;
  }
  // Anything left besides spaces, commas and "and" is text the tokens did not account for.
  const leftover = text.replace(token, '').replace(/\s|,|\band\b/g, '');
  if (consumed === '' || leftover !== '') return fail(`"${text}" is not a time. ${EXAMPLE}`);
  return { ok: true, value: Math.round(total) };
}

export function parseDurationInput(input: string): DurationParse {
  const text = input.trim().toLowerCase();
  if (text === '') return fail(`Enter a time. ${EXAMPLE}`);
  if (text.startsWith('-')) return fail('A time cannot be negative.');
  if (/^\d+(?:[.,]\d+)?$/.test(text)) return fail(`Add a unit to "${input.trim()}": 90 s, 15 min or 2 h.`);
  const parsed = text.includes(':') ? parseClock(text) : parseUnits(text);
  if (parsed.ok && !Number.isSafeInteger(parsed.value)) return fail(`"${input.trim()}" is too long a time.`);
  return parsed;
}

/** Whole seconds (≥ 0) as "1h 30m", "15m", "1m 30s", "0s"; hours are not folded into days. */
export function formatDurationInput(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts = [h > 0 ? `${h}h` : '', m > 0 ? `${m}m` : '', s > 0 ? `${s}s` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : '0s';
}
