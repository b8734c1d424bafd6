import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDurationInput, parseDurationInput } from '../../../shared/kpi/durationInput';

const SEED = 20260115;
const seconds = (text: string) => {
  const parsed = parseDurationInput(text);
  if (!parsed.ok) throw new Error(`expected "${text}" to parse: ${parsed.error}`);
  return parsed.value;
};
const two = (n: number) => String(n).padStart(2, '0');

describe('time targets typed as text', () => {
  it('reads the forms a team lead types', () => {
    expect(seconds('15 min')).toBe(900);
    expect(seconds('1:30:00')).toBe(5400);
    expect(seconds('90 s')).toBe(90);
    expect(seconds('2h 30m')).toBe(9000);
    expect(seconds('2 hours 30 minutes')).toBe(9000);
    expect(seconds('1.5 h')).toBe(5400);
    expect(seconds('1,5h')).toBe(5400);
    expect(seconds('4:12')).toBe(252);
    expect(seconds('  3 MIN, 20 sec ')).toBe(200);
    expect(seconds('0s')).toBe(0);
  });

  it('refuses what is not a time with a sentence that shows the way', () => {
    for (const text of ['', '90', 'fast', '2 weeks', '1:75', '-5 min', '2h 3h', '1::2', '1 d']) {
      const parsed = parseDurationInput(text);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(/^[A-Z"].*\.$/);
    }
    const bare = parseDurationInput('90');
    expect(!bare.ok && bare.error).toContain('unit');
  });

  it('shows seconds back in the same human form', () => {
    expect(formatDurationInput(5400)).toBe('1h 30m');
    expect(formatDurationInput(900)).toBe('15m');
    expect(formatDurationInput(90)).toBe('1m 30s');
    expect(formatDurationInput(0)).toBe('0s');
    expect(formatDurationInput(3661)).toBe('1h 1m 1s');
    expect(formatDurationInput(100 * 3600)).toBe('100h');
  });

  it('round-trips: parse(format(n)) = n for every whole number of seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => {
        expect(parseDurationInput(formatDurationInput(n))).toEqual({ ok: true, value: n });
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('reads h:mm:ss, unit words and short units alike', () => {
    const unitWords = {
      h: ['h', 'hr', 'hrs', 'hour', 'hours'],
      m: ['m', 'min', 'mins', 'minute', 'minutes'],
      s: ['s', 'sec', 'secs', 'second', 'seconds'],
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom(...unitWords.h),
        fc.constantFrom(...unitWords.m),
        fc.constantFrom(...unitWords.s),
        fc.constantFrom('', ' ', '  '),
        fc.boolean(),
        (h, m, s, hw, mw, sw, gap, upper) => {
          const total = h * 3600 + m * 60 + s;
          expect(seconds(`${h}:${two(m)}:${two(s)}`)).toBe(total);
          const words = `${h}${gap}${hw} ${m}${gap}${mw} ${s}${gap}${sw}`;
          expect(seconds(upper ? words.toUpperCase() : words)).toBe(total);
          expect(formatDurationInput(seconds(words))).toBe(formatDurationInput(total));
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('never throws, and a parsed value is a whole, non-negative number of seconds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), (text) => {
        const parsed = parseDurationInput(text);
        if (parsed.ok) {
          expect(Number.isInteger(parsed.value)).toBe(true);
          expect(parsed.value).toBeGreaterThanOrEqual(0);
          // What the field shows back reads as the same value.
          expect(parseDurationInput(formatDurationInput(parsed.value))).toEqual(parsed);
        } else expect(parsed.error.length).toBeGreaterThan(10);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});
