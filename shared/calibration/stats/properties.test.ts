import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { permutation, ratingMatrix } from './fixtures/arbitraries';
import { criterionAgreement, gwetAC, icc21, krippendorffAlpha, percentExactAgreement } from './index';
import type { Metric, Rating } from './types';

const metrics: Metric[] = ['nominal', 'ordinal', 'interval', 'ratio'];
const scale = { kind: '1-5' } as const;
const quick = { resamples: 200, seed: 7 };

function withBlankColumn(m: Rating[][], at: number): Rating[][] {
  return m.map((row) => [...row.slice(0, at), null, ...row.slice(at)]);
}

describe('agreement statistics: properties', () => {
  it('perfect agreement with some variation gives alpha = 1 on every metric, AC = 1 and 100% agreement', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 10 }),
        fc.integer({ min: 2, max: 6 }),
        (truth, raters) => {
          fc.pre(new Set(truth).size > 1);
          const m = Array.from({ length: raters }, () => [...truth]);
          for (const metric of metrics) expect(krippendorffAlpha(m, metric)).toBeCloseTo(1, 12);
          expect(gwetAC(m, [1, 2, 3, 4, 5], 'identity')).toBeCloseTo(1, 12);
          expect(gwetAC(m, [1, 2, 3, 4, 5], 'ordinal')).toBeCloseTo(1, 12);
          expect(percentExactAgreement(m)).toBe(1);
        },
      ),
    );
  });

  it('relabelling (reordering) the evaluators changes no value and no interval', () => {
    fc.assert(
      fc.property(
        ratingMatrix().chain((m) => fc.tuple(fc.constant(m), permutation(m.length))),
        ([m, order]) => {
          const shuffled = order.map((i) => m[i] ?? []);
          expect(criterionAgreement(shuffled, scale, quick)).toEqual(criterionAgreement(m, scale, quick));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('renaming nominal categories one-to-one changes neither nominal alpha nor AC1', () => {
    fc.assert(
      fc.property(ratingMatrix({ categories: [1, 2, 3] }), permutation(3), (m, order) => {
        const rename = (x: Rating) => (x === null ? null : (order[x - 1] ?? 0) + 1);
        const renamed = m.map((row) => row.map(rename));
        const same = (a: number | null, b: number | null) => {
          if (a === null) expect(b).toBeNull();
          else expect(b).toBeCloseTo(a, 10);
        };
        same(krippendorffAlpha(m, 'nominal'), krippendorffAlpha(renamed, 'nominal'));
        same(gwetAC(m, [1, 2, 3], 'identity'), gwetAC(renamed, [1, 2, 3], 'identity'));
      }),
    );
  });

  it('adding an all-missing interaction or an evaluator with no ratings changes nothing, intervals included', () => {
    fc.assert(
      fc.property(
        ratingMatrix().chain((m) => fc.tuple(fc.constant(m), fc.integer({ min: 0, max: m[0]?.length ?? 0 }))),
        ([m, at]) => {
          const before = criterionAgreement(m, scale, quick);
          expect(criterionAgreement(withBlankColumn(m, at), scale, quick)).toEqual(before);
          const silent = [...m, (m[0] ?? []).map(() => null)];
          expect(criterionAgreement(silent, scale, quick)).toEqual(before);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('an interaction rated by a single evaluator changes neither alpha nor % agreement (nothing to pair)', () => {
    fc.assert(
      fc.property(ratingMatrix(), fc.integer({ min: 1, max: 5 }), fc.nat(), (m, rating, who) => {
        const single = m.map((row, r) => [...row, r === who % m.length ? rating : null]);
        for (const metric of metrics)
          expect(krippendorffAlpha(single, metric)).toEqual(krippendorffAlpha(m, metric));
        expect(percentExactAgreement(single)).toEqual(percentExactAgreement(m));
      }),
    );
  });

  it('statistics stay within their ranges', () => {
    fc.assert(
      fc.property(ratingMatrix({ categories: [0, 1], missing: 0.3 }), ratingMatrix(), (yesNo, fivePoint) => {
        const exact = percentExactAgreement(fivePoint);
        if (exact !== null) expect(exact >= 0 && exact <= 1).toBe(true);
        for (const metric of metrics) {
          const alpha = krippendorffAlpha(fivePoint, metric);
          if (alpha !== null) expect(alpha).toBeLessThanOrEqual(1 + 1e-12);
        }
        const ac1 = gwetAC(yesNo, [0, 1], 'identity');
        if (ac1 !== null) expect(Math.abs(ac1)).toBeLessThanOrEqual(1 + 1e-12);
        const ac2 = gwetAC(fivePoint, [1, 2, 3, 4, 5], 'ordinal');
        if (ac2 !== null) expect(ac2).toBeLessThanOrEqual(1 + 1e-12);
        const icc = icc21(fivePoint);
        if (icc !== null) expect(icc).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });

  it('ICC(2,1) ignores a shift or a change of unit of all scores, and the order of raters', () => {
    fc.assert(
      fc.property(
        ratingMatrix({ missing: 0, units: { min: 2, max: 10 } }),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 1, max: 20 }),
        (m, shift, factor) => {
          const icc = icc21(m);
          const moved = icc21(m.map((row) => row.map((x) => (x === null ? null : x * factor + shift))));
          const reversed = icc21([...m].reverse());
          if (icc === null) {
            expect(moved).toBeNull();
          } else {
            expect(moved).toBeCloseTo(icc, 9);
            expect(reversed).toBeCloseTo(icc, 9);
          }
        },
      ),
    );
  });
});
