import { AGG_COLUMN_NAMES, aggSumSelectList, emptySums, type KpiSums } from '../../../shared/kpi/aggregate';
import { addDays } from '../../../shared/kpi/periods';
import type { DayRange } from '../../../shared/kpi/types';
import type { Db } from '../db/database';

export interface Scope {
  teamId?: string | null;
  agentId?: string | null;
}

/** How rows are keyed: by day (bucketed in TS), agent, team, channel, or one total ('none' → key ''). */
export type SumsKey = 'day' | 'agent' | 'team' | 'channel' | 'none';

const AGG_KEY: Record<SumsKey, string> = {
  day: 'g.day',
  agent: 'g.agent_id',
  team: 'g.team_id',
  channel: 'g.channel',
  none: "''",
};

function scopeSql(scope: Scope, alias: string): { sql: string; params: Record<string, string> } {
  const parts: string[] = [];
  const params: Record<string, string> = {};
  if (scope.teamId) {
    parts.push(`${alias}.team_id = :team`);
    params[':team'] = scope.teamId;
  }
  if (scope.agentId) {
    parts.push(`${alias}.agent_id = :agent`);
    params[':agent'] = scope.agentId;
  }
  return { sql: parts.length ? ` AND ${parts.join(' AND ')}` : '', params };
}

/** Summed KPI inputs from agg_daily, keyed as asked (null keys become ''). */
export function loadSums(db: Db, scope: Scope, range: DayRange, by: SumsKey): Map<string, KpiSums> {
  const s = scopeSql(scope, 'g');
  const rows = db.values(
    `SELECT ${AGG_KEY[by]} AS k, ${aggSumSelectList('g')}
       FROM agg_daily g
      WHERE g.day BETWEEN :from AND :to${s.sql}
      GROUP BY k`,
    { ':from': range.from, ':to': range.to, ...s.params },
  );
  const out = new Map<string, KpiSums>();
  for (const row of rows) {
    const sums: KpiSums = {};
    AGG_COLUMN_NAMES.forEach((col, idx) => {
      sums[col] = Number(row[idx + 1] ?? 0);
    });
    out.set(row[0] === null || row[0] === undefined ? '' : String(row[0]), sums);
  }
  return out;
}

/**
 * Logged-in seconds and the handled contacts of those agent-days, keyed like loadSums (agents'
 * current team for team scope). Channel has no logged-in time: not available.
 */
export function loadShifts(
  db: Db,
  scope: Scope,
  range: DayRange,
  by: Exclude<SumsKey, 'channel'>,
): Map<string, { seconds: number; handled: number }> {
  const key = { day: 's.day', agent: 's.agent_id', team: 'a.team_id', none: "''" }[by];
  const parts: string[] = [];
  const params: Record<string, string> = { ':from': range.from, ':to': range.to };
  if (scope.teamId) {
    parts.push('a.team_id = :team');
    params[':team'] = scope.teamId;
  }
  if (scope.agentId) {
    parts.push('s.agent_id = :agent');
    params[':agent'] = scope.agentId;
  }
  const rows = db.values(
    `SELECT ${key} AS k, SUM(s.logged_in_seconds),
            SUM(COALESCE((SELECT SUM(g.handled_n) FROM agg_daily g WHERE g.agent_id = s.agent_id AND g.day = s.day), 0))
       FROM agent_shifts s JOIN agents a ON a.id = s.agent_id
      WHERE s.day BETWEEN :from AND :to${parts.length ? ` AND ${parts.join(' AND ')}` : ''}
      GROUP BY k`,
    params,
  );
  const out = new Map<string, { seconds: number; handled: number }>();
  for (const [k, seconds, handled] of rows)
    out.set(k === null ? '' : String(k), { seconds: Number(seconds ?? 0), handled: Number(handled ?? 0) });
  return out;
}

/**
 * Distinct customers for retention, keyed by agent, team or total: customers in contact during
 * the previous period (start), during this one (end) and those of them not in contact during
 * the previous one (new). Reads interactions through the started_at / agent indexes.
 */
export function loadRetention(
  db: Db,
  scope: Scope,
  range: DayRange,
  previous: DayRange,
  by: 'agent' | 'team' | 'none',
): Map<string, { start: number; end: number; fresh: number }> {
  const teamExpr = 'COALESCE(i.team_id, (SELECT a.team_id FROM agents a WHERE a.id = i.agent_id))';
  const key = { agent: 'i.agent_id', team: teamExpr, none: "''" }[by];
  const params: Record<string, string> = {
    ':lo': addDays(previous.from, -2),
    ':hi': addDays(range.to, 2),
    ':pfrom': previous.from,
    ':pto': previous.to,
    ':from': range.from,
    ':to': range.to,
  };
  const parts: string[] = [];
  if (scope.agentId) {
    parts.push('i.agent_id = :agent');
    params[':agent'] = scope.agentId;
  } else if (scope.teamId) {
    // Through the (agent_id, started_at) index: only the team's rows are read.
    parts.push('i.agent_id IN (SELECT id FROM agents WHERE team_id = :team)', `${teamExpr} = :team`);
    params[':team'] = scope.teamId;
  }
  const rows = db.values(
    `SELECT k, SUM(in_prev), SUM(in_cur), SUM(CASE WHEN in_cur = 1 AND in_prev = 0 THEN 1 ELSE 0 END)
       FROM (SELECT k, c, MAX(p) AS in_prev, MAX(1 - p) AS in_cur
               FROM (SELECT ${key} AS k, i.customer_id AS c, CASE WHEN i.day <= :pto THEN 1 ELSE 0 END AS p
                       FROM interactions i
                      WHERE i.started_at >= :lo AND i.started_at < :hi
                        AND (i.day BETWEEN :pfrom AND :pto OR i.day BETWEEN :from AND :to)
                        AND i.customer_id IS NOT NULL${parts.length ? ` AND ${parts.join(' AND ')}` : ''})
              GROUP BY k, c)
      GROUP BY k`,
    params,
  );
  const out = new Map<string, { start: number; end: number; fresh: number }>();
  for (const [k, start, end, fresh] of rows)
    out.set(k === null ? '' : String(k), { start: Number(start), end: Number(end), fresh: Number(fresh) });
  if (by !== 'agent') {
    // Counts entered for exactly this period win over what interactions show.
    const entered = db.get<{ s: number; e: number; n: number }>(
      `SELECT customers_at_start AS s, customers_at_end AS e, new_customers AS n FROM customer_counts
        WHERE period_start = ? AND period_end = ? AND team_id IS ?`,
      [range.from, range.to, scope.teamId ?? null],
    );
    if (entered && by === 'none') out.set('', { start: entered.s, end: entered.e, fresh: entered.n });
  }
  return out;
}

/** Merges the non-additive inputs into a sums object (keys absent when unknown). */
export function withExtras(
  sums: KpiSums | undefined,
  shift: { seconds: number; handled: number } | undefined,
  retention: { start: number; end: number; fresh: number } | undefined,
): KpiSums {
  const out: KpiSums = { ...(sums ?? emptySums()) };
  if (shift) {
    out.shift_seconds = shift.seconds;
    out.shift_handled = shift.handled;
  }
  if (retention) {
    out.ret_start = retention.start;
    out.ret_end = retention.end;
    out.ret_new = retention.fresh;
  }
  return out;
}
