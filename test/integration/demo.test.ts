import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReviewAnswer, ReviewFormDefinition } from '../../shared/reviews/form';
import { isKpiId } from '../../shared/kpi/types';
import { computeReviewScore } from '../../shared/reviews/score';
import type { Db } from '../../electron/backend/db/database';
import { generateDemoData, type DemoSummary } from '../../electron/backend/demo/generate';
import { seededIds } from '../../electron/backend/demo/ids';
import { createTestBackend, TEST_NOW } from '../support/backend';

const NOW = new Date(TEST_NOW);

async function demoDb(options: { agents?: number; months?: number; seed?: number } = {}) {
  const { db } = await createTestBackend();
  const started = performance.now();
  const summary = generateDemoData(db, { ...options, now: NOW, ids: seededIds(options.seed ?? 42, NOW) });
  return { db, summary, ms: performance.now() - started };
}

const selectAll = (table: string) => `SELECT * FROM ${table} ORDER BY 1, 2`;

/** One hash per table over every row in primary-key order. */
function tableHashes(db: Db): Record<string, string> {
  const tables = db
    .values("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name")
    .map((row) => String(row[0]));
  const hashes: Record<string, string> = {};
  for (const table of tables) {
    const hash = createHash('sha256');
    for (const row of db.values(selectAll(table))) hash.update(JSON.stringify(row));
    hashes[table] = hash.digest('hex').slice(0, 16);
  }
  return hashes;
}

const one = <T>(db: Db, sql: string, params?: (string | number)[]): T => {
  const row = db.get<T>(sql, params);
  if (row === undefined) throw new Error(`no row: ${sql}`);
  return row;
};

describe('demo data: determinism', () => {
  it('gives identical rows for the same seed and different rows for another seed', async () => {
    const a = await demoDb({ agents: 5, months: 2 });
    const b = await demoDb({ agents: 5, months: 2 });
    const c = await demoDb({ agents: 5, months: 2, seed: 7 });
    const hashesA = tableHashes(a.db);
    expect(a.summary).toEqual(b.summary);
    expect(tableHashes(b.db)).toEqual(hashesA);
    expect(one<{ n: number }>(a.db, 'SELECT count(*) AS n FROM interactions').n).toBeGreaterThan(1000);
    const hashesC = tableHashes(c.db);
    expect(hashesC.interactions).not.toBe(hashesA.interactions);
    expect(hashesC.reviews).not.toBe(hashesA.reviews);
  });

  it('refuses a database that already holds data', async () => {
    const { db } = await demoDb({ agents: 2, months: 1 });
    expect(() => generateDemoData(db, { now: NOW, ids: seededIds(1, NOW), agents: 2, months: 1 })).toThrow(
      /empty data file/,
    );
  });

  it('rejects nonsensical options', async () => {
    const { db } = await createTestBackend();
    expect(() => generateDemoData(db, { now: NOW, ids: seededIds(1, NOW), agents: 0 })).toThrow(/agents/);
    expect(() => generateDemoData(db, { now: NOW, ids: seededIds(1, NOW), months: 1.5 })).toThrow(/months/);
  });
});

describe('demo data: default data set', () => {
  let db: Db;
  let summary: DemoSummary;
  beforeAll(async () => {
    const result = await demoDb();
    db = result.db;
    summary = result.summary;
    // Reported, not asserted: wall-clock limits are flaky on the shared CI machine (see bench/).
    console.info(`demo generation: ${summary.interactions} interactions in ${Math.round(result.ms)} ms`);
  });

  it('has the default shape: 12 agents in 2 teams, ~20k interactions over 6 months, ~150 regular reviews', () => {
    expect(summary).toMatchObject({ agents: 12, teams: 2, from: '2025-07-15', to: '2026-01-14' });
    expect(summary.interactions).toBeGreaterThan(18_000);
    expect(summary.interactions).toBeLessThan(22_000);
    const regular = one<{ n: number }>(
      db,
      'SELECT count(*) AS n FROM reviews WHERE calibration_group IS NULL',
    ).n;
    expect(regular).toBeGreaterThanOrEqual(140);
    expect(regular).toBeLessThanOrEqual(160);
    expect(summary.reviews).toBe(one<{ n: number }>(db, 'SELECT count(*) AS n FROM reviews').n);
    expect(one<{ n: number }>(db, 'SELECT count(*) AS n FROM interactions').n).toBe(summary.interactions);
  });

  it('has KPI values in realistic ranges', () => {
    const k = one<Record<string, number>>(
      db,
      `SELECT 100.0 * sum(csat_score >= 4) / count(csat_score) AS csat,
              100.0 * (sum(nps_score >= 9) - sum(nps_score <= 6)) / count(nps_score) AS nps,
              avg(ces_score) AS ces,
              100.0 * sum(fcr) / count(fcr) AS fcr,
              100.0 * sum(escalated) / sum(is_complaint) AS escalation,
              100.0 * sum(is_complaint) / count(*) AS complaints,
              100.0 * sum(cross_sell_offered) / sum(cross_sell_eligible) AS offer,
              100.0 * sum(cross_sell_converted) / sum(cross_sell_offered) AS conversion
         FROM interactions`,
    );
    expect(k.csat).toBeGreaterThan(60);
    expect(k.csat).toBeLessThan(95);
    expect(k.nps).toBeGreaterThan(0);
    expect(k.nps).toBeLessThan(60);
    expect(k.ces).toBeGreaterThan(4);
    expect(k.ces).toBeLessThan(6.5);
    expect(k.fcr).toBeGreaterThan(60);
    expect(k.fcr).toBeLessThan(90);
    expect(k.escalation).toBeGreaterThan(5);
    expect(k.escalation).toBeLessThan(50);
    expect(k.complaints).toBeGreaterThan(1);
    expect(k.complaints).toBeLessThan(10);
    expect(k.offer).toBeGreaterThan(20);
    expect(k.conversion).toBeGreaterThan(5);
    const abandonment = one<{ v: number }>(
      db,
      "SELECT 100.0 * sum(abandoned) / count(*) AS v FROM interactions WHERE channel IN ('call', 'chat')",
    ).v;
    expect(abandonment).toBeGreaterThan(2);
    expect(abandonment).toBeLessThan(15);
  });

  it('covers every channel with the fields that channel carries', () => {
    const rows = db.all<{
      channel: string;
      n: number;
      frt: number;
      talk: number;
      holds: number;
      resolved: number;
    }>(
      `SELECT channel, count(*) AS n, avg(first_response_seconds) AS frt, avg(talk_seconds) AS talk,
              count(hold_seconds) AS holds, avg(resolved) AS resolved
         FROM interactions GROUP BY channel ORDER BY channel`,
    );
    expect(rows.map((r) => r.channel)).toEqual(['call', 'chat', 'email', 'ticket']);
    const call = rows.find((r) => r.channel === 'call');
    const email = rows.find((r) => r.channel === 'email');
    expect(call?.frt).toBeLessThan(120);
    expect(call?.holds).toBeGreaterThan(0);
    expect(email?.frt).toBeGreaterThan(3600);
    expect(email?.holds).toBe(0);
    expect(
      one<{ n: number }>(
        db,
        `SELECT count(*) AS n FROM interactions
          WHERE resolved = 1 AND (resolved_at IS NULL OR resolution_seconds IS NULL OR resolved_at < started_at)`,
      ).n,
    ).toBe(0);
    expect(
      one<{ n: number }>(
        db,
        'SELECT count(*) AS n FROM interactions WHERE abandoned = 1 AND talk_seconds IS NOT NULL',
      ).n,
    ).toBe(0);
  });

  it('gives every agent interactions in every month', () => {
    const months = db
      .values('SELECT DISTINCT substr(day, 1, 7) FROM interactions ORDER BY 1')
      .map((r) => String(r[0]));
    expect(months).toEqual(['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01']);
    const cells = db.all<{ n: number }>(
      `SELECT a.id, m.month, (SELECT count(*) FROM interactions i WHERE i.agent_id = a.id AND substr(i.day, 1, 7) = m.month) AS n
         FROM agents a, (SELECT DISTINCT substr(day, 1, 7) AS month FROM interactions) m`,
    );
    expect(cells).toHaveLength(12 * 7);
    expect(Math.min(...cells.map((c) => c.n))).toBeGreaterThan(20);
  });

  it('stays within Berlin working hours on working days, with day as the local date', () => {
    const rows = db.values('SELECT started_at, day FROM interactions WHERE id % 37 = 0');
    for (const [startedAt, day] of rows) {
      const local = new Date(String(startedAt)).toLocaleString('sv-SE', { timeZone: 'Europe/Berlin' });
      expect(local.slice(0, 10)).toBe(day);
      const hour = Number(local.slice(11, 13));
      expect(hour).toBeGreaterThanOrEqual(8);
      expect(hour).toBeLessThan(18);
      const weekday = new Date(`${String(day)}T12:00:00Z`).getUTCDay();
      expect(weekday).not.toBe(0);
      expect(weekday).not.toBe(6);
    }
    expect(
      one<{ n: number }>(
        db,
        "SELECT count(*) AS n FROM interactions WHERE day IN ('2025-10-03', '2025-12-25')",
      ).n,
    ).toBe(0);
  });

  it('has repeat customers and comments with both tones', () => {
    const c = one<{ customers: number; repeaters: number }>(
      db,
      `SELECT count(*) AS customers, sum(n > 1) AS repeaters
         FROM (SELECT customer_id, count(*) AS n FROM interactions GROUP BY customer_id)`,
    );
    expect(c.customers).toBe(summary.customers);
    expect(c.repeaters / c.customers).toBeGreaterThan(0.3);
    const comments = db
      .values('SELECT customer_comment FROM interactions WHERE customer_comment IS NOT NULL')
      .map(String);
    expect(comments.some((text) => /helpful|excellent/i.test(text))).toBe(true);
    expect(comments.some((text) => /rude|frustrated|waited forever/i.test(text))).toBe(true);
    expect(
      one<{ n: number }>(db, 'SELECT count(*) AS n FROM interactions WHERE complaint_category IS NOT NULL').n,
    ).toBeGreaterThan(100);
  });

  it('shows a volume spike after the product launch event', () => {
    const event = one<{ day: string }>(db, "SELECT day FROM kpi_events WHERE label LIKE 'Product launch%'");
    const perDay = db.values('SELECT day, count(*) FROM interactions GROUP BY day ORDER BY day');
    const counts = perDay.map((r) => Number(r[1])).sort((a, b) => a - b);
    const median = counts[Math.floor(counts.length / 2)] ?? 0;
    const launch = Number(perDay.find((r) => r[0] === event.day)?.[1]);
    expect(launch).toBeGreaterThan(median * 1.4);
  });

  it('tells the improving and declining agent stories', () => {
    const halves = (name: string) =>
      db.all<{ half: number; csat: number; fcr: number }>(
        `SELECT i.day >= '2025-10-15' AS half, 100.0 * sum(csat_score >= 4) / count(csat_score) AS csat,
                100.0 * sum(fcr) / count(fcr) AS fcr
           FROM interactions i JOIN agents a ON a.id = i.agent_id WHERE a.name = ? GROUP BY half ORDER BY half`,
        [name],
      );
    const [timBefore, timAfter] = halves('Tim Becker');
    const [martaBefore, martaAfter] = halves('Marta Kowalska');
    expect(timAfter?.csat ?? 0).toBeGreaterThan((timBefore?.csat ?? 0) + 3);
    expect(timAfter?.fcr ?? 0).toBeGreaterThan(timBefore?.fcr ?? 0);
    expect(martaAfter?.csat ?? 100).toBeLessThan((martaBefore?.csat ?? 0) - 3);
  });

  it('logs shifts for every agent-day with work, and more than the handle time', () => {
    const rows = db.all<{ shift: number | null; handled: number }>(
      `SELECT s.logged_in_seconds AS shift, w.handled
         FROM (SELECT agent_id, day, sum(talk_seconds + coalesce(hold_seconds, 0) + coalesce(wrap_seconds, 0)) AS handled
                 FROM interactions WHERE answered = 1 GROUP BY agent_id, day) w
         LEFT JOIN agent_shifts s ON s.agent_id = w.agent_id AND s.day = w.day`,
    );
    expect(rows.length).toBeGreaterThan(1000);
    expect(rows.filter((r) => r.shift === null || r.shift < r.handled)).toEqual([]);
  });

  it('stores reviews scored on the default form, and monthly calibration sessions of three evaluators', () => {
    const version = one<{ id: string; definition_json: string }>(
      db,
      'SELECT id, definition_json FROM review_form_versions WHERE version = 1',
    );
    const definition = JSON.parse(version.definition_json) as ReviewFormDefinition;
    expect(definition.sections).toHaveLength(6);
    const reviews = db.all<{
      id: string;
      score: number;
      failed_critical: number;
      status: string;
      form_version_id: string;
      calibration_group: string | null;
    }>('SELECT id, score, failed_critical, status, form_version_id, calibration_group FROM reviews');
    // The one draft belongs to the calibration session still being scored.
    const drafts = reviews.filter((r) => r.status === 'draft');
    expect(drafts).toHaveLength(1);
    expect(drafts[0]?.calibration_group).not.toBeNull();
    for (const review of reviews.filter((r) => r.status === 'submitted')) {
      expect(review.form_version_id).toBe(version.id);
      const answers = db
        .all<{ criterion_id: string; rating: number | null; not_applicable: number }>(
          'SELECT criterion_id, rating, not_applicable FROM review_answers WHERE review_id = ?',
          [review.id],
        )
        .map((a): ReviewAnswer => ({
          criterionId: a.criterion_id,
          rating: a.rating,
          notApplicable: a.not_applicable === 1,
        }));
      const result = computeReviewScore(definition, answers);
      expect(result.score).toBe(review.score);
      expect(result.failedCritical).toBe(review.failed_critical === 1);
      expect(result.unanswered).toEqual([]);
    }
    const sessions = db.all<{
      state: string;
      interactions: number;
      evaluators: number;
      submitted: number;
      drafts: number;
    }>(
      `SELECT s.state, (SELECT count(*) FROM calibration_session_interactions c WHERE c.session_id = s.id) AS interactions,
              (SELECT count(*) FROM calibration_session_evaluators e WHERE e.session_id = s.id) AS evaluators,
              (SELECT count(*) FROM reviews r WHERE r.calibration_group = s.id AND r.status = 'submitted') AS submitted,
              (SELECT count(*) FROM reviews r WHERE r.calibration_group = s.id AND r.status = 'draft') AS drafts
         FROM calibration_sessions s ORDER BY s.scoring_at`,
    );
    expect(sessions).toEqual([
      ...['closed', 'closed', 'closed', 'revealed'].map((state) => ({
        state,
        interactions: 5,
        evaluators: 3,
        submitted: 15,
        drafts: 0,
      })),
      // Being scored: the first evaluator is done, the second has submitted two and has a draft.
      { state: 'scoring', interactions: 5, evaluators: 3, submitted: 7, drafts: 1 },
    ]);
    expect(summary.calibrationSessions).toBe(5);
    expect(one<{ n: number }>(db, 'SELECT count(*) AS n FROM calibration_agreed_answers').n).toBe(2);
    expect(
      one<{ n: number }>(db, 'SELECT count(*) AS n FROM reviews WHERE comment IS NOT NULL').n,
    ).toBeGreaterThan(10);
    const average = one<{ v: number }>(db, 'SELECT avg(score) AS v FROM reviews').v;
    expect(average).toBeGreaterThan(65);
    expect(average).toBeLessThan(95);
  });

  it('creates goals on known KPIs with baselines from the data', () => {
    const goals = db.all<{
      kpi_id: string;
      baseline: number;
      target: number;
      start_date: string;
      deadline: string;
    }>('SELECT kpi_id, baseline, target, start_date, deadline FROM goals');
    expect(goals.length).toBeGreaterThanOrEqual(2);
    for (const goal of goals) {
      expect(isKpiId(goal.kpi_id)).toBe(true);
      expect(goal.baseline).toBeGreaterThan(0);
      expect(goal.deadline > goal.start_date).toBe(true);
    }
  });
});
