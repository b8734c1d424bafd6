import { describe, expect, it } from 'vitest';
import { prepareBulkStatement } from '../../../electron/backend/db/bulkStatement';
import { loadSqlJs } from '../../../electron/backend/db/sqljs';

async function table() {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  db.run(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, score REAL CHECK (score >= 0), n INTEGER)`);
  return { SQL, db };
}

describe('bulk statements', () => {
  it('binds text (ASCII, accents, CJK, emoji, NUL-free long), numbers and null exactly', async () => {
    const { SQL, db } = await table();
    const insert = prepareBulkStatement(
      SQL,
      db,
      'INSERT INTO t (id, name, score, n) VALUES (?, ?, ?, ?), (?, ?, ?, ?)',
    );
    expect(insert).not.toBeNull();
    const long = 'x'.repeat(100_000) + 'ü';
    try {
      expect(insert?.run([1, 'plain', 1.5, 3_000_000_000, 2, 'Zoë 日本 😀', null, -7])).toBe(2);
      expect(insert?.run([3, '', 0, null, 4, long, 2 ** 53 - 1, 0])).toBe(2);
    } finally {
      insert?.free();
    }
    expect(db.exec('SELECT id, name, score, n, typeof(n) FROM t ORDER BY id')[0]?.values).toEqual([
      [1, 'plain', 1.5, 3_000_000_000, 'integer'],
      [2, 'Zoë 日本 😀', null, -7, 'integer'],
      [3, '', 0, null, 'null'],
      [4, long, 2 ** 53 - 1, 0, 'integer'],
    ]);
    db.close();
  });

  it('throws SQLite own message on a failed step and stays usable', async () => {
    const { SQL, db } = await table();
    const insert = prepareBulkStatement(SQL, db, 'INSERT INTO t (id, name, score) VALUES (?, ?, ?)');
    try {
      expect(() => insert?.run([1, 'a', -1])).toThrow(/CHECK constraint failed/);
      insert?.run([1, 'a', 1]);
      expect(() => insert?.run([1, 'b', 1])).toThrow(/UNIQUE constraint failed/);
      expect(insert?.run([2, 'c', 2])).toBe(1);
    } finally {
      insert?.free();
    }
    expect(db.exec('SELECT count(*) FROM t')[0]?.values).toEqual([[2]]);
    db.close();
  });

  it('refuses SQL that does not compile, with its message', async () => {
    const { SQL, db } = await table();
    expect(() => prepareBulkStatement(SQL, db, 'INSERT INTO nowhere VALUES (?)')).toThrow(/no such table/);
    db.close();
  });

  it('is null (the caller falls back to sql.js) when the module is not sql.js', async () => {
    const { db } = await table();
    expect(prepareBulkStatement(undefined, db, 'SELECT 1')).toBeNull();
    db.close();
  });
});
