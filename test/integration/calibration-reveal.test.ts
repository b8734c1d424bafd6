import { beforeEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../shared/ipc/contract';
import { auditHistory } from '../../electron/backend/core/audit';
import { createTestBackend, type TestBackend } from '../support/backend';
import { buildCalibrationScene, scoreInteraction, startedSession } from '../support/calibration';

let backend: TestBackend;
let scene: ReturnType<typeof buildCalibrationScene>;

const as = (name: string) => backend.call('setProfile', { name });

async function refusal(method: MethodName, input: unknown) {
  const result = await backend.backend.call(method, input);
  if (result.ok) throw new Error(`${method} should have been refused`);
  return result.error.message;
}

/**
 * Sabine rates the best everywhere; Marco one step lower on every 1–5 criterion; Katrin like
 * Sabine except "Diagnoses the real problem", which she rates 3 on the odd interactions.
 */
async function revealedSession(expert: string | null = null) {
  await as('Lead');
  const session = await startedSession(backend, scene.interactionIds, expert);
  for (const [i, interactionId] of scene.interactionIds.entries()) {
    await as('Sabine');
    await scoreInteraction(backend, session.id, interactionId, () => 0);
    await as('Marco');
    await scoreInteraction(backend, session.id, interactionId, (c) => (c.scale === '1-5' ? 1 : 0));
    await as('Katrin');
    await scoreInteraction(backend, session.id, interactionId, (c) =>
      c.id === 'knowledge_diagnosis' && i % 2 === 1 ? 2 : 0,
    );
  }
  await as('Lead');
  await backend.call('setCalibrationSessionState', { sessionId: session.id, state: 'revealed' });
  return session.id;
}

beforeEach(async () => {
  backend = await createTestBackend();
  scene = buildCalibrationScene(backend, 5);
});

describe('the reveal', () => {
  it('shows every rating side by side with spread and consensus, most disagreement first', async () => {
    const sessionId = await revealedSession();
    const reveal = await backend.call('getCalibrationReveal', { sessionId });
    const [first, second] = reveal.criteria;
    expect(first?.criterionId).toBe('knowledge_diagnosis');
    expect(first?.cells[1]).toMatchObject({
      ratings: [
        { evaluator: 'Sabine', rating: 5, answered: true },
        { evaluator: 'Marco', rating: 4, answered: true },
        { evaluator: 'Katrin', rating: 3, answered: true },
      ],
      spread: 2,
      modalCount: 1,
      tie: true,
      // Three different ratings: the median settles it.
      consensus: { rating: 4, notApplicable: false, source: 'mode' },
    });
    expect(second?.scale).toBe('1-5');
    expect(second?.cells[0]).toMatchObject({ spread: 1, modalCount: 2, consensus: { rating: 5 } });
    const last = reveal.criteria.at(-1);
    expect(last?.disagreement).toBe(0);
    expect(last?.scale).not.toBe('1-5');
    expect(reveal.interactions.map((i) => i.interactionId)).toEqual(scene.interactionIds);
  });

  it('takes the expert as the consensus when the session names one', async () => {
    const sessionId = await revealedSession('Marco');
    const reveal = await backend.call('getCalibrationReveal', { sessionId });
    const valued = reveal.criteria.find((c) => c.criterionId === 'greeting_valued');
    expect(valued?.cells[0]?.consensus).toEqual({ rating: 4, notApplicable: false, source: 'expert' });
  });

  it('records the agreed answer and its note, audited, and refuses a rating off the scale', async () => {
    const sessionId = await revealedSession();
    const interactionId = scene.interactionIds[1] as number;
    expect(
      await refusal('recordCalibrationAgreement', {
        sessionId,
        interactionId,
        criterionId: 'knowledge_diagnosis',
        rating: 7,
      }),
    ).toBe('"Diagnoses the real problem" takes a whole number from 1 to 5; 7 is not one of them.');
    const reveal = await backend.call('recordCalibrationAgreement', {
      sessionId,
      interactionId,
      criterionId: 'knowledge_diagnosis',
      rating: 4,
      note: ' Checked the outage map only after the router: a 4, not a 5. ',
    });
    const cell = reveal.criteria[0]?.cells[1];
    expect(cell?.agreed).toMatchObject({
      rating: 4,
      notApplicable: false,
      note: 'Checked the outage map only after the router: a 4, not a 5.',
      decidedBy: 'Lead',
      anchorFormVersionId: null,
    });
    expect(auditHistory(backend.ctx, 'calibration', sessionId).at(-1)).toMatchObject({
      action: 'agreed answer',
      diff: { after: { criterionId: 'knowledge_diagnosis', rating: 4 } },
    });
    await backend.call('setCalibrationSessionState', { sessionId, state: 'closed' });
    expect(
      await refusal('recordCalibrationAgreement', {
        sessionId,
        interactionId,
        criterionId: 'knowledge_diagnosis',
        rating: 5,
      }),
    ).toMatch(/is closed: its agreed answers are final/);
  });

  it('feeds the note into the behaviour anchor as the next form version', async () => {
    const sessionId = await revealedSession();
    const interactionId = scene.interactionIds[1] as number;
    const target = { sessionId, interactionId, criterionId: 'knowledge_diagnosis' };
    expect(await refusal('applyCalibrationNoteToForm', { ...target, anchorText: 'x' })).toMatch(
      /Record the agreed answer first/,
    );
    await backend.call('recordCalibrationAgreement', { ...target, rating: 4, note: 'Router first is a 4.' });
    const anchorText =
      'Targeted questions, found the real problem quickly; checking the router before the outage map is still a 4.';
    const saved = await backend.call('applyCalibrationNoteToForm', { ...target, anchorText });
    expect(saved).toMatchObject({ formId: scene.form.formId, version: 2, outcome: 'new_version' });
    const latest = await backend.call('getReviewFormVersion', { formId: scene.form.formId });
    const criterion = latest.definition.sections
      .flatMap((s) => s.criteria)
      .find((c) => c.id === 'knowledge_diagnosis');
    expect(criterion?.anchors['4']).toBe(anchorText);
    // The session keeps the version it was scored on; the agreed answer remembers where its note went.
    const reveal = await backend.call('getCalibrationReveal', { sessionId });
    expect(reveal.session.formVersion).toBe(1);
    expect(reveal.latestFormVersion).toBe(2);
    expect(reveal.criteria[0]?.cells[1]?.agreed).toMatchObject({ anchorFormVersion: 2 });
    expect(auditHistory(backend.ctx, 'review_form', scene.form.formId).at(-1)).toMatchObject({
      actor: 'Lead',
      action: 'created version 2',
    });
    expect(await refusal('applyCalibrationNoteToForm', { ...target, anchorText })).toMatch(
      /already says exactly this/,
    );
  });
});

describe('statistics of a session', () => {
  it('gives each criterion and the form its figures with n, intervals and the insufficient flag', async () => {
    const sessionId = await revealedSession();
    const stats = await backend.call('getCalibrationStats', { sessionId });
    expect(stats).toMatchObject({
      evaluators: ['Sabine', 'Marco', 'Katrin'],
      interactions: 5,
      reviews: 15,
      reference: 'consensus',
    });
    const intro = stats.criteria.find((c) => c.criterionId === 'greeting_intro');
    expect(intro?.exact).toMatchObject({
      value: 1,
      pairableUnits: 5,
      pairableValues: 15,
      insufficient: false,
    });
    expect(intro?.alpha.metric).toBe('nominal');
    expect(intro?.ac.kind).toBe('AC1');
    const diagnosis = stats.criteria.find((c) => c.criterionId === 'knowledge_diagnosis');
    expect(diagnosis?.alpha.metric).toBe('ordinal');
    expect(diagnosis?.ac.kind).toBe('AC2');
    // Pairs agreeing: 1 of 3 on the even interactions (5, 4, 5), none on the odd ones (5, 4, 3).
    expect(diagnosis?.exact.value).toBeCloseTo(0.2, 10);
    expect(diagnosis?.exact.interval).toMatchObject({ level: 0.95, resamples: 1000 });
    expect(stats.form.icc).toMatchObject({ pairableUnits: 5, raters: 3 });
    expect(stats.method).toMatchObject({ resamples: 1000, seed: 1, level: 0.95 });
    // Deterministic: the same session gives the same intervals.
    expect(await backend.call('getCalibrationStats', { sessionId })).toEqual(stats);
  });

  it('says who is lenient or harsh against the consensus, and against an expert', async () => {
    const byConsensus = await backend.call('getCalibrationStats', { sessionId: await revealedSession() });
    const [sabine, marco, katrin] = byConsensus.deviations;
    // Marco is one step (25% of a 1–5 scale) below the panel on the 1–5 criteria.
    expect(marco?.meanSigned).toBeLessThan(0);
    expect(marco?.meanAbsolute).toBeGreaterThan(0);
    expect(sabine?.meanSigned).toBeGreaterThanOrEqual(0);
    expect(katrin?.n).toBeGreaterThan(50);
    const withExpert = await backend.call('getCalibrationStats', {
      sessionId: await revealedSession('Marco'),
    });
    expect(withExpert.reference).toBe('expert');
    expect(withExpert.deviations.find((d) => d.evaluator === 'Marco')).toMatchObject({
      isExpert: true,
      n: 0,
    });
    expect(withExpert.deviations.find((d) => d.evaluator === 'Sabine')?.meanSigned).toBeGreaterThan(0);
  });

  it('exports the session report as CSV with neutralised cells, and as JSON', async () => {
    const sessionId = await revealedSession();
    await backend.call('recordCalibrationAgreement', {
      sessionId,
      interactionId: scene.interactionIds[0] as number,
      criterionId: 'greeting_valued',
      rating: 5,
      note: '=HYPERLINK("http://x")',
    });
    const csv = await backend.call('exportCalibrationReport', { sessionId, format: 'csv' });
    expect(csv.fileName).toBe('calibration-January-calibration.csv');
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toBe('calibration_session,January calibration');
    expect(lines).toContain(
      'criterion,section,scale,statistic,value,lower_95,upper_95,units,ratings,insufficient,reason',
    );
    expect(lines).toContain(
      'interaction_id,agent,criterion,Sabine,Marco,Katrin,spread,agreeing,answers,consensus,agreed,note',
    );
    expect(csv.text).toContain(`"'=HYPERLINK(""http://x"")"`);
    const json = JSON.parse(
      (await backend.call('exportCalibrationReport', { sessionId, format: 'json' })).text,
    ) as {
      stats: { reviews: number };
    };
    expect(json.stats.reviews).toBe(15);
  });
});

describe('calibration history', () => {
  it('lists a form’s revealed sessions oldest first with agreement per criterion and each evaluator’s drift', async () => {
    const empty = await backend.call('getCalibrationHistory', {});
    expect(empty).toMatchObject({ formId: null, sessions: [], forms: [], drift: [] });
    const first = await revealedSession();
    backend.clock.advance(31 * 86_400_000);
    const second = await revealedSession();
    const history = await backend.call('getCalibrationHistory', {});
    expect(history.formId).toBe(scene.form.formId);
    expect(history.forms).toEqual([
      { id: scene.form.formId, name: 'Standard interaction review', sessions: 2 },
    ]);
    expect(history.sessions.map((s) => [s.sessionId, s.interactions, s.evaluators])).toEqual([
      [first, 5, 3],
      [second, 5, 3],
    ]);
    expect(history.formTrend.direction).toBe('too_few');
    expect(history.formTrend.text).toMatch(/at least 3 are needed/);
    const diagnosis = history.criteria.find((c) => c.criterionId === 'knowledge_diagnosis');
    expect(diagnosis?.points.map((p) => p.sessionId)).toEqual([first, second]);
    expect(history.drift.map((d) => [d.evaluator, d.points.length])).toEqual([
      ['Sabine', 2],
      ['Marco', 2],
      ['Katrin', 2],
    ]);
    expect(history.drift[1]?.points[0]?.meanSigned).toBeLessThan(0);
    // Naming an expert after the reveal changes the reference: the history follows, cache or not.
    await backend.call('updateCalibrationSession', { sessionId: first, expert: 'Marco' });
    const again = await backend.call('getCalibrationHistory', {});
    expect(again.drift.map((d) => [d.evaluator, d.points.length])).toEqual([
      ['Sabine', 2],
      ['Marco', 1],
      ['Katrin', 2],
    ]);
  });
});
