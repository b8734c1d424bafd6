import { migration001 } from './001_initial';
import { migration002 } from './002_kpi_aggregates';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append only: never edit a released migration, add the next number. */
export const migrations: Migration[] = [
  { version: 1, name: 'initial', sql: migration001 },
  { version: 2, name: 'kpi_aggregates', sql: migration002 },
];

export const latestSchemaVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0);
