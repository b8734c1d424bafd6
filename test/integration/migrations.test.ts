import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Db } from '../../electron/backend/db/database';
import { migrate, schemaVersion } from '../../electron/backend/db/migrate';
import { migrations } from '../../electron/backend/db/migrations';
import { loadSqlJs } from '../../electron/backend/db/sqljs';
import { generateDemoData } from '../../electron/backend/demo/generate';
import { seededIds } from '../../electron/backend/demo/ids';
import { openDataFile } from '../../electron/backend/open';
import { fixedClock } from '../../electron/backend/core/clock';
import { sequentialIds } from '../../electron/backend/core/ids';
import { TEST_NOW } from '../support/backend';

const NOW = new Date(TEST_NOW);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A database at schema 2 holding demo data (interactions, and reviews that refer to them). */
async function versionTwo(): Promise<Db> {
  const SQL = await loadSqlJs();
  const db = new Db(new SQL.Database());
  migrate(
    db,
    migrations.filter((m) => m.version <= 2),
  );
  generateDemoData(db, { now: NOW, ids: seededIds(7, NOW), agents: 3, months: 2 });
  return db;
}

const contents = (db: Db) =>
  JSON.stringify([
    db.values('SELECT * FROM interactions ORDER BY id'),
    db.values('SELECT * FROM reviews ORDER BY id'),
  ]);

describe('migration 3: interactions unique rule as a named index', () => {
  it('keeps every row and reference, and the unique rule', async () => {
    const db = await versionTwo();
    const before = contents(db);
    expect(
      db.get<{ n: number }>('SELECT count(*) AS n FROM reviews WHERE interaction_id IS NOT NULL')?.n,
    ).toBeGreaterThan(0);

    expect(migrate(db)).toEqual({ from: 2, to: 3 });
    expect(schemaVersion(db)).toBe(3);
    expect(contents(db)).toBe(before);
    expect(db.all('PRAGMA foreign_key_check')).toEqual([]);
    expect(db.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
    expect(db.get('PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
    const insert = () =>
      db.run(
        `INSERT INTO interactions (source, external_id, channel, started_at, day, created_at, updated_at)
         VALUES ('crm', 'T-1', 'call', '2026-01-01T09:00:00.000Z', '2026-01-01', 'now', 'now')`,
      );
    insert();
    expect(insert).toThrow(/UNIQUE constraint failed/);
    // The references still point at the table: a review of a missing interaction is refused.
    const review = db.get<{ id: string }>('SELECT id FROM reviews WHERE interaction_id IS NOT NULL LIMIT 1');
    expect(() => db.run('UPDATE reviews SET interaction_id = -1 WHERE id = ?', [review?.id ?? ''])).toThrow(
      /FOREIGN KEY/,
    );
    db.close();
  });

  it('rolls back entirely and restores foreign keys when a reference is already broken', async () => {
    const db = await versionTwo();
    db.raw.run('PRAGMA foreign_keys = OFF');
    db.raw.run(
      'UPDATE reviews SET interaction_id = -1 WHERE rowid = (SELECT min(rowid) FROM reviews WHERE interaction_id IS NOT NULL)',
    );
    db.raw.run('PRAGMA foreign_keys = ON');
    const before = contents(db);
    expect(() => migrate(db)).toThrow(/broken references/);
    expect(schemaVersion(db)).toBe(2);
    expect(contents(db)).toBe(before);
    expect(db.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
    db.close();
  });

  it('upgrades a version 2 data file on open and writes it back as version 3', async () => {
    const db = await versionTwo();
    const before = contents(db);
    const dataFile = path.join(tmp, 'v2.scorecard');
    fs.writeFileSync(dataFile, db.raw.export());
    db.close();
    const options = {
      dataFile,
      seedDemo: false,
      appVersion: 'test',
      backups: false,
      clock: fixedClock(TEST_NOW),
      ids: sequentialIds(),
    };
    const opened = await openDataFile(options);
    expect(schemaVersion(opened.store.db)).toBe(3);
    opened.close();
    // The upgrade was written as a whole file: reopening finds version 3 with nothing to replay.
    const again = await openDataFile(options);
    expect(schemaVersion(again.store.db)).toBe(3);
    expect(again.store.stats.replayedRecords).toBe(0);
    expect(contents(again.store.db)).toBe(before);
    again.close();
  });
});
