import type { MethodInput, MethodName, MethodOutput } from '../../shared/ipc/contract';
import { Backend } from '../../electron/backend/backend';
import { fixedClock } from '../../electron/backend/core/clock';
import { sequentialIds } from '../../electron/backend/core/ids';
import { Db } from '../../electron/backend/db/database';
import { migrate } from '../../electron/backend/db/migrate';
import { loadSqlJs } from '../../electron/backend/db/sqljs';

export const TEST_NOW = '2026-01-15T09:00:00.000Z';

/** A fresh, migrated in-memory database with a fixed clock and deterministic ids. */
export async function createTestBackend() {
  const SQL = await loadSqlJs();
  const db = new Db(new SQL.Database());
  migrate(db);
  const clock = fixedClock(TEST_NOW);
  const backend = new Backend({ db, clock, ids: sequentialIds(), dataFile: null, appVersion: 'test' });
  /** Calls a handler through validation and dispatch; throws on `{ok:false}` so tests read plainly. */
  async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await backend.call(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
    return result.value as MethodOutput<M>;
  }
  return { backend, db, clock, ctx: backend.ctx, call };
}

export type TestBackend = Awaited<ReturnType<typeof createTestBackend>>;
