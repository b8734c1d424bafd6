import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DURATION_STEPS, durationAxis, formatDurationTick } from './durationTicks';

const SECONDS = { d: 86400, h: 3600, min: 60, s: 1 } as const;

/** Reads a tick label back into seconds; throws on anything that is not whole units, largest first. */
function parseTick(label: string): number {
  if (label === '0') return 0;
  const parts = label.split(' ');
  let total = 0;
  let lastSize = Infinity;
  for (let i = 0; i < parts.length; i += 2) {
    const count = Number(parts[i]);
    const size = SECONDS[parts[i + 1] as keyof typeof SECONDS];
    if (!Number.isInteger(count) || count <= 0 || !size || size >= lastSize) throw new Error(label);
    total += count * size;
    lastSize = size;
  }
  return total;
}

const seconds = fc.double({ min: 0, max: 40 * 86400, noNaN: true });

describe('durationAxis', () => {
  it('puts round clock steps on an AHT / resolution-time axis, not 33m 20s', () => {
    // 0 – 6,000 s used to read "0s 33m 20s 1h 07m 1h 40m".
    const axis = durationAxis(0, 6000, 6);
    expect(axis.step).toBe(1800);
    expect(axis.ticks.map(formatDurationTick)).toEqual(['0', '30 min', '1 h', '1 h 30 min', '2 h']);
    expect(durationAxis(412, 538, 5).ticks.map(formatDurationTick)).toEqual([
      '6 min',
      '7 min',
      '8 min',
      '9 min',
    ]);
    expect(durationAxis(3, 41, 6).ticks.map(formatDurationTick)).toEqual([
      '0',
      '10 s',
      '20 s',
      '30 s',
      '40 s',
      '50 s',
    ]);
  });

  it('gives a flat series an axis around it', () => {
    expect(durationAxis(90, 90, 6).ticks.map(formatDurationTick)).toEqual([
      '1 min 20 s',
      '1 min 25 s',
      '1 min 30 s',
      '1 min 35 s',
      '1 min 40 s',
    ]);
    expect(durationAxis(0, 0, 6).ticks).toEqual([0, 1]);
  });

  it('returns ticks that are multiples of a clock step, cover the data, and stay within the limit', () => {
    fc.assert(
      fc.property(seconds, seconds, fc.integer({ min: 2, max: 8 }), (a, b, maxTicks) => {
        const axis = durationAxis(a, b, maxTicks);
        const step = axis.step;
        expect(DURATION_STEPS.includes(step) || step % 86400 === 0).toBe(true);
        expect(axis.ticks.length).toBeGreaterThanOrEqual(2);
        expect(axis.ticks.length).toBeLessThanOrEqual(maxTicks);
        expect(axis.ticks[0]).toBe(axis.min);
        expect(axis.ticks.at(-1)).toBe(axis.max);
        expect(axis.min).toBeLessThanOrEqual(Math.min(a, b));
        expect(axis.max).toBeGreaterThanOrEqual(Math.max(a, b));
        axis.ticks.forEach((t, i) => {
          expect(t % step).toBe(0);
          if (i > 0) expect(t - (axis.ticks[i - 1] ?? 0)).toBe(step);
        });
      }),
    );
  });

  it('picks the finest step that fits: the next smaller step would need too many ticks', () => {
    fc.assert(
      fc.property(seconds, seconds, fc.integer({ min: 2, max: 8 }), (a, b, maxTicks) => {
        const lo = Math.min(a, b);
        const hi = Math.max(a, b);
        // A flat series is widened first (tested above).
        fc.pre(hi - lo >= 1);
        const { step } = durationAxis(a, b, maxTicks);
        const smaller = DURATION_STEPS.filter((s) => s < step).at(-1);
        if (smaller === undefined) return;
        const needed = Math.max(Math.ceil(hi / smaller) - Math.floor(lo / smaller), 1) + 1;
        expect(needed).toBeGreaterThan(maxTicks);
      }),
    );
  });

  it('labels every tick uniquely in whole units that read back as the tick', () => {
    fc.assert(
      fc.property(seconds, seconds, fc.integer({ min: 2, max: 8 }), (a, b, maxTicks) => {
        const labels = durationAxis(a, b, maxTicks).ticks.map(formatDurationTick);
        expect(new Set(labels).size).toBe(labels.length);
        labels.forEach((label, i) => expect(parseTick(label)).toBe(durationAxis(a, b, maxTicks).ticks[i]));
      }),
    );
  });
});

describe('formatDurationTick', () => {
  it.each([
    [0, '0'],
    [30, '30 s'],
    [60, '1 min'],
    [90, '1 min 30 s'],
    [300, '5 min'],
    [3600, '1 h'],
    [5400, '1 h 30 min'],
    [86400, '1 d'],
    [129600, '1 d 12 h'],
  ])('%s s → %s', (value, label) => {
    expect(formatDurationTick(value)).toBe(label);
  });
});
