/**
 * Child process for the durability kill test:
 *   node --import tsx test/support/kill-writer.ts <dataFile> <checkpointThresholdBytes> <round>
 * Opens the store and writes forever, printing `ack <kind>:<key> <commitMicros>` once each commit
 * has returned (stdout to a pipe is synchronous on Linux, so a printed ack reached the parent
 * before any later kill). The parent SIGKILLs it at a random moment.
 */
import { migrate } from '../../electron/backend/db/migrate';
import { DurableStore } from '../../electron/backend/db/store';

const [dataFile, thresholdArg, roundArg] = process.argv.slice(2);
if (!dataFile || !thresholdArg || !roundArg) throw new Error('usage: kill-writer <file> <threshold> <round>');
const round = Number(roundArg);
const now = '2026-01-15T09:00:00.000Z';

const store = await DurableStore.open(dataFile, { checkpointThresholdBytes: Number(thresholdArg) });
migrate(store.db);
const { db } = store;
const ack = (id: string, started: number) =>
  process.stdout.write(`ack ${id} ${Math.round((performance.now() - started) * 1000)}\n`);

if (round === 0) {
  // Enough rows that checkpoints take a while, so some kills land inside one.
  const started = performance.now();
  db.transaction(
    () => {
      const insert = db.prepareWrite(
        `INSERT INTO interactions (id, channel, started_at, day, notes, created_at, updated_at)
         VALUES (?, 'chat', ?, '2026-01-01', ?, ?, ?)`,
      );
      try {
        for (let i = 1; i <= 5_000; i++) insert.run([i, now, `bulk note ${i}`.repeat(4), now, now]);
      } finally {
        insert.free();
      }
    },
    { bulk: true },
  );
  ack('bulk:0', started);
}
process.stdout.write('ready\n');

const insertTeam = (id: string) =>
  db.run('INSERT INTO teams (id, name, created_at) VALUES (?, ?, ?)', [id, `Team ${id}`, now]);
const insertAgent = (id: string, teamId: string | null) =>
  db.run('INSERT INTO agents (id, team_id, name, created_at) VALUES (?, ?, ?, ?)', [
    id,
    teamId,
    `Agent ${id}`,
    now,
  ]);
const insertInteraction = (id: number, externalId: string, agentId: string | null) =>
  db.run(
    `INSERT INTO interactions (id, source, external_id, channel, agent_id, started_at, day, notes, created_at, updated_at)
     VALUES (?, 'kill', ?, 'call', ?, ?, '2026-01-15', ?, ?, ?)`,
    [id, externalId, agentId, now, `written in round ${round}`, now, now],
  );

let lastTeam: string | null = null;
for (let n = 0; n < 1_000_000; n++) {
  const key = `r${round}-${n}`;
  const started = performance.now();
  switch (n % 4) {
    case 0:
      insertTeam(`t-${key}`);
      lastTeam = `t-${key}`;
      ack(`team:t-${key}`, started);
      break;
    case 1:
      insertAgent(`a-${key}`, lastTeam);
      ack(`agent:a-${key}`, started);
      break;
    case 2: {
      const id = 1_000_000_000 + round * 10_000_000 + n;
      insertInteraction(id, `i-${key}`, null);
      ack(`interaction:${id}`, started);
      break;
    }
    default:
      // Several statements that must land together or not at all.
      db.transaction(() => {
        insertTeam(`mt-${key}`);
        insertAgent(`ma-${key}`, `mt-${key}`);
        for (let k = 0; k < 3; k++)
          insertInteraction(2_000_000_000 + round * 10_000_000 + n * 3 + k, `mi-${key}-${k}`, `ma-${key}`);
        db.run("UPDATE settings SET value_json = CAST(value_json AS INTEGER) + 1 WHERE key = 'multi_count'");
        db.run(
          "INSERT OR IGNORE INTO settings (key, value_json, updated_at) VALUES ('multi_count', '1', ?)",
          [now],
        );
      });
      ack(`multi:${key}`, started);
  }
}
store.close();
