import { beforeEach, describe, expect, it } from 'vitest';
import { auditHistory } from '../../electron/backend/core/audit';
import { createTestBackend, type TestBackend } from '../support/backend';
import { buildInteraction } from '../support/builders';
import { buildCalibrationScene, EVALUATORS, scoreInteraction, startedSession } from '../support/calibration';

let backend: TestBackend;
let scene: ReturnType<typeof buildCalibrationScene>;

async function fails(method: Parameters<TestBackend['backend']['call']>[0], input: unknown) {
  const result = await backend.backend.call(method, input);
  if (result.ok) throw new Error(`${method} should have failed`);
  return result.error;
}

beforeEach(async () => {
  backend = await createTestBackend();
  scene = buildCalibrationScene(backend);
  await backend.call('setProfile', { name: 'Lead' });
});

describe('calibration sessions', () => {
  it('creates a draft on the active form version with its interactions, evaluators and expert, audited', async () => {
    const session = await backend.call('createCalibrationSession', {
      name: '  January calibration ',
      interactionIds: scene.interactionIds.slice(0, 3),
      evaluators: EVALUATORS,
      expert: 'Katrin',
    });
    expect(session).toMatchObject({
      name: 'January calibration',
      state: 'draft',
      formVersionId: scene.form.versionId,
      formVersion: 1,
      interactionCount: 3,
      expert: 'Katrin',
      createdBy: 'Lead',
      me: { name: 'Lead', isEvaluator: false, reviews: [] },
    });
    expect(session.evaluators.map((e) => [e.name, e.isExpert, e.submitted])).toEqual([
      ['Sabine', false, 0],
      ['Marco', false, 0],
      ['Katrin', true, 0],
    ]);
    expect(session.interactions.map((i) => i.interactionId)).toEqual(scene.interactionIds.slice(0, 3));
    expect(auditHistory(backend.ctx, 'calibration', session.id)).toMatchObject([
      { actor: 'Lead', action: 'created' },
    ]);
  });

  it('refuses what cannot be calibrated, in plain words', async () => {
    const base = { name: 'S', interactionIds: [scene.interactionIds[0] as number], evaluators: EVALUATORS };
    expect((await fails('createCalibrationSession', { ...base, interactionIds: [] })).message).toMatch(
      /at least one interaction/,
    );
    expect(
      (
        await fails('createCalibrationSession', {
          ...base,
          interactionIds: Array.from({ length: 11 }, (_, i) => i + 1),
        })
      ).message,
    ).toMatch(/at most 10 interactions/);
    expect((await fails('createCalibrationSession', { ...base, interactionIds: [999] })).message).toBe(
      'Interaction 999 does not exist.',
    );
    const orphan = Number(buildInteraction(backend.ctx, { agentId: null }).id);
    expect((await fails('createCalibrationSession', { ...base, interactionIds: [orphan] })).message).toMatch(
      /has no agent/,
    );
    expect(
      (await fails('createCalibrationSession', { ...base, evaluators: ['Sabine', 'sabine'] })).message,
    ).toBe('"sabine" is in the evaluator list twice.');
    expect((await fails('createCalibrationSession', { ...base, expert: 'Zoe' })).message).toMatch(
      /expert "Zoe" must be one of the session's evaluators/,
    );
    const one = await backend.call('createCalibrationSession', { ...base, evaluators: ['Sabine'] });
    expect(
      (await fails('setCalibrationSessionState', { sessionId: one.id, state: 'scoring' })).message,
    ).toMatch(/at least two evaluators/);
    expect(
      (await fails('setCalibrationSessionState', { sessionId: one.id, state: 'revealed' })).message,
    ).toMatch(/one step at a time/);
  });

  it('goes draft → scoring → revealed → closed, and reveals only once two evaluators submitted', async () => {
    const session = await startedSession(backend, scene.interactionIds.slice(0, 2));
    expect(session.state).toBe('scoring');
    expect(
      (await fails('setCalibrationSessionState', { sessionId: session.id, state: 'revealed' })).message,
    ).toMatch(/no evaluator has submitted/);
    await backend.call('setProfile', { name: 'Sabine' });
    await scoreInteraction(backend, session.id, scene.interactionIds[0] as number, () => 0);
    expect(
      (await fails('setCalibrationSessionState', { sessionId: session.id, state: 'revealed' })).message,
    ).toMatch(/only Sabine has/);
    await backend.call('setProfile', { name: 'Marco' });
    await scoreInteraction(backend, session.id, scene.interactionIds[0] as number, () => 1);
    const revealed = await backend.call('setCalibrationSessionState', {
      sessionId: session.id,
      state: 'revealed',
    });
    expect(revealed.state).toBe('revealed');
    expect(revealed.evaluators.map((e) => [e.name, e.submitted])).toEqual([
      ['Sabine', 1],
      ['Marco', 1],
      ['Katrin', 0],
    ]);
    const closed = await backend.call('setCalibrationSessionState', {
      sessionId: session.id,
      state: 'closed',
    });
    expect(closed.closedAt).not.toBeNull();
    expect(auditHistory(backend.ctx, 'calibration', session.id).map((r) => r.action)).toEqual([
      'created',
      'scoring started',
      'revealed',
      'closed',
    ]);
  });

  it('keeps interactions fixed once scoring starts, and evaluators who scored on the list', async () => {
    const session = await startedSession(backend, scene.interactionIds.slice(0, 2));
    expect(
      (
        await fails('updateCalibrationSession', {
          sessionId: session.id,
          interactionIds: [scene.interactionIds[2]],
        })
      ).message,
    ).toMatch(/interactions are fixed/);
    await backend.call('setProfile', { name: 'Marco' });
    await backend.call('startCalibrationReview', {
      sessionId: session.id,
      interactionId: scene.interactionIds[0] as number,
    });
    expect(
      (await fails('updateCalibrationSession', { sessionId: session.id, evaluators: ['Sabine', 'Katrin'] }))
        .message,
    ).toBe('"Marco" already scored in this session and cannot be taken off the list.');
    const updated = await backend.call('updateCalibrationSession', {
      sessionId: session.id,
      name: 'Renamed',
      evaluators: [...EVALUATORS, 'Dora'],
      expert: 'Dora',
    });
    expect(updated).toMatchObject({ name: 'Renamed', expert: 'Dora' });
    expect(updated.evaluators.map((e) => e.name)).toEqual([...EVALUATORS, 'Dora']);
  });

  it('deletes drafts only', async () => {
    const draft = await backend.call('createCalibrationSession', {
      name: 'Draft',
      interactionIds: [scene.interactionIds[0] as number],
      evaluators: EVALUATORS,
    });
    expect(await backend.call('deleteCalibrationSession', { sessionId: draft.id })).toEqual({
      deleted: true,
    });
    const started = await startedSession(backend, [scene.interactionIds[0] as number]);
    expect((await fails('deleteCalibrationSession', { sessionId: started.id })).message).toMatch(
      /Only a draft session/,
    );
    expect((await backend.call('listCalibrationSessions', {})).sessions.map((s) => s.id)).toEqual([
      started.id,
    ]);
  });
});

describe('calibration reviews', () => {
  it('are ordinary reviews on the session form version that never count in QA', async () => {
    const session = await startedSession(backend, scene.interactionIds.slice(0, 2));
    await backend.call('setProfile', { name: 'Sabine' });
    const interactionId = scene.interactionIds[0] as number;
    const submitted = await scoreInteraction(backend, session.id, interactionId, () => 0);
    expect(submitted).toMatchObject({
      status: 'submitted',
      evaluator: 'Sabine',
      calibrationGroup: session.id,
      countsInQa: false,
      formVersionId: scene.form.versionId,
      score: 100,
    });
    // Resuming gives the same review; it does not start a second one.
    const again = await backend.call('startCalibrationReview', { sessionId: session.id, interactionId });
    expect(again.id).toBe(submitted.id);
    const qa = await backend.call('getQaReport', { from: '2026-01-01', to: '2026-01-31' });
    expect(qa.overall.score.n).toBe(0);
    const detail = await backend.call('getCalibrationSession', { sessionId: session.id });
    expect(detail.me).toMatchObject({
      name: 'Sabine',
      isEvaluator: true,
      reviews: [{ interactionId, reviewId: submitted.id, status: 'submitted' }],
    });
  });

  it('only for the listed evaluators, while scoring, of the session interactions', async () => {
    const session = await startedSession(backend, scene.interactionIds.slice(0, 2));
    const interactionId = scene.interactionIds[0] as number;
    expect((await fails('startCalibrationReview', { sessionId: session.id, interactionId })).message).toMatch(
      /Lead is not an evaluator of "January calibration"\. Switch the profile to one of "Sabine", "Marco", "Katrin"/,
    );
    await backend.call('setProfile', { name: 'Sabine' });
    expect(
      (
        await fails('startCalibrationReview', {
          sessionId: session.id,
          interactionId: scene.interactionIds[4],
        })
      ).message,
    ).toMatch(/is not part of/);
  });
});
