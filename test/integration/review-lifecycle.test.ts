import { beforeEach, describe, expect, it } from 'vitest';
import { auditHistory } from '../../electron/backend/core/audit';
import { DEFAULT_REVIEW_FORM } from '../../shared/reviews/form';
import { computeReviewScore } from '../../shared/reviews/score';
import { buildAgent, buildFormVersion, buildInteraction, fullMarks } from '../support/builders';
import { createTestBackend, TEST_NOW, type TestBackend } from '../support/backend';

const criteria = DEFAULT_REVIEW_FORM.sections.flatMap((s) => s.criteria);

async function failure(
  t: TestBackend,
  method: Parameters<TestBackend['backend']['call']>[0],
  input: unknown,
) {
  const result = await t.backend.call(method, input);
  if (result.ok) throw new Error(`${method} succeeded`);
  return result.error;
}

/** Answers every criterion of the default form through dispatch. */
async function answerAll(t: TestBackend, reviewId: string, ratings = fullMarks(DEFAULT_REVIEW_FORM)) {
  for (const [criterionId, value] of Object.entries(ratings))
    await t.call(
      'saveReviewAnswer',
      value === 'na'
        ? { reviewId, criterionId, notApplicable: true }
        : { reviewId, criterionId, rating: value },
    );
}

const storedScore = (t: TestBackend, reviewId: string) =>
  t.db.get<{ score: number | null; failed: number }>(
    'SELECT score, failed_critical AS failed FROM reviews WHERE id = ?',
    [reviewId],
  );

describe('review lifecycle through dispatch', () => {
  let t: TestBackend;
  let agentId: string;
  let versionId: string;
  let interactionId: number;

  beforeEach(async () => {
    t = await createTestBackend();
    agentId = buildAgent(t.ctx, { name: 'Ann' }).id;
    versionId = buildFormVersion(t.ctx).versionId;
    interactionId = buildInteraction(t.ctx, { agentId, hold_seconds: 190 }).id;
    await t.call('setProfile', { name: 'Quinn QA' });
  });

  it('refuses to start without an evaluator name, an agent or an active form, in a sentence', async () => {
    t.db.run("DELETE FROM settings WHERE key = 'profile'");
    expect((await failure(t, 'startReview', { interactionId })).message).toBe(
      'Set your name in the profile first: every review records who evaluated it.',
    );
    await t.call('setProfile', { name: 'Quinn QA' });
    const orphan = buildInteraction(t.ctx, { agentId: null }).id;
    expect((await failure(t, 'startReview', { interactionId: orphan })).message).toMatch(
      /^Interaction \d+ has no agent, so there is nobody to review\./,
    );
    expect(await failure(t, 'startReview', { interactionId: 9999 })).toMatchObject({ code: 'not_found' });
    t.db.run('UPDATE review_forms SET archived = 1');
    expect((await failure(t, 'startReview', { interactionId })).message).toMatch(/no active review form/);
    expect(t.db.all('SELECT * FROM reviews')).toEqual([]);
    expect(t.db.all('SELECT * FROM audit_log')).toEqual([]);
  });

  it('starts a draft on the latest version of the active form and resumes it', async () => {
    const { formId } = t.db.get<{ formId: string }>('SELECT form_id AS formId FROM review_form_versions')!;
    const v2 = buildFormVersion(t.ctx, { formId, version: 2 }).versionId;
    const review = await t.call('startReview', { interactionId });
    expect(review).toMatchObject({
      status: 'draft',
      formVersionId: v2,
      formVersion: 2,
      agentId,
      agentName: 'Ann',
      evaluator: 'Quinn QA',
      interactionId,
      score: null,
      countsInQa: true,
      reviewedAt: null,
      answers: [],
    });
    expect(review.explanation.unanswered).toHaveLength(criteria.length);
    const again = await t.call('startReview', { interactionId });
    expect(again.id).toBe(review.id);
    expect(auditHistory(t.ctx, 'review', review.id)).toMatchObject([
      { action: 'started', actor: 'Quinn QA', at: TEST_NOW },
    ]);
    // An older version can be chosen explicitly.
    await t.call('setProfile', { name: 'Second evaluator' });
    expect((await t.call('startReview', { interactionId, formVersionId: versionId })).formVersion).toBe(1);
  });

  it('validates each answer against its criterion and stores nothing when refused', async () => {
    const { id: reviewId } = await t.call('startReview', { interactionId });
    const cases: Array<[object, RegExp]> = [
      [
        { criterionId: 'greeting_valued', rating: 7 },
        /"Makes the customer feel valued, tone fits the brand" takes a whole number from 1 to 5; 7 is not one of them\./,
      ],
      [{ criterionId: 'greeting_intro', rating: 0.5 }, /takes yes \(1\) or no \(0\)/],
      [{ criterionId: 'res_holds', rating: 3 }, /points from 0 to 2/],
      [{ criterionId: 'knowledge_accuracy', notApplicable: true }, /cannot be marked N\/A on this form/],
      [
        { criterionId: 'nope', rating: 1 },
        /Criterion "nope" is not on this review's form \(Standard interaction review, version 1\)\./,
      ],
    ];
    for (const [change, message] of cases)
      expect((await failure(t, 'saveReviewAnswer', { reviewId, ...change })).message).toMatch(message);
    expect(
      await failure(t, 'saveReviewAnswer', {
        reviewId,
        criterionId: 'res_holds',
        rating: 1,
        notApplicable: true,
      }),
    ).toMatchObject({ code: 'invalid_input' });
    expect(t.db.all('SELECT * FROM review_answers')).toEqual([]);
    expect(auditHistory(t.ctx, 'review', reviewId).map((r) => r.action)).toEqual(['started']);
  });

  it('recomputes and stores the score with every answer, with the why', async () => {
    const { id: reviewId } = await t.call('startReview', { interactionId });
    const first = await t.call('saveReviewAnswer', {
      reviewId,
      criterionId: 'knowledge_accuracy',
      rating: 0,
    });
    expect(first).toMatchObject({ score: 0, failedCritical: true });
    expect(first.explanation.failedCriteriaLabels).toEqual(['Gives correct information']);
    const second = await t.call('saveReviewAnswer', {
      reviewId,
      criterionId: 'greeting_valued',
      rating: 4,
      comment: '  Warm tone. ',
    });
    expect(second.answer).toEqual({
      criterionId: 'greeting_valued',
      rating: 4,
      notApplicable: false,
      comment: 'Warm tone.',
    });
    // (3·0 + 1·4/5) / 4 = 20 %
    expect(second.score).toBe(20);
    expect(storedScore(t, reviewId)).toEqual({ score: 20, failed: 1 });
    // A comment alone keeps the rating; N/A then clears it.
    await t.call('saveReviewAnswer', {
      reviewId,
      criterionId: 'greeting_valued',
      comment: 'Changed my mind.',
    });
    const na = await t.call('saveReviewAnswer', {
      reviewId,
      criterionId: 'cross_sell_offer',
      notApplicable: true,
    });
    expect(na.explanation.notApplicableWeight).toBe(1);
    const review = await t.call('getReview', { reviewId });
    expect(review.answers.find((a) => a.criterionId === 'greeting_valued')).toMatchObject({
      rating: 4,
      comment: 'Changed my mind.',
    });
    expect(review.score).toBe(computeReviewScore(DEFAULT_REVIEW_FORM, review.answers).score);
  });

  it('submits only when every criterion is answered, listing the rest by label', async () => {
    const { id: reviewId } = await t.call('startReview', { interactionId });
    const ratings = fullMarks(DEFAULT_REVIEW_FORM);
    delete ratings.closing_summary;
    delete ratings.prof_listening;
    await answerAll(t, reviewId, ratings);
    const refused = await failure(t, 'submitReview', { reviewId });
    expect(refused.message).toBe(
      'This review cannot be submitted yet: 2 criteria are not answered: "Listens actively", "Summarises and sets expectations". Rate each one, or mark it N/A where the form allows.',
    );
    await answerAll(t, reviewId, { closing_summary: 5, prof_listening: 3 });
    t.clock.advance(60_000);
    const submitted = await t.call('submitReview', { reviewId });
    expect(submitted).toMatchObject({
      status: 'submitted',
      score: 98,
      submittedAt: '2026-01-15T09:01:00.000Z',
    });
    expect(submitted.reviewedAt).toBe(submitted.submittedAt);

    const edit = await failure(t, 'saveReviewAnswer', {
      reviewId,
      criterionId: 'closing_summary',
      rating: 1,
    });
    expect(edit).toMatchObject({ code: 'conflict' });
    expect(edit.message).toBe(
      'This review was submitted on 2026-01-15 and is final. To change it, amend it and give a reason.',
    );
    expect((await failure(t, 'setReviewComment', { reviewId, comment: 'x' })).message).toMatch(/amend it/);
    expect((await failure(t, 'submitReview', { reviewId })).message).toMatch(/already submitted/);
    expect(auditHistory(t.ctx, 'review', reviewId).filter((r) => r.action === 'submitted')).toHaveLength(1);
    // Submitted: the same evaluator cannot start a second review of it.
    expect((await failure(t, 'startReview', { interactionId })).message).toMatch(/amend it with a reason/);
  });

  it('amends a submitted review with a reason, keeping the score history', async () => {
    const { id: reviewId } = await t.call('startReview', { interactionId });
    expect(
      (
        await failure(t, 'amendReview', {
          reviewId,
          reason: 'x',
          changes: [{ criterionId: 'res_holds', rating: 0 }],
        })
      ).message,
    ).toMatch(/still a draft/);
    await answerAll(t, reviewId);
    await t.call('submitReview', { reviewId });
    expect(
      await failure(t, 'amendReview', {
        reviewId,
        reason: '  ',
        changes: [{ criterionId: 'res_holds', rating: 0 }],
      }),
    ).toMatchObject({ code: 'invalid_input' });
    expect(
      (
        await failure(t, 'amendReview', {
          reviewId,
          reason: 'Same',
          changes: [{ criterionId: 'res_holds', rating: 2 }],
        })
      ).message,
    ).toMatch(/changes nothing/);
    expect(
      (
        await failure(t, 'amendReview', {
          reviewId,
          reason: 'Clear',
          changes: [{ criterionId: 'res_holds', rating: null }],
        })
      ).message,
    ).toMatch(/cannot leave "Avoids needless holds and transfers" unanswered/);

    t.clock.advance(3_600_000);
    const amended = await t.call('amendReview', {
      reviewId,
      reason: 'Recording re-checked: two holds over a minute.',
      changes: [{ criterionId: 'res_holds', rating: 0, comment: 'Two long holds.' }],
    });
    expect(amended.score).toBe(95);
    expect(amended.amendments).toEqual([
      {
        id: expect.any(String),
        amendedAt: '2026-01-15T10:00:00.000Z',
        actor: 'Quinn QA',
        reason: 'Recording re-checked: two holds over a minute.',
        disputeId: null,
        scoreBefore: 100,
        scoreAfter: 95,
        failedCriticalBefore: false,
        failedCriticalAfter: false,
        answersBefore: [{ criterionId: 'res_holds', rating: 2, notApplicable: false, comment: null }],
        answersAfter: [
          { criterionId: 'res_holds', rating: 0, notApplicable: false, comment: 'Two long holds.' },
        ],
      },
    ]);
    const trail = auditHistory(t.ctx, 'review', reviewId);
    expect(trail.at(-1)).toMatchObject({
      action: 'amended',
      diff: {
        before: { score: 100 },
        after: { score: 95 },
        reason: 'Recording re-checked: two holds over a minute.',
      },
    });
    expect(t.db.get('SELECT count(*) AS n FROM review_amendments')).toEqual({ n: 1 });
  });

  it('gives the workspace the interaction, the customer’s earlier contacts and hints', async () => {
    t.db.run(`INSERT INTO customers (id, name, created_at) VALUES ('cus_1', 'Cleo', ?)`, [TEST_NOW]);
    const at = (day: number) => `2026-01-${String(day).padStart(2, '0')}T10:00:00.000Z`;
    for (const day of [2, 5, 8])
      buildInteraction(t.ctx, {
        agentId,
        customerId: 'cus_1',
        startedAt: at(day),
        csat_score: day,
        csat_scale: 10,
      });
    const current = buildInteraction(t.ctx, {
      agentId,
      customerId: 'cus_1',
      startedAt: at(10),
      hold_seconds: 242,
      repeat_contact: 1,
      sentiment: -1,
    }).id;
    buildInteraction(t.ctx, { agentId, customerId: 'cus_1', startedAt: at(12) });
    const context = await t.call('getReviewContext', { interactionId: current, earlierLimit: 2 });
    expect(context.interaction.id).toBe(current);
    expect(context.earlierContacts.map((c) => c.startedAt)).toEqual([at(8), at(5)]);
    expect(context.hints.map((h) => [h.text, h.criterionIds[0]])).toEqual([
      ['hold 4m 02s', 'res_holds'],
      ['negative sentiment', 'prof_empathy'],
      ['repeat contact', 'knowledge_diagnosis'],
    ]);
    expect(context.formVersionId).toBe(versionId);
  });
});

describe('listReviews', () => {
  it('lists reviews newest first with filters, open disputes and amendments', async () => {
    const t = await createTestBackend();
    await t.call('setProfile', { name: 'Quinn QA' });
    const ann = buildAgent(t.ctx, { name: 'Ann' }).id;
    const bo = buildAgent(t.ctx, { name: 'Bo' }).id;
    buildFormVersion(t.ctx);
    const first = await t.call('startReview', {
      interactionId: buildInteraction(t.ctx, { agentId: ann }).id,
    });
    await answerAll(t, first.id);
    await t.call('submitReview', { reviewId: first.id });
    await t.call('openDispute', { reviewId: first.id, criterionId: 'res_holds', agentReason: 'Needed.' });
    t.clock.advance(60_000);
    const draft = await t.call('startReview', { interactionId: buildInteraction(t.ctx, { agentId: bo }).id });

    const all = await t.call('listReviews', {});
    expect(all.total).toBe(2);
    expect(all.rows.map((r) => [r.id, r.status, r.agentName, r.openDisputes])).toEqual([
      [draft.id, 'draft', 'Bo', 0],
      [first.id, 'submitted', 'Ann', 1],
    ]);
    expect((await t.call('listReviews', { status: 'submitted' })).rows.map((r) => r.id)).toEqual([first.id]);
    expect((await t.call('listReviews', { agentId: bo })).total).toBe(1);
    expect(
      (await t.call('listReviews', { since: '2026-01-15T09:00:30.000Z' })).rows.map((r) => r.id),
    ).toEqual([draft.id]);
    expect(await t.call('listReviews', { limit: 1, offset: 1 })).toMatchObject({
      total: 2,
      offset: 1,
      rows: [{ id: first.id }],
    });
  });
});
