import { beforeEach, describe, expect, it } from 'vitest';
import { auditHistory } from '../../electron/backend/core/audit';
import { DEFAULT_REVIEW_FORM } from '../../shared/reviews/form';
import { buildAgent, buildFormVersion, buildInteraction, buildReview, fullMarks } from '../support/builders';
import { createTestBackend, type TestBackend } from '../support/backend';

async function failure(
  t: TestBackend,
  method: Parameters<TestBackend['backend']['call']>[0],
  input: unknown,
) {
  const result = await t.backend.call(method, input);
  if (result.ok) throw new Error(`${method} succeeded`);
  return result.error;
}

describe('disputes through dispatch', () => {
  let t: TestBackend;
  let reviewId: string;

  beforeEach(async () => {
    t = await createTestBackend();
    await t.call('setProfile', { name: 'Lead Lee' });
    const agent = buildAgent(t.ctx, { name: 'Ann' });
    const { versionId } = buildFormVersion(t.ctx);
    const interactionId = buildInteraction(t.ctx, { agentId: agent.id }).id;
    // Everything full marks except holds (0 of 2) and confirming the fix (no).
    reviewId = buildReview(t.ctx, {
      formVersionId: versionId,
      agentId: agent.id,
      interactionId,
      ratings: fullMarks(DEFAULT_REVIEW_FORM, { res_holds: 0, res_confirm: 0 }),
    }).id;
  });

  const score = () =>
    t.db.get<{ score: number }>('SELECT score FROM reviews WHERE id = ?', [reviewId])?.score;

  it('opens a dispute with the agent’s reason and proposal, one open per criterion', async () => {
    expect(score()).toBe(90);
    const dispute = await t.call('openDispute', {
      reviewId,
      criterionId: 'res_holds',
      agentReason: ' The system was down, the hold was needed. ',
      proposedRating: 2,
    });
    expect(dispute).toMatchObject({
      status: 'open',
      criterionLabel: 'Avoids needless holds and transfers',
      criterionScale: 'points',
      criterionMaxPoints: 2,
      agentName: 'Ann',
      agentReason: 'The system was down, the hold was needed.',
      proposedRating: 2,
      originalRating: 0,
      originalNotApplicable: false,
      openedBy: 'Lead Lee',
      resolvedAt: null,
      reviewScore: 90,
      scoreBefore: null,
      scoreAfter: null,
    });
    expect(
      (await failure(t, 'openDispute', { reviewId, criterionId: 'res_holds', agentReason: 'Again' })).message,
    ).toBe(
      '"Avoids needless holds and transfers" already has an open dispute (opened 2026-01-15). Resolve it first.',
    );
    expect(
      (
        await failure(t, 'openDispute', {
          reviewId,
          criterionId: 'res_confirm',
          agentReason: 'x',
          proposedRating: 3,
        })
      ).message,
    ).toMatch(/takes yes \(1\) or no \(0\); 3 is not one of them/);
    expect(
      await failure(t, 'openDispute', { reviewId, criterionId: 'res_confirm', agentReason: '  ' }),
    ).toMatchObject({
      code: 'invalid_input',
    });
    expect(await t.call('listDisputes', { status: 'open' })).toHaveLength(1);
    expect(auditHistory(t.ctx, 'dispute', dispute.id).map((r) => r.action)).toEqual(['opened']);
  });

  it('refuses a dispute on a draft review', async () => {
    t.db.run(`UPDATE reviews SET status = 'draft'`);
    expect(
      (await failure(t, 'openDispute', { reviewId, criterionId: 'res_holds', agentReason: 'x' })).message,
    ).toMatch(/still a draft/);
  });

  it('keeps the rating with a reason and leaves the score alone', async () => {
    const { id } = await t.call('openDispute', {
      reviewId,
      criterionId: 'res_confirm',
      agentReason: 'I asked.',
    });
    expect(
      (await failure(t, 'resolveDispute', { disputeId: id, outcome: 'kept', rating: 1, reason: 'x' }))
        .message,
    ).toMatch(/takes no new rating/);
    const kept = await t.call('resolveDispute', {
      disputeId: id,
      outcome: 'kept',
      reason: 'The recording has no check.',
    });
    expect(kept).toMatchObject({
      status: 'kept',
      resolvedRating: 0,
      resolvedNotApplicable: false,
      resolutionReason: 'The recording has no check.',
      resolvedBy: 'Lead Lee',
      reviewScore: 90,
      // Kept: no amendment, so no score history to show.
      scoreBefore: null,
      scoreAfter: null,
    });
    expect(t.db.all('SELECT * FROM review_amendments')).toEqual([]);
    expect(
      (await failure(t, 'resolveDispute', { disputeId: id, outcome: 'changed', rating: 1, reason: 'y' }))
        .message,
    ).toBe('This dispute was already resolved on 2026-01-15 (kept).');
    expect(await t.call('listDisputes', { status: 'open' })).toEqual([]);
  });

  it('accepts the agent’s proposal through an amendment that keeps the score history', async () => {
    const { id } = await t.call('openDispute', {
      reviewId,
      criterionId: 'res_holds',
      agentReason: 'Outage.',
      proposedRating: 2,
    });
    t.clock.advance(86_400_000);
    const accepted = await t.call('resolveDispute', {
      disputeId: id,
      outcome: 'accepted',
      reason: 'Outage confirmed.',
    });
    expect(accepted).toMatchObject({
      status: 'accepted',
      resolvedRating: 2,
      reviewScore: 95,
      scoreBefore: 90,
      scoreAfter: 95,
    });
    const review = await t.call('getReview', { reviewId });
    expect(review.score).toBe(95);
    expect(review.amendments).toMatchObject([
      { disputeId: id, reason: 'Outage confirmed.', scoreBefore: 90, scoreAfter: 95, actor: 'Lead Lee' },
    ]);
    expect(review.disputes).toMatchObject([{ id, status: 'accepted' }]);
    expect(auditHistory(t.ctx, 'dispute', id).at(-1)).toMatchObject({
      action: 'resolved: accepted',
      diff: {
        before: { rating: 0, score: 90 },
        after: { rating: 2, score: 95 },
        reason: 'Outage confirmed.',
      },
    });
  });

  it('accepting needs the agent’s rating: recorded with the dispute, or given now', async () => {
    const { id } = await t.call('openDispute', {
      reviewId,
      criterionId: 'res_confirm',
      agentReason: 'I did ask.',
    });
    expect(
      (await failure(t, 'resolveDispute', { disputeId: id, outcome: 'accepted', reason: 'ok' })).message,
    ).toBe('No rating was recorded with this dispute: give the rating the agent asked for to accept it.');
    const accepted = await t.call('resolveDispute', {
      disputeId: id,
      outcome: 'accepted',
      rating: 1,
      reason: 'Heard it.',
    });
    expect(accepted).toMatchObject({ resolvedRating: 1, reviewScore: 95 });
  });

  it('sets another rating, or N/A where allowed, and refuses a change to the same rating', async () => {
    const { id } = await t.call('openDispute', {
      reviewId,
      criterionId: 'res_holds',
      agentReason: 'Needed.',
    });
    expect(
      (await failure(t, 'resolveDispute', { disputeId: id, outcome: 'changed', reason: 'x' })).message,
    ).toMatch(/Give the new rating/);
    expect(
      (await failure(t, 'resolveDispute', { disputeId: id, outcome: 'changed', rating: 0, reason: 'x' }))
        .message,
    ).toBe('"Avoids needless holds and transfers" is already rated 0: resolve as "kept" instead.');
    const changed = await t.call('resolveDispute', {
      disputeId: id,
      outcome: 'changed',
      rating: 1,
      reason: 'One hold was needed.',
    });
    expect(changed).toMatchObject({ status: 'changed', resolvedRating: 1, reviewScore: 92.5 });

    const other = await t.call('openDispute', {
      reviewId,
      criterionId: 'res_confirm',
      agentReason: 'Not solvable.',
    });
    const na = await t.call('resolveDispute', {
      disputeId: other.id,
      outcome: 'changed',
      notApplicable: true,
      reason: 'Could not be solved in this contact.',
    });
    expect(na).toMatchObject({ resolvedRating: null, resolvedNotApplicable: true });
    // (20 − 1 weight N/A) with 0.5 lost on holds: 18.5/19.
    expect(na.reviewScore).toBe(97.4);
    expect(
      (await t.call('getReview', { reviewId })).amendments.map((a) => [a.scoreBefore, a.scoreAfter]),
    ).toEqual([
      [90, 92.5],
      [92.5, 97.4],
    ]);
  });

  it('a refused resolution changes nothing and writes no audit row', async () => {
    const { id } = await t.call('openDispute', {
      reviewId,
      criterionId: 'knowledge_accuracy',
      agentReason: 'Correct.',
    });
    const before = t.db.all('SELECT * FROM audit_log');
    expect(
      await failure(t, 'resolveDispute', {
        disputeId: id,
        outcome: 'changed',
        notApplicable: true,
        reason: 'x',
      }),
    ).toMatchObject({
      code: 'invalid_input',
    });
    expect(t.db.all('SELECT * FROM audit_log')).toEqual(before);
    expect(t.db.all('SELECT * FROM review_amendments')).toEqual([]);
    expect((await t.call('listDisputes', {}))[0]).toMatchObject({ id, status: 'open' });
  });
});
