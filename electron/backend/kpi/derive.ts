import type { SqlValue } from 'sql.js';
import { accumulate, AGG_COLUMN_NAMES } from '../../../shared/kpi/aggregate';
import { addDays, monthStart } from '../../../shared/kpi/periods';
import { lexiconSentiment } from '../../../shared/kpi/sentiment';
import type { Db } from '../db/database';
import { businessClock, clockSpan } from './calendar';
import { loadKpiSettings } from './settingsStore';

export type DeriveRange = { from: string; to: string } | 'all';

const DAY_MS = 86_400_000;
/** Business time stops counting this long after the last contact (bad data such as year 9999). */
const TAIL_DAYS = 400;

/** Epoch ms of a stored timestamp: ISO-8601, UTC when it carries no zone (as SQLite reads it). */
function parseInstant(value: SqlValue): number | null {
  if (typeof value !== 'string') return null;
  let iso = value.length > 10 && value[10] === ' ' ? `${value.slice(0, 10)}T${value.slice(11)}` : value;
  if (!/(Z|[+-]\d\d:?\d\d)$/i.test(iso)) iso += 'Z';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

const num = (v: SqlValue): number | null => (typeof v === 'number' ? v : null);

/** Columns of the single pass, in this order (see `R`). */
const SELECT = `i.id, i.started_at, i.day, i.agent_id, i.team_id, i.channel, i.customer_id, i.topic,
  i.resolved_at, i.resolution_seconds, i.resolution_business_seconds, i.repeat_contact, i.sentiment,
  CASE WHEN i.sentiment IS NULL THEN i.customer_comment END,
  i.answered, i.abandoned, i.resolved, i.first_response_seconds, i.talk_seconds, i.hold_seconds,
  i.wrap_seconds, i.fcr, i.csat_score, i.csat_scale, i.nps_score, i.ces_score, i.ces_scale,
  i.is_complaint, i.escalated, i.cross_sell_eligible, i.cross_sell_offered, i.cross_sell_converted`;
const R = {
  id: 0,
  startedAt: 1,
  day: 2,
  agent: 3,
  team: 4,
  channel: 5,
  customer: 6,
  topic: 7,
  resolvedAt: 8,
  resolutionSeconds: 9,
  biz: 10,
  repeat: 11,
  sentiment: 12,
  comment: 13,
  resolved: 16,
} as const;

interface Group {
  key: [string, string | null, string | null];
  sums: Float64Array;
}

/** Per-row state kept until repeat contacts (which look ahead in time) are known. */
interface Pending {
  id: number;
  /** Index into `groups`, or −1 when the row is outside the refreshed days (lookahead only). */
  daily: number;
  channel: number;
  resolved: number | null;
  oldRepeat: number | null;
  repeat: number | null;
  biz: number | null;
  sentiment: number | null;
  dirty: boolean;
}

/**
 * Recomputes per-interaction derived columns and the maintained KPI aggregates for the given
 * days (`day` column, inclusive), inside the caller's transaction:
 * - resolution_business_seconds: business time from start to resolution (resolved_at, else
 *   start + resolution_seconds) under the calendar setting; null when resolution precedes start
 *   (an imported value is kept when the row has no resolution instant);
 * - repeat_contact: the same customer contacted again on the same topic within the FCR window
 *   (only where customer and topic are known; otherwise an imported value is kept);
 * - sentiment: lexicon score of customer_comment where no sentiment was given;
 * - agg_daily / agg_channel_daily rows of those days, kpi_retention rows of the touched months.
 *
 * One pass over the rows in (started_at, id) order through the started_at index: everything is
 * computed in TS and only changed rows are written back. A contact on day D changes
 * repeat_contact of earlier contacts, so the days are widened back by the window; the scan also
 * reads the window after the range (lookahead) and whole months around it (retention).
 */
export function refreshDerived(db: Db, range: DeriveRange): void {
  const settings = loadKpiSettings(db);
  const windowDays = settings.fcr.windowDays;
  const windowMs = windowDays * DAY_MS;
  const bounds = db.get<{ lo: string | null; hi: string | null }>(
    'SELECT min(day) AS lo, max(day) AS hi FROM interactions',
  );
  db.transaction(() => {
    if (!bounds?.lo || !bounds.hi) {
      if (range === 'all') clearAggregates(db, null);
      return;
    }
    const days =
      range === 'all'
        ? { from: bounds.lo, to: bounds.hi }
        : { from: addDays(range.from, -(windowDays + 1)), to: range.to };
    // Retention of month M needs month M − 1; month M + 1 needs M.
    const months = { from: monthStart(days.from), to: monthStart(days.to, 1) };
    const scanFrom = monthStart(days.from, -1);
    const scanTo = addDays(monthStart(days.to, 2), -1);
    const lookaheadTo = addDays(days.to, windowDays + 1);
    const to = lookaheadTo > scanTo ? lookaheadTo : scanTo;
    const filter: { sql: string; params: Record<string, string> } =
      range === 'all'
        ? { sql: '', params: {} }
        : {
            // `day` is local and started_at UTC: a two-day margin lets the started_at index narrow the scan.
            sql: 'WHERE i.started_at >= :lo AND i.started_at < :hi AND i.day BETWEEN :from AND :to',
            params: { ':lo': addDays(scanFrom, -2), ':hi': addDays(to, 2), ':from': scanFrom, ':to': to },
          };

    const agentTeam = new Map<string, string | null>(
      db.values('SELECT id, team_id FROM agents').map(([id, team]) => [String(id), team as string | null]),
    );
    const span = db.get<{ lo: string | null; hi: string | null }>(
      `SELECT min(i.started_at) AS lo, max(i.started_at) AS hi FROM interactions i ${filter.sql}`,
      filter.params,
    );
    const lo = parseInstant(span?.lo ?? null) ?? 0;
    const hi = parseInstant(span?.hi ?? null) ?? lo;
    const cal = settings.calendar;
    const clockDays = clockSpan(lo, hi + TAIL_DAYS * DAY_MS, cal);
    const clock = businessClock(cal, clockDays.from, clockDays.to);
    const maxEndS = Date.parse(`${clockDays.to}T00:00:00Z`) / 1000 - 86_400;

    const groups: Group[] = [];
    const groupIndex: GroupIndex = new Map();
    const channelGroups: Group[] = [];
    const channelIndex: GroupIndex = new Map();
    const pending: Pending[] = [];
    // Repeat contacts: rows with customer and topic, in scan order.
    const keyed: number[] = [];
    const keyOf: string[] = [];
    const startOf: number[] = [];
    const retention = new RetentionCounter(months.from, months.to);

    const stmt = db.raw.prepare(`SELECT ${SELECT} FROM interactions i ${filter.sql} ORDER BY i.started_at, i.id`);
    try {
      stmt.bind(filter.params);
      while (stmt.step()) {
        const row = stmt.get();
        const day = row[R.day] as string;
        const agent = row[R.agent] as string | null;
        const team = (row[R.team] as string | null) ?? (agent === null ? null : (agentTeam.get(agent) ?? null));
        const customer = row[R.customer] as string | null;
        if (customer !== null) retention.add(day, agent, team, customer);
        const startMs = parseInstant(row[R.startedAt] ?? null);
        const topic = row[R.topic] as string | null;
        const inDays = day >= days.from && day <= days.to;
        if (!inDays && !(day > days.to && day <= lookaheadTo)) continue;
        const oldRepeat = num(row[R.repeat] ?? null);
        const p: Pending = {
          id: row[R.id] as number,
          daily: -1,
          channel: -1,
          resolved: num(row[R.resolved] ?? null),
          oldRepeat,
          repeat: oldRepeat,
          biz: null,
          sentiment: null,
          dirty: false,
        };
        if (customer !== null && topic !== null && startMs !== null) {
          keyed.push(pending.length);
          keyOf.push(`${customer}\u0000${topic}`);
          startOf.push(startMs);
        }
        pending.push(p);
        if (!inDays) continue;

        const oldBiz = num(row[R.biz] ?? null);
        let biz = oldBiz;
        const resolvedAt = parseInstant(row[R.resolvedAt] ?? null);
        const resolutionSeconds = num(row[R.resolutionSeconds] ?? null);
        if (startMs !== null && (row[R.resolvedAt] !== null || resolutionSeconds !== null)) {
          const endMs = resolvedAt ?? (resolutionSeconds === null ? null : startMs + resolutionSeconds * 1000);
          biz = endMs === null ? null : clock.between(startMs / 1000, Math.min(endMs / 1000, maxEndS));
        }
        const oldSentiment = num(row[R.sentiment] ?? null);
        const comment = row[R.comment];
        const sentiment = oldSentiment ?? (typeof comment === 'string' ? lexiconSentiment(comment) : null);
        p.biz = biz;
        p.sentiment = sentiment;
        p.dirty = biz !== oldBiz || sentiment !== oldSentiment;

        const g = groupFor(groups, groupIndex, day, agent ?? '', team ?? '', [day, agent, team]);
        const channel = row[R.channel] as string;
        const c = groupFor(channelGroups, channelIndex, day, team ?? '', channel, [day, team, channel]);
        p.daily = g;
        p.channel = c;
        // repeat_contact is filled in below; the FCR-window columns are added then.
        const input = toAggInput(row, biz, null, sentiment);
        accumulate((groups[g] as Group).sums, input);
        accumulate((channelGroups[c] as Group).sums, input);
      }
    } finally {
      stmt.free();
    }

    // Walking backwards, the next contact of the same customer and topic is the last one seen.
    const next = new Map<string, number>();
    for (let k = keyed.length - 1; k >= 0; k -= 1) {
      const key = keyOf[k] as string;
      const start = startOf[k] as number;
      const later = next.get(key);
      const p = pending[keyed[k] as number] as Pending;
      p.repeat = later !== undefined && later <= start + windowMs ? 1 : 0;
      next.set(key, start);
    }
    const update = db.prepareWrite(
      'UPDATE interactions SET resolution_business_seconds = ?, repeat_contact = ?, sentiment = ? WHERE id = ?',
    );
    try {
      for (const p of pending) {
        if (p.daily < 0) continue;
        if (p.repeat !== null && p.resolved !== null) {
          addFcrWindow((groups[p.daily] as Group).sums, p.repeat, p.resolved);
          addFcrWindow((channelGroups[p.channel] as Group).sums, p.repeat, p.resolved);
        }
        if (p.dirty || p.repeat !== p.oldRepeat) update.run([p.biz, p.repeat, p.sentiment, p.id]);
      }
    } finally {
      update.free();
    }

    clearAggregates(db, range === 'all' ? null : days);
    insertGroups(db, 'agg_daily', ['day', 'agent_id', 'team_id'], groups);
    insertGroups(db, 'agg_channel_daily', ['day', 'team_id', 'channel'], channelGroups);
    retention.write(db, range === 'all');
  });
}

/** a → b → the group of the day being scanned; rows come in day order, so no per-day map. */
type GroupIndex = Map<string, Map<string, { day: string; index: number }>>;

function groupFor(
  groups: Group[],
  index: GroupIndex,
  day: string,
  a: string,
  b: string,
  key: Group['key'],
): number {
  let inner = index.get(a);
  if (!inner) {
    inner = new Map();
    index.set(a, inner);
  }
  const current = inner.get(b);
  if (current && current.day === day) return current.index;
  // Rows arrive in started_at order; a day seen again later (odd local dates) gets a second
  // group, which the insert merges.
  const created = groups.length;
  groups.push({ key, sums: new Float64Array(AGG_COLUMN_NAMES.length) });
  if (current) {
    current.day = day;
    current.index = created;
  } else inner.set(b, { day, index: created });
  return created;
}

const FCRW_N = AGG_COLUMN_NAMES.indexOf('fcrw_n');
const FCRW_YES = AGG_COLUMN_NAMES.indexOf('fcrw_yes');
function addFcrWindow(sums: Float64Array, repeat: number, resolved: number): void {
  sums[FCRW_N] = (sums[FCRW_N] ?? 0) + 1;
  if (repeat === 0 && resolved === 1) sums[FCRW_YES] = (sums[FCRW_YES] ?? 0) + 1;
}

function toAggInput(row: SqlValue[], biz: number | null, repeat: number | null, sentiment: number | null) {
  return {
    resolution_business_seconds: biz,
    repeat_contact: repeat,
    sentiment,
    answered: row[14],
    abandoned: row[15],
    resolved: row[16],
    first_response_seconds: row[17],
    talk_seconds: row[18],
    hold_seconds: row[19],
    wrap_seconds: row[20],
    fcr: row[21],
    csat_score: row[22],
    csat_scale: row[23],
    nps_score: row[24],
    ces_score: row[25],
    ces_scale: row[26],
    is_complaint: row[27],
    escalated: row[28],
    cross_sell_eligible: row[29],
    cross_sell_offered: row[30],
    cross_sell_converted: row[31],
  };
}

function clearAggregates(db: Db, days: { from: string; to: string } | null): void {
  if (days) {
    db.run('DELETE FROM agg_daily WHERE day BETWEEN ? AND ?', [days.from, days.to]);
    db.run('DELETE FROM agg_channel_daily WHERE day BETWEEN ? AND ?', [days.from, days.to]);
  } else {
    db.run('DELETE FROM agg_daily');
    db.run('DELETE FROM agg_channel_daily');
    db.run('DELETE FROM kpi_retention');
  }
}

function insertGroups(db: Db, table: string, keys: string[], groups: Group[]): void {
  if (groups.length === 0) return;
  const names = [...keys, ...AGG_COLUMN_NAMES];
  const insert = db.prepareWrite(
    `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
  );
  try {
    for (const g of groups) insert.run([...g.key, ...g.sums]);
  } finally {
    insert.free();
  }
}

/** Month number (year × 12 + month index) of a `YYYY-MM-DD` day. */
const monthNumber = (day: string): number => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
const monthOf = (n: number): string =>
  `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}-01`;

/** One scope's customers: the last month each was seen (+1; 0 = never), counts per month. */
class ScopeCounts {
  seen = new Int32Array(1024);
  readonly customers = new Map<number, number>();
  readonly retained = new Map<number, number>();

  add(customer: number, month: number): void {
    if (customer >= this.seen.length) {
      const grown = new Int32Array(Math.max(customer + 1, this.seen.length * 2));
      grown.set(this.seen);
      this.seen = grown;
    }
    const before = (this.seen[customer] as number) - 1;
    if (before === month) return;
    this.seen[customer] = month + 1;
    this.customers.set(month, (this.customers.get(month) ?? 0) + 1);
    if (before === month - 1) this.retained.set(month, (this.retained.get(month) ?? 0) + 1);
  }
}

/**
 * Distinct customers per month and scope, and how many of them were also in contact the month
 * before. Rows arrive in time order, so remembering the last month each (scope, customer) was
 * seen is enough: a customer is counted once per month, and "retained" when last seen the
 * month before.
 */
class RetentionCounter {
  private readonly customerIds = new Map<string, number>();
  private readonly agents = new Map<string, ScopeCounts>();
  private readonly teams = new Map<string, ScopeCounts>();
  private readonly all = new ScopeCounts();
  private lastDay = '';
  private month = 0;

  constructor(
    private readonly from: string,
    private readonly to: string,
  ) {}

  private static of(map: Map<string, ScopeCounts>, key: string): ScopeCounts {
    let s = map.get(key);
    if (!s) {
      s = new ScopeCounts();
      map.set(key, s);
    }
    return s;
  }

  add(day: string, agent: string | null, team: string | null, customer: string): void {
    if (day !== this.lastDay) {
      this.lastDay = day;
      this.month = monthNumber(day);
    }
    let c = this.customerIds.get(customer);
    if (c === undefined) {
      c = this.customerIds.size;
      this.customerIds.set(customer, c);
    }
    RetentionCounter.of(this.agents, agent ?? '').add(c, this.month);
    RetentionCounter.of(this.teams, team ?? '').add(c, this.month);
    this.all.add(c, this.month);
  }

  write(db: Db, all: boolean): void {
    if (!all) db.run('DELETE FROM kpi_retention WHERE month BETWEEN ? AND ?', [this.from, this.to]);
    const insert = db.prepareWrite(
      'INSERT INTO kpi_retention (scope, scope_id, month, customers, retained) VALUES (?, ?, ?, ?, ?)',
    );
    try {
      const scopes: Array<[string, string, ScopeCounts]> = [
        ...[...this.agents].map(([id, c]) => ['agent', id, c] as [string, string, ScopeCounts]),
        ...[...this.teams].map(([id, c]) => ['team', id, c] as [string, string, ScopeCounts]),
        ['all', '', this.all],
      ];
      for (const [scope, id, counts] of scopes) {
        for (const [m, customers] of counts.customers) {
          const month = monthOf(m);
          if (all || (month >= this.from && month <= this.to))
            insert.run([scope, id, month, customers, counts.retained.get(m) ?? 0]);
        }
      }
    } finally {
      insert.free();
    }
  }
}

/**
 * A file migrated from before the aggregates existed (or never refreshed) has interactions but no
 * aggregates: build them once, as a bulk change.
 */
export function ensureAggregates(db: Db): void {
  const state = db.get<{ agg: number; rows: number }>(
    'SELECT EXISTS (SELECT 1 FROM agg_daily) AS agg, EXISTS (SELECT 1 FROM interactions) AS rows',
  );
  if (state && state.agg === 0 && state.rows === 1)
    db.transaction(() => refreshDerived(db, 'all'), { bulk: true });
}
