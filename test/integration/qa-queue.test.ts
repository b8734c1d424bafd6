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

describe('review queue through dispatch', () => {
  let t: TestBackend;
  let blue: string;
  let ann: string;
  let bo: string;
  let cy: string;
  let versionId: string;
  const reviewed: number[] = [];

  beforeEach(async () => {
    t = await createTestBackend();
    reviewed.length = 0;
    versionId = buildFormVersion(t.ctx).versionId;
    blue = buildTeam(t.ctx, { name: 'Blue' }).id;
    const green = buildTeam(t.ctx, { name: 'Green' }).id;
    ann = buildAgent(t.ctx, { name: 'Ann', teamId: blue }).id;
    bo = buildAgent(t.ctx, { name: 'Bo', teamId: blue }).id;
    cy = buildAgent(t.ctx, { name: 'Cy', teamId: green }).id;
    const at = (day: number, hour = 10) =>
      `2026-01-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;
    for (let day = 5; day <= 9; day += 1) {
      buildInteraction(t.ctx, { agentId: ann, startedAt: at(day), channel: 'call', topic: 'Billing' });
      buildInteraction(t.ctx, { agentId: bo, startedAt: at(day), channel: 'chat', topic: 'Outage' });
      buildInteraction(t.ctx, { agentId: cy, startedAt: at(day), channel: 'email' });
    }
    buildInteraction(t.ctx, {
      agentId: bo,
      startedAt: at(12),
      csat_score: 1,
      csat_scale: 5,
      is_complaint: 1,
      hold_seconds: 242,
    });
    buildInteraction(t.ctx, { agentId: null, startedAt: at(12) });
    // Outside the range: 1 February 00:30 in Berlin.
    buildInteraction(t.ctx, { agentId: ann, startedAt: '2026-01-31T23:30:00.000Z' });
    const ids = t.db.all<{ id: number; agentId: string }>(
      `SELECT id, agent_id AS agentId FROM interactions WHERE agent_id = ? ORDER BY id LIMIT 3`,
      [ann],
    );
    const [first, second, third] = ids;
    if (!first || !second || !third) throw new Error('fixture');
    const marks = fullMarks(DEFAULT_REVIEW_FORM);
    buildReview(t.ctx, {
      formVersionId: versionId,
      agentId: ann,
      interactionId: first.id,
      ratings: marks,
      reviewedAt: at(20),
    });
    buildReview(t.ctx, { formVersionId: versionId, agentId: ann, interactionId: second.id, status: 'draft' });
    buildReview(t.ctx, {
      formVersionId: versionId,
      agentId: ann,
      interactionId: third.id,
      ratings: marks,
      reviewedAt: at(21),
      calibrationGroup: 'cal_1',
    });
    reviewed.push(first.id, second.id, third.id);
  });

  const queue = (
    input: Partial<{
      teamId: string;
      strategy: 'random' | 'stratified' | 'risk';
      seed: number;
      limit: number;
    }> = {},
  ) =>
    t.call('getReviewQueue', {
      from: '2026-01-01',
      to: '2026-01-31',
      strategy: 'random',
      seed: 42,
      ...input,
    });

  it('proposes only unreviewed interactions with an agent in the range, the same for the same seed', async () => {
    const all = await queue({ limit: 100 });
    // 15 + 1 risky − 3 reviewed; no agent-less or February contact.
    expect(all.candidates).toBe(13);
    expect(all.items).toHaveLength(13);
    for (const item of all.items) expect(reviewed).not.toContain(item.interactionId);
    expect(all.items[0]?.reason).toBe('random pick from 13 unreviewed contacts');
    expect((await queue({ limit: 100 })).items).toEqual(all.items);
    expect((await queue({ seed: 43, limit: 100 })).items).not.toEqual(all.items);
    const blueOnly = await queue({ teamId: blue, limit: 100 });
    expect(new Set(blueOnly.items.map((i) => i.agentName))).toEqual(new Set(['Ann', 'Bo']));
  });

  it('puts the risky contact first under risk weighting and says why', async () => {
    const risky = await queue({ strategy: 'risk', limit: 3 });
    expect(risky.items[0]).toMatchObject({
      agentName: 'Bo',
      reason: 'CSAT 1 of 5; complaint; hold 4m 02s',
      risk: 7,
    });
  });

  it('stratifies by channel and topic', async () => {
    const strata = await queue({ strategy: 'stratified', limit: 6 });
    expect(strata.items.map((i) => i.reason.split(':')[0])).toEqual([
      'call · Billing',
      'call · no topic',
      'chat · Outage',
      'email · no topic',
      'chat · Outage',
      'email · no topic',
    ]);
  });

  it('shows each agent’s progress against the quota of the period', async () => {
    await t.call('saveReviewSettings', { quota: { perAgent: 2 } });
    const { quota } = await queue();
    expect(quota).toMatchObject({ perAgent: 2, period: 'month', from: '2026-01-01', to: '2026-01-31' });
    expect(quota.agents.map((a) => [a.agentName, a.submitted, a.drafts, a.remaining])).toEqual([
      ['Ann', 1, 1, 1],
      ['Bo', 0, 0, 2],
      ['Cy', 0, 0, 2],
    ]);
    await t.call('saveReviewSettings', { quota: { period: 'week' } });
    const weekly = await queue({ teamId: blue });
    expect(weekly.quota).toMatchObject({ period: 'week', from: '2026-01-26', to: '2026-02-01' });
    expect(weekly.quota.agents.map((a) => [a.agentName, a.submitted])).toEqual([
      ['Ann', 0],
      ['Bo', 0],
    ]);
  });
});
