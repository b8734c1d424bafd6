/**
 * Import benchmark: generates a 1M-row call/ticket CSV, imports it through the real job code into
 * a fresh file-backed data file, and runs the stock sqlite3 shell's `.import` of the same file into
 * the same schema (staging table + INSERT…SELECT, including agents/teams) for comparison.
 * Phases come from the job's own timings (parse, validate, insert, index rebuild, refreshDerived,
 * commit + checkpoint to disk); `importOnly` leaves out refreshDerived, which the KPI engine owns.
 * Run alone: `npx tsx bench/import.ts [rows] [runs]` (runs > 1 reports medians; the machine is shared).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixedClock } from '../electron/backend/core/clock';
import { sequentialIds } from '../electron/backend/core/ids';
import { migrations } from '../electron/backend/db/migrations';
import type { ImportReport } from '../electron/backend/import/job';
import type { JobStatus } from '../shared/domain/types';
import { openDataFile } from '../electron/backend/open';

const HEADER =
  'id,agent,team,channel,created at,topic,answered (Y/N),resolved,speed of answer in seconds,talk time,hold time,wrap time,csat';
const AGENTS = [
  'Diane',
  'Becky',
  'Stewart',
  'Greg',
  'Jim',
  'Joe',
  'Martha',
  'Dan',
  'Ada',
  'Bo',
  'Chen',
  'Dara',
];
const TOPICS = ['Contract related', 'Technical Support', 'Payment related', 'Admin Support', 'Streaming'];
const CHANNELS = ['phone', 'chat', 'email'];

/** Deterministic rows: 12 agents in 3 teams, ~19% abandoned, one row every 30 s from 2024-01-01. */
export function generateCsv(file: string, rows: number): number {
  const fd = fs.openSync(file, 'w');
  try {
    let seed = 42;
    const rnd = () => {
      seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const start = Date.UTC(2024, 0, 1, 8);
    let buf = `${HEADER}\n`;
    for (let i = 0; i < rows; i++) {
      const a = i % AGENTS.length;
      const answered = rnd() > 0.19;
      const ts = new Date(start + i * 30_000).toISOString().slice(0, 19);
      buf += `C${i + 1},${AGENTS[a]},Team ${a % 3},${CHANNELS[i % 3]},${ts},${TOPICS[i % 5]},${answered ? 'Y' : 'N'},${answered && rnd() > 0.3 ? 'Y' : 'N'},`;
      buf += answered
        ? `${Math.floor(rnd() * 120)},${Math.floor(30 + rnd() * 600)},${Math.floor(rnd() * 60)},${Math.floor(rnd() * 90)},${1 + Math.floor(rnd() * 5)}\n`
        : ',0,,,\n';
      if (buf.length > 1 << 20) {
        fs.writeSync(fd, buf);
        buf = '';
      }
    }
    fs.writeSync(fd, buf);
  } finally {
    fs.closeSync(fd);
  }
  return fs.statSync(file).size;
}

function sqliteAvailable(): boolean {
  return spawnSync('sqlite3', ['-version'], { encoding: 'utf8' }).status === 0;
}

/** The sqlite3 shell: schema from our migrations, `.import --csv --skip 1` into staging, then the same target rows. */
function runSqliteShell(dir: string, csv: string, run: number): { seconds: number; rows: number } {
  const db = path.join(dir, `shell-${run}.db`);
  const schema = migrations.map((m) => m.sql).join('\n');
  const script = `
${schema}
CREATE TABLE staging (id, agent, team, channel, created_at, topic, answered, resolved, asa, talk, hold, wrap, csat);
.import --csv --skip 1 '${csv.replaceAll("'", "''")}' staging
BEGIN;
INSERT INTO teams (id, name, created_at) SELECT DISTINCT 'team_' || team, team, 'now' FROM staging;
INSERT INTO agents (id, team_id, name, created_at) SELECT 'agt_' || agent, 'team_' || min(team), agent, 'now' FROM staging GROUP BY agent;
INSERT INTO interactions (id, source, external_id, channel, agent_id, team_id, started_at, day, topic, answered, abandoned,
  resolved, first_response_seconds, talk_seconds, hold_seconds, wrap_seconds, csat_score, csat_scale, created_at, updated_at)
SELECT rowid, 'bench', id, CASE channel WHEN 'phone' THEN 'call' ELSE channel END, 'agt_' || agent, 'team_' || team,
  created_at || '.000Z', substr(created_at, 1, 10), topic, answered = 'Y', answered = 'N', resolved = 'Y',
  CAST(nullif(asa, '') AS REAL), CASE WHEN answered = 'N' AND talk = '0' THEN NULL ELSE CAST(nullif(talk, '') AS REAL) END,
  CAST(nullif(hold, '') AS REAL), CAST(nullif(wrap, '') AS REAL), CAST(nullif(csat, '') AS REAL),
  CASE WHEN csat <> '' THEN 5 END, 'now', 'now'
FROM staging;
DROP TABLE staging;
COMMIT;
SELECT count(*) FROM interactions;
`;
  const started = performance.now();
  const result = spawnSync('sqlite3', [db], { input: script, encoding: 'utf8', maxBuffer: 1 << 24 });
  const seconds = (performance.now() - started) / 1000;
  fs.rmSync(db, { force: true });
  if (result.status !== 0) throw new Error(`sqlite3 failed: ${result.stderr}`);
  return { seconds, rows: Number(result.stdout.trim().split('\n').pop()) };
}

interface AppRun {
  seconds: number;
  report: ImportReport;
  checkpointMs: number | null;
  dataFileBytes: number;
}

async function runApp(dir: string, csv: string, run: number): Promise<AppRun> {
  const dataFile = path.join(dir, `bench-${run}.scorecard`);
  const opened = await openDataFile({
    dataFile,
    seedDemo: false,
    appVersion: 'bench',
    backups: false,
    clock: fixedClock('2026-01-15T09:00:00.000Z'),
    ids: sequentialIds(),
  });
  try {
    const t = performance.now();
    const started = await opened.backend.call('startImport', { path: csv });
    if (!started.ok) throw new Error(started.error.message);
    const status = await opened.backend.ctx.jobs.wait((started.value as JobStatus).id);
    const seconds = (performance.now() - t) / 1000;
    if (status.state !== 'done') throw new Error(`import ${status.state}: ${status.message}`);
    return {
      seconds,
      report: status.result as ImportReport,
      checkpointMs: opened.store.stats.lastCheckpointMs ?? null,
      dataFileBytes: fs.statSync(dataFile).size,
    };
  } finally {
    opened.close();
    fs.rmSync(dataFile, { force: true });
  }
}

const loadavg = () => fs.readFileSync('/proc/loadavg', 'utf8').trim();

export async function runImportBench(rows = 1_000_000, runs = 1): Promise<object> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-import-bench-'));
  try {
    const csv = path.join(dir, 'interactions.csv');
    const t = performance.now();
    const bytes = generateCsv(csv, rows);
    const generateSeconds = (performance.now() - t) / 1000;

    const loadBefore = loadavg();
    const apps: AppRun[] = [];
    for (let run = 0; run < runs; run++) apps.push(await runApp(dir, csv, run));
    const shells: Array<{ seconds: number; rows: number }> = [];
    if (sqliteAvailable()) for (let run = 0; run < runs; run++) shells.push(runSqliteShell(dir, csv, run));
    const loadAfter = loadavg();

    const last = (apps[apps.length - 1] as AppRun).report;
    const phase = (pick: (r: AppRun) => number) => Math.round(median(apps.map(pick)));
    const appSeconds = median(apps.map((a) => a.seconds));
    const deriveSeconds = median(apps.map((a) => a.report.timings.derive)) / 1000;
    const shellSeconds = shells.length > 0 ? median(shells.map((s) => s.seconds)) : null;
    const rowsPerSecond = Math.round(rows / appSeconds);
    return {
      rows,
      runs,
      csvBytes: bytes,
      generateSeconds: round(generateSeconds),
      loadavg: { before: loadBefore, after: loadAfter },
      app: {
        seconds: round(appSeconds),
        rowsPerSecond,
        /** End to end minus refreshDerived (owned by the KPI engine, reported apart). */
        importOnly: {
          seconds: round(appSeconds - deriveSeconds),
          rowsPerSecond: Math.round(rows / (appSeconds - deriveSeconds)),
        },
        phasesMs: {
          openAndDetect: phase((a) => a.report.timings.open),
          parse: phase((a) => a.report.timings.parse),
          validate: phase((a) => a.report.timings.validate),
          resolveIds: phase((a) => a.report.timings.resolve ?? 0),
          waitForParser: phase((a) => a.report.timings.waitForParser ?? 0),
          insert: phase((a) => a.report.timings.insert),
          indexRebuild: phase((a) => a.report.timings.indexes),
          refreshDerived: phase((a) => a.report.timings.derive),
          commitAndCheckpoint: phase((a) => a.report.timings.commit),
          checkpointToDisk: phase((a) => a.checkpointMs ?? 0),
        },
        /** Parse + validate ran in the parser worker, overlapped with insert (their ms are not on the writer thread). */
        parsedInWorker: last.timings.parsedInWorker ?? false,
        allRunsSeconds: apps.map((a) => round(a.seconds)),
        inserted: last.inserted,
        rejected: last.rejected,
        dataFileBytes: (apps[apps.length - 1] as AppRun).dataFileBytes,
      },
      sqlite3Shell:
        shellSeconds !== null
          ? {
              seconds: round(shellSeconds),
              rowsPerSecond: Math.round(rows / shellSeconds),
              rows: (shells[0] as { rows: number }).rows,
              allRunsSeconds: shells.map((s) => round(s.seconds)),
            }
          : { skipped: 'sqlite3 not installed' },
      ratioToShell: shellSeconds !== null ? round(appSeconds / shellSeconds) : null,
      targets: {
        rowsPerSecond: { target: 100_000, met: rowsPerSecond >= 100_000 },
        ratioToShell: { target: 2, met: shellSeconds !== null ? appSeconds / shellSeconds <= 2 : null },
      },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const round = (n: number) => Math.round(n * 100) / 100;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = process.argv[2] ? Number(process.argv[2]) : undefined;
  const runs = process.argv[3] ? Number(process.argv[3]) : undefined;
  runImportBench(rows, runs)
    .then((result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(2);
    });
}
