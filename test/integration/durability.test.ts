import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/backend/db/migrate';
import { loadSqlJs } from '../../electron/backend/db/sqljs';
import { DurableStore } from '../../electron/backend/db/store';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const writer = path.join(repoRoot, 'test/support/kill-writer.ts');
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-kill-'));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

const ROUNDS = 16;
const SEED = 20260115;

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface RoundResult {
  acks: { id: string; micros: number }[];
  killedInCheckpoint: boolean;
}

/** Runs the writer until `killAfterMs` past its "ready" (then, if aiming, until a checkpoint starts), then SIGKILLs it. */
async function runWriter(
  file: string,
  threshold: number,
  round: number,
  killAfterMs: number,
  aimAtCheckpoint: boolean,
): Promise<RoundResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', writer, file, String(threshold), String(round)], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acks: { id: string; micros: number }[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let killed = false;
  let killedInCheckpoint = false;
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    if (line === 'ready') {
      const kill = () => {
        killedInCheckpoint = fs.existsSync(`${file}.tmp`);
        killed = child.kill('SIGKILL');
      };
      setTimeout(() => {
        if (!aimAtCheckpoint) return kill();
        // Poll for the checkpoint's temp file so the kill lands while the snapshot is being written.
        const giveUp = Date.now() + 500;
        const timer = setInterval(() => {
          if (fs.existsSync(`${file}.tmp`) || Date.now() > giveUp) {
            clearInterval(timer);
            kill();
          }
        }, 1);
      }, killAfterMs);
      return;
    }
    const [tag, id, micros] = line.split(' ');
    if (tag === 'ack' && id) acks.push({ id, micros: Number(micros) });
  });
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  if (!killed || exit.signal !== 'SIGKILL') {
    throw new Error(`writer ended on its own (code ${exit.code}, signal ${exit.signal}): ${stderr}`);
  }
  return { acks, killedInCheckpoint };
}

function verify(store: DurableStore, acked: string[]): void {
  const { db } = store;
  const has = (sql: string, param: string | number) => db.get(sql, [param]) !== undefined;
  for (const id of acked) {
    const [kind, key] = id.split(':') as [string, string];
    const present =
      kind === 'team'
        ? has('SELECT 1 FROM teams WHERE id = ?', key)
        : kind === 'agent'
          ? has('SELECT 1 FROM agents WHERE id = ?', key)
          : kind === 'interaction'
            ? has('SELECT 1 FROM interactions WHERE id = ?', Number(key))
            : kind === 'multi'
              ? has('SELECT 1 FROM teams WHERE id = ?', `mt-${key}`)
              : (db.get<{ n: number }>('SELECT count(*) AS n FROM interactions WHERE id <= 5000')?.n ?? 0) ===
                5000;
    if (!present) throw new Error(`acknowledged write ${id} is missing`);
  }
  // Multi-statement transactions: all five rows or none, and the counter matches.
  const partial = db.all(
    `SELECT t.id FROM teams t
      WHERE t.id LIKE 'mt-%'
        AND (NOT EXISTS (SELECT 1 FROM agents a WHERE a.id = 'ma-' || substr(t.id, 4) AND a.team_id = t.id)
             OR (SELECT count(*) FROM interactions i WHERE i.agent_id = 'ma-' || substr(t.id, 4)) <> 3)`,
  );
  expect(partial).toEqual([]);
  const orphans = db.all(
    `SELECT id FROM agents a WHERE a.id LIKE 'ma-%' AND NOT EXISTS (SELECT 1 FROM teams t WHERE t.id = a.team_id)`,
  );
  expect(orphans).toEqual([]);
  const multis = db.get<{ n: number }>("SELECT count(*) AS n FROM teams WHERE id LIKE 'mt-%'")?.n ?? 0;
  const counter = Number(
    db.get<{ v: string }>("SELECT value_json AS v FROM settings WHERE key = 'multi_count'")?.v ?? 0,
  );
  expect(counter).toBe(multis);
  expect(db.values('PRAGMA integrity_check')).toEqual([['ok']]);
}

function hasSqlite3(): boolean {
  try {
    execFileSync('sqlite3', ['-version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

describe('durability under SIGKILL', () => {
  it('keeps every acknowledged write, applies transactions whole, and stays a valid SQLite file', async () => {
    const started = performance.now();
    const file = path.join(workDir, 'kill.db');
    const rng = mulberry32(SEED);
    const acked: string[] = [];
    /** Commit latency split by threshold: plain append + fdatasync vs. checkpointing every few writes. */
    const commitMicros = { appendOnly: [] as number[], tinyThreshold: [] as number[] };
    let killsInCheckpoint = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // Every other round a tiny threshold: checkpoints every few writes, so kills land in them.
      const threshold = round % 2 === 1 ? 512 + Math.floor(rng() * 4_096) : 8 * 1024 * 1024;
      const delay = 20 + Math.floor(rng() * 350);
      const result = await runWriter(file, threshold, round, delay, round % 4 === 1);
      for (const ack of result.acks) {
        acked.push(ack.id);
        if (!ack.id.startsWith('bulk:'))
          commitMicros[round % 2 === 1 ? 'tinyThreshold' : 'appendOnly'].push(ack.micros);
      }
      if (result.killedInCheckpoint) killsInCheckpoint += 1;

      const store = await DurableStore.open(file);
      try {
        verify(store, acked);
      } finally {
        // Leave the journal as the crash left it (minus a torn tail): the next writer replays it.
        store.abandon();
      }
    }

    const store = await DurableStore.open(file);
    migrate(store.db);
    verify(store, acked);
    const counts = store.db.get<{ teams: number; interactions: number }>(
      'SELECT (SELECT count(*) FROM teams) AS teams, (SELECT count(*) FROM interactions) AS interactions',
    );
    store.close();
    if (hasSqlite3()) {
      const out = execFileSync('sqlite3', [file, 'PRAGMA integrity_check; SELECT count(*) FROM teams;'], {
        encoding: 'utf8',
      });
      expect(out.trim().split('\n')).toEqual(['ok', String(counts?.teams)]);
    }

    const summary = (micros: number[]) => {
      const sorted = [...micros].sort((a, b) => a - b);
      const pick = (q: number) =>
        (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) / 1000;
      const mean = sorted.reduce((sum, v) => sum + v, 0) / Math.max(1, sorted.length) / 1000;
      return { writes: sorted.length, mean: Number(mean.toFixed(3)), median: pick(0.5), p99: pick(0.99) };
    };
    console.log(
      JSON.stringify({
        rounds: ROUNDS,
        ackedWrites: acked.length,
        killsInsideCheckpoint: killsInCheckpoint,
        finalRows: counts,
        commitMs: {
          appendOnly: summary(commitMicros.appendOnly),
          tinyThreshold: summary(commitMicros.tinyThreshold),
        },
        totalSeconds: Number(((performance.now() - started) / 1000).toFixed(1)),
      }),
    );
    expect(acked.length).toBeGreaterThan(ROUNDS);
  }, 90_000);

  it('checkpoints a ~20k-interaction database and measures it', async () => {
    const file = path.join(workDir, 'big.db');
    const store = await DurableStore.open(file);
    migrate(store.db);
    const now = '2026-01-15T09:00:00.000Z';
    store.db.transaction(
      () => {
        store.db.run("INSERT INTO teams (id, name, created_at) VALUES ('t1', 'Billing', ?)", [now]);
        for (let a = 0; a < 20; a++) {
          store.db.run('INSERT INTO agents (id, team_id, name, created_at) VALUES (?, ?, ?, ?)', [
            `a${a}`,
            't1',
            `Agent ${a}`,
            now,
          ]);
        }
        const insert = store.db.prepareWrite(
          `INSERT INTO interactions (id, source, external_id, channel, agent_id, team_id, started_at, day, topic,
             subject, answered, resolved, first_response_seconds, resolution_seconds, talk_seconds, hold_seconds,
             wrap_seconds, fcr, csat_score, csat_scale, nps_score, customer_comment, created_at, updated_at)
           VALUES (?, 'bench', ?, 'call', ?, 't1', ?, ?, 'billing', ?, 1, 1, ?, ?, ?, ?, ?, 1, ?, 5, ?, ?, ?, ?)`,
        );
        try {
          for (let i = 1; i <= 20_000; i++) {
            const day = `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
            insert.run([
              i,
              `ext-${i}`,
              `a${i % 20}`,
              `${day}T10:00:00.000Z`,
              day,
              `Invoice question number ${i}`,
              30 + (i % 90),
              600 + (i % 3600),
              200 + (i % 400),
              i % 60,
              i % 120,
              (i % 5) + 1,
              i % 11,
              i % 3 === 0 ? 'Friendly and quick, thank you very much for the help today' : null,
              now,
              now,
            ]);
          }
        } finally {
          insert.free();
        }
      },
      { bulk: true },
    );
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      store.checkpoint();
      times.push(store.stats.lastCheckpointMs ?? 0);
    }
    store.close();
    const verifyMs: Record<string, number> = {};
    const SQL = await loadSqlJs();
    for (const pragma of ['integrity_check', 'quick_check']) {
      const raw = new SQL.Database(fs.readFileSync(file));
      const t = performance.now();
      expect(raw.exec(`PRAGMA ${pragma}`)[0]?.values).toEqual([['ok']]);
      verifyMs[pragma] = Number((performance.now() - t).toFixed(1));
      raw.close();
    }
    const openStarted = performance.now();
    const reopened = await DurableStore.open(file);
    const openMs = performance.now() - openStarted;
    expect(reopened.db.get<{ n: number }>('SELECT count(*) AS n FROM interactions')?.n).toBe(20_000);
    reopened.close();
    console.log(
      JSON.stringify({
        interactions: 20_000,
        fileBytes: fs.statSync(file).size,
        checkpointMs: times.map((t) => Number(t.toFixed(1))),
        openAndVerifyMs: Number(openMs.toFixed(1)),
        verifyMs,
      }),
    );
  });
});
