/**
 * KPI engine benchmark on 1M generated interactions (50 agents, 5 teams, 24 months):
 * - refreshDerived('all') (business time, repeat contacts, agg_daily rebuild);
 * - month dashboard for one team, and a 24-month per-agent trend (scorecard by month),
 *   through agg_daily in sql.js;
 * - beside them the same aggregation over the raw interactions table in the stock sqlite3 shell.
 * Prints JSON with medians (ms). Run alone: `npx tsx bench/kpi.ts`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rawSumSelectList } from '../shared/kpi/aggregate';
import { Db } from '../electron/backend/db/database';
import { migrate } from '../electron/backend/db/migrate';
import { loadSqlJs } from '../electron/backend/db/sqljs';
import { getDashboard } from '../electron/backend/kpi/dashboard';
import { getAgentScorecard } from '../electron/backend/kpi/scorecard';
import { refreshDerived } from '../electron/backend/kpi/derive';

const N = Number(process.env.KPI_BENCH_ROWS ?? 1_000_000);
const RUNS = 12;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? 0) * 10) / 10;
};
const median = (xs: number[]) => quantile(xs, 0.5);
const p95 = (xs: number[]) => quantile(xs, 0.95);
const loadAvg = () => {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
  } catch {
    return null;
  }
};

function time<T>(fn: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = fn();
  return { ms: performance.now() - t, value };
}

/**
 * Generated in SQL (recursive CTE): a million JS-bound inserts would dominate the run. Values
 * come from integer hashes of the row number, not random(): reproducible, and SQLite may
 * evaluate a flattened CTE column more than once, which made random() columns disagree (an
 * agent's contacts landed in every team).
 */
export function generate(db: Db, n = N): void {
  db.transaction(
    () => {
      db.exec(`
        WITH RECURSIVE t(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM t WHERE k < 5)
        INSERT INTO teams (id, name, created_at) SELECT 'team_' || k, 'Team ' || k, '2024-01-01' FROM t;
        WITH RECURSIVE a(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM a WHERE k < 49)
        INSERT INTO agents (id, team_id, name, created_at) SELECT 'agt_' || k, 'team_' || (k % 5 + 1), 'Agent ' || k, '2024-01-01' FROM a;
        WITH RECURSIVE c(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM c WHERE k < 59999)
        INSERT INTO customers (id, created_at) SELECT 'cus_' || k, '2024-01-01' FROM c;
        WITH RECURSIVE s(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM s WHERE k < 730 * 50 - 1)
        INSERT INTO agent_shifts (agent_id, day, logged_in_seconds)
          SELECT 'agt_' || (k % 50), date('2024-01-01', '+' || (k / 50) || ' days'), 27000 + (k * 7919) % 3600 FROM s;
      `);
      db.run(
        `WITH RECURSIVE g(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM g WHERE k < ${n - 1}),
         r AS (SELECT k, (k * 2654435761 + 97) % 2147483647 AS x, (k * 2246822519 + 13) % 2147483629 AS y,
                  (k * 3266489917 + 7) % 2147483587 AS z,
                  strftime('%Y-%m-%dT%H:%M:%fZ', '2024-01-01', '+' || (k * (730.0 * 86400 / ${n})) || ' seconds') AS ts FROM g)
         INSERT INTO interactions (id, channel, agent_id, team_id, customer_id, started_at, day, topic, answered, abandoned, resolved,
           resolved_at, first_response_seconds, talk_seconds, hold_seconds, wrap_seconds, fcr, csat_score, csat_scale, nps_score,
           ces_score, ces_scale, is_complaint, escalated, cross_sell_eligible, cross_sell_offered, cross_sell_converted,
           customer_comment, created_at, updated_at)
         SELECT k + 1, CASE x % 3 WHEN 0 THEN 'call' WHEN 1 THEN 'chat' ELSE 'email' END,
           'agt_' || (x * x % 2147483647 % 50), 'team_' || (x * x % 2147483647 % 50 % 5 + 1), 'cus_' || (y * y % 2147483629 % 60000), ts, substr(ts, 1, 10),
           CASE (z / 1000) % 4 WHEN 0 THEN 'billing' WHEN 1 THEN 'tech' WHEN 2 THEN 'contract' ELSE 'other' END,
           CASE WHEN z % 10 = 0 THEN 0 ELSE 1 END, NULL, CASE WHEN z % 10 = 0 THEN 0 ELSE (z / 10) % 5 > 0 END,
           CASE WHEN z % 10 <> 0 AND (z / 10) % 5 > 0 THEN strftime('%Y-%m-%dT%H:%M:%fZ', ts, '+' || (y % 200000) || ' seconds') END,
           x % 120, CASE WHEN z % 10 = 0 THEN NULL ELSE 60 + y % 600 END, y % 90, z % 120,
           CASE WHEN x % 7 = 0 THEN NULL ELSE (x / 7) % 4 > 0 END,
           CASE WHEN y % 3 = 0 THEN 1 + (x / 11) % 5 END, 5,
           CASE WHEN z % 5 = 0 THEN (x / 13) % 11 END, CASE WHEN z % 4 = 0 THEN 1 + (y / 17) % 7 END, 7,
           z % 9 = 0, CASE WHEN z % 9 = 0 THEN (y / 3) % 5 = 0 END,
           x % 4 = 0, CASE WHEN x % 4 = 0 THEN (z / 7) % 2 END, CASE WHEN x % 4 = 0 AND (z / 7) % 2 = 1 THEN (y / 5) % 3 = 0 END,
           CASE (z / 3) % 12 WHEN 0 THEN 'Great and fast, thanks!' WHEN 1 THEN 'Terrible wait, never again'
             WHEN 2 THEN 'not helpful' WHEN 3 THEN 'ok' END,
           ts, ts
         FROM r`,
      );
    },
    { bulk: true },
  );
}

function shell(file: string, sql: string): number[] {
  const runs: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const out = execFileSync('sqlite3', [file], {
      input: `.timer on\n${sql}\n`,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    const real = [...out.matchAll(/Run Time: real ([\d.]+)/g)].map((m) => Number(m[1]) * 1000);
    runs.push(real.reduce((a, b) => a + b, 0));
  }
  return runs;
}

export async function runKpiBench(): Promise<object> {
  const SQL = await loadSqlJs();
  const db = new Db(new SQL.Database());
  migrate(db);
  const loadBefore = loadAvg();
  const gen = time(() => generate(db));
  const derive = time(() => db.transaction(() => refreshDerived(db, 'all'), { bulk: true }));
  // What an import of one week costs on top of the rows (the importer refreshes its day range).
  const deriveWeek = time(() =>
    db.transaction(() => refreshDerived(db, { from: '2025-06-02', to: '2025-06-08' }), { bulk: true }),
  );
  const count = (table: string) => db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)?.n ?? 0;
  const aggRows = {
    agg_daily: count('agg_daily'),
    agg_channel_daily: count('agg_channel_daily'),
    kpi_retention: count('kpi_retention'),
    kpi_customer_months: count('kpi_customer_months'),
    kpiCustomerMonthsBytes:
      db.get<{ n: number }>('SELECT sum(length(ids)) AS n FROM kpi_customer_months')?.n ?? 0,
    kpi_customer_keys: count('kpi_customer_keys'),
  };

  const month = { from: '2025-11-01', to: '2025-11-30' };
  const trend = { from: '2024-01-01', to: '2025-12-31' };
  const dash: number[] = [];
  const score: number[] = [];
  const loadQueries = loadAvg();
  for (let i = 0; i < RUNS; i += 1) {
    dash.push(time(() => getDashboard(db, { ...month, teamId: 'team_1', granularity: 'day' })).ms);
    score.push(time(() => getAgentScorecard(db, { ...trend, agentId: 'agt_5', granularity: 'month' })).ms);
  }

  const dir = mkdtempSync(path.join(tmpdir(), 'kpi-bench-'));
  const file = path.join(dir, 'bench.db');
  let native: Record<string, number> = {};
  try {
    writeFileSync(file, db.raw.export());
    db.configure();
    const teamRaw = `SELECT i.day, ${rawSumSelectList()} FROM interactions i WHERE i.team_id = 'team_1' AND i.day BETWEEN '2025-10-01' AND '2025-11-30' GROUP BY i.day;`;
    const agentRaw = `SELECT substr(i.day, 1, 7), ${rawSumSelectList()} FROM interactions i WHERE i.agent_id = 'agt_5' AND i.day BETWEEN '2024-01-01' AND '2025-12-31' GROUP BY 1;`;
    const plainScan = `SELECT count(*), avg(csat_score), sum(talk_seconds) FROM interactions;`;
    const aggTeam = `SELECT g.day, sum(g.n), sum(g.cs5_4) FROM agg_daily g WHERE g.team_id = 'team_1' AND g.day BETWEEN '2025-10-01' AND '2025-11-30' GROUP BY g.day;`;
    native = {
      teamMonthRawMs: median(shell(file, teamRaw)),
      agent24MonthRawMs: median(shell(file, agentRaw)),
      plainScanMs: median(shell(file, plainScan)),
      teamMonthAggDailyMs: median(shell(file, aggTeam)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    interactions: N,
    loadAverage: { beforeGenerate: loadBefore, beforeQueries: loadQueries, end: loadAvg() },
    aggregateRows: aggRows,
    generateMs: Math.round(gen.ms),
    refreshDerivedAllMs: Math.round(derive.ms),
    refreshDerivedWeekMs: Math.round(deriveWeek.ms),
    dashboardTeamMonth: {
      medianMs: median(dash),
      p95Ms: p95(dash),
      targetMs: 50,
      runs: dash.map(Math.round),
    },
    agentTrend24Months: {
      medianMs: median(score),
      p95Ms: p95(score),
      targetMs: 300,
      runs: score.map(Math.round),
    },
    sqlite3Shell: native,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runKpiBench()
    .then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(2);
    });
}
