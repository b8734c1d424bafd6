import { describe, expect, it } from 'vitest';
import { refreshDerived } from '../../electron/backend/kpi/derive';
import { createTestBackend, type TestBackend } from '../support/backend';
import { buildAgent, buildCustomer, buildInteraction, buildTeam } from '../support/builders';

const NOV = { from: '2025-11-01', to: '2025-11-30' };

async function team() {
  const tb = await createTestBackend();
  const t = buildTeam(tb.ctx, { name: 'Care' });
  const ada = buildAgent(tb.ctx, { name: 'Ada', teamId: t.id });
  return { tb, teamId: t.id, ada: ada.id };
}

/** One contact per (customer, day), by Ada. */
function contacts(tb: TestBackend, teamId: string, agentId: string, plan: Array<[string | null, string]>) {
  for (const [customer, day] of plan)
    buildInteraction(tb.ctx, { agentId, teamId, customerId: customer, startedAt: `${day}T10:00:00.000Z` });
  tb.db.transaction(() => refreshDerived(tb.db, 'all'));
}

describe('explainKpi: how a KPI is computed (issue 8 item 5)', () => {
  it('CSAT: rated, satisfied, and what was left out, with counts and plain steps', async () => {
    const { tb, teamId, ada } = await team();
    const rate = (score: number | null, scale: number | null, i: number) =>
      buildInteraction(tb.ctx, {
        agentId: ada,
        teamId,
        startedAt: `2025-11-${String(3 + i).padStart(2, '0')}T10:00:00.000Z`,
        csat_score: score,
        csat_scale: scale,
      });
    [5, 4, 2, 1].forEach((score, i) => rate(score, 5, i));
    rate(9, 5, 4); // a 9 on a 1–5 scale: outside it
    for (let i = 5; i < 10; i += 1) rate(null, null, i);
    tb.db.transaction(() => refreshDerived(tb.db, 'all'));

    const e = await tb.call('explainKpi', { ...NOV, kpiId: 'csat', teamId });
    expect(e).toMatchObject({
      kpiId: 'csat',
      label: 'CSAT',
      value: 50,
      scope: { count: 10, label: 'interactions in scope' },
      numerator: { count: 2, label: 'rated satisfied' },
      denominator: { count: 4, label: 'rated' },
      excluded: [
        { count: 5, label: 'without a rating' },
        { count: 1, label: 'with a rating outside the scale' },
      ],
      retention: null,
      measurable: true,
      notMeasurableReason: null,
      evidence: { n: 4, nLabel: 'responses', lowConfidence: true },
    });
    expect(e.formula).toMatch(/≥ 4 of 5/);
    expect(e.steps).toContain('5 without a rating: not counted.');
    expect(e.steps).toContain('CSAT: 2 ÷ 4 × 100 = 50.0%.');
    expect(e.steps.at(-1)).toMatch(/fewer than 20.*low-confidence/);

    await tb.call('updateKpiSettings', { csat: { mode: 'mean' } });
    const mean = await tb.call('explainKpi', { ...NOV, kpiId: 'csat', agentId: ada });
    expect(mean.formula).toMatch(/^Mean rating on a 1–5 scale/);
    expect(mean.value).toBeCloseTo(3);
    expect(mean.numerator).toEqual({ count: 12, label: 'rating points on the 1–5 scale' });
  });

  it('rejects an unknown KPI, agent or team in plain words', async () => {
    const { tb } = await team();
    const bad = await tb.backend.call('explainKpi', { ...NOV, kpiId: 'csat', agentId: 'agt_nobody' });
    expect(bad).toMatchObject({ ok: false, error: { message: 'No agent with id agt_nobody' } });
    const badKpi = await tb.backend.call('explainKpi', { ...NOV, kpiId: 'speed' as never });
    expect(badKpi.ok).toBe(false);
  });
});

describe('retention is measurable only where customers recur', () => {
  it('recurring customers: at start, at end, new, and a value with its evidence', async () => {
    const { tb, teamId, ada } = await team();
    const ids = Array.from({ length: 12 }, (_, i) => buildCustomer(tb.ctx, { id: `c${i}` }).id);
    // October: c0–c9. November: c0–c5 again, and c10, c11 new.
    const plan: Array<[string, string]> = [
      ...ids.slice(0, 10).map((c): [string, string] => [c, '2025-10-14']),
      ...ids.slice(0, 6).map((c): [string, string] => [c, '2025-11-12']),
      ...ids.slice(10).map((c): [string, string] => [c, '2025-11-13']),
    ];
    contacts(tb, teamId, ada, plan);
    const e = await tb.call('explainKpi', { ...NOV, kpiId: 'retention_rate', teamId });
    expect(e).toMatchObject({
      value: 60,
      measurable: true,
      retention: { atStart: 10, atEnd: 8, fresh: 2 },
      numerator: { count: 6, label: 'customers at start in contact again' },
      denominator: { count: 10, label: 'customers at start' },
      evidence: { n: 10, nLabel: 'customers at start', lowConfidence: true },
    });
    expect(e.steps.join(' ')).toMatch(
      /Customers at start \(in contact from 2025-10-01 to 2025-10-31\): 10; at end .*: 8; new .*: 2\./,
    );
    const d = await tb.call('getDashboard', { ...NOV, teamId, granularity: 'month' });
    expect(d.tiles.find((t) => t.kpiId === 'retention_rate')?.value).toBe(60);
    expect(d.tiles.find((t) => t.kpiId === 'churn_rate')?.value).toBe(40);
  });

  it('a day or a week is too short to measure retention: not 91.8% churn from one day to the next', async () => {
    const { tb, teamId, ada } = await team();
    const ids = Array.from({ length: 30 }, (_, i) => buildCustomer(tb.ctx, { id: `c${i}` }).id);
    contacts(tb, teamId, ada, [
      ...ids.map((c): [string, string] => [c, '2025-10-14']),
      ...ids.map((c): [string, string] => [c, '2025-11-12']),
      ...ids.slice(0, 3).map((c): [string, string] => [c, '2025-11-13']),
    ]);
    const day = { from: '2025-11-13', to: '2025-11-13' };
    const e = await tb.call('explainKpi', { ...day, kpiId: 'churn_rate', teamId });
    expect(e).toMatchObject({ value: null, measurable: false });
    expect(e.notMeasurableReason).toMatch(/at least 14 days; this one has 1/);
    const d = await tb.call('getDashboard', { ...day, teamId, granularity: 'day' });
    for (const id of ['retention_rate', 'churn_rate'] as const)
      expect(d.tiles.find((t) => t.kpiId === id)?.value).toBeNull();
    // A month of the same data is measurable.
    const month = await tb.call('getDashboard', { ...NOV, teamId, granularity: 'month' });
    expect(month.tiles.find((t) => t.kpiId === 'retention_rate')?.value).toBe(100);
  });

  it('a period without contacts (a future month) has no retention, not 0% and 100% churn', async () => {
    const { tb, teamId, ada } = await team();
    const ids = Array.from({ length: 12 }, (_, i) => buildCustomer(tb.ctx, { id: `c${i}` }).id);
    // Customers recur from September to October; nothing is in November yet.
    contacts(tb, teamId, ada, [
      ...ids.map((c): [string, string] => [c, '2025-09-10']),
      ...ids.slice(0, 8).map((c): [string, string] => [c, '2025-10-14']),
    ]);
    const e = await tb.call('explainKpi', { ...NOV, kpiId: 'retention_rate', teamId });
    expect(e).toMatchObject({ value: null, measurable: false });
    expect(e.notMeasurableReason).toMatch(/No customer of this scope was in contact during this period/);
    const d = await tb.call('getDashboard', { ...NOV, teamId, granularity: 'month' });
    for (const id of ['retention_rate', 'churn_rate'] as const)
      expect(d.tiles.find((t) => t.kpiId === id)).toMatchObject({
        value: null,
        status: 'none',
        evidence: null,
      });
  });

  it('one-off customers (each in contact once): not measurable, and null everywhere, not 2%', async () => {
    const { tb, teamId, ada } = await team();
    // 40 customers in October, 40 others in November, and 1 of October's back by chance: 2.5%.
    const plan: Array<[string, string]> = [];
    for (let i = 0; i < 80; i += 1)
      plan.push([buildCustomer(tb.ctx, { id: `k${i}` }).id, i < 40 ? '2025-10-15' : '2025-11-15']);
    plan.push(['k0', '2025-11-20']);
    contacts(tb, teamId, ada, plan);

    const e = await tb.call('explainKpi', { ...NOV, kpiId: 'retention_rate', teamId });
    expect(e).toMatchObject({
      value: null,
      evidence: null,
      measurable: false,
      retention: { atStart: 40, atEnd: 41, fresh: 40 },
    });
    expect(e.notMeasurableReason).toMatch(
      /^Customers here do not come back: only 1 of 40 customers \(2\.5%\)/,
    );
    expect(e.steps.at(-1)).toBe(`Not measurable: ${e.notMeasurableReason ?? ''}`);
    const churn = await tb.call('explainKpi', { ...NOV, kpiId: 'churn_rate', teamId });
    expect(churn.measurable).toBe(false);

    const d = await tb.call('getDashboard', { ...NOV, teamId, granularity: 'month' });
    for (const id of ['retention_rate', 'churn_rate'] as const) {
      expect(d.tiles.find((t) => t.kpiId === id)).toMatchObject({
        value: null,
        status: 'none',
        evidence: null,
      });
      expect(d.agentRanking[0]?.values[id]).toBeNull();
      expect(d.trends.find((t) => t.kpiId === id)?.points.every((p) => p.value === null)).toBe(true);
    }
    const card = await tb.call('getAgentScorecard', { ...NOV, agentId: ada, granularity: 'month' });
    expect(card.rows.find((r) => r.kpiId === 'retention_rate')).toMatchObject({
      value: null,
      teamValue: null,
    });
    const q = await tb.call('queryKpis', { ...NOV, by: 'agent', kpiIds: ['retention_rate'] });
    expect(q.rows[0]?.values.retention_rate).toBeNull();
    // The CSV says why the cell is empty: there are contacts, so "no data" would be wrong.
    const csv = await tb.call('exportScorecardCsv', { ...NOV, by: 'agent' });
    const [header, adaRow] = csv.csv
      .trim()
      .split(/\r?\n/)
      .map((l) => l.split(','));
    for (const label of ['Customer retention', 'Customer churn'])
      expect(adaRow?.[header?.indexOf(`${label} status`) ?? -1]).toBe('not measurable');
  });

  it('no customer ids at all: not measurable, saying so', async () => {
    const { tb, teamId, ada } = await team();
    contacts(tb, teamId, ada, [
      [null, '2025-10-15'],
      [null, '2025-11-15'],
    ]);
    const e = await tb.call('explainKpi', { ...NOV, kpiId: 'retention_rate', teamId });
    expect(e).toMatchObject({ value: null, measurable: false, retention: null });
    expect(e.notMeasurableReason).toBe('No interaction in the data carries a customer id.');
    expect(e.excluded).toEqual([{ count: 1, label: 'interactions without a customer id' }]);
  });

  it('entered customer counts are measured by whoever entered them: they count', async () => {
    const { tb, teamId, ada } = await team();
    contacts(tb, teamId, ada, [[null, '2025-11-15']]);
    tb.db.run(
      `INSERT INTO customer_counts (id, team_id, period_start, period_end, customers_at_start, customers_at_end, new_customers)
       VALUES ('cc1', ?, '2025-11-01', '2025-11-30', 200, 190, 30)`,
      [teamId],
    );
    const d = await tb.call('getDashboard', { ...NOV, teamId, granularity: 'month' });
    expect(d.tiles.find((t) => t.kpiId === 'retention_rate')?.value).toBe(80);
    const e = await tb.call('explainKpi', { ...NOV, kpiId: 'retention_rate', teamId });
    expect(e).toMatchObject({
      value: 80,
      measurable: true,
      retention: { atStart: 200, atEnd: 190, fresh: 30 },
    });
  });
});
