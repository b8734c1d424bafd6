import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answeredFormArb, criteriaOf } from '../../test/support/reviewArbitraries';
import { DEFAULT_REVIEW_FORM } from './form';
import { packRatings, unpackRatings } from './packed';
import { computeReviewScore } from './score';

describe('packed ratings', () => {
  it('write a rating, n for N/A and nothing for unanswered, in form order', () => {
    const packed = packRatings(DEFAULT_REVIEW_FORM, [
      { criterionId: 'greeting_valued', rating: 4, notApplicable: false },
      { criterionId: 'greeting_intro', rating: 1, notApplicable: false },
      { criterionId: 'cross_sell_offer', rating: null, notApplicable: true },
      { criterionId: 'not_on_form', rating: 3, notApplicable: false },
    ]);
    expect(packed).toBe('1,4,,,,n,,,,,,,,,');
    expect(packRatings({ name: 'empty', sections: [] }, [])).toBeNull();
  });

  it('round-trip to the same answers and the same score', () => {
    fc.assert(
      fc.property(answeredFormArb(), ({ definition, answers }) => {
        const packed = packRatings(definition, answers);
        expect(packed).not.toBeNull();
        const back = unpackRatings(definition, packed ?? '');
        const order = criteriaOf(definition).map((c) => c.id);
        const expected = [...answers].sort(
          (a, b) => order.indexOf(a.criterionId) - order.indexOf(b.criterionId),
        );
        expect(back).toEqual(
          expected.map(({ criterionId, rating, notApplicable }) => ({ criterionId, rating, notApplicable })),
        );
        expect(computeReviewScore(definition, back)).toEqual(computeReviewScore(definition, answers));
      }),
    );
  });
});
