import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadAnswers } from '../../electron/backend/reviews/records';
import { ratingValues, type ReviewFormDefinition } from '../../shared/reviews/form';
import { packRatings } from '../../shared/reviews/packed';
import { computeReviewScore } from '../../shared/reviews/score';
import { buildAgent, buildInteraction } from '../support/builders';
import { createTestBackend, type TestBackend } from '../support/backend';
import { criteriaOf, formDefinitionArb } from '../support/reviewArbitraries';

/** One edit as the workspace would send it, valid or not: pick, rating index, N/A, clear, nonsense. */
const opArb = fc.record({
  pick: fc.nat(),
  kind: fc.constantFrom('rate', 'rate', 'rate', 'na', 'clear', 'bad'),
  value: fc.nat(),
});
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

function changeFor(definition: ReviewFormDefinition, op: Op) {
  const criteria = criteriaOf(definition);
  const criterion = criteria[op.pick % criteria.length];
  if (!criterion) throw new Error('empty form');
  const values = ratingValues(criterion);
  switch (op.kind) {
    case 'na':
      return { criterionId: criterion.id, notApplicable: true };
    case 'clear':
      return { criterionId: criterion.id, rating: null };
    case 'bad':
      return { criterionId: criterion.id, rating: 100 + op.value };
    default:
      return { criterionId: criterion.id, rating: values[op.value % values.length] ?? 0 };
  }
}

function expectStoredEqualsRecomputed(t: TestBackend, reviewId: string, definition: ReviewFormDefinition) {
  const stored = t.db.get<{ score: number | null; failed: number }>(
    'SELECT score, failed_critical AS failed FROM reviews WHERE id = ?',
    [reviewId],
  );
  const answers = loadAnswers(t.ctx, reviewId);
  const recomputed = computeReviewScore(definition, answers);
  expect(stored).toEqual({ score: recomputed.score, failed: recomputed.failedCritical ? 1 : 0 });
  // The packed ratings are either absent or exactly the answers.
  const packed = t.db.get<{ p: string | null }>('SELECT ratings_packed AS p FROM reviews WHERE id = ?', [
    reviewId,
  ])?.p;
  if (packed != null) expect(packed).toBe(packRatings(definition, answers));
}

describe('stored review scores', () => {
  it('always equal the score recomputed from the stored answers (and the packed ratings match them), through drafts, submit and amendments', async () => {
    await fc.assert(
      fc.asyncProperty(
        formDefinitionArb,
        fc.array(opArb, { minLength: 1, maxLength: 25 }),
        fc.array(opArb, { maxLength: 5 }),
        async (definition, edits, amendments) => {
          const t = await createTestBackend();
          await t.call('setProfile', { name: 'Prop' });
          const agentId = buildAgent(t.ctx).id;
          const interactionId = buildInteraction(t.ctx, { agentId }).id;
          const { versionId } = await t.call('saveReviewForm', { definition });
          const { id: reviewId } = await t.call('startReview', { interactionId, formVersionId: versionId });
          for (const op of edits) {
            await t.backend.call('saveReviewAnswer', { reviewId, ...changeFor(definition, op) });
            expectStoredEqualsRecomputed(t, reviewId, definition);
          }
          // Fill what is left so the review can be submitted, then amend at random.
          for (const criterion of criteriaOf(definition))
            if (
              !loadAnswers(t.ctx, reviewId).some(
                (a) => a.criterionId === criterion.id && (a.rating !== null || a.notApplicable),
              )
            )
              await t.call('saveReviewAnswer', {
                reviewId,
                criterionId: criterion.id,
                rating: Math.min(...ratingValues(criterion)),
              });
          await t.call('submitReview', { reviewId });
          expectStoredEqualsRecomputed(t, reviewId, definition);
          for (const op of amendments) {
            await t.backend.call('amendReview', {
              reviewId,
              reason: 'Property',
              changes: [changeFor(definition, op)],
            });
            expectStoredEqualsRecomputed(t, reviewId, definition);
          }
          t.db.close();
        },
      ),
      { numRuns: 25 },
    );
  });
});
