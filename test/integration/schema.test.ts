import { describe, expect, it } from 'vitest';
import { Db } from '../../electron/backend/db/database';
import { migrate } from '../../electron/backend/db/migrate';
import { latestSchemaVersion } from '../../electron/backend/db/migrations';
import { loadSqlJs } from '../../electron/backend/db/sqljs';

/**
 * The schema after all migrations, committed as a snapshot so every schema change shows up as a
 * reviewable diff. After an intended change: `npx vitest run test/integration/schema.test.ts -u`.
 */
describe('schema', () => {
  it('matches the committed snapshot', async () => {
    const SQL = await loadSqlJs();
    const db = new Db(new SQL.Database());
    migrate(db);
    const rows = db.all<{ type: string; name: string; tbl_name: string; sql: string | null }>(
      'SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name',
    );
    const dump = [
      `-- user_version ${latestSchemaVersion}`,
      ...rows.map((row) => `-- ${row.type} ${row.name} on ${row.tbl_name}\n${row.sql ?? '(automatic)'};`),
    ].join('\n\n');
    await expect(`${dump}\n`).toMatchFileSnapshot('./__snapshots__/schema.sql');
    db.close();
  });

  it('is idempotent: migrating an up-to-date database changes nothing', async () => {
    const SQL = await loadSqlJs();
    const db = new Db(new SQL.Database());
    migrate(db);
    expect(migrate(db)).toEqual({ from: latestSchemaVersion, to: latestSchemaVersion });
    db.close();
  });
});
