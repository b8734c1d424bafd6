import fc from 'fast-check';
import {
  CRITICAL_FAILURE_MODES,
  ratingValues,
  type ReviewAnswer,
  type ReviewCriterion,
  type ReviewFormDefinition,
} from '../../shared/reviews/form';

/** A valid form definition: every scale, weights 0–5, some critical and some N/A-able criteria. */
export const formDefinitionArb: fc.Arbitrary<ReviewFormDefinition> = fc
  .record({
    criticalFailure: fc.constantFrom(...CRITICAL_FAILURE_MODES),
    sections: fc.array(
      fc.array(
        fc.record({
          scale: fc.constantFrom('yes_no_na' as const, '1-5' as const, 'points' as const),
          maxPoints: fc.integer({ min: 1, max: 6 }),
          weight: fc.integer({ min: 0, max: 5 }),
          critical: fc.boolean(),
          allowNa: fc.boolean(),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ criticalFailure, sections }) => ({
    name: 'Generated',
    criticalFailure,
    sections: sections.map((criteria, s) => ({
      id: `s${s}`,
      label: `Section ${s}`,
      criteria: criteria.map((c, i): ReviewCriterion => ({
        id: `s${s}c${i}`,
        label: `Criterion ${s}.${i}`,
        scale: c.scale,
        ...(c.scale === 'points' ? { maxPoints: c.maxPoints } : {}),
        weight: c.weight,
        critical: c.critical,
        allowNa: c.allowNa,
        anchors: {},
      })),
    })),
  }));

export const criteriaOf = (definition: ReviewFormDefinition): ReviewCriterion[] =>
  definition.sections.flatMap((s) => s.criteria);

/**
 * One valid answer per criterion, or none: a rating from the scale, N/A where allowed, or
 * unanswered when `complete` is false.
 */
export function answersArb(definition: ReviewFormDefinition, complete = false): fc.Arbitrary<ReviewAnswer[]> {
  return fc
    .tuple(
      ...criteriaOf(definition).map((criterion) => {
        const choices: fc.Arbitrary<ReviewAnswer | null>[] = [
          fc.constantFrom(...ratingValues(criterion)).map((rating) => ({
            criterionId: criterion.id,
            rating,
            notApplicable: false,
          })),
        ];
        if (criterion.allowNa)
          choices.push(fc.constant({ criterionId: criterion.id, rating: null, notApplicable: true }));
        if (!complete) choices.push(fc.constant(null));
        return fc.oneof(...choices);
      }),
    )
    .map((answers) => answers.filter((a): a is ReviewAnswer => a !== null));
}

/** A definition with answers for it. */
export const answeredFormArb = (complete = false) =>
  formDefinitionArb.chain((definition) =>
    answersArb(definition, complete).map((answers) => ({ definition, answers })),
  );
