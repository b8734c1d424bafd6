import { describe, expect, it } from 'vitest';
import type { WriteEntry } from '../../electron/backend/db/database';
import { migrate } from '../../electron/backend/db/migrate';
import { createTestBackend } from '../support/backend';

describe('Db transactions', () => {
  it('nests with savepoints: an inner failure rolls back only the inner work', async () => {
    const { db } = await createTestBackend();
    const committed: WriteEntry[][] = [];
    db.setSink({ commit: (change) => change.kind === 'statements' && committed.push(change.entries) });
    db.transaction(() => {
      db.run("INSERT INTO teams (id, name, created_at) VALUES ('t1', 'One', 'x')");
      expect(() =>
        db.transaction(() => {
          db.run("INSERT INTO teams (id, name, created_at) VALUES ('t2', 'Two', 'x')");
          throw new Error('boom');
        }),
      ).toThrow('boom');
    });
    expect(db.all('SELECT id FROM teams')).toEqual([{ id: 't1' }]);
    expect(committed).toHaveLength(1);
    expect(committed[0]?.map((e) => e.sql)).toEqual([
      "INSERT INTO teams (id, name, created_at) VALUES ('t1', 'One', 'x')",
    ]);
  });

  it('surfaces the sink error when the commit cannot be made durable, with no savepoint left open', async () => {
    const { db } = await createTestBackend();
    const diskFull = new Error('disk full');
    db.setSink({
      commit: () => {
        throw diskFull;
      },
    });
    expect(() => db.run("INSERT INTO teams (id, name, created_at) VALUES ('t1', 'One', 'x')")).toThrow(
      diskFull,
    );
    await expect(
      db.transactionAsync(() => Promise.resolve(db.run("DELETE FROM teams WHERE id = 't1'"))),
    ).rejects.toBe(diskFull);
    expect(db.inTransaction).toBe(false);
    db.setSink(undefined);
    db.run("INSERT INTO teams (id, name, created_at) VALUES ('t2', 'Two', 'x')");
    expect(db.all('SELECT id FROM teams')).toEqual([{ id: 't2' }]);
  });

  it('refuses a file from a newer schema version', async () => {
    const { db } = await createTestBackend();
    db.exec('PRAGMA user_version = 999');
    expect(() => migrate(db)).toThrow(/newer version/);
  });
});
