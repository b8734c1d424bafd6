import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  detectDateOrder,
  isFail,
  parseCsat,
  parseDateTime,
  parseDuration,
  parseFlag,
  parseNps,
  parseNumber,
  parseTimeOfDay,
  wallToUtc,
  type DateTimeValue,
  zoneOffsetMinutes,
  intlOffsetMinutes,
} from '../../../shared/import/parse';

const iso = (v: ReturnType<typeof parseDateTime>) => {
  if (v === null || isFail(v)) throw new Error(`not a date: ${JSON.stringify(v)}`);
  return new Date((v as DateTimeValue).ms).toISOString();
};

describe('parseDateTime', () => {
  it.each([
    ['2021-01-01', '2021-01-01T00:00:00.000Z'],
    ['2023-06-01 12:15:36', '2023-06-01T12:15:36.000Z'],
    ['2023-06-01T12:15:36Z', '2023-06-01T12:15:36.000Z'],
    ['2023-06-01T14:15:36+02:00', '2023-06-01T12:15:36.000Z'],
    ['Friday, 1 January, 2021', '2021-01-01T00:00:00.000Z'],
    ['January 5, 2021 3:04 PM', '2021-01-05T15:04:00.000Z'],
    ['5 Jan 2021', '2021-01-05T00:00:00.000Z'],
    ['31.12.2021', '2021-12-31T00:00:00.000Z'],
    ['12/31/2021', '2021-12-31T00:00:00.000Z'],
    ['2021/12/31 08:00', '2021-12-31T08:00:00.000Z'],
    ['44197', '2021-01-01T00:00:00.000Z'],
  ])('reads %s', (text, expected) => {
    expect(iso(parseDateTime(text))).toBe(expected);
  });

  it('uses the day/month setting for ambiguous dates and the separator convention in auto', () => {
    expect(iso(parseDateTime('03/04/2021', 'mdy'))).toBe('2021-03-04T00:00:00.000Z');
    expect(iso(parseDateTime('03/04/2021', 'dmy'))).toBe('2021-04-03T00:00:00.000Z');
    expect(iso(parseDateTime('03.04.2021', 'auto'))).toBe('2021-04-03T00:00:00.000Z');
    expect(iso(parseDateTime('03/04/2021', 'auto'))).toBe('2021-03-04T00:00:00.000Z');
    expect(detectDateOrder(['03/04/2021', '25/04/2021'])).toEqual({ order: 'dmy', conflicting: false });
    expect(detectDateOrder(['03/04/2021', '04/25/2021'])).toEqual({ order: 'mdy', conflicting: false });
  });

  it('rejects impossible dates with a reason', () => {
    for (const bad of ['2021-02-30', '13/13/2021', 'yesterday', '=NOW()', '2021-01-01 25:00']) {
      const v = parseDateTime(bad, 'mdy');
      expect(isFail(v), bad).toBe(true);
    }
    expect(parseDateTime('')).toBeNull();
  });

  it('reads exceljs dates as wall-clock times', () => {
    expect(iso(parseDateTime(new Date('2021-01-01T09:12:58Z')))).toBe('2021-01-01T09:12:58.000Z');
  });

  it('applies a business time zone to naive times', () => {
    expect(new Date(wallToUtc(Date.UTC(2024, 6, 1, 12), 'Europe/Berlin')).toISOString()).toBe(
      '2024-07-01T10:00:00.000Z',
    );
    expect(new Date(wallToUtc(Date.UTC(2024, 0, 1, 12), 'Europe/Berlin')).toISOString()).toBe(
      '2024-01-01T11:00:00.000Z',
    );
  });
});

describe('parseDuration', () => {
  it.each([
    ['143', 'auto', 143],
    ['2:23', 'auto', 143],
    ['0:02:23', 'auto', 143],
    ['1:00:00', 'auto', 3600],
    ['12', 'minutes', 720],
    ['1.5', 'hours', 5400],
    ['0.0016550925925925926', 'days', 143],
    ['2m 30s', 'auto', 150],
    ['1,5', 'minutes', 90],
  ] as const)('%s (%s) → %d s', (text, unit, seconds) => {
    expect(parseDuration(text, unit)).toBe(seconds);
  });

  it('reads Excel time cells (exceljs Date on 1899-12-30)', () => {
    expect(parseDuration(new Date('1899-12-30T00:02:23.000Z'))).toBe(143);
  });

  it('rejects negatives and formulas with a reason', () => {
    const negative = parseDuration('-5');
    expect(isFail(negative) && negative.reason).toMatch(/negative/);
    const formula = parseDuration('=1+1');
    expect(isFail(formula) && formula.reason).toMatch(/formula/);
    expect(isFail(parseDuration('@SUM(A1)'))).toBe(true);
    expect(isFail(parseDuration('+5'))).toBe(true);
    expect(parseDuration('')).toBeNull();
  });
});

describe('flags, numbers, scores, times', () => {
  it('reads flag spellings', () => {
    for (const t of ['Y', 'yes', 'TRUE', '1', 'x']) expect(parseFlag(t)).toBe(1);
    for (const f of ['N', 'No', 'false', '0']) expect(parseFlag(f)).toBe(0);
    expect(parseFlag('')).toBeNull();
    expect(parseFlag(' ')).toBeNull();
    expect(isFail(parseFlag('maybe'))).toBe(true);
  });

  it('reads numbers with a decimal point or comma', () => {
    expect(parseNumber('3.0')).toBe(3);
    expect(parseNumber('4,5')).toBe(4.5);
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(isFail(parseNumber('abc'))).toBe(true);
  });

  it('maps CSAT Good/Bad and checks ranges', () => {
    expect(parseCsat('Good', 5)).toBe(5);
    expect(parseCsat('Bad', 5)).toBe(1);
    expect(parseCsat('Offered', 5)).toBeNull();
    expect(parseCsat('4', 5)).toBe(4);
    const out = parseCsat('7', 5);
    expect(isFail(out) && out.reason).toMatch(/outside 1–5/);
    expect(isFail(parseCsat('-1', 10))).toBe(true);
    expect(isFail(parseNps('11'))).toBe(true);
    expect(isFail(parseNps('7.5'))).toBe(true);
  });

  it('reads times of day', () => {
    expect(parseTimeOfDay('09:12:58')).toBe(33178);
    expect(parseTimeOfDay('9:12 PM')).toBe(76320);
    expect(parseTimeOfDay(0.3840046296296296)).toBe(33178);
  });
});

describe('parser properties', () => {
  const anyCell = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
  );

  it('never throw, and return a value, null or a reason', () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        for (const result of [
          parseDateTime(cell),
          parseDuration(cell),
          parseFlag(cell),
          parseNumber(cell),
          parseCsat(cell, 5),
          parseTimeOfDay(cell),
        ]) {
          if (isFail(result)) expect(result.reason.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('round-trip ISO timestamps', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1971-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (date) => {
          const ms = Math.floor(date.getTime() / 1000) * 1000;
          const text = new Date(ms).toISOString().replace('.000Z', 'Z');
          expect(iso(parseDateTime(text))).toBe(new Date(ms).toISOString());
          expect(iso(parseDateTime(text.replace('T', ' ').replace('Z', '')))).toBe(
            new Date(ms).toISOString(),
          );
        },
      ),
    );
  });

  it('round-trip h:mm:ss and mm:ss durations', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 * 3600 }), (seconds) => {
        const h = Math.floor(seconds / 3600);
        const m = Math.floor((seconds % 3600) / 60);
        const s = seconds % 60;
        const pad = (n: number) => String(n).padStart(2, '0');
        expect(parseDuration(`${h}:${pad(m)}:${pad(s)}`)).toBe(seconds);
        expect(parseDuration(`${h * 60 + m}:${pad(s)}`)).toBe(seconds);
      }),
    );
  });

  it('reject every negative duration and every formula-looking cell', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: -1e-6, noNaN: true }), (n) => {
        expect(isFail(parseDuration(String(n)))).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom('=', '+', '@'), fc.string(), (lead, rest) => {
        const cell = lead + rest;
        expect(isFail(parseDuration(cell)) || parseDuration(cell) === null).toBe(true);
        expect(isFail(parseDateTime(cell))).toBe(true);
      }),
    );
  });

  it('round-trip day/month order for numeric dates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (y, m, d) => {
          const expected = new Date(Date.UTC(y, m - 1, d)).toISOString();
          expect(iso(parseDateTime(`${m}/${d}/${y}`, 'mdy'))).toBe(expected);
          expect(iso(parseDateTime(`${d}.${m}.${y}`, 'dmy'))).toBe(expected);
        },
      ),
    );
  });
});

describe('zone offset cache', () => {
  it('answers exactly what Intl answers, for any instant and zone', () => {
    const zones = [
      'Europe/Berlin',
      'America/New_York',
      'Asia/Kolkata',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...zones),
        (utcMs, zone) => zoneOffsetMinutes(utcMs, zone) === intlOffsetMinutes(utcMs, zone),
      ),
      { numRuns: 2000 },
    );
  });
});
