import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { latestSchemaVersion } from '../backend/db/migrations';
import { DurableStore, journalPathFor } from '../backend/db/store';
import { UserFacingError } from '../../shared/ipc/result';
import { CliError } from './command';

export interface DataFileReport {
  dataFile: string;
  integrity: 'ok';
  schemaVersion: number;
  latestSchemaVersion: number;
  /** Changes found in the journal that a normal open would fold into the file. */
  journalRecords: number;
  counts: Record<string, number>;
}

/**
 * Opens a copy of the data file (and its change journal) in a temporary folder, so verification
 * and journal replay run exactly as in the app while the original files are never touched.
 */
export async function inspectDataFile(file: string): Promise<DataFileReport> {
  const dataFile = path.resolve(file);
  if (!fs.existsSync(dataFile)) throw new CliError(`No data file at ${dataFile}.`);
  if (fs.statSync(dataFile).isDirectory()) throw new CliError(`${dataFile} is a folder, not a data file.`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-check-'));
  try {
    const copy = path.join(dir, path.basename(dataFile));
    fs.copyFileSync(dataFile, copy);
    if (fs.existsSync(journalPathFor(dataFile)))
      fs.copyFileSync(journalPathFor(dataFile), journalPathFor(copy));
    const store = await DurableStore.open(copy, { verify: 'integrity_check' }).catch((error: unknown) => {
      // Messages name the file that was opened: name the user's file, not the temporary copy.
      if (error instanceof UserFacingError) {
        throw new UserFacingError(error.code, error.message.split(copy).join(dataFile), error.details);
      }
      throw error;
    });
    try {
      const db = store.db;
      const integrity = db.values('PRAGMA integrity_check').map((row) => String(row[0]));
      if (integrity.length !== 1 || integrity[0] !== 'ok') {
        throw new CliError(
          `${dataFile} is damaged after replaying its journal: ${integrity.slice(0, 5).join('; ')}`,
        );
      }
      const schemaVersion = db.get<{ user_version: number }>('PRAGMA user_version')?.user_version ?? 0;
      const tables = db
        .values(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY name",
        )
        .map((row) => String(row[0]));
      if (schemaVersion === 0 || !tables.includes('interactions')) {
        throw new CliError(`${dataFile} is a SQLite file but not an Agent Scorecard data file.`);
      }
      const counts: Record<string, number> = {};
      for (const table of tables) {
        counts[table] =
          db.get<{ n: number }>(`SELECT count(*) AS n FROM "${table.replace(/"/g, '""')}"`)?.n ?? 0;
      }
      return {
        dataFile,
        integrity: 'ok',
        schemaVersion,
        latestSchemaVersion,
        journalRecords: store.stats.replayedRecords,
        counts,
      };
    } finally {
      store.abandon();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
