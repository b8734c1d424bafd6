import { beforeEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../shared/ipc/contract';
import { exportReviews } from '../../electron/backend/reviews/export';
import { createTestBackend, type TestBackend } from '../support/backend';
import { buildCalibrationScene, CRITERIA, scoreInteraction, startedSession } from '../support/calibration';

let backend: TestBackend;
let scene: ReturnType<typeof buildCalibrationScene>;
let sessionId: string;
let sabineReview: string;
let marcoDraft: string;

async function refusal(method: MethodName, input: unknown) {
  const result = await backend.backend.call(method, input);
  if (result.ok) throw new Error(`${method} should have been refused`);
  return result.error.message;
}

const as = (name: string) => backend.call('setProfile', { name });

beforeEach(async () => {
  backend = await createTestBackend();
  scene = buildCalibrationScene(backend, 2);
  await as('Lead');
  sessionId = (await startedSession(backend, scene.interactionIds)).id;
  const [first] = scene.interactionIds as [number];
  await as('Sabine');
  sabineReview = (await scoreInteraction(backend, sessionId, first, () => 0)).id;
  await as('Marco');
  marcoDraft = (await backend.call('startCalibrationReview', { sessionId, interactionId: first })).id;
});

describe('blind scoring before the reveal', () => {
  it("refuses to show another evaluator's review, in the service, whoever asks", async () => {
    expect(await refusal('getReview', { reviewId: sabineReview })).toBe(
      `This is Sabine's blind calibration review. Nobody sees another evaluator's answers before the session "January calibration" is revealed.`,
    );
    // One's own review opens as usual.
    expect((await backend.call('getReview', { reviewId: marcoDraft })).evaluator).toBe('Marco');
    await as('Lead');
    expect(await refusal('getReview', { reviewId: sabineReview })).toMatch(/blind calibration review/);
  });

  it('keeps it out of review lists, the interaction drawer, exports and evaluator leniency', async () => {
    const ids = (await backend.call('listReviews', {})).rows.map((r) => r.id);
    expect(ids).toEqual([marcoDraft]);
    const drawer = await backend.call('getInteraction', { id: scene.interactionIds[0] as number });
    expect(drawer.reviews.map((r) => r.id)).toEqual([marcoDraft]);
    expect(exportReviews(backend.db, '2026-01-01', '2026-01-31')).toEqual([]);
    const leniency = await backend.call('getEvaluatorLeniency', { from: '2026-01-01', to: '2026-01-31' });
    expect(leniency.evaluators.map((e) => e.evaluator)).not.toContain('Sabine');
  });

  it('refuses the reveal, statistics and report while scoring', async () => {
    const message = `The session "January calibration" is being scored: nobody sees another evaluator's answers before it is revealed.`;
    expect(await refusal('getCalibrationReveal', { sessionId })).toBe(message);
    expect(await refusal('getCalibrationStats', { sessionId })).toBe(message);
    expect(await refusal('exportCalibrationReport', { sessionId, format: 'csv' })).toBe(message);
  });

  it("refuses changes to someone else's calibration review, and disputes of any", async () => {
    await as('Sabine');
    const criterionId = CRITERIA[0]?.id as string;
    expect(await refusal('saveReviewAnswer', { reviewId: marcoDraft, criterionId, rating: 1 })).toMatch(
      /This is Marco's calibration review; only Marco can change it/,
    );
    expect(
      await refusal('openDispute', { reviewId: sabineReview, criterionId, agentReason: 'Unfair.' }),
    ).toMatch(/cannot be disputed/);
  });
});

describe('after the reveal', () => {
  beforeEach(async () => {
    await as('Lead');
    await as('Katrin');
    await scoreInteraction(backend, sessionId, scene.interactionIds[0] as number, () => 1);
    await backend.call('setCalibrationSessionState', { sessionId, state: 'revealed' });
  });

  it('everyone sees every review', async () => {
    await as('Marco');
    expect((await backend.call('getReview', { reviewId: sabineReview })).evaluator).toBe('Sabine');
    expect((await backend.call('listReviews', {})).rows).toHaveLength(3);
  });

  it('answers stay as they were given: no late submit, no amendment', async () => {
    await as('Marco');
    const criterionId = CRITERIA[0]?.id as string;
    expect(await refusal('saveReviewAnswer', { reviewId: marcoDraft, criterionId, rating: 1 })).toMatch(
      /was revealed: its answers stay as they were given/,
    );
    await as('Sabine');
    expect(
      await refusal('amendReview', {
        reviewId: sabineReview,
        changes: [{ criterionId, rating: 0 }],
        reason: 'Changed my mind after the discussion.',
      }),
    ).toMatch(/Record the agreed answer in the reveal instead/);
    expect(
      await refusal('startCalibrationReview', { sessionId, interactionId: scene.interactionIds[1] }),
    ).toMatch(/blind scoring is over/);
  });
});
