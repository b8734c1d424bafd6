import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../../electron/backend/db/migrations';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-shell-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function sqlite3(file: string, sql: string): string {
  try {
    return execFileSync('sqlite3', ['-bail', file], { input: sql, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error('The stock sqlite3 shell is needed for this test: apt-get install sqlite3');
    throw new Error(`sqlite3 refused the SQL: ${stderr}`);
  }
}

/**
 * The data file is a plain SQLite database that users open with their own sqlite3 shell, often
 * older than the SQLite inside sql.js (Debian 12 ships 3.40): every migration, triggers included,
 * must parse and run there too.
 */
describe('migrations in the stock sqlite3 shell', () => {
  it('run in order and leave working triggers', () => {
    const file = path.join(tmp, 'shell.db');
    const script = migrations.map((m) => `BEGIN;\n${m.sql}\nPRAGMA user_version = ${m.version};\nCOMMIT;`);
    sqlite3(file, `PRAGMA foreign_keys = OFF;\n${script.join('\n')}`);
    const version = sqlite3(file, 'PRAGMA user_version;').trim();
    expect(Number(version)).toBe(migrations.at(-1)?.version);
    const triggers = sqlite3(file, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger';").trim();
    expect(Number(triggers)).toBeGreaterThan(0);
  });
});
