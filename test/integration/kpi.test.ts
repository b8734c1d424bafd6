import { describe, expect, it } from 'vitest';
import { refreshDerived } from '../../electron/backend/kpi/derive';
import { createTestBackend, type TestBackend } from '../support/backend';
import { buildAgent, buildInteraction, buildTeam } from '../support/builders';

/** Two agents in November 2025 (and one contact in October for the previous period). */
async function seeded(): Promise<TestBackend & { ada: { id: string }; bo: { id: string }; teamId: string }> {
  const tb = await createTestBackend();
  const team = buildTeam(tb.ctx, { name: 'Billing' });
  const ada = buildAgent(tb.ctx, { name: 'Ada', teamId: team.id });
  const bo = buildAgent(tb.ctx, { name: '=HYPERLINK("x")', teamId: team.id });
  const base = { teamId: team.id, channel: 'call' as const };
  // Ada: 3 CSAT responses (5, 4, 2) + one blank → 66.7 %; Bo: 1, 2 → 0 %.
  buildInteraction(tb.ctx, {
    ...base,
    agentId: ada.id,
    startedAt: '2025-11-03T09:00:00.000Z',
    csat_score: 5,
    csat_scale: 5,
    resolved: 1,
    talk_seconds: 100,
    answered: 1,
  });
  buildInteraction(tb.ctx, {
    ...base,
    agentId: ada.id,
    startedAt: '2025-11-04T09:00:00.000Z',
    csat_score: 4,
    resolved: 1,
    talk_seconds: 200,
    hold_seconds: 60,
    answered: 1,
  });
  buildInteraction(tb.ctx, {
    ...base,
    agentId: ada.id,
    startedAt: '2025-11-05T09:00:00.000Z',
    csat_score: 2,
    resolved: 0,
    answered: 1,
    talk_seconds: 0,
  });
  buildInteraction(tb.ctx, {
    ...base,
    agentId: ada.id,
    startedAt: '2025-11-06T09:00:00.000Z',
    answered: 0,
    resolved: 0,
  });
  buildInteraction(tb.ctx, {
    ...base,
    agentId: bo.id,
    startedAt: '2025-11-10T09:00:00.000Z',
    csat_score: 1,
    answered: 1,
  });
  buildInteraction(tb.ctx, {
    ...base,
    agentId: bo.id,
    startedAt: '2025-11-11T09:00:00.000Z',
    csat_score: 2,
    answered: 1,
  });
  buildInteraction(tb.ctx, {
    ...base,
    agentId: ada.id,
    startedAt: '2025-10-15T09:00:00.000Z',
    csat_score: 5,
    answered: 1,
  });
  // Resolved Friday 16:00 Berlin (15:00Z) → Monday 10:00 Berlin (09:00Z): 1 h + 1 h of business time.
  buildInteraction(tb.ctx, {
    ...base,
    agentId: ada.id,
    channel: 'ticket',
    startedAt: '2025-11-14T15:00:00.000Z',
    resolved: 1,
    resolved_at: '2025-11-17T09:00:00.000Z',
  });
  tb.db.transaction(() => refreshDerived(tb.db, 'all'));
  return { ...tb, ada, bo, teamId: team.id };
}

const NOV = { from: '2025-11-01', to: '2025-11-30' };

describe('KPI engine through the backend', () => {
  it('builds a team dashboard: tiles vs previous period and target, ranking, exceptions, events', async () => {
    const { call, teamId, ada, bo } = await seeded();
    await call('addKpiEvent', { day: '2025-11-12', label: 'Product launch', teamId });
    const d = await call('getDashboard', { ...NOV, teamId, granularity: 'week' });
    const csat = d.tiles.find((t) => t.kpiId === 'csat');
    expect(csat?.value).toBeCloseTo(40); // 2 of 5 responses satisfied; blank excluded
    expect(csat?.previous).toBe(100);
    expect(csat).toMatchObject({ target: 80, status: 'bad', direction: 'down', improving: false });
    expect(d.previous).toEqual({ from: '2025-10-01', to: '2025-10-31' });
    expect(d.tiles.find((t) => t.kpiId === 'volume')?.value).toBe(7);
    expect(d.tiles.find((t) => t.kpiId === 'abandonment_rate')?.value).toBeCloseTo(100 / 6);
    expect(d.tiles.find((t) => t.kpiId === 'art')?.value).toBe(2 * 3600);
    // AHT: (100) + (200 + 60) + (0) over 3 handled contacts with talk time; the abandoned one is out.
    expect(d.tiles.find((t) => t.kpiId === 'aht')?.value).toBeCloseTo(360 / 3);
    expect(csat?.sparkline.map((p) => p.label)).toEqual([
      '2025-W44',
      '2025-W45',
      '2025-W46',
      '2025-W47',
      '2025-W48',
    ]);
    const trend = d.trends.find((t) => t.kpiId === 'csat');
    expect(trend?.rolling7).toHaveLength(30);
    expect(trend?.rolling7[6]?.day).toBe('2025-11-07');
    expect(trend?.rolling7[6]?.value).toBeCloseTo((2 / 3) * 100);
    expect(d.events.map((e) => e.label)).toEqual(['Product launch']);
    expect(d.agentRanking.map((r) => r.name)).toEqual(['=HYPERLINK("x")', 'Ada']);
    expect(d.agentRanking[1]?.values.csat).toBeCloseTo((2 / 3) * 100);
    // 3 and 2 responses are below minN (20): marked in the ranking, never raised as exceptions.
    expect(d.exceptions).toEqual([]);
    expect(d.agentRanking[1]?.evidence.csat).toMatchObject({
      n: 3,
      nLabel: 'responses',
      lowConfidence: true,
    });
    await call('updateKpiSettings', { status: { minN: 1 } });
    const trusting = await call('getDashboard', { ...NOV, teamId, granularity: 'week' });
    // Bo's 0 of 2 is a surer miss of 80% than Ada's 2 of 3.
    const csatMisses = trusting.exceptions.filter((e) => e.kpiId === 'csat');
    expect(csatMisses.map((e) => e.agentId)).toEqual([bo.id, ada.id]);
    expect(csatMisses[0]?.certainty).toBeGreaterThan(csatMisses[1]?.certainty ?? 1);
  });

  it('applies settings at query time and re-derives business time when the calendar changes', async () => {
    const { call, teamId } = await seeded();
    await call('updateKpiSettings', { csat: { mode: 'mean' } });
    const registry = await call('getKpiRegistry', {});
    expect(registry.kpis.find((k) => k.id === 'csat')?.unit).toBe('score');
    const mean = await call('getDashboard', {
      ...NOV,
      teamId,
      granularity: 'month',
      kpiIds: ['csat', 'art'],
    });
    expect(mean.tiles[0]?.value).toBeCloseTo((5 + 4 + 2 + 1 + 2) / 5);
    expect(mean.tiles[1]?.value).toBe(7200);

    // Saturday and Sunday become working days: Fri 1 h + Sat 8 h + Sun 8 h + Mon 1 h.
    await call('updateKpiSettings', { calendar: { workingDays: [1, 2, 3, 4, 5, 6, 7] } });
    const weekend = await call('getDashboard', { ...NOV, teamId, granularity: 'month', kpiIds: ['art'] });
    expect(weekend.tiles[0]?.value).toBe(18 * 3600);

    await call('setKpiTarget', { kpiId: 'art', target: 3600 });
    const settings = await call('getKpiSettings', {});
    expect(settings.targets.art?.team).toBe(3600);
    await expect(call('updateKpiSettings', { calendar: { timeZone: 'Mars/Olympus' } })).rejects.toThrow(
      /time zone/,
    );
  });

  it('gives an agent scorecard against the team and exports neutralised CSV', async () => {
    const { call, ada, teamId } = await seeded();
    const card = await call('getAgentScorecard', { ...NOV, agentId: ada.id, granularity: 'week' });
    const csat = card.rows.find((r) => r.kpiId === 'csat');
    expect(csat?.value).toBeCloseTo((2 / 3) * 100);
    expect(csat?.teamValue).toBeCloseTo(40);
    expect(csat?.series[0]).toMatchObject({ label: '2025-W44', value: null, teamValue: null });

    const csv = await call('exportScorecardCsv', { ...NOV, teamId, by: 'agent' });
    expect(csv.fileName).toBe('scorecard-agent-2025-11-01_2025-11-30.csv');
    const lines = csv.csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^agent,name,CSAT \(%\),CSAT target,/);
    expect(lines.some((l) => l.includes(`"'=HYPERLINK(""x"")"`))).toBe(true);

    const byMonth = await call('queryKpis', {
      from: '2025-10-01',
      to: '2025-11-30',
      by: 'month',
      kpiIds: ['volume'],
    });
    expect(byMonth.rows.map((r) => [r.label, r.values.volume])).toEqual([
      ['2025-10', 1],
      ['2025-11', 7],
    ]);
  });
});

describe('a period still under way', () => {
  it('is compared with the same number of days of the previous period', async () => {
    // The test clock stands at 2026-01-15: January is half over.
    const tb = await createTestBackend();
    const team = buildTeam(tb.ctx, { name: 'Sales' });
    const ada = buildAgent(tb.ctx, { name: 'Ada', teamId: team.id });
    const contact = (day: string) =>
      buildInteraction(tb.ctx, { agentId: ada.id, teamId: team.id, startedAt: `${day}T10:00:00.000Z` });
    ['2025-12-02', '2025-12-09', '2025-12-20', '2025-12-29'].forEach(contact);
    ['2026-01-05', '2026-01-12'].forEach(contact);
    refreshDerived(tb.db, 'all');

    const dashboard = await tb.call('getDashboard', {
      from: '2026-01-01',
      to: '2026-01-31',
      teamId: team.id,
      granularity: 'day',
      kpiIds: ['volume'],
    });
    expect(dashboard.previous).toEqual({ from: '2025-12-01', to: '2025-12-15' });
    expect(dashboard.tiles[0]).toMatchObject({ value: 2, previous: 2, direction: 'flat' });
    const rollingDays = dashboard.trends[0]?.rolling7.map((p) => p.day) ?? [];
    expect(rollingDays.at(-1)).toBe('2026-01-15');

    const closed = await tb.call('getDashboard', {
      from: '2025-12-01',
      to: '2025-12-31',
      teamId: team.id,
      granularity: 'day',
      kpiIds: ['volume'],
    });
    expect(closed.previous).toEqual({ from: '2025-11-01', to: '2025-11-30' });
    expect(closed.tiles[0]?.value).toBe(4);

    const scorecard = await tb.call('getAgentScorecard', {
      agentId: ada.id,
      from: '2026-01-01',
      to: '2026-01-31',
      granularity: 'week',
      kpiIds: ['volume'],
    });
    expect(scorecard.previous).toEqual({ from: '2025-12-01', to: '2025-12-15' });
    expect(scorecard.rows[0]).toMatchObject({ value: 2, previous: 2 });
  });
});
