import { describe, expect, it } from 'vitest';
import { refreshDerived } from '../../electron/backend/kpi/derive';
import { statusWords } from '../../shared/kpi/status';
import { createTestBackend, type TestBackend } from '../support/backend';
import { buildAgent, buildInteraction, buildTeam } from '../support/builders';

const NOV = { from: '2025-11-01', to: '2025-11-30' };

/**
 * Ada: 25 complaints in November, 7 escalated (28% against the 10% target), 40 answered calls
 * with 1 abandoned. Bo: 2 contacts. Cy: none in November. The clock stands at 2026-01-15.
 */
async function seeded(): Promise<TestBackend & { teamId: string; ada: string; bo: string }> {
  const tb = await createTestBackend();
  const team = buildTeam(tb.ctx, { name: 'Care' });
  const ada = buildAgent(tb.ctx, { name: 'Ada', teamId: team.id });
  const bo = buildAgent(tb.ctx, { name: 'Bo', teamId: team.id });
  buildAgent(tb.ctx, { name: 'Cy', teamId: team.id });
  for (let i = 0; i < 40; i += 1) {
    const day = 3 + (i % 20); // 3rd … 22nd of November
    buildInteraction(tb.ctx, {
      agentId: ada.id,
      teamId: team.id,
      startedAt: `2025-11-${String(day).padStart(2, '0')}T10:${String(i).padStart(2, '0')}:00.000Z`,
      answered: i === 0 ? 0 : 1,
      is_complaint: i < 25 ? 1 : 0,
      escalated: i < 25 ? (i < 7 ? 1 : 0) : null,
      csat_score: i < 30 ? (i % 3 === 0 ? 2 : 5) : null,
      csat_scale: 5,
    });
  }
  for (const day of ['2025-11-04', '2025-11-05'])
    buildInteraction(tb.ctx, {
      agentId: bo.id,
      teamId: team.id,
      startedAt: `${day}T09:00:00.000Z`,
      answered: 1,
    });
  tb.db.transaction(() => refreshDerived(tb.db, 'all'));
  return { ...tb, teamId: team.id, ada: ada.id, bo: bo.id };
}

describe('status words follow the direction of the KPI (issue 8 item 2)', () => {
  it('an escalation rate above its target is "worse than target" in the CSV and the query', async () => {
    const { call, teamId } = await seeded();
    const csv = await call('exportScorecardCsv', {
      ...NOV,
      teamId,
      by: 'agent',
      kpiIds: ['escalation_rate', 'abandonment_rate'],
    });
    const [header, ...lines] = csv.csv.trim().split('\r\n');
    expect(header).toBe(
      [
        'agent,name',
        'Escalation rate (%),Escalation rate target,Escalation rate status,Escalation rate n,Escalation rate 95% low,Escalation rate 95% high,Escalation rate low confidence',
        'Abandonment rate (%),Abandonment rate target,Abandonment rate status,Abandonment rate n,Abandonment rate 95% low,Abandonment rate 95% high,Abandonment rate low confidence',
      ].join(','),
    );
    const ada = lines.find((l) => l.includes(',Ada,'))?.split(',');
    expect(ada?.slice(2, 5)).toEqual(['28', '10', 'worse than target']);
    expect(ada?.[5]).toBe('25');
    expect(Number(ada?.[6])).toBeCloseTo(14.28, 1); // Wilson 7 of 25
    expect(Number(ada?.[7])).toBeCloseTo(47.58, 1);
    expect(ada?.[8]).toBe('no');
    // 1 of 40 abandoned = 2.5% against 5%: lower is better, so it is better than target.
    expect(ada?.slice(9, 12)).toEqual(['2.5', '5', 'better than target']);
    const bo = lines.find((l) => l.includes(',Bo,'))?.split(',');
    expect(bo?.slice(2, 6)).toEqual(['', '10', 'no data', '0']);
  });

  it('statusWords never reads a missing value as good', () => {
    expect(statusWords('bad', 28, 10)).toBe('worse than target');
    expect(statusWords('good', 3, 10)).toBe('better than target');
    expect(statusWords('none', null, 10)).toBe('no data');
    expect(statusWords('none', 42, null)).toBe('no target');
  });
});

describe('no data is not good news (item 3)', () => {
  it('an empty day or a future month has interactionCount 0, no value, status none, no evidence', async () => {
    const { call, teamId } = await seeded();
    const sunday = await call('getDashboard', {
      from: '2025-11-23',
      to: '2025-11-23',
      teamId,
      granularity: 'day',
    });
    expect(sunday.interactionCount).toBe(0);
    expect(sunday.minN).toBe(20);
    for (const tile of sunday.tiles) {
      expect(tile.status).toBe('none');
      if (tile.kpiId !== 'volume') expect(tile).toMatchObject({ value: null, evidence: null });
    }
    expect(sunday.exceptions).toEqual([]);
    const future = await call('getDashboard', {
      from: '2026-02-01',
      to: '2026-02-28',
      teamId,
      granularity: 'week',
    });
    expect(future.interactionCount).toBe(0);
    expect(future.agentRanking).toEqual([]);
    const csat = future.tiles.find((t) => t.kpiId === 'csat');
    expect(csat?.sparkline.every((p) => p.value === null && p.n === 0 && p.partial)).toBe(true);
    const november = await call('getDashboard', { ...NOV, teamId, granularity: 'week' });
    expect(november.interactionCount).toBe(42);
  });
});

describe('evidence behind every value (item 4)', () => {
  it('tiles, previous, ranking and query rows carry n and a 95% interval', async () => {
    const { call, teamId, ada, bo } = await seeded();
    const d = await call('getDashboard', { ...NOV, teamId, granularity: 'week' });
    const esc = d.tiles.find((t) => t.kpiId === 'escalation_rate');
    expect(esc?.evidence).toMatchObject({ n: 25, nLabel: 'complaints', lowConfidence: false });
    expect(esc?.previousEvidence).toBeNull();
    const csat = d.tiles.find((t) => t.kpiId === 'csat');
    expect(csat?.evidence?.n).toBe(30);
    expect(csat?.sparkline.reduce((n, p) => n + p.n, 0)).toBe(30);
    const rowAda = d.agentRanking.find((r) => r.agentId === ada);
    expect(rowAda?.evidence.escalation_rate?.n).toBe(25);
    const rowBo = d.agentRanking.find((r) => r.agentId === bo);
    expect(rowBo?.evidence.csat).toBeUndefined();
    expect(rowBo?.evidence.abandonment_rate).toMatchObject({ n: 2, lowConfidence: true });
    // Ada's misses are exceptions; Bo's 2 contacts can raise none.
    // 28% of 25 complaints against 10% is a surer miss than 66.7% of 30 responses against 80%.
    expect(d.exceptions.map((e) => [e.name, e.kpiId])).toEqual([
      ['Ada', 'escalation_rate'],
      ['Ada', 'csat'],
    ]);
    expect(d.exceptions[0]?.certainty).toBeGreaterThan(d.exceptions[1]?.certainty ?? 1);
    expect(d.exceptions[1]?.certainty).toBeGreaterThan(0.9);

    const q = await call('queryKpis', { ...NOV, by: 'week', teamId, kpiIds: ['escalation_rate'] });
    expect(q.rows.reduce((n, r) => n + (r.evidence.escalation_rate?.n ?? 0), 0)).toBe(25);
  });
});

describe('series carry n and mark partial buckets (item 7)', () => {
  it('a week cut by the range, and days from business today on, are partial', async () => {
    const { call, teamId } = await seeded();
    const d = await call('getDashboard', { ...NOV, teamId, granularity: 'week', kpiIds: ['volume'] });
    const points = d.tiles[0]?.sparkline ?? [];
    expect(points.map((p) => [p.label, p.partial])).toEqual([
      ['2025-W44', true],
      ['2025-W45', false],
      ['2025-W46', false],
      ['2025-W47', false],
      ['2025-W48', false],
    ]);
    expect(points.map((p) => p.n)).toEqual([0, 16, 14, 12, 0]);
    const jan = await call('getDashboard', {
      from: '2026-01-01',
      to: '2026-01-31',
      teamId,
      granularity: 'day',
    });
    const days = jan.tiles[0]?.sparkline ?? [];
    expect(days.filter((p) => p.partial).map((p) => p.period)[0]).toBe('2026-01-15');
    expect(days.filter((p) => !p.partial)).toHaveLength(14);
  });

  it("the scorecard's volume is set against the average agent of the team", async () => {
    const { call, ada } = await seeded();
    const card = await call('getAgentScorecard', { ...NOV, agentId: ada, granularity: 'week' });
    const volume = card.rows.find((r) => r.kpiId === 'volume');
    // 42 contacts of the team over the 2 agents with any (Cy had none): 21, not 42.
    expect(volume).toMatchObject({ value: 40, teamValue: 21, teamBasis: 'average_agent' });
    // Week 45 (3–9 Nov): Ada 14, Bo 2 → 8.
    expect(volume?.series[1]).toMatchObject({ label: '2025-W45', value: 14, n: 14, teamValue: 8 });
    expect(volume?.series[3]).toMatchObject({ label: '2025-W47', value: 12, teamValue: 12 });
    const csat = card.rows.find((r) => r.kpiId === 'csat');
    expect(csat?.teamBasis).toBe('pooled');
    expect(csat?.evidence?.n).toBe(30);
  });
});
