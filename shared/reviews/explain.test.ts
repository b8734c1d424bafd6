import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answeredFormArb, criteriaOf } from '../../test/support/reviewArbitraries';
import { DEFAULT_REVIEW_FORM, ratingValues, type ReviewAnswer } from './form';
import { explainReviewScore } from './explain';
import { computeReviewScore } from './score';

const rated = (criterionId: string, rating: number): ReviewAnswer => ({
  criterionId,
  rating,
  notApplicable: false,
});
const na = (criterionId: string): ReviewAnswer => ({ criterionId, rating: null, notApplicable: true });

describe('explainReviewScore', () => {
  it('shows points per criterion, what N/A removed and which critical criterion failed', () => {
    const answers = criteriaOf(DEFAULT_REVIEW_FORM).map((c) =>
      c.id === 'knowledge_accuracy'
        ? rated(c.id, 0)
        : c.id === 'cross_sell_offer' || c.id === 'cross_sell_no'
          ? na(c.id)
          : rated(c.id, Math.max(...ratingValues(c))),
    );
    const why = explainReviewScore(DEFAULT_REVIEW_FORM, answers);
    // Weights: 1+1 greeting, 3+2+1 knowledge, 1+1 cross-selling, 2+1+1, 2+1+1, 1+1 = 20.
    expect(why.totalWeight).toBe(20);
    expect(why.notApplicableWeight).toBe(2);
    expect(why.countedWeight).toBe(18);
    // Everything full marks except accuracy (weight 3 of 18): 15/18.
    expect(why.score).toBe(83.3);
    expect(why.failedCritical).toBe(true);
    expect(why.failedCriteriaLabels).toEqual(['Gives correct information']);
    const accuracy = why.criteria.find((c) => c.criterionId === 'knowledge_accuracy');
    expect(accuracy).toMatchObject({ state: 'rated', earned: 0, contribution: 0, failedCritical: true });
    expect(accuracy?.lost).toBeCloseTo((3 / 18) * 100, 10);
    expect(why.criteria.find((c) => c.criterionId === 'cross_sell_offer')).toMatchObject({
      state: 'not_applicable',
      contribution: null,
    });
    expect(why.sectionDetails.find((s) => s.id === 'cross_selling')).toMatchObject({
      score: null,
      weight: 2,
      notApplicableWeight: 2,
    });
  });

  it('says when a failed critical criterion zeroed the score, and what was earned', () => {
    const form = { ...DEFAULT_REVIEW_FORM, criticalFailure: 'zero_score' as const };
    const answers = criteriaOf(form).map((c) =>
      rated(c.id, c.id === 'prof_courtesy' ? 0 : Math.max(...ratingValues(c))),
    );
    const why = explainReviewScore(form, answers);
    expect(why).toMatchObject({ score: 0, zeroedByCritical: true, earnedScore: 90 });
  });
});

describe('explainReviewScore properties', () => {
  it('carries computeReviewScore unchanged', () => {
    fc.assert(
      fc.property(answeredFormArb(), ({ definition, answers }) => {
        const why = explainReviewScore(definition, answers);
        const plain = computeReviewScore(definition, answers);
        expect({
          score: why.score,
          failedCritical: why.failedCritical,
          failedCriteria: why.failedCriteria,
          sections: why.sections,
          unanswered: why.unanswered,
        }).toEqual(plain);
      }),
    );
  });

  it('contributions add up to the earned score and contribution + lost to each weight share', () => {
    fc.assert(
      fc.property(answeredFormArb(), ({ definition, answers }) => {
        const why = explainReviewScore(definition, answers);
        const counted = why.criteria.filter((c) => c.contribution !== null);
        const sum = counted.reduce((total, c) => total + (c.contribution ?? 0), 0);
        if (why.earnedScore === null) expect(counted).toEqual([]);
        else expect(Math.abs(sum - why.earnedScore)).toBeLessThanOrEqual(0.05 + 1e-9);
        for (const c of counted)
          expect((c.contribution ?? 0) + (c.lost ?? 0)).toBeCloseTo((c.weightShare ?? 0) * 100, 9);
      }),
    );
  });

  it('the weight N/A removed is the weight of the N/A criteria, and the rest is counted or unanswered', () => {
    fc.assert(
      fc.property(answeredFormArb(), ({ definition, answers }) => {
        const why = explainReviewScore(definition, answers);
        const naIds = new Set(answers.filter((a) => a.notApplicable).map((a) => a.criterionId));
        const naWeight = criteriaOf(definition)
          .filter((c) => naIds.has(c.id))
          .reduce((t, c) => t + c.weight, 0);
        expect(why.notApplicableWeight).toBe(naWeight);
        expect(why.countedWeight + why.notApplicableWeight + why.unansweredWeight).toBe(why.totalWeight);
        expect(why.unanswered).toEqual(
          why.criteria.filter((c) => c.state === 'unanswered').map((c) => c.criterionId),
        );
      }),
    );
  });

  it('marks exactly the failed critical criteria; only zero_score moves the score off the earned one', () => {
    fc.assert(
      fc.property(answeredFormArb(), ({ definition, answers }) => {
        const why = explainReviewScore(definition, answers);
        expect(why.criteria.filter((c) => c.failedCritical).map((c) => c.criterionId)).toEqual(
          why.failedCriteria,
        );
        for (const c of why.criteria.filter((line) => line.failedCritical)) {
          expect(c.critical).toBe(true);
          expect(c.rating).toBeLessThan(c.passMinimum ?? 0);
        }
        expect(why.zeroedByCritical).toBe(why.failedCritical && definition.criticalFailure === 'zero_score');
        if (!why.zeroedByCritical) expect(why.earnedScore).toBe(why.score);
      }),
    );
  });
});
