import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { AGG_COLUMN_NAMES, rawSumSelectList } from '../../../shared/kpi/aggregate';
import { KPI_REGISTRY, type KpiRow } from '../../../shared/kpi/registry';
import { DEFAULT_KPI_SETTINGS } from '../../../shared/kpi/settings';
import { refreshDerived } from '../../../electron/backend/kpi/derive';
import { loadRetention, loadSums, withExtras } from '../../../electron/backend/kpi/query';
import { createTestBackend, type TestBackend } from '../../support/backend';
import { refreshAllThenAppend, seedTeamsAgentsCustomers } from '../../support/kpi-fixtures';

/**
 * The maintained tables refreshDerived writes in its TS pass (kpi_retention per month,
 * agg_channel_daily) against independent computations: the reference retention from raw rows,
 * and the AGG_COLUMNS SQL over raw interactions. Also checks that refreshing a sub-range after
 * changing rows gives the same tables as refreshing everything.
 */
const DAYS = [
  '2026-01-30',
  '2026-02-02',
  '2026-02-17',
  '2026-02-28',
  '2026-03-01',
  '2026-03-15',
  '2026-03-31',
  '2026-04-01',
];
const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const FEB = { from: '2026-02-01', to: '2026-02-28' };

const rowArb = fc.record({
  agent: fc.constantFrom('agt_a', 'agt_b', 'agt_c'),
  team: fc.option(fc.constantFrom('team_1', 'team_2'), { nil: null }),
  customer: fc.option(fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5'), { nil: null }),
  dayIdx: fc.integer({ min: 0, max: DAYS.length - 1 }),
  channel: fc.constantFrom('call', 'chat', 'email'),
  csat: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  resolved: fc.option(fc.constantFrom(0, 1), { nil: null }),
});
type Gen = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;

let tb: TestBackend;
beforeAll(async () => {
  tb = await createTestBackend();
  seedTeamsAgentsCustomers(tb.db, ['c1', 'c2', 'c3', 'c4', 'c5']);
});

function insert(rows: Gen[], firstId: number): void {
  rows.forEach((g, i) => {
    const day = DAYS[g.dayIdx] as string;
    tb.db.run(
      `INSERT INTO interactions (id, channel, agent_id, team_id, customer_id, started_at, day, topic, csat_score, resolved, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'billing', ?, ?, 'x', 'x')`,
      [firstId + i, g.channel, g.agent, g.team, g.customer, `${day}T10:00:00.000Z`, day, g.csat, g.resolved],
    );
  });
}

const teamOf = (g: Gen) => g.team ?? (g.agent === 'agt_c' ? 'team_2' : 'team_1');
const retentionRef = (rows: Gen[], keep: (g: Gen) => boolean) => {
  const toRow = (g: Gen) => ({ customer_id: g.customer }) as KpiRow;
  const inRange = (g: Gen, r: { from: string; to: string }) => {
    const day = DAYS[g.dayIdx] as string;
    return day >= r.from && day <= r.to && keep(g);
  };
  const def = KPI_REGISTRY.find((k) => k.id === 'retention_rate');
  return def?.reference(rows.filter((g) => inRange(g, MARCH)).map(toRow), {
    settings: DEFAULT_KPI_SETTINGS,
    shifts: [],
    previousRows: rows.filter((g) => inRange(g, FEB)).map(toRow),
  }).value;
};

describe('maintained KPI tables', () => {
  it('match raw rows, and a range refresh matches a full one', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), fc.array(rowArb, { maxLength: 8 }), (rows, later) => {
        const { db } = tb;
        refreshAllThenAppend(
          db,
          () => insert(rows, 1),
          () => insert(later, 1000),
          later.map((g) => DAYS[g.dayIdx] as string),
        );
        const all = [...rows, ...later];
        const snapshot = () =>
          JSON.stringify([
            db.values('SELECT * FROM kpi_retention ORDER BY 1, 2, 3'),
            db.values(
              `SELECT day, team_id, channel, ${AGG_COLUMN_NAMES.join(', ')} FROM agg_channel_daily ORDER BY 1, 2, 3`,
            ),
            db.values(
              `SELECT day, agent_id, team_id, ${AGG_COLUMN_NAMES.join(', ')} FROM agg_daily ORDER BY 1, 2, 3`,
            ),
          ]);
        const incremental = snapshot();
        db.transaction(() => refreshDerived(db, 'all'));
        if (snapshot() !== incremental) throw new Error('range refresh differs from a full refresh');

        const def = KPI_REGISTRY.find((k) => k.id === 'retention_rate');
        const scopes = [
          { scope: {}, keep: () => true },
          { scope: { teamId: 'team_1' }, keep: (g: Gen) => teamOf(g) === 'team_1' },
          { scope: { agentId: 'agt_b' }, keep: (g: Gen) => g.agent === 'agt_b' },
        ];
        for (const { scope, keep } of scopes) {
          const sums = withExtras({}, undefined, loadRetention(db, scope, MARCH, FEB, 'none').get(''));
          const sql = def?.fromAggregate(sums, DEFAULT_KPI_SETTINGS) ?? null;
          const ref = retentionRef(all, keep) ?? null;
          if (sql !== ref) throw new Error(`retention ${JSON.stringify(scope)}: ${sql} ≠ ${ref}`);
        }
        const byAgent = loadRetention(db, { teamId: 'team_1' }, MARCH, FEB, 'agent');
        for (const agent of ['agt_a', 'agt_b']) {
          const sums = withExtras({}, undefined, byAgent.get(agent));
          const sql = def?.fromAggregate(sums, DEFAULT_KPI_SETTINGS) ?? null;
          const ref = retentionRef(all, (g) => g.agent === agent) ?? null;
          if (sql !== ref) throw new Error(`retention of ${agent}: ${sql} ≠ ${ref}`);
        }

        const channels = loadSums(db, {}, MARCH, 'channel');
        const raw = db.values(
          `SELECT i.channel, ${rawSumSelectList()} FROM interactions i WHERE i.day BETWEEN ? AND ? GROUP BY 1`,
          [MARCH.from, MARCH.to],
        );
        for (const row of raw) {
          const sums = channels.get(String(row[0]));
          AGG_COLUMN_NAMES.forEach((col, idx) => {
            if ((sums?.[col] ?? 0) !== Number(row[idx + 1]))
              throw new Error(`${String(row[0])}.${col} differs`);
          });
        }
      }),
      { numRuns: 40 },
    );
    expect(true).toBe(true);
  });
});
