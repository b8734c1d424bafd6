import { migration001 } from './001_initial';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append only: never edit a released migration, add the next number. */
export const migrations: Migration[] = [{ version: 1, name: 'initial', sql: migration001 }];

export const latestSchemaVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0);
