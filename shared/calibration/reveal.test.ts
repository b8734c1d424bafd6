import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byDisagreement, cellAgreement, criterionDisagreement, type CellAnswer } from './reveal';

const r = (rating: number): CellAnswer => ({ rating, notApplicable: false });
const NA: CellAnswer = { rating: null, notApplicable: true };

const answerArb = fc.oneof(
  fc.constant(null),
  fc.constant(NA),
  fc.integer({ min: 1, max: 5 }).map((n) => r(n)),
);

describe('cellAgreement', () => {
  it('counts N/A as an answer and names the most common one', () => {
    expect(cellAgreement([NA, NA, r(4)], null)).toEqual({
      answers: 3,
      spread: null,
      modalCount: 2,
      disagreement: expect.closeTo(1 / 3, 12) as number,
      consensus: { rating: null, notApplicable: true, source: 'mode' },
      tie: false,
    });
  });

  it('has no consensus on a tie unless the expert answered, whose answer then stands', () => {
    const cell = [r(2), r(4), r(4), r(2), null];
    expect(cellAgreement(cell, null)).toMatchObject({ tie: true, consensus: null, spread: 2, answers: 4 });
    // A tie the median settles (2, 2, 4, 4, 5: the panel leans to 4), as the statistics do.
    expect(cellAgreement([r(2), r(2), r(4), r(4), r(5)], null)).toMatchObject({
      tie: true,
      consensus: { rating: 4, notApplicable: false, source: 'mode' },
    });
    expect(cellAgreement([NA, NA, r(4), r(4)], null)).toMatchObject({ tie: true, consensus: null });
    expect(cellAgreement(cell, 0).consensus).toEqual({ rating: 2, notApplicable: false, source: 'expert' });
    // An expert who gave no answer falls back to the mode.
    expect(cellAgreement([null, r(3), r(3), r(1)], 0).consensus).toEqual({
      rating: 3,
      notApplicable: false,
      source: 'mode',
    });
  });

  it('is 0 for nobody and for everyone agreeing', () => {
    expect(cellAgreement([null, null], null)).toMatchObject({ answers: 0, disagreement: 0, consensus: null });
    expect(cellAgreement([r(5), r(5), r(5)], null)).toMatchObject({
      disagreement: 0,
      spread: 0,
      modalCount: 3,
    });
  });

  it('property: disagreement is 0 exactly when every answer is the same, and lies in [0, 1)', () => {
    fc.assert(
      fc.property(fc.array(answerArb, { minLength: 1, maxLength: 10 }), (cell) => {
        const { disagreement, answers } = cellAgreement(cell, null);
        const keys = new Set(cell.filter((a) => a !== null).map((a) => (a.notApplicable ? 'na' : a.rating)));
        expect(disagreement === 0).toBe(keys.size <= 1);
        expect(disagreement).toBeGreaterThanOrEqual(0);
        expect(disagreement).toBeLessThan(1);
        expect(answers).toBe(cell.filter((a) => a !== null).length);
      }),
    );
  });

  it('property: the order of the evaluators changes nothing but who the expert is', () => {
    fc.assert(
      fc.property(fc.array(answerArb, { minLength: 1, maxLength: 8 }), fc.nat(), (cell, seed) => {
        const shuffled = [...cell].sort(
          (a, b) => (seed % 3) - 1 || JSON.stringify(a).localeCompare(JSON.stringify(b)),
        );
        expect(cellAgreement(shuffled, null)).toEqual(cellAgreement(cell, null));
      }),
    );
  });
});

describe('criterionDisagreement and the order of the reveal', () => {
  it('averages the cells two or more evaluators answered', () => {
    expect(criterionDisagreement([])).toBe(0);
    expect(
      criterionDisagreement([
        { answers: 3, disagreement: 0.5 },
        { answers: 1, disagreement: 0 },
        { answers: 2, disagreement: 0 },
      ]),
    ).toBe(0.25);
  });

  it('puts the most disagreement first, then the wider spread, then the form order', () => {
    const rows = [
      { id: 'a', disagreement: 0.2, relativeSpread: 0.5, index: 0 },
      { id: 'b', disagreement: 0.5, relativeSpread: 0.25, index: 1 },
      { id: 'c', disagreement: 0.2, relativeSpread: 1, index: 2 },
      { id: 'd', disagreement: 0.2, relativeSpread: 0.5, index: 3 },
    ];
    expect([...rows].sort(byDisagreement).map((x) => x.id)).toEqual(['b', 'c', 'a', 'd']);
  });
});
