import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FILE_GROWTH, loadSqlJs, locate, patchFileGrowth } from '../../../electron/backend/db/sqljs';

describe('sql.js loader', () => {
  it('finds the in-memory file growth rule in the installed sql.js (update FILE_GROWTH after an upgrade)', () => {
    const { source, patched } = patchFileGrowth(readFileSync(locate('sql-wasm.js'), 'utf8'));
    expect(patched).toBe(true);
    expect(source).toContain(FILE_GROWTH.to);
    expect(source).not.toContain(FILE_GROWTH.from);
  });

  it('leaves a script without the rule (or with it twice) unchanged', () => {
    expect(patchFileGrowth('var x = 1;')).toEqual({ source: 'var x = 1;', patched: false });
    const twice = `${FILE_GROWTH.from};${FILE_GROWTH.from}`;
    expect(patchFileGrowth(twice)).toEqual({ source: twice, patched: false });
  });

  it('loads a working sql.js whose files grow past several MB and read back intact', async () => {
    const SQL = await loadSqlJs();
    const db = new SQL.Database();
    try {
      db.run('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)');
      db.run('BEGIN');
      const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
      try {
        for (let i = 0; i < 3000; i++) insert.run([`${i}:`.padEnd(2000, 'x')]);
      } finally {
        insert.free();
      }
      db.run('COMMIT');
      const bytes = db.export();
      expect(bytes.length).toBeGreaterThan(6_000_000);
      const copy = new SQL.Database(bytes);
      try {
        expect(copy.exec('PRAGMA integrity_check')[0]?.values).toEqual([['ok']]);
        expect(copy.exec("SELECT count(*), sum(body LIKE '%:x%') FROM t")[0]?.values).toEqual([[3000, 3000]]);
      } finally {
        copy.close();
      }
    } finally {
      db.close();
    }
  });
});
