import { UserFacingError } from '../../../shared/ipc/result';
import type { Db } from './database';
import { latestSchemaVersion, migrations, type Migration } from './migrations';

export function schemaVersion(db: Db): number {
  const row = db.get<{ user_version: number }>('PRAGMA user_version');
  return row?.user_version ?? 0;
}

/**
 * Brings the schema to the latest version. Each migration and its `user_version` bump commit
 * together, so a crash leaves the file at a whole version. A file written by a newer app is
 * refused rather than guessed at.
 */
export function migrate(db: Db, list: Migration[] = migrations): { from: number; to: number } {
  const from = schemaVersion(db);
  const latest = list === migrations ? latestSchemaVersion : Math.max(0, ...list.map((m) => m.version));
  if (from > latest) {
    throw new UserFacingError(
      'database_too_new',
      `This data file was written by a newer version of Agent Scorecard (schema ${from}; this app knows up to ${latest}). Update the app to open it.`,
      { fileVersion: from, appVersion: latest },
    );
  }
  for (const migration of [...list].sort((a, b) => a.version - b.version)) {
    if (migration.version <= from) continue;
    if (migration.rebuildsTable) rebuild(db, migration);
    else
      db.transaction(() => {
        db.exec(migration.sql);
        db.exec(`PRAGMA user_version = ${migration.version}`);
      });
  }
  return { from, to: Math.max(from, latest) };
}

function rebuild(db: Db, migration: Migration): void {
  if (db.inTransaction) throw new Error(`migration ${migration.version} cannot run inside a transaction`);
  const foreignKeys = db.get<{ foreign_keys: number }>('PRAGMA foreign_keys')?.foreign_keys ?? 1;
  db.raw.run('PRAGMA foreign_keys = OFF');
  try {
    db.transaction(
      () => {
        db.exec(migration.sql);
        const broken = db.all('PRAGMA foreign_key_check');
        if (broken.length > 0) {
          throw new Error(`migration ${migration.version} left ${broken.length} broken references`);
        }
        db.exec(`PRAGMA user_version = ${migration.version}`);
      },
      { bulk: true },
    );
  } finally {
    db.raw.run(`PRAGMA foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
}
