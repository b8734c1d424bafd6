import type { Db } from '../db/database';

export type DeriveRange = { from: string; to: string } | 'all';

/**
 * Recomputes per-interaction derived columns (business-hours resolution time, repeat contacts)
 * and the maintained KPI aggregates for the given range of days (`day` column, inclusive).
 * Call it inside the same transaction as the bulk write that changed those days.
 * Owned by the KPI engine; this placeholder is replaced by the real implementation.
 */
export function refreshDerived(_db: Db, _range: DeriveRange): void {}
