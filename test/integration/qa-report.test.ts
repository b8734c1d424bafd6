import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_FORM } from '../../shared/reviews/form';
import {
  buildAgent,
  buildFormVersion,
  buildInteraction,
  buildReview,
  buildTeam,
  fullMarks,
} from '../support/builders';
import { createTestBackend, type TestBackend } from '../support/backend';

const FULL = fullMarks(DEFAULT_REVIEW_FORM);
const HOLDS = fullMarks(DEFAULT_REVIEW_FORM, { res_holds: 0 }); // 95
const WRONG = fullMarks(DEFAULT_REVIEW_FORM, { knowledge_accuracy: 0 }); // 85, failed critical
const UNHAPPY = fullMarks(DEFAULT_REVIEW_FORM, { closing_satisfied: 0 }); // 95

describe('QA reporting through dispatch', () => {
  let t: TestBackend;
  let versionId: string;
  let blue: string;
  let ann: string;
  let bo: string;
  let cy: string;

  const review = (agentId: string, ratings: Record<string, number | 'na'>, reviewedAt: string, extra = {}) =>
    buildReview(t.ctx, { formVersionId: versionId, agentId, ratings, reviewedAt, ...extra });

  beforeEach(async () => {
    t = await createTestBackend();
    versionId = buildFormVersion(t.ctx).versionId;
    blue = buildTeam(t.ctx, { name: 'Blue' }).id;
    const green = buildTeam(t.ctx, { name: 'Green' }).id;
    ann = buildAgent(t.ctx, { name: 'Ann', teamId: blue }).id;
    bo = buildAgent(t.ctx, { name: 'Bo', teamId: blue }).id;
    cy = buildAgent(t.ctx, { name: 'Cy', teamId: green }).id;
    // Europe/Berlin (the default zone): 23:30 UTC on 31 Dec is 1 January locally, on 31 Jan it is February.
    review(ann, FULL, '2025-12-31T23:30:00.000Z');
    review(ann, HOLDS, '2026-01-12T10:00:00.000Z');
    review(ann, WRONG, '2026-01-20T10:00:00.000Z');
    review(bo, FULL, '2026-01-13T10:00:00.000Z');
    review(cy, UNHAPPY, '2026-01-14T10:00:00.000Z');
    review(cy, FULL, '2026-01-31T23:30:00.000Z');
    review(bo, WRONG, '2026-01-15T10:00:00.000Z', { calibrationGroup: 'cal_1' });
    review(bo, WRONG, '2026-01-15T10:00:00.000Z', { status: 'draft' });
  });

  it('scores agents and teams with n, a 95% interval and a too-few flag, counting only QA reviews', async () => {
    const report = await t.call('getQaReport', { from: '2026-01-01', to: '2026-01-31' });
    expect(report.settings).toEqual({ minReviews: 5, passScore: 80 });
    expect(report.overall.score).toMatchObject({ n: 5, mean: 95, tooFew: false });
    expect(report.overall.failedCritical).toMatchObject({ count: 1, n: 5, share: 0.2 });
    expect(report.overall.passed).toMatchObject({ count: 5, n: 5 });
    expect(report.agents.map((a) => [a.agentName, a.score.n, a.score.mean, a.score.tooFew])).toEqual([
      ['Ann', 3, (100 + 95 + 85) / 3, true],
      ['Bo', 1, 100, true],
      ['Cy', 1, 95, true],
    ]);
    expect(report.teams.map((g) => [g.name, g.score.n])).toEqual([
      ['Blue', 4],
      ['Green', 1],
    ]);
    const ann3 = report.agents[0]?.score;
    // sd of 100, 95, 85 = 7.638; t(2) = 4.3027 → ±18.97 around 93.33.
    expect(ann3?.low).toBeCloseTo(93.333 - 18.974, 2);
    expect(ann3?.high).toBe(100);
  });

  it('follows the minimum-reviews setting and narrows to a team or an agent', async () => {
    await t.call('saveReviewSettings', { minReviews: 3 });
    expect(await t.call('getReviewSettings', {})).toEqual({
      quota: { perAgent: 4, period: 'month' },
      minReviews: 3,
      passScore: 80,
    });
    const team = await t.call('getQaReport', { from: '2026-01-01', to: '2026-01-31', teamId: blue });
    expect(team.agents.map((a) => [a.agentName, a.score.tooFew])).toEqual([
      ['Ann', false],
      ['Bo', true],
    ]);
    const agent = await t.call('getQaReport', { from: '2026-01-01', to: '2026-01-31', agentId: bo });
    expect(agent.overall.score.n).toBe(1);
    expect(await t.backend.call('saveReviewSettings', { minReviews: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('averages sections and criteria with their n and N/A count, and trends by week', async () => {
    t.db.run(
      `UPDATE review_answers SET rating = NULL, not_applicable = 1 WHERE criterion_id = 'cross_sell_offer'
                AND review_id = (SELECT id FROM reviews WHERE agent_id = ? ORDER BY reviewed_at LIMIT 1)`,
      [bo],
    );
    const report = await t.call('getQaReport', { from: '2026-01-01', to: '2026-01-31', granularity: 'week' });
    const accuracy = report.criteria.find((c) => c.id === 'knowledge_accuracy');
    expect(accuracy).toMatchObject({ critical: true, notApplicable: 0, average: { n: 5, mean: 80 } });
    const crossSell = report.criteria.find((c) => c.id === 'cross_sell_offer');
    expect(crossSell).toMatchObject({ notApplicable: 1, average: { n: 4, mean: 100 } });
    const knowledge = report.sections.find((s) => s.id === 'knowledge');
    // Knowledge weights 3+2+1: accuracy failed once → 50 %.
    expect(knowledge?.average).toMatchObject({ n: 5, mean: (100 * 4 + 50) / 5 });
    expect(report.trend.map((p) => [p.period, p.score.n])).toEqual([
      ['2025-12-29', 1],
      ['2026-01-05', 0],
      ['2026-01-12', 3],
      ['2026-01-19', 1],
      ['2026-01-26', 0],
    ]);
  });

  it('compares outcome rates of interactions that passed and failed each criterion', async () => {
    await t.call('saveReviewSettings', { minReviews: 2 });
    t.db.run('DELETE FROM review_answers');
    t.db.run('DELETE FROM reviews');
    for (let i = 0; i < 6; i += 1) {
      const happy = i < 3;
      const { id: interactionId } = buildInteraction(t.ctx, {
        agentId: ann,
        csat_score: happy ? 5 : 1,
        csat_scale: 5,
        fcr: 1,
      });
      review(ann, happy ? FULL : UNHAPPY, `2026-01-1${i}T10:00:00.000Z`, { interactionId });
    }
    const validity = await t.call('getCriterionValidity', { from: '2026-01-01', to: '2026-01-31' });
    expect(validity.interactions).toBe(6);
    const satisfied = validity.criteria.find((c) => c.criterionId === 'closing_satisfied');
    expect(satisfied).toMatchObject({ passedN: 3, failedN: 3 });
    const csat = satisfied?.outcomes.find((o) => o.outcome === 'csat_satisfied');
    expect(csat).toMatchObject({
      passed: { share: 1 },
      failed: { share: 0 },
      difference: { difference: 1 },
      reading: 'associated',
    });
    expect(satisfied?.outcomes.find((o) => o.outcome === 'fcr')).toMatchObject({
      difference: { difference: 0 },
      reading: 'no_clear_difference',
    });
    // Every interaction passed greeting: nothing to compare against.
    const greeting = validity.criteria.find((c) => c.criterionId === 'greeting_intro');
    expect(greeting).toMatchObject({ failedN: 0 });
    expect(greeting?.outcomes.every((o) => o.reading === 'too_few')).toBe(true);
    // Read from the answer rows when the packed ratings are cleared: the same figures.
    t.db.run('UPDATE reviews SET ratings_packed = NULL');
    expect(await t.call('getCriterionValidity', { from: '2026-01-01', to: '2026-01-31' })).toEqual(validity);
  });

  it('sets each evaluator against the others on the same agents, calibration reviews included', async () => {
    t.db.run('DELETE FROM review_answers');
    t.db.run('DELETE FROM reviews');
    for (const agentId of [ann, bo, cy]) {
      review(agentId, FULL, '2026-01-10T10:00:00.000Z', { evaluator: 'Kim' });
      review(agentId, HOLDS, '2026-01-11T10:00:00.000Z', { evaluator: 'Lou', calibrationGroup: 'cal' });
    }
    const leniency = await t.call('getEvaluatorLeniency', { from: '2026-01-01', to: '2026-01-31' });
    expect(leniency.evaluators.map((e) => [e.evaluator, e.own.n, e.sharedAgents, e.difference.mean])).toEqual(
      [
        ['Kim', 3, 3, 5],
        ['Lou', 3, 3, -5],
      ],
    );
    expect(leniency.evaluators[0]?.tooFew).toBe(true);
  });

  it('gives the same report from the answers when the packed ratings are cleared, and reads them when present', async () => {
    const packed = await t.call('getQaReport', { from: '2026-01-01', to: '2026-01-31' });
    expect(t.db.get<{ n: number }>('SELECT count(*) AS n FROM reviews WHERE ratings_packed IS NULL')?.n).toBe(
      0,
    );
    t.db.run('UPDATE reviews SET ratings_packed = NULL');
    expect(await t.call('getQaReport', { from: '2026-01-01', to: '2026-01-31' })).toEqual(packed);
    t.db.run(`UPDATE reviews SET ratings_packed = 'n'`);
    const misread = await t.call('getQaReport', { from: '2026-01-01', to: '2026-01-31' });
    expect(misread.criteria.find((c) => c.id === 'greeting_intro')?.notApplicable).toBe(5);
  });

  it('refuses a range that ends before it starts', async () => {
    const result = await t.backend.call('getQaReport', { from: '2026-02-01', to: '2026-01-01' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
