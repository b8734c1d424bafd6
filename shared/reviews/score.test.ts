import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CRITICAL_FAILURE_MODES,
  DEFAULT_REVIEW_FORM,
  passMinimumOf,
  ratingValues,
  reviewFormDefinitionSchema,
  type ReviewAnswer,
  type ReviewCriterion,
  type ReviewFormDefinition,
} from './form';
import { computeReviewScore } from './score';

const allCriteria = (form: ReviewFormDefinition): ReviewCriterion[] =>
  form.sections.flatMap((s) => s.criteria);
const rated = (criterionId: string, rating: number): ReviewAnswer => ({
  criterionId,
  rating,
  notApplicable: false,
});
const na = (criterionId: string): ReviewAnswer => ({ criterionId, rating: null, notApplicable: true });

const form: ReviewFormDefinition = {
  name: 'Test',
  sections: [
    {
      id: 's1',
      label: 'One',
      criteria: [
        { id: 'yn', label: 'Yes/no', scale: 'yes_no_na', weight: 1, anchors: {} },
        { id: 'five', label: 'Five', scale: '1-5', weight: 3, anchors: {} },
      ],
    },
    {
      id: 's2',
      label: 'Two',
      criteria: [
        { id: 'pts', label: 'Points', scale: 'points', maxPoints: 4, weight: 2, anchors: {} },
        { id: 'crit', label: 'Critical', scale: 'yes_no_na', weight: 2, critical: true, anchors: {} },
      ],
    },
  ],
};

describe('computeReviewScore', () => {
  it('is the weighted share of points earned', () => {
    const result = computeReviewScore(form, [
      rated('yn', 1),
      rated('five', 4),
      rated('pts', 2),
      rated('crit', 1),
    ]);
    // (1*1 + 3*4/5 + 2*2/4 + 2*1) / 8 = 6.4 / 8
    expect(result.score).toBe(80);
    expect(result.failedCritical).toBe(false);
    expect(result.sections).toEqual([
      { id: 's1', score: 85 },
      { id: 's2', score: 75 },
    ]);
    expect(result.unanswered).toEqual([]);
  });

  it('drops N/A criteria out of the denominator', () => {
    const result = computeReviewScore(form, [rated('yn', 1), na('five'), na('pts'), rated('crit', 1)]);
    expect(result.score).toBe(100);
    expect(result.sections).toEqual([
      { id: 's1', score: 100 },
      { id: 's2', score: 100 },
    ]);
  });

  it('flags a failed critical criterion and still reports the score', () => {
    const result = computeReviewScore(form, [
      rated('yn', 1),
      rated('five', 5),
      rated('pts', 4),
      rated('crit', 0),
    ]);
    expect(result.failedCritical).toBe(true);
    expect(result.failedCriteria).toEqual(['crit']);
    expect(result.score).toBe(75);
  });

  it('lists unanswered criteria and leaves them out of the score', () => {
    const result = computeReviewScore(form, new Map([['yn', rated('yn', 0)]]));
    expect(result.unanswered).toEqual(['five', 'pts', 'crit']);
    expect(result.score).toBe(0);
    expect(result.sections[1]?.score).toBeNull();
    expect(result.failedCritical).toBe(false);
  });

  it('scores the default form: all best ratings is 100, all worst fails critical', () => {
    const criteria = allCriteria(DEFAULT_REVIEW_FORM);
    const best = computeReviewScore(
      DEFAULT_REVIEW_FORM,
      criteria.map((c) => rated(c.id, Math.max(...ratingValues(c)))),
    );
    expect(best).toMatchObject({ score: 100, failedCritical: false });
    expect(best.sections).toHaveLength(6);
    const worst = computeReviewScore(
      DEFAULT_REVIEW_FORM,
      criteria.map((c) => rated(c.id, Math.min(...ratingValues(c)))),
    );
    expect(worst.failedCritical).toBe(true);
    expect(worst.failedCriteria.sort()).toEqual(['knowledge_accuracy', 'prof_courtesy']);
    expect(worst.score).toBeGreaterThanOrEqual(0);
    expect(worst.score).toBeLessThan(20);
  });

  it('scores a no-opportunity chat on the default form without cross-selling or holds', () => {
    const answers = allCriteria(DEFAULT_REVIEW_FORM).map((c) =>
      c.allowNa ? na(c.id) : rated(c.id, Math.max(...ratingValues(c))),
    );
    const result = computeReviewScore(DEFAULT_REVIEW_FORM, answers);
    expect(result.score).toBe(100);
    expect(result.sections.find((s) => s.id === 'cross_selling')?.score).toBeNull();
  });
});

describe('default review form', () => {
  it('is a valid definition with the six sections of the domain brief', () => {
    expect(reviewFormDefinitionSchema.safeParse(DEFAULT_REVIEW_FORM).success).toBe(true);
    expect(DEFAULT_REVIEW_FORM.sections.map((s) => s.label)).toEqual([
      'Greeting',
      'Knowledge',
      'Cross-selling',
      'Professionalism and empathy',
      'Resolution and ownership',
      'Closing',
    ]);
  });

  it('has an anchor for every rating value of every criterion', () => {
    for (const criterion of allCriteria(DEFAULT_REVIEW_FORM)) {
      for (const value of ratingValues(criterion))
        expect(criterion.anchors[String(value)], criterion.id).toBeTruthy();
      if (criterion.allowNa) expect(criterion.anchors.na, criterion.id).toBeTruthy();
    }
  });

  it('rejects duplicate criterion ids and points criteria without a maximum', () => {
    const [first] = DEFAULT_REVIEW_FORM.sections;
    if (!first) throw new Error('no section');
    const dup = { ...DEFAULT_REVIEW_FORM, sections: [first, { ...first, id: 'copy' }] };
    expect(reviewFormDefinitionSchema.safeParse(dup).success).toBe(false);
    const noMax = {
      name: 'x',
      sections: [
        { id: 's', label: 's', criteria: [{ id: 'c', label: 'c', scale: 'points', weight: 1, anchors: {} }] },
      ],
    };
    expect(reviewFormDefinitionSchema.safeParse(noMax).success).toBe(false);
  });
});

/** Random forms with random (also out-of-range) answers. */
const criterionArb = fc.record({
  scale: fc.constantFrom('yes_no_na' as const, '1-5' as const, 'points' as const),
  maxPoints: fc.integer({ min: 1, max: 10 }),
  weight: fc.integer({ min: 0, max: 5 }),
  critical: fc.boolean(),
  answer: fc.oneof(
    fc.constant<'na'>('na'),
    fc.constant<'missing'>('missing'),
    fc.integer({ min: -2, max: 12 }),
  ),
});
const formArb = fc.array(fc.array(criterionArb, { minLength: 1, maxLength: 5 }), {
  minLength: 1,
  maxLength: 4,
});

type CriterionCase = typeof criterionArb extends fc.Arbitrary<infer T> ? T : never;

function build(sections: CriterionCase[][]) {
  const definition: ReviewFormDefinition = {
    name: 'prop',
    sections: sections.map((criteria, s) => ({
      id: `s${s}`,
      label: `S${s}`,
      criteria: criteria.map((c, i) => ({
        id: `s${s}c${i}`,
        label: 'c',
        scale: c.scale,
        maxPoints: c.maxPoints,
        weight: c.weight,
        critical: c.critical,
        anchors: {},
      })),
    })),
  };
  const answers: ReviewAnswer[] = [];
  sections.forEach((criteria, s) =>
    criteria.forEach((c, i) => {
      if (c.answer === 'na') answers.push(na(`s${s}c${i}`));
      else if (c.answer !== 'missing') answers.push(rated(`s${s}c${i}`, c.answer));
    }),
  );
  return { definition, answers };
}

describe('computeReviewScore properties', () => {
  it('score and section scores stay within 0..100', () => {
    fc.assert(
      fc.property(formArb, (sections) => {
        const { definition, answers } = build(sections);
        const result = computeReviewScore(definition, answers);
        for (const value of [result.score, ...result.sections.map((s) => s.score)]) {
          if (value !== null) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(100);
          }
        }
      }),
    );
  });

  it('all N/A gives a null score and no critical failure', () => {
    fc.assert(
      fc.property(formArb, (sections) => {
        const { definition } = build(sections);
        const answers = allCriteria(definition).map((c) => na(c.id));
        const result = computeReviewScore(definition, answers);
        expect(result.score).toBeNull();
        expect(result.failedCritical).toBe(false);
        expect(result.sections.every((s) => s.score === null)).toBe(true);
      }),
    );
  });

  it('a critical criterion rated at its lowest value fails the review', () => {
    fc.assert(
      fc.property(formArb, fc.nat(), (sections, pick) => {
        const { definition, answers } = build(sections);
        const criteria = allCriteria(definition);
        const target = criteria[pick % criteria.length];
        if (!target) return;
        target.critical = true;
        const lowest = Math.min(...ratingValues(target));
        const patched = answers.filter((a) => a.criterionId !== target.id).concat(rated(target.id, lowest));
        expect(computeReviewScore(definition, patched).failedCritical).toBe(true);
      }),
    );
  });

  it('is monotonic: raising one rating never lowers the score', () => {
    fc.assert(
      fc.property(formArb, fc.nat(), (sections, pick) => {
        const { definition } = build(sections);
        const criteria = allCriteria(definition);
        const answers = criteria.map((c) => rated(c.id, Math.min(...ratingValues(c))));
        const i = pick % criteria.length;
        const target = criteria[i];
        if (!target) return;
        const before = computeReviewScore(definition, answers).score;
        answers[i] = rated(target.id, Math.max(...ratingValues(target)));
        const after = computeReviewScore(definition, answers).score;
        if (before !== null && after !== null) expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('N/A answers never change the score of the rest', () => {
    fc.assert(
      fc.property(formArb, fc.nat(), (sections, pick) => {
        const { definition, answers } = build(sections);
        const criteria = allCriteria(definition);
        const target = criteria[pick % criteria.length];
        if (!target) return;
        // The same review with one more criterion marked N/A, against the form without it.
        const withNa = answers.filter((a) => a.criterionId !== target.id).concat(na(target.id));
        const without: ReviewFormDefinition = {
          ...definition,
          sections: definition.sections
            .map((s) => ({ ...s, criteria: s.criteria.filter((c) => c.id !== target.id) }))
            .filter((s) => s.criteria.length > 0),
        };
        const a = computeReviewScore(definition, withNa);
        const b = computeReviewScore(without, withNa);
        expect(a.score).toBe(b.score);
        expect(a.failedCritical).toBe(b.failedCritical);
      }),
    );
  });

  it('scaling every weight by the same factor leaves the score unchanged', () => {
    fc.assert(
      fc.property(formArb, fc.integer({ min: 2, max: 1000 }), (sections, factor) => {
        const { definition, answers } = build(sections);
        const scaled: ReviewFormDefinition = {
          ...definition,
          sections: definition.sections.map((s) => ({
            ...s,
            criteria: s.criteria.map((c) => ({ ...c, weight: c.weight * factor })),
          })),
        };
        expect(computeReviewScore(scaled, answers).score).toBe(computeReviewScore(definition, answers).score);
      }),
    );
  });

  it('a failed critical criterion always fails the review, in either mode', () => {
    fc.assert(
      fc.property(formArb, fc.constantFrom(...CRITICAL_FAILURE_MODES), (sections, mode) => {
        const { definition, answers } = build(sections);
        const form = { ...definition, criticalFailure: mode };
        const result = computeReviewScore(form, answers);
        const failedAny = allCriteria(form).some((c) => {
          const answer = answers.find((a) => a.criterionId === c.id);
          return (
            c.critical === true &&
            answer !== undefined &&
            !answer.notApplicable &&
            answer.rating !== null &&
            answer.rating < passMinimumOf(c)
          );
        });
        expect(result.failedCritical).toBe(failedAny);
        if (failedAny && mode === 'zero_score') expect(result.score).toBe(0);
        if (mode === 'mark_failed')
          expect(result.score).toBe(
            computeReviewScore({ ...definition, criticalFailure: undefined }, answers).score,
          );
      }),
    );
  });
});
