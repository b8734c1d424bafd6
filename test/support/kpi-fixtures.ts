import type { Db } from '../../electron/backend/db/database';
import { refreshDerived } from '../../electron/backend/kpi/derive';

/** team_1 (agt_a, agt_b), team_2 (agt_c) and the given customers: the cast of the KPI property tests. */
export function seedTeamsAgentsCustomers(db: Db, customers: readonly string[]): void {
  db.run("INSERT INTO teams (id, name, created_at) VALUES ('team_1', 'T1', 'x'), ('team_2', 'T2', 'x')");
  db.run(`INSERT INTO agents (id, team_id, name, created_at) VALUES
    ('agt_a', 'team_1', 'a', 'x'), ('agt_b', 'team_1', 'b', 'x'), ('agt_c', 'team_2', 'c', 'x')`);
  for (const c of customers) db.run(`INSERT INTO customers (id, created_at) VALUES (?, 'x')`, [c]);
}

/**
 * The path an import takes: rows already there and fully refreshed, then a few more rows whose
 * days alone are refreshed. `laterDays` are the days of the appended rows.
 */
export function refreshAllThenAppend(
  db: Db,
  loadFirst: () => void,
  appendLater: () => void,
  laterDays: string[],
) {
  db.run('DELETE FROM interactions');
  loadFirst();
  db.transaction(() => refreshDerived(db, 'all'));
  appendLater();
  const days = [...laterDays].sort();
  const from = days[0];
  const to = days[days.length - 1];
  if (from !== undefined && to !== undefined) db.transaction(() => refreshDerived(db, { from, to }));
}
