import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentileInterval } from './bootstrap';
import { ratingMatrix } from './fixtures/arbitraries';
import { krippendorff2011 } from './fixtures/krippendorff';
import {
  bootstrapInterval,
  criterionAgreement,
  gwetAC,
  krippendorffAlpha,
  percentExactAgreement,
  seededRandom,
} from './index';

describe('seededRandom (mulberry32)', () => {
  it('gives the same sequence for a seed, a different one for another seed, in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = first.reduce((s, x) => s + x, 0) / first.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});

describe('percentileInterval', () => {
  it('interpolates between order statistics (R quantile type 7) and skips undefined resamples', () => {
    const values = Float64Array.from([NaN, 5, 1, 4, 2, 3, NaN, 0, 6, 7, 8, 9, 10]);
    const interval = percentileInterval(values, 0.9);
    expect(interval).toMatchObject({ level: 0.9, definedResamples: 11, resamples: 13 });
    expect(interval?.lower).toBeCloseTo(0.5, 12);
    expect(interval?.upper).toBeCloseTo(9.5, 12);
  });

  it('equals interpolating in the fully sorted values, ties and NaNs included', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: -5, max: 5 }).map((x) => x / 4),
            fc.constant(NaN),
          ),
          { minLength: 1, maxLength: 300 },
        ),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (xs, level) => {
          const sorted = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
          const reference = (p: number) => {
            const h = (sorted.length - 1) * p;
            const b = Math.floor(h);
            return (
              (sorted[b] ?? NaN) +
              (h - b) * ((sorted[Math.min(b + 1, sorted.length - 1)] ?? NaN) - (sorted[b] ?? NaN))
            );
          };
          const interval = percentileInterval(Float64Array.from(xs), level);
          if (sorted.length === 0 || sorted.length * 2 < xs.length) {
            expect(interval).toBeNull();
          } else {
            expect(interval?.lower).toBeCloseTo(reference((1 - level) / 2), 12);
            expect(interval?.upper).toBeCloseTo(reference(1 - (1 - level) / 2), 12);
          }
        },
      ),
    );
  });

  it('is null when fewer than half the resamples are defined', () => {
    expect(percentileInterval(Float64Array.from([1, NaN, NaN]))).toBeNull();
    expect(percentileInterval(Float64Array.from([1, 2, NaN, NaN]))).not.toBeNull();
  });
});

describe('bootstrapInterval', () => {
  const data = krippendorff2011.data;
  const ordinal = (m: Parameters<typeof krippendorffAlpha>[0]) => krippendorffAlpha(m, 'ordinal');

  it('is deterministic for a seed and changes with the seed', () => {
    const once = bootstrapInterval(data, ordinal, { resamples: 500, seed: 3 });
    expect(bootstrapInterval(data, ordinal, { resamples: 500, seed: 3 })).toEqual(once);
    expect(bootstrapInterval(data, ordinal, { resamples: 500, seed: 4 })).not.toEqual(once);
  });

  it('brackets the estimate on Krippendorff’s data, and a 50% interval sits inside the 95% one', () => {
    const value = ordinal(data) ?? NaN;
    const wide = bootstrapInterval(data, ordinal, { resamples: 1000, seed: 1 });
    const narrow = bootstrapInterval(data, ordinal, { resamples: 1000, seed: 1, level: 0.5 });
    expect(wide?.lower).toBeLessThan(value);
    expect(wide?.upper).toBeGreaterThanOrEqual(value);
    expect(narrow?.lower).toBeGreaterThanOrEqual(wide?.lower ?? NaN);
    expect(narrow?.upper).toBeLessThanOrEqual(wide?.upper ?? NaN);
  });

  it('is null with a single rated unit, and refuses nonsense options in words', () => {
    expect(
      bootstrapInterval(
        [
          [1, null],
          [1, null],
        ],
        ordinal,
        { resamples: 10, seed: 1 },
      ),
    ).toBeNull();
    expect(() => bootstrapInterval(data, ordinal, { resamples: 0, seed: 1 })).toThrow(/at least 1/);
    expect(() => bootstrapInterval(data, ordinal, { resamples: 10, seed: 1, level: 95 })).toThrow(
      /between 0 and 1/,
    );
  });

  it('criterionAgreement’s fast resampling gives the same intervals as resampling the matrix', () => {
    fc.assert(
      fc.property(
        ratingMatrix({ units: { min: 2, max: 10 } }),
        fc.integer({ min: 0, max: 1000 }),
        (m, seed) => {
          const opts = { resamples: 150, seed };
          const fast = criterionAgreement(m, { kind: '1-5' }, opts);
          const slow = {
            exact: bootstrapInterval(m, percentExactAgreement, opts),
            alpha: bootstrapInterval(m, ordinal, opts),
            ac: bootstrapInterval(m, (x) => gwetAC(x, [1, 2, 3, 4, 5], 'ordinal'), opts),
          };
          for (const key of ['exact', 'alpha', 'ac'] as const) {
            const a = fast[key].interval;
            const b = fast[key].value === null ? null : slow[key];
            if (a === null || b === null) {
              expect(a).toEqual(b);
            } else {
              expect(a.lower).toBeCloseTo(b.lower, 9);
              expect(a.upper).toBeCloseTo(b.upper, 9);
              expect(a.definedResamples).toBe(b.definedResamples);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('the interval of % agreement lies within the smallest and largest unit agreement', () => {
    fc.assert(
      fc.property(ratingMatrix({ units: { min: 2, max: 10 } }), (m) => {
        const interval = bootstrapInterval(m, percentExactAgreement, { resamples: 100, seed: 1 });
        if (interval === null) return;
        const units = (m[0] ?? []).map((_, c) => percentExactAgreement(m.map((row) => [row[c] ?? null])));
        const defined = units.filter((x): x is number => x !== null);
        expect(interval.lower).toBeGreaterThanOrEqual(Math.min(...defined) - 1e-12);
        expect(interval.upper).toBeLessThanOrEqual(Math.max(...defined) + 1e-12);
      }),
      { numRuns: 60 },
    );
  });
});
