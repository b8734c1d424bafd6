import { migration001 } from './001_initial';
import { migration002 } from './002_kpi_aggregates';
import { migration003 } from './003_interactions_unique_index';
import { migration004 } from './004_review_lifecycle';
import { migration005 } from './005_review_ratings_packed';
import { migration006 } from './006_calibration';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Rebuilds a table other tables refer to: runs with foreign keys off (SQLite ignores that
   * pragma inside a transaction), checks them before committing, and commits as a bulk change
   * (a checkpoint, not journal records a replay would run with foreign keys on).
   */
  rebuildsTable?: boolean;
}

/** Append only: never edit a released migration, add the next number. */
export const migrations: Migration[] = [
  { version: 1, name: 'initial', sql: migration001 },
  { version: 2, name: 'kpi_aggregates', sql: migration002 },
  { version: 3, name: 'interactions_unique_index', sql: migration003, rebuildsTable: true },
  { version: 4, name: 'review_lifecycle', sql: migration004 },
  { version: 5, name: 'review_ratings_packed', sql: migration005 },
  { version: 6, name: 'calibration', sql: migration006 },
];

export const latestSchemaVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0);
