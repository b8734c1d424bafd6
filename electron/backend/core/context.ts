import type { Db } from '../db/database';
import type { Clock } from './clock';
import type { IdGenerator } from './ids';
import type { JobRegistry } from './jobs';

/** What every handler gets: the open database and the injectable sources of time and ids. */
export interface BackendContext {
  db: Db;
  clock: Clock;
  ids: IdGenerator;
  jobs: JobRegistry;
  /** Path of the data file, or null for an in-memory database (tests). */
  dataFile: string | null;
  appVersion: string;
}

export const nowIso = (ctx: Pick<BackendContext, 'clock'>): string => ctx.clock.now().toISOString();
