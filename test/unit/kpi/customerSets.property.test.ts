import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, previousRange } from '../../../shared/kpi/periods';
import type { DayRange } from '../../../shared/kpi/types';
import { decodeKeys, encodeKeys, splitMonths } from '../../../electron/backend/kpi/customerSets';
import { refreshDerived } from '../../../electron/backend/kpi/derive';
import {
  loadRetention,
  monthSetRetention,
  rawRetention,
  type Scope,
} from '../../../electron/backend/kpi/query';
import { createTestBackend, type TestBackend } from '../../support/backend';
import { refreshAllThenAppend, seedTeamsAgentsCustomers } from '../../support/kpi-fixtures';

/**
 * Retention from the maintained month sets (kpi_customer_months + raw edge days) must equal the
 * raw SQL retention and an independent TS count, for random data, month-aligned and ragged
 * ranges, arbitrary previous ranges and every scope kind; also after a range refresh (which keeps
 * stored customer keys and appends new ones) as after a full one.
 */
const DAYS = [
  '2025-10-31',
  '2025-11-01',
  '2025-11-15',
  '2025-11-30',
  '2025-12-01',
  '2025-12-31',
  '2026-01-01',
  '2026-01-20',
  '2026-01-31',
  '2026-02-01',
  '2026-02-14',
  '2026-02-28',
  '2026-03-01',
  '2026-03-31',
  '2026-04-01',
];
const CUSTOMERS = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'];
const AGENT_TEAM: Record<string, string> = { agt_a: 'team_1', agt_b: 'team_1', agt_c: 'team_2' };

const rowArb = fc.record({
  agent: fc.option(fc.constantFrom('agt_a', 'agt_b', 'agt_c'), { nil: null, freq: 8 }),
  team: fc.option(fc.constantFrom('team_1', 'team_2'), { nil: null }),
  customer: fc.option(fc.constantFrom(...CUSTOMERS), { nil: null, freq: 6 }),
  dayIdx: fc.integer({ min: 0, max: DAYS.length - 1 }),
});
type Gen = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;

/** A day from 2025-10-20 on, often a month's first or last day (the interesting boundaries). */
const dayArb = fc.oneof(
  fc.integer({ min: 0, max: 175 }).map((n) => addDays('2025-10-20', n)),
  fc
    .constantFrom('2025-11', '2025-12', '2026-01', '2026-02', '2026-03')
    .chain((m) => fc.constantFrom(`${m}-01`, addDays(`${m}-01`, -1))),
);
const rangeArb = fc
  .tuple(dayArb, dayArb)
  .map(([a, b]): DayRange => (a <= b ? { from: a, to: b } : { from: b, to: a }));
/** An arbitrary previous period before the range: days skipped, then its length − 1. */
const gapArb = fc.record({ skip: fc.integer({ min: 0, max: 40 }), length: fc.integer({ min: 0, max: 100 }) });

const SCOPES: Array<{ scope: Scope; keep: (g: Gen) => boolean }> = [
  { scope: {}, keep: () => true },
  ...['team_1', 'team_2'].map((team) => ({
    scope: { teamId: team },
    keep: (g: Gen) => (g.team ?? (g.agent === null ? null : AGENT_TEAM[g.agent])) === team,
  })),
  ...['agt_a', 'agt_b', 'agt_c'].map((agent) => ({
    scope: { agentId: agent },
    keep: (g: Gen) => g.agent === agent,
  })),
];

let tb: TestBackend;
beforeAll(async () => {
  tb = await createTestBackend();
  seedTeamsAgentsCustomers(tb.db, CUSTOMERS);
});

function insert(rows: Gen[], firstId: number): void {
  rows.forEach((g, i) => {
    const day = DAYS[g.dayIdx] as string;
    tb.db.run(
      `INSERT INTO interactions (id, channel, agent_id, team_id, customer_id, started_at, day, created_at, updated_at)
       VALUES (?, 'call', ?, ?, ?, ?, ?, 'x', 'x')`,
      [firstId + i, g.agent, g.team, g.customer, `${day}T10:00:00.000Z`, day],
    );
  });
}

/** Independent count: distinct customers of the scope in each range. */
function reference(rows: Gen[], keep: (g: Gen) => boolean, range: DayRange, previous: DayRange) {
  const customers = (r: DayRange) =>
    new Set(
      rows.flatMap((g) => {
        const day = DAYS[g.dayIdx] as string;
        return g.customer !== null && keep(g) && day >= r.from && day <= r.to ? [g.customer] : [];
      }),
    );
  const atStart = customers(previous);
  const atEnd = customers(range);
  if (atStart.size + atEnd.size === 0) return undefined;
  const fresh = [...atEnd].filter((c) => !atStart.has(c)).length;
  return { start: atStart.size, end: atEnd.size, fresh };
}

/** kpi_customer_months with keys mapped back to customer ids (keys differ between refresh paths). */
function decodedSets(): string {
  const names = new Map(
    tb.db.values('SELECT key, customer_id FROM kpi_customer_keys').map(([k, c]) => [Number(k), String(c)]),
  );
  const rows = tb.db.values(
    'SELECT scope, scope_id, month, n, ids FROM kpi_customer_months ORDER BY 1, 2, 3',
  );
  return JSON.stringify(
    rows.map(([scope, id, month, n, ids]) => {
      const keys = [...decodeKeys(ids as Uint8Array)];
      const sorted = keys.every((k, i) => i === 0 || (keys[i - 1] as number) < k);
      return [scope, id, month, n, sorted, keys.map((k) => names.get(k) ?? `?${k}`).sort()];
    }),
  );
}

describe('month-set retention', () => {
  it('splits a range into whole months and edge days', () => {
    expect(splitMonths({ from: '2026-01-01', to: '2026-01-31' })).toEqual({
      months: ['2026-01-01'],
      edges: [],
    });
    expect(splitMonths({ from: '2025-12-31', to: '2026-03-01' })).toEqual({
      months: ['2026-01-01', '2026-02-01'],
      edges: [
        { from: '2025-12-31', to: '2025-12-31' },
        { from: '2026-03-01', to: '2026-03-01' },
      ],
    });
    expect(splitMonths({ from: '2026-01-02', to: '2026-01-31' })).toEqual({
      months: [],
      edges: [{ from: '2026-01-02', to: '2026-01-31' }],
    });
    const keys = Int32Array.from([1, 7, 65_536, 2_000_000_000]);
    expect([...decodeKeys(encodeKeys(keys))]).toEqual([...keys]);
    // A blob at an odd offset (as a driver may hand one out) decodes the same.
    const shifted = new Uint8Array(17);
    shifted.set(encodeKeys(keys), 1);
    expect([...decodeKeys(shifted.subarray(1))]).toEqual([...keys]);
  });

  it('equals raw SQL retention and an independent count, after full and range refreshes', () => {
    let setPathUsed = 0;
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 40 }),
        fc.array(rowArb, { maxLength: 8 }),
        fc.array(fc.tuple(rangeArb, fc.option(gapArb, { nil: null })), { minLength: 1, maxLength: 6 }),
        (rows, later, ranges) => {
          const { db } = tb;
          refreshAllThenAppend(
            db,
            () => insert(rows, 1),
            () => insert(later, 1000),
            later.map((g) => DAYS[g.dayIdx] as string),
          );
          const all = [...rows, ...later];
          const check = (stage: string) => {
            for (const [range, gap] of ranges) {
              // The raw read (like the definition) takes the previous period to end before this one.
              const previous = gap
                ? {
                    from: addDays(range.from, -(gap.skip + gap.length + 1)),
                    to: addDays(range.from, -(gap.skip + 1)),
                  }
                : previousRange(range);
              for (const { scope, keep } of SCOPES) {
                const label = `${stage} ${JSON.stringify(scope)} ${JSON.stringify(range)} vs ${JSON.stringify(previous)}`;
                const sets = monthSetRetention(db, scope, range, previous);
                const raw = rawRetention(db, scope, range, previous, 'none');
                const ref = reference(all, keep, range, previous);
                expect(raw.get(''), `raw ${label}`).toEqual(ref);
                if (sets === null) continue;
                setPathUsed += 1;
                expect(sets.get(''), `sets ${label}`).toEqual(ref);
                expect(loadRetention(db, scope, range, previous, 'none').get('')).toEqual(ref);
              }
            }
          };
          check('after range refresh');
          const incremental = decodedSets();
          db.transaction(() => refreshDerived(db, 'all'));
          expect(decodedSets()).toBe(incremental);
          check('after full refresh');
        },
      ),
      { numRuns: 40 },
    );
    expect(setPathUsed).toBeGreaterThan(100);
  });
});
