import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ratingMatrix } from './fixtures/arbitraries';
import { shroutFleiss1979 } from './fixtures/shroutFleiss';
import { criterionAgreement, formAgreement, icc21, sessionAgreement } from './index';
import type { Rating } from './types';

const yesNo = { kind: 'yes_no_na' } as const;
const fivePoint = { kind: '1-5' } as const;
const a: Rating[][] = [
  [1, 1, 0, 1, 1, 0],
  [1, 1, 0, 1, 0, 0],
  [1, 0, 0, 1, 1, 0],
];
const b: Rating[][] = [
  [5, 4, 2, 3, 4, 1],
  [4, 4, 2, 3, 5, 2],
  [5, 3, 1, 3, 4, null],
];
const constant: Rating[][] = a.map((row) => row.map(() => 1));

describe('formAgreement', () => {
  it('pools exact agreement over every criterion-interaction and weights alphas by pairable values', () => {
    const opts = { resamples: 200 };
    const form = formAgreement(
      [
        { matrix: a, scale: yesNo },
        { matrix: b, scale: fivePoint },
        { matrix: constant, scale: yesNo },
      ],
      shroutFleiss1979.data.map((row) => [...row]),
      opts,
    );
    const ca = criterionAgreement(a, yesNo, opts);
    const cb = criterionAgreement(b, fivePoint, opts);
    const cc = criterionAgreement(constant, yesNo, opts);
    const exact = ((ca.exact.value ?? 0) * 6 + (cb.exact.value ?? 0) * 6 + (cc.exact.value ?? 0) * 6) / 18;
    expect(form.exact.value).toBeCloseTo(exact, 12);
    const alpha = ((ca.alpha.value ?? 0) * 18 + (cb.alpha.value ?? 0) * 17) / 35;
    expect(form.alpha.value).toBeCloseTo(alpha, 12);
    expect(form.alpha).toMatchObject({
      criteriaUsed: 2,
      criteriaUndefined: 1,
      pairableUnits: 6,
      pairableValues: 53,
    });
    expect(form.icc.value).toBeCloseTo(icc21(shroutFleiss1979.data.map((row) => [...row])) ?? NaN, 12);
    expect(form.icc).toMatchObject({ raters: 4, pairableUnits: 6, insufficient: false });
    for (const e of [form.exact, form.alpha, form.icc])
      expect(e.interval).toMatchObject({ level: 0.95, resamples: 200 });
  });

  it('is deterministic for a seed', () => {
    const run = (seed: number) =>
      formAgreement(
        [
          { matrix: a, scale: yesNo },
          { matrix: b, scale: fivePoint },
        ],
        b,
        { resamples: 100, seed },
      );
    expect(run(5)).toEqual(run(5));
    expect(run(5).alpha.interval).not.toEqual(run(6).alpha.interval);
  });

  it('leaves out interactions a rater did not score for ICC, and says when too few remain', () => {
    const totals: Rating[][] = [
      [80, 70, null, 90, 60],
      [75, 72, 88, 91, null],
      [null, null, null, null, null],
    ];
    const form = formAgreement([{ matrix: a, scale: yesNo }], totals, { resamples: 50 });
    expect(form.icc).toMatchObject({ raters: 2, pairableUnits: 3, pairableValues: 6, insufficient: true });
    expect(form.icc.reason).toContain('only 3 interactions scored by every evaluator');
    const none = formAgreement(
      [{ matrix: a, scale: yesNo }],
      [
        [80, null],
        [null, 70],
      ],
      { resamples: 50 },
    );
    expect(none.icc.value).toBeNull();
    expect(none.icc.reason).toMatch(/Fewer than two interactions were scored by every evaluator/);
  });

  it('says so when no criterion varies, and refuses criteria of different widths', () => {
    const form = formAgreement([{ matrix: constant, scale: yesNo }], constant, { resamples: 20 });
    expect(form.alpha.value).toBeNull();
    expect(form.alpha.reason).toMatch(/On every criterion all evaluators gave the same rating/);
    expect(form.exact.value).toBe(1);
    expect(() =>
      formAgreement(
        [
          { matrix: a, scale: yesNo },
          { matrix: [[1], [1]], scale: yesNo },
        ],
        a,
      ),
    ).toThrow(/one column per interaction/);
  });
});

describe('sessionAgreement', () => {
  const criteria = [
    { matrix: a, scale: yesNo },
    { matrix: b, scale: fivePoint },
    { matrix: constant, scale: yesNo },
  ];
  const totals = shroutFleiss1979.data.map((row) => [...row]);

  it('gives exactly what criterionAgreement and formAgreement give', () => {
    const opts = { resamples: 300, seed: 9 };
    expect(sessionAgreement(criteria, totals, opts)).toEqual({
      criteria: criteria.map((c) => criterionAgreement(c.matrix, c.scale, opts)),
      form: formAgreement(criteria, totals, opts),
    });
  });

  it('also when criteria have ratings on different interactions', () => {
    const gap = b.map((row) => [...row.slice(0, 5), null]);
    const mixed = [
      { matrix: a, scale: yesNo },
      { matrix: gap, scale: fivePoint },
    ];
    const opts = { resamples: 100, seed: 2 };
    expect(sessionAgreement(mixed, totals, opts)).toEqual({
      criteria: mixed.map((c) => criterionAgreement(c.matrix, c.scale, opts)),
      form: formAgreement(mixed, totals, opts),
    });
  });
});

describe('sessionAgreement on random sessions', () => {
  it('always equals the separate calls', () => {
    fc.assert(
      fc.property(
        fc.array(ratingMatrix({ raters: { min: 3, max: 3 }, units: { min: 4, max: 4 }, missing: 0.15 }), {
          minLength: 1,
          maxLength: 4,
        }),
        (matrices) => {
          const criteria = matrices.map((matrix) => ({ matrix, scale: fivePoint }));
          const opts = { resamples: 40, seed: 3 };
          const totals = matrices[0] ?? [];
          expect(sessionAgreement(criteria, totals, opts)).toEqual({
            criteria: criteria.map((c) => criterionAgreement(c.matrix, c.scale, opts)),
            form: formAgreement(criteria, totals, opts),
          });
        },
      ),
      { numRuns: 40 },
    );
  });
});
