import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { previousRange } from '../../../shared/kpi/periods';
import { businessSeconds } from '../../../shared/kpi/businessTime';
import { kpiSample } from '../../../shared/kpi/kpiEvidence';
import { KPI_REGISTRY, type KpiRow, type ShiftRow } from '../../../shared/kpi/registry';
import { lexiconSentiment } from '../../../shared/kpi/sentiment';
import { DEFAULT_KPI_SETTINGS, type KpiSettings } from '../../../shared/kpi/settings';
import { refreshDerived } from '../../../electron/backend/kpi/derive';
import { loadRetention, loadShifts, loadSums, withExtras } from '../../../electron/backend/kpi/query';
import { saveKpiSettings } from '../../../electron/backend/kpi/settingsStore';
import { createTestBackend, type TestBackend } from '../../support/backend';

/**
 * The SQL path (derive columns → agg_daily → summed → fromAggregate) must equal the reference
 * TypeScript implementation computed from the raw rows, for every KPI, on random data with blanks.
 */
const DAYS = ['2026-03-02', '2026-03-03', '2026-03-06', '2026-03-07', '2026-03-09', '2026-03-10'];
const RANGE = { from: '2026-03-06', to: '2026-03-10' };
const PREVIOUS = previousRange(RANGE);

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });
const bit = nullable(fc.constantFrom(0, 1));

const rowArb = fc.record({
  agent: fc.constantFrom('agt_a', 'agt_b'),
  customer: nullable(fc.constantFrom('c1', 'c2', 'c3', 'c4')),
  dayIdx: fc.integer({ min: 0, max: DAYS.length - 1 }),
  minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
  topic: nullable(fc.constantFrom('billing', 'tech')),
  answered: bit,
  abandoned: bit,
  resolved: bit,
  resolveAfterS: nullable(fc.integer({ min: -3600, max: 5 * 86400 })),
  resolutionViaSeconds: fc.boolean(),
  first_response_seconds: nullable(fc.integer({ min: 0, max: 900 })),
  talk_seconds: nullable(fc.integer({ min: 0, max: 1200 })),
  hold_seconds: nullable(fc.integer({ min: 0, max: 300 })),
  wrap_seconds: nullable(fc.integer({ min: 0, max: 300 })),
  fcr: bit,
  csat_score: nullable(fc.constantFrom(0, 1, 2, 3, 4, 4.4, 5, 6, 7.5, 8, 9, 10, 11)),
  csat_scale: nullable(fc.constantFrom(5, 10)),
  nps_score: nullable(fc.integer({ min: 0, max: 10 })),
  ces_score: nullable(fc.constantFrom(1, 2, 3, 4, 5, 6, 7, 2.6)),
  ces_scale: nullable(fc.constantFrom(5, 7)),
  is_complaint: bit,
  escalated: bit,
  cross_sell_eligible: bit,
  cross_sell_offered: bit,
  cross_sell_converted: bit,
  comment: nullable(
    fc.constantFrom('great and fast, thanks', 'terrible wait', 'not helpful', 'ok', 'Order 42'),
  ),
  sentiment: nullable(fc.constantFrom(-1, 0, 1)),
});
type GenRow = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;

const settingsArb: fc.Arbitrary<KpiSettings> = fc
  .record({
    csatScale: fc.constantFrom(5 as const, 10 as const),
    csatMode: fc.constantFrom('threshold' as const, 'mean' as const),
    sat5: fc.integer({ min: 1, max: 5 }),
    sat10: fc.integer({ min: 1, max: 10 }),
    cesScale: fc.constantFrom(5 as const, 7 as const),
    fcrMode: fc.constantFrom('flag' as const, 'repeat_window' as const),
    window: fc.integer({ min: 1, max: 5 }),
    holiday: fc.boolean(),
    zone: fc.constantFrom('Europe/Berlin', 'America/New_York', 'UTC'),
  })
  .map((s) => ({
    ...DEFAULT_KPI_SETTINGS,
    csat: {
      ...DEFAULT_KPI_SETTINGS.csat,
      scale: s.csatScale,
      mode: s.csatMode,
      satisfiedMin5: s.sat5,
      satisfiedMin10: s.sat10,
    },
    ces: { ...DEFAULT_KPI_SETTINGS.ces, scale: s.cesScale },
    fcr: { mode: s.fcrMode, windowDays: s.window },
    calendar: {
      ...DEFAULT_KPI_SETTINGS.calendar,
      timeZone: s.zone,
      holidays: s.holiday ? ['2026-03-09'] : [],
    },
  }));

interface Built {
  row: KpiRow;
  startedAt: string;
  topic: string | null;
  comment: string | null;
  resolvedAt: string | null;
  resolutionSeconds: number | null;
}

function build(gen: GenRow[]): Built[] {
  return gen.map((g) => {
    const day = DAYS[g.dayIdx] as string;
    const startMs = Date.parse(`${day}T00:00:00.000Z`) + g.minute * 60_000;
    const startedAt = new Date(startMs).toISOString();
    const end = g.resolveAfterS === null ? null : startMs + g.resolveAfterS * 1000;
    const useSeconds = g.resolutionViaSeconds && g.resolveAfterS !== null && g.resolveAfterS >= 0;
    return {
      startedAt,
      topic: g.topic,
      comment: g.comment,
      resolvedAt: end === null || useSeconds ? null : new Date(end).toISOString(),
      resolutionSeconds: useSeconds ? g.resolveAfterS : null,
      row: {
        agent_id: g.agent,
        customer_id: g.customer,
        day,
        answered: g.answered,
        abandoned: g.abandoned,
        resolved: g.resolved,
        resolution_business_seconds: null,
        first_response_seconds: g.first_response_seconds,
        talk_seconds: g.talk_seconds,
        hold_seconds: g.hold_seconds,
        wrap_seconds: g.wrap_seconds,
        fcr: g.fcr,
        repeat_contact: null,
        csat_score: g.csat_score,
        csat_scale: g.csat_scale,
        nps_score: g.nps_score,
        ces_score: g.ces_score,
        ces_scale: g.ces_scale,
        is_complaint: g.is_complaint,
        escalated: g.escalated,
        cross_sell_eligible: g.cross_sell_eligible,
        cross_sell_offered: g.cross_sell_offered,
        cross_sell_converted: g.cross_sell_converted,
        sentiment: g.sentiment,
      },
    };
  });
}

/** Independent TS derivation of the derived columns. */
function deriveReference(built: Built[], settings: KpiSettings): KpiRow[] {
  const windowMs = settings.fcr.windowDays * 86_400_000;
  return built.map((b, idx) => {
    const startMs = Date.parse(b.startedAt);
    const endMs = b.resolvedAt
      ? Date.parse(b.resolvedAt)
      : b.resolutionSeconds !== null
        ? startMs + b.resolutionSeconds * 1000
        : null;
    const business = endMs === null ? null : businessSeconds(startMs, endMs, settings.calendar);
    let repeat = b.row.repeat_contact;
    if (b.row.customer_id !== null && b.topic !== null) {
      repeat = built.some((o, j) => {
        if (j === idx || o.row.customer_id !== b.row.customer_id || o.topic !== b.topic) return false;
        const t = Date.parse(o.startedAt);
        return t >= startMs && t <= startMs + windowMs && (t > startMs || j > idx);
      })
        ? 1
        : 0;
    }
    const sentiment = b.row.sentiment ?? lexiconSentiment(b.comment);
    return { ...b.row, resolution_business_seconds: business, repeat_contact: repeat, sentiment };
  });
}

let tb: TestBackend;
beforeAll(async () => {
  tb = await createTestBackend();
  tb.db.run("INSERT INTO teams (id, name, created_at) VALUES ('team_1', 'T', 'x')");
  for (const a of ['agt_a', 'agt_b'])
    tb.db.run(`INSERT INTO agents (id, team_id, name, created_at) VALUES (?, 'team_1', ?, 'x')`, [a, a]);
  for (const c of ['c1', 'c2', 'c3', 'c4'])
    tb.db.run(`INSERT INTO customers (id, created_at) VALUES (?, 'x')`, [c]);
});

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

describe('KPI registry: SQL aggregates equal the TS reference', () => {
  it('for every KPI on random interactions with blanks and random settings', () => {
    const shiftArb = fc.array(
      fc.record({
        agent: fc.constantFrom('agt_a', 'agt_b'),
        dayIdx: fc.integer({ min: 0, max: DAYS.length - 1 }),
        s: fc.integer({ min: 0, max: 30_000 }),
      }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 40 }), shiftArb, settingsArb, (gen, shiftGen, settings) => {
        const { db } = tb;
        db.run('DELETE FROM interactions');
        db.run('DELETE FROM agent_shifts');
        db.run("DELETE FROM settings WHERE key = 'kpi.calendar'");
        saveKpiSettings(db, settings, 'x');
        const built = build(gen);
        db.transaction(() => {
          const insert = db.prepareWrite(
            `INSERT INTO interactions (id, channel, agent_id, team_id, customer_id, started_at, day, topic, answered, abandoned, resolved,
               resolved_at, resolution_seconds, first_response_seconds, talk_seconds, hold_seconds, wrap_seconds, fcr, csat_score, csat_scale,
               nps_score, ces_score, ces_scale, is_complaint, escalated, cross_sell_eligible, cross_sell_offered, cross_sell_converted,
               customer_comment, sentiment, created_at, updated_at)
             VALUES (?, 'call', ?, 'team_1', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'x', 'x')`,
          );
          try {
            built.forEach((b, i) => {
              const r = b.row;
              insert.run([
                i + 1,
                r.agent_id,
                r.customer_id,
                b.startedAt,
                r.day,
                b.topic,
                r.answered,
                r.abandoned,
                r.resolved,
                b.resolvedAt,
                b.resolutionSeconds,
                r.first_response_seconds,
                r.talk_seconds,
                r.hold_seconds,
                r.wrap_seconds,
                r.fcr,
                r.csat_score,
                r.csat_scale,
                r.nps_score,
                r.ces_score,
                r.ces_scale,
                r.is_complaint,
                r.escalated,
                r.cross_sell_eligible,
                r.cross_sell_offered,
                r.cross_sell_converted,
                b.comment,
                r.sentiment,
              ]);
            });
          } finally {
            insert.free();
          }
          const seen = new Set<string>();
          for (const s of shiftGen) {
            const key = `${s.agent}|${s.dayIdx}`;
            if (seen.has(key)) continue;
            seen.add(key);
            db.run('INSERT INTO agent_shifts (agent_id, day, logged_in_seconds) VALUES (?, ?, ?)', [
              s.agent,
              DAYS[s.dayIdx] ?? '',
              s.s,
            ]);
          }
          refreshDerived(db, 'all');
        });

        const derived = deriveReference(built, settings);
        const inRange = derived.filter((r) => r.day >= RANGE.from && r.day <= RANGE.to);
        const inPrev = derived.filter((r) => r.day >= PREVIOUS.from && r.day <= PREVIOUS.to);
        const shifts: ShiftRow[] = db.all<ShiftRow>(
          'SELECT agent_id, day, logged_in_seconds FROM agent_shifts WHERE day BETWEEN ? AND ?',
          [RANGE.from, RANGE.to],
        );
        const sums = withExtras(
          loadSums(db, {}, RANGE, 'none').get(''),
          loadShifts(db, {}, RANGE, 'none').get(''),
          loadRetention(db, {}, RANGE, PREVIOUS, 'none').get(''),
        );
        for (const def of KPI_REGISTRY) {
          const sql = def.fromAggregate(sums, settings);
          const ref = def.reference(inRange, { settings, shifts, previousRows: inPrev });
          if (!close(sql, ref.value)) throw new Error(`${def.id}: SQL ${sql} ≠ reference ${ref.value}`);
          // The evidence's n is the denominator the reference divides by.
          const { n, interval } = kpiSample(def.id, sums, settings);
          if (n !== ref.n) throw new Error(`${def.id}: evidence n ${n} ≠ reference denominator ${ref.n}`);
          if (sql !== null && interval && !(interval.low <= sql + 1e-9 && sql <= interval.high + 1e-9))
            throw new Error(`${def.id}: ${sql} outside its interval ${interval.low}…${interval.high}`);
        }
      }),
      { numRuns: 60 },
    );
    expect(true).toBe(true);
  });
});
