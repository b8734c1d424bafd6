import type { SqlValue } from 'sql.js';
import type {
  InteractionFilters,
  InteractionSort,
  InteractionSortColumn,
} from '../../../shared/ipc/contracts/interactions';

/**
 * SQL building for the Interactions table. Values only ever travel as bound parameters; the only
 * text spliced into SQL comes from the fixed maps below, keyed by zod-validated enums.
 */

/** Joins every id query may need; cheap (primary-key lookups) and only added when referenced. */
const AGENT_JOIN = 'LEFT JOIN agents a ON a.id = i.agent_id';
/** An interaction's own team, else its agent's current team (imports may leave team_id empty). */
const TEAM_JOIN = 'LEFT JOIN teams t ON t.id = coalesce(i.team_id, a.team_id)';

const HANDLE_EXPR = `CASE WHEN i.talk_seconds IS NULL AND i.hold_seconds IS NULL AND i.wrap_seconds IS NULL THEN NULL
  ELSE coalesce(i.talk_seconds, 0) + coalesce(i.hold_seconds, 0) + coalesce(i.wrap_seconds, 0) END`;

interface SortSpec {
  expr: string;
  joins: 'none' | 'agent' | 'team';
  /** NOT NULL columns skip the blanks-last rule, so their index still serves the ORDER BY. */
  required?: true;
}

/** Empty text reads as blank in the table, so it sorts with the NULLs. */
const text = (column: string) => `nullif(${column}, '')`;

const SORTS: Record<InteractionSortColumn, SortSpec> = {
  startedAt: { expr: 'i.started_at', joins: 'none', required: true },
  id: { expr: 'i.id', joins: 'none', required: true },
  channel: { expr: 'i.channel', joins: 'none', required: true },
  agentName: { expr: text('a.name'), joins: 'agent' },
  teamName: { expr: text('t.name'), joins: 'team' },
  // The Topic column shows the subject when there is no topic; it sorts by what it shows.
  topic: { expr: `coalesce(${text('i.topic')}, ${text('i.subject')})`, joins: 'none' },
  status: { expr: text('i.status'), joins: 'none' },
  talkSeconds: { expr: 'i.talk_seconds', joins: 'none' },
  handleSeconds: { expr: HANDLE_EXPR, joins: 'none' },
  firstResponseSeconds: { expr: 'i.first_response_seconds', joins: 'none' },
  resolutionSeconds: { expr: 'i.resolution_seconds', joins: 'none' },
  csat: { expr: 'i.csat_score', joins: 'none' },
  nps: { expr: 'i.nps_score', joins: 'none' },
};

const FLAG_COLUMNS = {
  answered: 'i.answered',
  abandoned: 'i.abandoned',
  resolved: 'i.resolved',
  escalated: 'i.escalated',
  fcr: 'i.fcr',
} as const;

export type NamedParams = Record<string, SqlValue>;

export interface WhereClause {
  sql: string;
  params: NamedParams;
}

/** `%`, `_` and the escape character itself match literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function inList(prefix: string, values: readonly string[], params: NamedParams): string {
  return values
    .map((value, index) => {
      const name = `:${prefix}${index}`;
      params[name] = value;
      return name;
    })
    .join(', ');
}

/** Empty arrays and blank text mean "no filter", like an untouched control in the UI. */
export function buildWhere(filters: InteractionFilters): WhereClause {
  const clauses: string[] = [];
  const params: NamedParams = {};

  if (filters.agentIds && filters.agentIds.length > 0) {
    clauses.push(`i.agent_id IN (${inList('agent', filters.agentIds, params)})`);
  }
  if (filters.teamIds && filters.teamIds.length > 0) {
    const list = inList('team', filters.teamIds, params);
    clauses.push(
      `(i.team_id IN (${list}) OR (i.team_id IS NULL AND i.agent_id IN (SELECT id FROM agents WHERE team_id IN (${list}))))`,
    );
  }
  if (filters.channels && filters.channels.length > 0) {
    clauses.push(`i.channel IN (${inList('channel', filters.channels, params)})`);
  }
  // `day` is the local date; started_at is UTC and indexed. Time-zone offsets stay within ±14 h, so
  // a one-day margin on started_at is a safe, index-friendly superset that `day` then trims exactly.
  if (filters.from) {
    clauses.push('i.started_at >= :fromUtc AND i.day >= :from');
    params[':from'] = filters.from;
    params[':fromUtc'] = addDays(filters.from, -1);
  }
  if (filters.to) {
    clauses.push('i.started_at < :toUtc AND i.day <= :to');
    params[':to'] = filters.to;
    params[':toUtc'] = addDays(filters.to, 2);
  }
  for (const key of Object.keys(FLAG_COLUMNS) as Array<keyof typeof FLAG_COLUMNS>) {
    const value = filters[key];
    if (value !== undefined) clauses.push(`${FLAG_COLUMNS[key]} = ${value ? 1 : 0}`);
  }
  if (filters.hasCsat !== undefined) {
    clauses.push(filters.hasCsat ? 'i.csat_score IS NOT NULL' : 'i.csat_score IS NULL');
  }
  const text = filters.text?.trim();
  if (text) {
    params[':text'] = `%${escapeLike(text)}%`;
    clauses.push(
      "(i.notes LIKE :text ESCAPE '\\' OR i.customer_comment LIKE :text ESCAPE '\\' OR i.subject LIKE :text ESCAPE '\\' OR i.topic LIKE :text ESCAPE '\\')",
    );
  }
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** The team sort reads the agent's team as a fallback, so it needs the agent join too. */
function joinsFor(sort: SortSpec): string {
  if (sort.joins === 'team') return `${AGENT_JOIN} ${TEAM_JOIN}`;
  if (sort.joins === 'agent') return AGENT_JOIN;
  return '';
}

export interface KeysetAnchor {
  /** Sort value of the last row before the requested window. */
  value: string | number;
  id: number;
}

/** Sorts whose key is NOT NULL and indexed, so keyset paging from a remembered row is exact and cheap. */
export function supportsKeyset(sort: InteractionSort): boolean {
  return sort.column === 'startedAt' || sort.column === 'id';
}

/**
 * `SELECT id, sortValue` for one window. With an anchor, the window starts after that row and
 * `offset` is relative to it (keyset paging); without, it is a plain OFFSET.
 */
export function buildIdQuery(
  filters: InteractionFilters,
  sort: InteractionSort,
  window: { offset: number; limit: number; anchor?: KeysetAnchor },
): { sql: string; params: NamedParams } {
  const spec = SORTS[sort.column];
  const where = buildWhere(filters);
  const params: NamedParams = { ...where.params, ':limit': window.limit, ':offset': window.offset };
  const dir = sort.direction === 'asc' ? 'ASC' : 'DESC';
  const clauses = where.sql ? [where.sql.slice('WHERE '.length)] : [];
  if (window.anchor && supportsKeyset(sort)) {
    const cmp = sort.direction === 'asc' ? '>' : '<';
    params[':kid'] = window.anchor.id;
    if (sort.column === 'id') {
      clauses.push(`i.id ${cmp} :kid`);
    } else {
      // The leading inclusive bound is what lets SQLite seek in the started_at index.
      params[':kv'] = window.anchor.value;
      clauses.push(`${spec.expr} ${cmp}= :kv AND (${spec.expr} ${cmp} :kv OR i.id ${cmp} :kid)`);
    }
  }
  const whereSql = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
  // Blanks go last in both directions: a sort is asked for to see values, not the missing ones.
  const nulls = spec.required ? '' : ' NULLS LAST';
  const order = sort.column === 'id' ? `i.id ${dir}` : `${spec.expr} ${dir}${nulls}, i.id ${dir}`;
  return {
    sql: `SELECT i.id AS id, ${spec.expr} AS sortValue FROM interactions i ${joinsFor(spec)} ${whereSql}
          ORDER BY ${order} LIMIT :limit OFFSET :offset`,
    params,
  };
}

export function buildCountQuery(filters: InteractionFilters): { sql: string; params: NamedParams } {
  const where = buildWhere(filters);
  return { sql: `SELECT count(*) AS n FROM interactions i ${where.sql}`, params: where.params };
}

/** Compact row columns, shared by the list and the detail query. */
export const ROW_COLUMNS = `i.id AS id, i.started_at AS startedAt, i.day AS day, i.channel AS channel,
  i.agent_id AS agentId, a.name AS agentName, t.name AS teamName, i.topic AS topic, i.subject AS subject,
  i.status AS status, i.answered AS answered, i.abandoned AS abandoned, i.resolved AS resolved,
  i.escalated AS escalated, i.fcr AS fcr, i.talk_seconds AS talkSeconds, i.hold_seconds AS holdSeconds,
  i.wrap_seconds AS wrapSeconds, ${HANDLE_EXPR} AS handleSeconds,
  i.first_response_seconds AS firstResponseSeconds, i.resolution_seconds AS resolutionSeconds,
  i.csat_score AS csat, i.csat_scale AS csatScale, i.nps_score AS nps`;

export const ROW_FROM = `FROM interactions i ${AGENT_JOIN} ${TEAM_JOIN}`;

export function stableKey(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}
