import {
  AGG_COLUMN_NAMES,
  aggSumSelectList,
  emptySums,
  rawSumSelectList,
  type KpiSums,
} from '../../../shared/kpi/aggregate';
import { addDays, monthStart, periodRange } from '../../../shared/kpi/periods';
import type { DayRange } from '../../../shared/kpi/types';
import type { Db } from '../db/database';
import { setRetention, type ScopeKind } from './customerSets';

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

/** Summed KPI inputs from the maintained aggregates, keyed as asked (null keys become ''). */
export function loadSums(db: Db, scope: Scope, range: DayRange, by: SumsKey): Map<string, KpiSums> {
  const s = scopeSql(scope, 'g');
  const params = { ':from': range.from, ':to': range.to, ...s.params };
  let sql: string;
  if (by !== 'channel')
    sql = `SELECT ${AGG_KEY[by]} AS k, ${aggSumSelectList('g')} FROM agg_daily g
            WHERE g.day BETWEEN :from AND :to${s.sql} GROUP BY k`;
  else if (!scope.agentId)
    sql = `SELECT g.channel AS k, ${aggSumSelectList('g')} FROM agg_channel_daily g
            WHERE g.day BETWEEN :from AND :to${s.sql} GROUP BY k`;
  else {
    // One agent by channel is not maintained (it would multiply agg_daily by the channels): its
    // own rows through the (agent_id, started_at) index are few.
    const team = scope.teamId ? ' AND COALESCE(i.team_id, a.team_id) = :team' : '';
    sql = `SELECT i.channel AS k, ${rawSumSelectList()}
             FROM interactions i LEFT JOIN agents a ON a.id = i.agent_id
            WHERE i.agent_id = :agent AND i.started_at >= :lo AND i.started_at < :hi
              AND i.day BETWEEN :from AND :to${team}
            GROUP BY k`;
    Object.assign(params, { ':lo': addDays(range.from, -2), ':hi': addDays(range.to, 2) });
  }
  const out = new Map<string, KpiSums>();
  for (const row of db.values(sql, params)) {
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

type RetentionCounts = { start: number; end: number; fresh: number };

/** True when the range is one whole calendar month and `previous` the month before it. */
function wholeMonth(range: DayRange, previous: DayRange): boolean {
  const month = periodRange('month', range.from);
  return month.from === range.from && month.to === range.to && previous.from === monthStart(range.from, -1);
}

/** Maintained month counts of one scope (agent, team or all) over a span of months. */
export function monthlyRetention(
  db: Db,
  scope: Scope,
  fromMonth: string,
  toMonth: string,
): Map<string, { customers: number; retained: number }> {
  const [kind, id] = scope.agentId
    ? ['agent', scope.agentId]
    : scope.teamId
      ? ['team', scope.teamId]
      : ['all', ''];
  const rows = db.values(
    `SELECT month, customers, retained FROM kpi_retention
      WHERE scope = ? AND scope_id = ? AND month BETWEEN ? AND ?`,
    [kind, id, fromMonth, toMonth],
  );
  return new Map(rows.map(([m, c, r]) => [String(m), { customers: Number(c), retained: Number(r) }]));
}

/** Retention counts of a whole month from the previous month's and its own maintained counts. */
export function monthRetention(
  counts: Map<string, { customers: number; retained: number }>,
  month: string,
): RetentionCounts | undefined {
  const prev = counts.get(monthStart(month, -1));
  const cur = counts.get(month);
  if (!prev && !cur) return undefined;
  const end = cur?.customers ?? 0;
  return { start: prev?.customers ?? 0, end, fresh: end - (cur?.retained ?? 0) };
}

/**
 * Customer counts entered per period (when interactions carry no customer ids), keyed
 * `from|to`; they win over what interactions show for exactly that period of a team or of all.
 */
export function enteredCounts(db: Db, teamId: string | null): Map<string, RetentionCounts> {
  const rows = db.values(
    `SELECT period_start, period_end, customers_at_start, customers_at_end, new_customers
       FROM customer_counts WHERE team_id IS ?`,
    [teamId],
  );
  return new Map(
    rows.map(([f, t, s, e, n]) => [
      `${String(f)}|${String(t)}`,
      { start: Number(s), end: Number(e), fresh: Number(n) },
    ]),
  );
}

/** The maintained path: one read of two months, grouped as asked. */
function maintainedRetention(
  db: Db,
  scope: Scope,
  month: string,
  by: 'agent' | 'team' | 'none',
): Map<string, RetentionCounts> {
  const out = new Map<string, RetentionCounts>();
  if (by === 'none') {
    const r = monthRetention(monthlyRetention(db, scope, monthStart(month, -1), month), month);
    if (r) out.set('', r);
    return out;
  }
  const params: Record<string, string> = { ':scope': by, ':prev': monthStart(month, -1), ':month': month };
  let filter = '';
  if (scope.agentId) {
    filter =
      by === 'agent'
        ? ' AND r.scope_id = :agent'
        : ' AND r.scope_id = (SELECT team_id FROM agents WHERE id = :agent)';
    params[':agent'] = scope.agentId;
  } else if (scope.teamId) {
    filter =
      by === 'agent'
        ? ' AND r.scope_id IN (SELECT id FROM agents WHERE team_id = :team)'
        : ' AND r.scope_id = :team';
    params[':team'] = scope.teamId;
  }
  const rows = db.values(
    `SELECT r.scope_id, r.month, r.customers, r.retained FROM kpi_retention r
      WHERE r.scope = :scope AND r.month IN (:prev, :month)${filter}`,
    params,
  );
  const byKey = new Map<string, Map<string, { customers: number; retained: number }>>();
  for (const [k, m, c, r] of rows) {
    const key = String(k);
    let counts = byKey.get(key);
    if (!counts) byKey.set(key, (counts = new Map()));
    counts.set(String(m), { customers: Number(c), retained: Number(r) });
  }
  for (const [key, counts] of byKey) {
    const r = monthRetention(counts, month);
    if (r) out.set(key, r);
  }
  return out;
}

/**
 * Distinct customers for retention, keyed by agent, team or total: customers in contact during
 * the previous period (start), during this one (end) and those of them not in contact during
 * the previous one (new). A whole calendar month comes from kpi_retention (maintained by
 * refreshDerived); a longer range of one scope from the month sets (kpi_customer_months) plus
 * the partial months at its edges; anything else reads interactions through the started_at index.
 */
export function loadRetention(
  db: Db,
  scope: Scope,
  range: DayRange,
  previous: DayRange,
  by: 'agent' | 'team' | 'none',
): Map<string, RetentionCounts> {
  const out = wholeMonth(range, previous)
    ? maintainedRetention(db, scope, range.from, by)
    : ((by === 'none' ? monthSetRetention(db, scope, range, previous) : null) ??
      rawRetention(db, scope, range, previous, by));
  if (by === 'none' && !scope.agentId) {
    const entered = enteredCounts(db, scope.teamId ?? null).get(`${range.from}|${range.to}`);
    if (entered) out.set('', entered);
  }
  return out;
}

const TEAM_EXPR = 'COALESCE(i.team_id, (SELECT a.team_id FROM agents a WHERE a.id = i.agent_id))';

/**
 * A subquery over a scope's contacts that carry a customer, started within [:lo, :hi) and
 * matching `days` (a condition on i.day). Sets the scope's parameters in `params`; `span`
 * bounds the days (for the team's agents).
 */
function scopedContacts(
  scope: Scope,
  select: string,
  days: string,
  span: DayRange,
  params: Record<string, string>,
): string {
  params[':lo'] = addDays(span.from, -2);
  params[':hi'] = addDays(span.to, 2);
  const inner = (where: string) => `SELECT ${select}
      FROM interactions i
     WHERE i.started_at >= :lo AND i.started_at < :hi AND (${days})
       AND i.customer_id IS NOT NULL${where}`;
  if (scope.agentId) {
    params[':agent'] = scope.agentId;
    if (scope.teamId) params[':team'] = scope.teamId;
    return inner(` AND i.agent_id = :agent${scope.teamId ? ` AND ${TEAM_EXPR} = :team` : ''}`);
  }
  if (scope.teamId) {
    // The aggregates' team rule (the contact's team, else its agent's), read through the
    // (agent_id, started_at) index: the agents that served the team in these days, plus
    // contacts without an agent.
    params[':team'] = scope.teamId;
    params[':span_from'] = span.from;
    params[':span_to'] = span.to;
    return `${inner(` AND i.agent_id IN (SELECT DISTINCT g.agent_id FROM agg_daily g
                  WHERE g.team_id = :team AND g.day BETWEEN :span_from AND :span_to) AND ${TEAM_EXPR} = :team`)}
      UNION ALL ${inner(' AND i.agent_id IS NULL AND i.team_id = :team')}`;
  }
  return inner('');
}

/** Retention from raw contacts: exact for any range, cost proportional to the rows read. */
export function rawRetention(
  db: Db,
  scope: Scope,
  range: DayRange,
  previous: DayRange,
  by: 'agent' | 'team' | 'none',
): Map<string, RetentionCounts> {
  const key = { agent: 'i.agent_id', team: TEAM_EXPR, none: "''" }[by];
  const params: Record<string, string> = {
    ':pfrom': previous.from,
    ':pto': previous.to,
    ':from': range.from,
    ':to': range.to,
  };
  const source = scopedContacts(
    scope,
    `${key} AS k, i.customer_id AS c, CASE WHEN i.day <= :pto THEN 1 ELSE 0 END AS p`,
    'i.day BETWEEN :pfrom AND :pto OR i.day BETWEEN :from AND :to',
    { from: previous.from, to: range.to },
    params,
  );
  const rows = db.values(
    `SELECT k, SUM(in_prev), SUM(in_cur), SUM(CASE WHEN in_cur = 1 AND in_prev = 0 THEN 1 ELSE 0 END)
       FROM (SELECT k, c, MAX(p) AS in_prev, MAX(1 - p) AS in_cur FROM (${source}) GROUP BY k, c)
      GROUP BY k`,
    params,
  );
  const out = new Map<string, RetentionCounts>();
  for (const [k, start, end, fresh] of rows)
    out.set(k === null ? '' : String(k), { start: Number(start), end: Number(end), fresh: Number(fresh) });
  return out;
}

/**
 * Retention of one scope (an agent, a team or all; not an agent within a team) from the
 * maintained month sets plus raw contacts of the partial edge months. Null when the ranges hold
 * no whole month (then raw is cheaper) or the scope is not maintained.
 */
export function monthSetRetention(
  db: Db,
  scope: Scope,
  range: DayRange,
  previous: DayRange,
): Map<string, RetentionCounts> | null {
  if (scope.agentId && scope.teamId) return null;
  const [kind, id]: [ScopeKind, string] = scope.agentId
    ? ['agent', scope.agentId]
    : scope.teamId
      ? ['team', scope.teamId]
      : ['all', ''];
  const counts = setRetention(
    db,
    {
      kind,
      id,
      edgeKeys: (days) => {
        const params: Record<string, string> = { ':from': days.from, ':to': days.to };
        const source = scopedContacts(
          scope,
          'i.customer_id AS c',
          'i.day BETWEEN :from AND :to',
          days,
          params,
        );
        return db
          .values(
            `SELECT k.key FROM (SELECT DISTINCT c FROM (${source})) s
               JOIN kpi_customer_keys k ON k.customer_id = s.c`,
            params,
          )
          .map((row) => Number(row[0]));
      },
    },
    range,
    previous,
  );
  if (counts === null) return null;
  const out = new Map<string, RetentionCounts>();
  if (counts) out.set('', counts);
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
