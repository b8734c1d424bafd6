import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answeredFormArb } from '../../test/support/reviewArbitraries';
import { DEFAULT_REVIEW_FORM, ratingValues, type ReviewAnswer, type ReviewFormDefinition } from './form';
import { computeReviewScore } from './score';
import { formWhatIf, type WhatIfReview } from './whatIf';

const criteria = DEFAULT_REVIEW_FORM.sections.flatMap((s) => s.criteria);
const full = (overrides: Record<string, number> = {}): ReviewAnswer[] =>
  criteria.map((c) => ({
    criterionId: c.id,
    rating: overrides[c.id] ?? Math.max(...ratingValues(c)),
    notApplicable: false,
  }));
const stored = (id: string, answers: ReviewAnswer[], form = DEFAULT_REVIEW_FORM): WhatIfReview => {
  const result = computeReviewScore(form, answers);
  return {
    id,
    agentName: 'Ann',
    reviewedAt: `2026-01-1${id.length}T10:00:00.000Z`,
    score: result.score,
    failedCritical: result.failedCritical,
    answers,
  };
};
const reweighted = (form: ReviewFormDefinition, id: string, weight: number): ReviewFormDefinition => ({
  ...form,
  sections: form.sections.map((s) => ({
    ...s,
    criteria: s.criteria.map((c) => (c.id === id ? { ...c, weight } : c)),
  })),
});

describe('formWhatIf', () => {
  it('shows the mean change and the reviews that cross the pass line, by hand', () => {
    const reviews = [
      // Loses weight 3 of 20: 85.
      stored('a', full({ res_holds: 0, greeting_intro: 0, closing_satisfied: 0 })),
      // Diagnosis 1 of 5 (weight 2) loses 1.6, listening 1 of 5 loses 0.8: 17.6 / 20 = 88.
      stored('bb', full({ knowledge_diagnosis: 1, prof_listening: 1 })),
    ];
    expect(reviews.map((r) => r.score)).toEqual([85, 88]);
    // Diagnosis weighs 10: total 28. a: 25 / 28 = 89.3; bb: (28 − 8 − 0.8) / 28 = 68.6.
    const result = formWhatIf(reviews, reweighted(DEFAULT_REVIEW_FORM, 'knowledge_diagnosis', 10), 80);
    expect(result.n).toBe(2);
    expect(result.before.mean).toBe(86.5);
    expect(result.after.mean).toBeCloseTo(78.95, 10);
    expect(result.change.mean).toBeCloseTo((4.3 - 19.4) / 2, 10);
    expect(result.crossings).toEqual([
      {
        reviewId: 'bb',
        agentName: 'Ann',
        reviewedAt: reviews[1]?.reviewedAt,
        before: 88,
        after: 68.6,
        direction: 'now_fails',
      },
    ]);
    expect(result.criticalChanges).toBe(0);
    expect(result.unratedCriteria).toEqual([]);
  });

  it('names criteria the draft adds that no review could have rated', () => {
    const draft: ReviewFormDefinition = {
      ...DEFAULT_REVIEW_FORM,
      sections: [
        ...DEFAULT_REVIEW_FORM.sections,
        {
          id: 'new',
          label: 'New',
          criteria: [
            {
              id: 'gdpr',
              label: 'Checks identity',
              scale: 'yes_no_na',
              weight: 2,
              critical: true,
              anchors: {},
            },
          ],
        },
      ],
    };
    const result = formWhatIf([stored('a', full())], draft, 80);
    expect(result.unratedCriteria).toEqual(['gdpr']);
    expect(result.change.mean).toBe(0);
  });

  it('changes nothing under the same definition or scaled weights', () => {
    fc.assert(
      fc.property(
        fc.array(answeredFormArb(), { minLength: 1, maxLength: 1 }),
        fc.integer({ min: 2, max: 9 }),
        ([sample], factor) => {
          if (!sample) return;
          const { definition, answers } = sample;
          const reviews = [stored('r', answers, definition)];
          const same = formWhatIf(reviews, definition, 80);
          expect(same.crossings).toEqual([]);
          expect(same.criticalChanges).toBe(0);
          if (same.n > 0) expect(same.change.mean).toBe(0);
          const scaled: ReviewFormDefinition = {
            ...definition,
            sections: definition.sections.map((s) => ({
              ...s,
              criteria: s.criteria.map((c) => ({ ...c, weight: c.weight * factor })),
            })),
          };
          expect(formWhatIf(reviews, scaled, 80).after.mean).toBe(same.after.mean);
        },
      ),
    );
  });
});
