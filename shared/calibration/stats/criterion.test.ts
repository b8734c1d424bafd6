import { describe, expect, it } from 'vitest';
import { krippendorff2011 } from './fixtures/krippendorff';
import { criterionAgreement, MIN_PAIRABLE_UNITS, scaleCategories, scaleRange } from './index';
import type { Rating } from './types';

/** 10 evaluators × 10 interactions, every rating "yes" but three scattered "no"s. */
const nearlyAllPass: Rating[][] = Array.from({ length: 10 }, (_, r) =>
  Array.from({ length: 10 }, (_, c) =>
    (r === 2 && c === 1) || (r === 5 && c === 4) || (r === 8 && c === 7) ? 0 : 1,
  ),
);

describe('scales', () => {
  it('lists the ratings and the range of each scale', () => {
    expect(scaleCategories({ kind: 'yes_no_na' })).toEqual([0, 1]);
    expect(scaleCategories({ kind: '1-5' })).toEqual([1, 2, 3, 4, 5]);
    expect(scaleCategories({ kind: 'points', maxPoints: 3 })).toEqual([0, 1, 2, 3]);
    expect([
      scaleRange({ kind: 'yes_no_na' }),
      scaleRange({ kind: '1-5' }),
      scaleRange({ kind: 'points', maxPoints: 3 }),
    ]).toEqual([1, 4, 3]);
    expect(() => scaleCategories({ kind: 'points' })).toThrow(/whole maximum/);
  });
});

describe('criterionAgreement', () => {
  it('uses nominal alpha and AC1 for yes/no, ordinal alpha and AC2 for 1–5 and points', () => {
    const yesNo = criterionAgreement(nearlyAllPass, { kind: 'yes_no_na' }, { resamples: 50 });
    expect([yesNo.alpha.metric, yesNo.ac.kind]).toEqual(['nominal', 'AC1']);
    const fivePoint = criterionAgreement(krippendorff2011.data, { kind: '1-5' }, { resamples: 50 });
    expect([fivePoint.alpha.metric, fivePoint.ac.kind]).toEqual(['ordinal', 'AC2']);
    expect(fivePoint.alpha.value).toBeCloseTo(0.815, 3);
    expect(fivePoint.ac.value).toBeCloseTo(0.899, 3);
    const points = criterionAgreement(
      [
        [0, 1, 2],
        [0, 1, 3],
      ],
      { kind: 'points', maxPoints: 3 },
      { resamples: 50 },
    );
    expect([points.alpha.metric, points.ac.kind]).toEqual(['ordinal', 'AC2']);
  });

  it('shows the paradox: nearly every rating "pass" keeps AC1 high while alpha collapses', () => {
    const result = criterionAgreement(nearlyAllPass, { kind: 'yes_no_na' });
    expect(result.exact.value).toBeCloseTo(0.94, 12);
    expect(result.ac.value).toBeGreaterThan(0.9); // 0.936
    expect(result.alpha.value).toBeLessThan(0); // −0.021: "worse than chance" on 94% agreement
    expect(result.alpha.value).toBeGreaterThan(-0.05);
    expect(result.ac.interval?.lower).toBeGreaterThan(0.8);
    expect(result.alpha.interval?.upper).toBeLessThanOrEqual(0);
    expect(result.alpha.interval?.definedResamples).toBeLessThan(1000); // some resamples are all "pass"
  });

  it('is deterministic: defaults are 1,000 resamples and seed 1', () => {
    const a = criterionAgreement(krippendorff2011.data, { kind: '1-5' });
    expect(criterionAgreement(krippendorff2011.data, { kind: '1-5' }, { resamples: 1000, seed: 1 })).toEqual(
      a,
    );
    expect(a.alpha.interval).toMatchObject({ level: 0.95, resamples: 1000 });
  });

  it('flags small sessions as insufficient and says why, still giving the figures', () => {
    const small = criterionAgreement(
      [
        [1, 2, 3],
        [1, 2, 4],
        [1, 3, 4],
      ],
      { kind: '1-5' },
      { resamples: 100 },
    );
    expect(small.alpha).toMatchObject({ insufficient: true, pairableUnits: 3, pairableValues: 9 });
    expect(small.alpha.value).not.toBeNull();
    expect(small.alpha.reason).toContain(
      'only 3 interactions with ratings from two or more evaluators (9 ratings)',
    );
    const enough = criterionAgreement(
      [
        [1, 2, 3, 4, 5],
        [1, 2, 3, 4, 4],
      ],
      { kind: '1-5' },
      { resamples: 100 },
    );
    expect(enough.exact).toMatchObject({
      insufficient: false,
      reason: null,
      pairableUnits: MIN_PAIRABLE_UNITS,
      pairableValues: 10,
    });
  });

  it('treats N/A as missing and explains an undefined value', () => {
    const nothing = criterionAgreement(
      [
        [1, null],
        [null, 0],
      ],
      { kind: 'yes_no_na' },
      { resamples: 10 },
    );
    for (const estimate of [nothing.exact, nothing.alpha, nothing.ac]) {
      expect(estimate).toMatchObject({ value: null, interval: null, pairableUnits: 0, insufficient: true });
      expect(estimate.reason).toMatch(/nothing to compare/);
    }
    const allYes = criterionAgreement(
      Array.from({ length: 4 }, () => [1, 1, 1, 1, 1, null]),
      { kind: 'yes_no_na' },
    );
    expect(allYes.alpha.value).toBeNull();
    expect(allYes.alpha.reason).toMatch(/no variation/);
    expect(allYes.ac.value).toBe(1);
    expect(allYes.exact.value).toBe(1);
  });

  it('refuses a rating that is not on the scale, in plain words', () => {
    expect(() =>
      criterionAgreement(
        [
          [1, 6],
          [1, 2],
        ],
        { kind: '1-5' },
      ),
    ).toThrow('Rating 6 is not on the scale (1, 2, 3, 4, 5)');
    expect(() => criterionAgreement([[1, 2], [1]], { kind: '1-5' })).toThrow(/row 2 has 1, expected 2/);
  });
});
