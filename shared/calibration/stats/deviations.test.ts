import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ratingMatrix } from './fixtures/arbitraries';
import { consensus, evaluatorDeviations } from './index';

describe('consensus', () => {
  it('is the mode; a tie goes to the tied value nearest the median, a clean split to no consensus', () => {
    const m = [
      [2, 1, 1, 3, 5],
      [2, 1, 0, null, null],
      [4, 0, 0, null, null],
      [4, 0, 1, null, null],
      [5, 1, 0, null, null],
    ];
    // unit 1: 2,2,4,4,5 → median 4 → 4; unit 2: 1,1,0,0,1 → 1; unit 3: 1,0,0,1,0 → 0;
    // unit 4: a single rating is no consensus; unit 5 likewise.
    expect(consensus(m)).toEqual([4, 1, 0, null, null]);
    expect(consensus([[1], [1], [0], [0]])).toEqual([null]);
  });

  it('is the expert’s rating when an expert row is given, N/A included', () => {
    expect(
      consensus(
        [
          [1, 2],
          [3, null],
        ],
        1,
      ),
    ).toEqual([3, null]);
    expect(() => consensus([[1]], 4)).toThrow(/no evaluator row 4/);
  });
});

describe('evaluatorDeviations', () => {
  it('gives mean signed (lenient > 0) and mean absolute deviation from the reference, normalised', () => {
    const m = [
      [5, 4, null, 3],
      [3, 4, 2, 1],
      [null, null, null, null],
    ];
    const result = evaluatorDeviations(m, [4, 4, 4, null], 4);
    expect(result).toEqual([
      { row: 0, n: 2, meanSigned: 0.125, meanAbsolute: 0.125 },
      { row: 1, n: 3, meanSigned: -0.25, meanAbsolute: 0.25 },
      { row: 2, n: 0, meanSigned: null, meanAbsolute: null },
    ]);
    expect(() => evaluatorDeviations(m, [4, 4], 1)).toThrow(/one rating per interaction/);
    expect(() => evaluatorDeviations(m, [4, 4, 4, 4], 0)).toThrow(/positive number/);
  });

  it('mean absolute deviation is at least the size of the mean signed one; zero against oneself', () => {
    fc.assert(
      fc.property(ratingMatrix(), (m) => {
        const reference = consensus(m);
        for (const d of evaluatorDeviations(m, reference, 4)) {
          if (d.n === 0) continue;
          expect(d.meanAbsolute ?? NaN).toBeGreaterThanOrEqual(Math.abs(d.meanSigned ?? NaN) - 1e-12);
          expect(d.meanAbsolute ?? NaN).toBeLessThanOrEqual(1);
        }
        const own = evaluatorDeviations(m, consensus(m, 0))[0];
        if (own && own.n > 0) expect([own.meanSigned, own.meanAbsolute]).toEqual([0, 0]);
      }),
    );
  });
});
