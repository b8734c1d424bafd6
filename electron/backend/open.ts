import fs from 'node:fs';
import path from 'node:path';
import { Backend } from './backend';
import { systemClock, type Clock } from './core/clock';
import { randomIds, sequentialIds, type IdGenerator } from './core/ids';
import { ensureDailyBackup } from './db/backups';
import { Db } from './db/database';
import { migrate } from './db/migrate';
import { loadSqlJs } from './db/sqljs';
import { DurableStore, type DurableStoreOptions } from './db/store';
import { generateDemoData } from './demo/generate';

export interface OpenDataFileOptions extends DurableStoreOptions {
  dataFile: string;
  clock?: Clock;
  ids?: IdGenerator;
  /** Fill a brand-new file with the seeded demo data set. */
  seedDemo: boolean;
  appVersion: string;
  /** Daily rolling backup on open; on by default. */
  backups?: boolean;
  onInternalError?: (method: string, error: unknown) => void;
}

export interface OpenedDataFile {
  backend: Backend;
  store: DurableStore;
  /** The file did not exist before this open. */
  created: boolean;
  close(): void;
}

/**
 * Opens the data file for the backend: verify + replay (DurableStore), migrate, seed a new file
 * with demo data when asked, write the daily backup. Throws UserFacingError 'database_corrupt' /
 * 'database_too_new' without having modified the file.
 */
export async function openDataFile(options: OpenDataFileOptions): Promise<OpenedDataFile> {
  const dataFile = path.resolve(options.dataFile);
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomIds;
  fs.mkdirSync(path.dirname(dataFile), { recursive: true });
  const store = await DurableStore.open(dataFile, options);
  try {
    const { from, to } = migrate(store.db);
    if (store.created && options.seedDemo) {
      generateDemoData(store.db, { now: clock.now(), ids, seed: 42 });
    }
    // A new file, a migration or a replayed journal: fold it into the snapshot now, so the data
    // file alone is complete and today's backup has it.
    if (store.created || from !== to || store.stats.replayedRecords > 0) store.checkpoint();
    if (options.backups ?? true) ensureDailyBackup(dataFile, clock.now());
  } catch (error) {
    store.abandon();
    // A brand-new file that failed to set up (e.g. seeding threw): leave nothing half-made behind,
    // so the next start creates and seeds it afresh.
    if (store.created && !fs.existsSync(dataFile)) fs.rmSync(store.journalPath, { force: true });
    throw error;
  }
  const backend = new Backend({
    db: store.db,
    clock,
    ids,
    dataFile,
    appVersion: options.appVersion,
    ...(options.onInternalError ? { onInternalError: options.onInternalError } : {}),
  });
  return { backend, store, created: store.created, close: () => store.close() };
}

/** A migrated in-memory backend (tests, previews): nothing touches the disk. */
export async function openInMemory(
  options: { clock?: Clock; ids?: IdGenerator; appVersion?: string } = {},
): Promise<{ backend: Backend; db: Db; close(): void }> {
  const SQL = await loadSqlJs();
  const db = new Db(new SQL.Database());
  migrate(db);
  const backend = new Backend({
    db,
    clock: options.clock ?? systemClock,
    ids: options.ids ?? sequentialIds(),
    dataFile: null,
    appVersion: options.appVersion ?? 'test',
  });
  return { backend, db, close: () => db.close() };
}
