import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../electron/backend/core/clock';
import { sequentialIds } from '../../electron/backend/core/ids';
import { ensureDailyBackup, listBackups, restoreBackup } from '../../electron/backend/db/backups';
import { migrate } from '../../electron/backend/db/migrate';
import { DurableStore, journalPathFor, type DurableStoreOptions } from '../../electron/backend/db/store';
import { openDataFile } from '../../electron/backend/open';
import { UserFacingError } from '../../shared/ipc/result';

const dirs: string[] = [];
function tempFile(name = 'scorecard.db'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-store-'));
  dirs.push(dir);
  return path.join(dir, name);
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function openStore(file: string, options: DurableStoreOptions = {}): Promise<DurableStore> {
  const store = await DurableStore.open(file, options);
  migrate(store.db);
  return store;
}

const addTeam = (store: DurableStore, id: string) =>
  store.db.run('INSERT INTO teams (id, name, created_at) VALUES (?, ?, ?)', [id, `Team ${id}`, '2026-01-01']);

const teamIds = (store: DurableStore) =>
  store.db.all<{ id: string }>('SELECT id FROM teams ORDER BY id').map((row) => row.id);

async function openError(file: string): Promise<UserFacingError> {
  const error = await DurableStore.open(file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserFacingError);
  return error as UserFacingError;
}

function snapshotFiles(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(path.dirname(file))) {
    const full = path.join(path.dirname(file), name);
    if (fs.statSync(full).isFile()) out[name] = fs.readFileSync(full).toString('base64');
  }
  return out;
}

/** A data file with a checkpointed snapshot holding teams a, b and nothing in the journal. */
async function checkpointedFile(): Promise<string> {
  const file = tempFile();
  const store = await openStore(file);
  addTeam(store, 'a');
  addTeam(store, 'b');
  store.close();
  return file;
}

describe('DurableStore', () => {
  it('replays acknowledged writes from the journal after a crash', async () => {
    const file = await checkpointedFile();
    const store = await openStore(file);
    addTeam(store, 'c');
    store.db.transaction(() => {
      addTeam(store, 'd');
      store.db.run("UPDATE teams SET name = 'Renamed' WHERE id = 'a'");
    });
    const blob = new Uint8Array([0, 1, 2, 255]);
    store.db.run("INSERT INTO settings (key, value_json, updated_at) VALUES ('k', ?, ?)", [blob, Infinity]);
    const settingsQuery = "SELECT value_json, updated_at FROM settings WHERE key = 'k'";
    const settingsBefore = store.db.get(settingsQuery);
    store.abandon(); // a crash: no checkpoint

    const reopened = await openStore(file);
    expect(reopened.stats.replayedRecords).toBe(3);
    expect(teamIds(reopened)).toEqual(['a', 'b', 'c', 'd']);
    expect(reopened.db.get("SELECT name FROM teams WHERE id = 'a'")).toEqual({ name: 'Renamed' });
    expect(reopened.db.get(settingsQuery)).toEqual(settingsBefore);
    expect(settingsBefore).toMatchObject({ value_json: blob });
    reopened.close();
  });

  it('never applies a record twice when a crash hits between rename and journal truncate', async () => {
    const file = await checkpointedFile();
    const store = await openStore(file);
    store.db.run("UPDATE teams SET name = name || '!' WHERE id = 'a'");
    const journalBefore = fs.readFileSync(journalPathFor(file));
    store.checkpoint();
    store.abandon();
    // Put the already-checkpointed record back, as if the truncate never happened.
    fs.writeFileSync(journalPathFor(file), journalBefore);

    const reopened = await openStore(file);
    expect(reopened.stats.replayedRecords).toBe(0);
    expect(reopened.db.get("SELECT name FROM teams WHERE id = 'a'")).toEqual({ name: 'Team a!' });
    reopened.close();
  });

  it('drops a torn final record (never acknowledged) and keeps appending after it', async () => {
    const file = await checkpointedFile();
    const store = await openStore(file);
    addTeam(store, 'c');
    addTeam(store, 'd');
    store.abandon();
    const journal = fs.readFileSync(journalPathFor(file));
    const firstRecordEnd = 8 + journal.readUInt32LE(0);
    // Cut the second record in the middle.
    fs.truncateSync(journalPathFor(file), firstRecordEnd + 20);

    const reopened = await openStore(file);
    expect(reopened.stats.tornBytesDropped).toBe(20);
    expect(fs.statSync(journalPathFor(file)).size).toBe(firstRecordEnd);
    expect(teamIds(reopened)).toEqual(['a', 'b', 'c']);
    addTeam(reopened, 'e');
    reopened.abandon();

    const again = await openStore(file);
    expect(teamIds(again)).toEqual(['a', 'b', 'c', 'e']);
    again.close();
  });

  it('treats a zero-filled tail (a file extended but not written) as torn', async () => {
    const file = await checkpointedFile();
    const store = await openStore(file);
    addTeam(store, 'c');
    store.abandon();
    fs.appendFileSync(journalPathFor(file), Buffer.alloc(64));
    const reopened = await openStore(file);
    expect(teamIds(reopened)).toEqual(['a', 'b', 'c']);
    expect(reopened.stats.tornBytesDropped).toBe(64);
    reopened.close();
  });

  it('refuses a journal damaged in the middle and changes no file', async () => {
    const file = await checkpointedFile();
    const store = await openStore(file);
    for (const id of ['c', 'd', 'e']) addTeam(store, id);
    store.abandon();
    const journal = fs.readFileSync(journalPathFor(file));
    journal[12] = (journal[12] ?? 0) ^ 0xff; // inside the first record's payload
    fs.writeFileSync(journalPathFor(file), journal);
    const before = snapshotFiles(file);

    const error = await openError(file);
    expect(error.code).toBe('database_corrupt');
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/change log .* damaged/);
    expect(snapshotFiles(file)).toEqual(before);
  });

  it.each([
    ['garbage bytes', (bytes: Buffer) => Buffer.from(bytes.map((_, i) => (i * 131 + 7) % 256))],
    ['a truncated file', (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length / 2))],
    ['a zero-length file', () => Buffer.alloc(0)],
    [
      'damaged pages behind a valid header',
      (bytes: Buffer) => {
        const copy = Buffer.from(bytes);
        copy.fill(0xa5, 4096 + 200, copy.length);
        return copy;
      },
    ],
  ])('reports %s as database_corrupt with the backups, leaving it untouched', async (_label, damage) => {
    const file = tempFile();
    const opened = await openDataFile({
      dataFile: file,
      seedDemo: false,
      appVersion: 'test',
      clock: fixedClock('2026-01-15T09:00:00Z'),
      ids: sequentialIds(),
    });
    for (let i = 0; i < 200; i++) addTeam(opened.store, `t${String(i).padStart(3, '0')}`);
    opened.close();
    fs.writeFileSync(file, damage(fs.readFileSync(file)));
    const before = snapshotFiles(file);

    const error = await openError(file);
    expect(error.code).toBe('database_corrupt');
    expect(error.message).toContain(file);
    expect(error.details).toMatchObject({ backups: [{ date: '2026-01-15' }] });
    expect(snapshotFiles(file)).toEqual(before);
  });

  it('refuses a file from a newer schema and does not modify it', async () => {
    const file = await checkpointedFile();
    const store = await openStore(file);
    store.db.exec('PRAGMA user_version = 99');
    store.close();
    const before = snapshotFiles(file);
    const error = await openError(file);
    expect(error.code).toBe('database_too_new');
    expect(error.details).toMatchObject({ fileVersion: 99 });
    expect(snapshotFiles(file)).toEqual(before);

    // Also when the newer version only reached the journal (the newer app crashed before a checkpoint).
    const other = await checkpointedFile();
    const s2 = await openStore(other);
    s2.db.exec('PRAGMA user_version = 42');
    s2.abandon();
    const before2 = snapshotFiles(other);
    expect((await openError(other)).code).toBe('database_too_new');
    expect(snapshotFiles(other)).toEqual(before2);
  });

  it('sets a log without its data file aside instead of replaying it on an empty database', async () => {
    const file = await checkpointedFile();
    const store = await openStore(file);
    addTeam(store, 'c');
    store.abandon();
    fs.rmSync(file);
    const reopened = await openStore(file);
    expect(reopened.created).toBe(true);
    expect(teamIds(reopened)).toEqual([]);
    reopened.close();
    expect(fs.readdirSync(path.dirname(file)).some((n) => n.includes('.log.orphan-'))).toBe(true);
  });

  it('checkpoints when the journal passes the threshold', async () => {
    const file = tempFile();
    const store = await openStore(file, { checkpointThresholdBytes: 2_000 });
    for (let i = 0; i < 40; i++) addTeam(store, `t${i}`);
    expect(store.stats.checkpoints).toBeGreaterThan(0);
    expect(store.stats.journalBytes).toBeLessThanOrEqual(2_000);
    store.abandon();
    const reopened = await openStore(file);
    expect(teamIds(reopened)).toHaveLength(40);
    reopened.close();
  });

  it('reports a failed journal append as the store error and refuses later writes', async () => {
    const file = tempFile();
    const store = await openStore(file);
    addTeam(store, 'a');
    const sync = vi.spyOn(fs, 'fdatasyncSync').mockImplementationOnce(() => {
      throw new Error('EIO: i/o error');
    });
    try {
      expect(() => addTeam(store, 'b')).toThrow(/Could not save .*EIO.*restart the app/);
      expect(store.db.inTransaction).toBe(false);
      expect(() => addTeam(store, 'c')).toThrow(/Could not save/);
    } finally {
      sync.mockRestore();
    }
    store.abandon();
    const reopened = await openStore(file);
    expect(teamIds(reopened)).toEqual(['a']);
    reopened.close();
  });

  it('makes a newly created change log durable in its folder before acknowledging writes to it', async () => {
    const file = await checkpointedFile();
    fs.rmSync(journalPathFor(file));
    const dir = path.dirname(file);
    const opens = vi.spyOn(fs, 'openSync');
    try {
      const store = await openStore(file);
      const dirOpens = opens.mock.calls.filter(([target]) => target === dir).length;
      expect(dirOpens).toBeGreaterThan(0);
      store.close();
    } finally {
      opens.mockRestore();
    }
  });

  it('keeps the cost of a small write independent of the database size (bytes appended)', async () => {
    const file = tempFile();
    const store = await openStore(file);
    const appendOne = (id: string) => {
      const before = { appended: store.stats.bytesAppended, snapshot: fs.statSync(file).size };
      store.db.run('INSERT INTO teams (id, name, created_at) VALUES (?, ?, ?)', [id, `Team ${id}`, 'x']);
      return {
        journal: store.stats.bytesAppended - before.appended,
        snapshotChanged: fs.statSync(file).size !== before.snapshot,
      };
    };
    store.checkpoint();
    const small = appendOne('small1');

    store.db.transaction(
      () => {
        const insert = store.db.prepareWrite(
          `INSERT INTO interactions (id, channel, started_at, day, notes, created_at, updated_at)
           VALUES (?, 'call', '2026-01-01T10:00:00Z', '2026-01-01', ?, 'x', 'x')`,
        );
        try {
          for (let i = 1; i <= 20_000; i++) insert.run([i, `note ${i} `.repeat(10)]);
        } finally {
          insert.free();
        }
      },
      { bulk: true },
    );
    const sizeAfterBulk = fs.statSync(file).size;
    expect(sizeAfterBulk).toBeGreaterThan(2_000_000);
    const large = appendOne('large1');

    expect(large.journal).toBe(small.journal);
    expect(large.journal).toBeLessThan(200);
    expect(large.snapshotChanged).toBe(false);
    store.close();
  });
});

describe('openDataFile', () => {
  it('seeds a brand-new file with demo data once, and never re-seeds an existing one', async () => {
    const file = tempFile();
    const options = {
      dataFile: file,
      seedDemo: true,
      appVersion: 'test',
      clock: fixedClock('2026-01-15T09:00:00Z'),
      ids: sequentialIds(),
    };
    const first = await openDataFile(options);
    expect(first.created).toBe(true);
    const count = (o: typeof first) =>
      o.store.db.get<{ n: number }>('SELECT count(*) AS n FROM interactions')?.n ?? 0;
    const seeded = count(first);
    expect(seeded).toBeGreaterThan(0);
    // The seed went into the snapshot via a checkpoint, not into the journal.
    expect(first.store.stats.journalBytes).toBe(0);
    first.store.abandon();

    const second = await openDataFile(options);
    expect(second.created).toBe(false);
    expect(count(second)).toBe(seeded);
    const agents = await second.backend.call('listAgents', {});
    expect(agents.ok && (agents.value as unknown[]).length).toBeGreaterThan(0);
    second.close();
  }, 60_000);
});

describe('backups', () => {
  it('takes one backup per day, keeps the newest seven, and restores one', async () => {
    const file = tempFile('team.db');
    const clock = fixedClock('2026-03-01T12:00:00');
    for (let day = 0; day < 9; day++) {
      const opened = await openDataFile({
        dataFile: file,
        seedDemo: false,
        appVersion: 'test',
        clock,
        ids: sequentialIds(),
      });
      addTeam(opened.store, `day${day}`);
      opened.close();
      // A second open the same day adds nothing.
      const again = await openDataFile({ dataFile: file, seedDemo: false, appVersion: 'test', clock });
      again.close();
      clock.advance(24 * 3600 * 1000);
    }
    const backups = listBackups(file);
    expect(backups.map((b) => b.date)).toEqual([
      '2026-03-09',
      '2026-03-08',
      '2026-03-07',
      '2026-03-06',
      '2026-03-05',
      '2026-03-04',
      '2026-03-03',
    ]);
    expect(backups[0]?.fileName).toBe('team-2026-03-09.db');
    expect(ensureDailyBackup(file, new Date('2026-03-09T15:00:00'))).toBeNull();

    // The 03-05 backup was taken when opening on day 4, before that day's team was added.
    const target = backups.find((b) => b.date === '2026-03-05');
    fs.writeFileSync(file, 'scribbled over');
    const damaged = fs.readFileSync(file);
    const { movedAside } = restoreBackup(file, target?.path ?? '', new Date('2026-03-10T08:00:00Z'));
    expect(movedAside.map((p) => path.basename(p))).toContain('team.db.corrupt-2026-03-10T08-00-00-000Z');
    expect(fs.readFileSync(movedAside[0] ?? '').equals(damaged)).toBe(true);

    const restored = await openStore(file);
    expect(teamIds(restored)).toEqual(['day0', 'day1', 'day2', 'day3']);
    restored.close();

    expect(() => restoreBackup(file, '/etc/passwd')).toThrow(/not one of the backups/);
  });

  it('leaves the current file and its log in place when the backup cannot be written', async () => {
    const file = tempFile('team.db');
    const opened = await openDataFile({ dataFile: file, seedDemo: false, appVersion: 'test' });
    addTeam(opened.store, 'kept');
    const backup = listBackups(file)[0];
    const before = snapshotFiles(file);
    const write = vi.spyOn(fs, 'writeSync').mockImplementationOnce(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    });
    try {
      expect(() => restoreBackup(file, backup?.path ?? '')).toThrow(/ENOSPC/);
    } finally {
      write.mockRestore();
    }
    expect(snapshotFiles(file)).toEqual(before);
    opened.store.abandon();
    const reopened = await openStore(file);
    expect(teamIds(reopened)).toEqual(['kept']);
    reopened.close();
  });
});
