import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KpiUnit } from '../../../../shared/kpi/types';
import { formatTick, valueAxis } from './chartScale';
import type { ValueClamp } from './chartTypes';

const PERCENT = { unit: '%' as const, clamp: { min: 0, max: 100 } };

/** Each unit with the clamp axisFor gives it, and values a little past the clamp to test clamping. */
const cases: Array<{ unit: KpiUnit; clamp?: ValueClamp; lo: number; hi: number }> = [
  { ...PERCENT, lo: -20, hi: 120 },
  { unit: 'score', clamp: { min: -100, max: 100 }, lo: -120, hi: 120 },
  { unit: 'score', lo: 1, hi: 7 },
  { unit: 'seconds', clamp: { min: 0 }, lo: 0, hi: 10 * 86400 },
  { unit: 'count', clamp: { min: 0 }, lo: 0, hi: 5000 },
  { unit: 'per_hour', clamp: { min: 0 }, lo: 0, hi: 40 },
];

const axisCase = fc.constantFrom(...cases).chain((c) =>
  fc.record({
    c: fc.constant(c),
    values: fc.array(fc.double({ min: c.lo, max: c.hi, noNaN: true }), { minLength: 1, maxLength: 40 }),
    maxTicks: fc.integer({ min: 3, max: 8 }),
  }),
);

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('valueAxis', () => {
  it('keeps an escalation rate axis at 0% or above, however low the data', () => {
    const axis = valueAxis([0, 0, 40, 3, 0], { ...PERCENT, maxTicks: 5 });
    expect(axis.min).toBe(0);
    expect(axis.ticks.map((t) => formatTick(t, '%'))).toEqual(['0%', '20%', '40%', '60%']);
    expect(valueAxis([-5, 104], { ...PERCENT, maxTicks: 6 })).toMatchObject({ min: 0, max: 100 });
  });

  it('gives a flat 0% or 100% line room inside 0–100', () => {
    expect(valueAxis([0, 0], { ...PERCENT, maxTicks: 5 }).ticks).toEqual([0, 0.5, 1]);
    const full = valueAxis([100, 100], { ...PERCENT, maxTicks: 5 });
    expect(full.max).toBe(100);
    expect(full.min).toBeLessThan(100);
  });

  it('puts clock steps on durations', () => {
    const axis = valueAxis([412, 4790, 6000], { unit: 'seconds', clamp: { min: 0 }, maxTicks: 6 });
    expect(axis.ticks.map((t) => formatTick(t, 'seconds'))).toEqual([
      '0',
      '30 min',
      '1 h',
      '1 h 30 min',
      '2 h',
    ]);
  });

  it('returns evenly spaced ticks that cover the data, stay inside the clamp and the tick limit', () => {
    fc.assert(
      fc.property(axisCase, ({ c, values, maxTicks }) => {
        const axis = valueAxis(values, { unit: c.unit, clamp: c.clamp, maxTicks });
        const inRange = values.map((v) =>
          Math.min(Math.max(v, c.clamp?.min ?? -Infinity), c.clamp?.max ?? Infinity),
        );
        expect(axis.ticks.length).toBeGreaterThanOrEqual(2);
        expect(axis.ticks.length).toBeLessThanOrEqual(maxTicks);
        expect(axis.ticks[0]).toBe(axis.min);
        expect(axis.ticks.at(-1)).toBe(axis.max);
        expect(axis.min).toBeLessThanOrEqual(Math.min(...inRange) + 1e-9);
        expect(axis.max).toBeGreaterThanOrEqual(Math.max(...inRange) - 1e-9);
        expect(axis.min).toBeGreaterThanOrEqual(c.clamp?.min ?? -Infinity);
        expect(axis.max).toBeLessThanOrEqual(c.clamp?.max ?? Infinity);
        axis.ticks.forEach((t, i) => {
          expect(near(t / axis.step, Math.round(t / axis.step))).toBe(true);
          if (i > 0) expect(near(t - (axis.ticks[i - 1] ?? 0), axis.step)).toBe(true);
        });
      }),
    );
  });

  it('labels ticks uniquely, with a round step (1, 2 or 5 × 10^k, or a clock step)', () => {
    fc.assert(
      fc.property(axisCase, ({ c, values, maxTicks }) => {
        const axis = valueAxis(values, { unit: c.unit, clamp: c.clamp, maxTicks });
        const labels = axis.ticks.map((t) => formatTick(t, c.unit));
        expect(new Set(labels).size).toBe(labels.length);
        if (c.unit !== 'seconds') {
          const lead = axis.step / 10 ** Math.floor(Math.log10(axis.step) + 1e-9);
          expect([1, 2, 5].some((m) => near(lead, m))).toBe(true);
        }
      }),
    );
  });
});
