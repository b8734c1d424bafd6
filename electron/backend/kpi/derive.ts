import type { SqlValue } from 'sql.js';
import { accumulate, AGG_COLUMN_NAMES, type AggInput } from '../../../shared/kpi/aggregate';
import { addDays, monthStart } from '../../../shared/kpi/periods';
import { lexiconSentiment } from '../../../shared/kpi/sentiment';
import { BULK_CACHE_KIB, type Db } from '../db/database';
import { businessClock, clockSpan } from './calendar';
import { encodeKeys } from './customerSets';
import { loadKpiSettings } from './settingsStore';
import type { KpiSettings } from '../../../shared/kpi/settings';
import {
  CES_SCALE_SHIFT,
  CES_SCALES,
  CSAT_SCALE_SHIFT,
  CSAT_SCALES,
  F,
  R,
  SCAN_SELECT,
  SENTIMENT_SHIFT,
  SENTIMENTS,
  tri,
  type ScanSource,
  type ScanWindow,
} from './scanRow';
import type { WrittenRows } from './writtenRows';

export type DeriveRange = { from: string; to: string } | 'all';

const DAY_MS = 86_400_000;
/** Business time stops counting this long after the last contact (bad data such as year 9999). */
const TAIL_DAYS = 400;

const num = (v: SqlValue): number | null => (typeof v === 'number' ? v : null);

interface Group {
  key: [string, string | null, string | null];
  sums: Float64Array;
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
/** For tests and benchmarks: false makes every refresh read the table. */
export const deriveSettings = { readWrittenRows: true };

/** Returns where the pass read its rows: rows an import just wrote (`written`) or the table. */
export function refreshDerived(
  db: Db,
  range: DeriveRange,
  written?: WrittenRows,
): { readFrom: 'written' | 'table' } {
  const settings = loadKpiSettings(db);
  const bounds = db.get<{ lo: string | null; hi: string | null }>(
    'SELECT min(day) AS lo, max(day) AS hi FROM interactions',
  );
  // sql.js keeps the database in an emscripten in-memory file: with SQLite's default 2 MB page
  // cache, rewriting many rows spills pages through that file layer, which dominated the time.
  const cacheSize = Number(db.get<{ cache_size: number }>('PRAGMA cache_size')?.cache_size ?? -2000);
  const raise = cacheSize < 0 ? cacheSize > -BULK_CACHE_KIB : cacheSize < BULK_CACHE_KIB / 4;
  if (raise) db.raw.run(`PRAGMA cache_size = -${BULK_CACHE_KIB}`);
  try {
    return refreshInTransaction(db, range, settings, bounds, written);
  } finally {
    if (raise) db.raw.run(`PRAGMA cache_size = ${cacheSize}`);
  }
}

function refreshInTransaction(
  db: Db,
  range: DeriveRange,
  settings: KpiSettings,
  bounds: { lo: string | null; hi: string | null } | undefined,
  written: WrittenRows | undefined,
): { readFrom: 'written' | 'table' } {
  const windowDays = settings.fcr.windowDays;
  const windowMs = windowDays * DAY_MS;
  return db.transaction(() => {
    if (!bounds?.lo || !bounds.hi) {
      if (range === 'all') clearAggregates(db, null);
      return { readFrom: 'table' as const };
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
    // `day` is local and started_at UTC: a two-day margin lets the started_at index narrow the scan.
    const window: ScanWindow | null =
      range === 'all' ? null : { lo: addDays(scanFrom, -2), hi: addDays(to, 2), from: scanFrom, to };
    // Rows an import just wrote into days that held nothing else are all the scan would return.
    const fromWritten = Boolean(
      deriveSettings.readWrittenRows && written && window && written.coversAlone(db, window),
    );
    const source: ScanSource = fromWritten && written ? written : tableSource(db);

    const agentTeam = new Map<string, string | null>(
      db.values('SELECT id, team_id FROM agents').map(([id, team]) => [String(id), team as string | null]),
    );
    const span = source.span(window);
    const lo = span?.lo ?? 0;
    const hi = span?.hi ?? lo;
    const cal = settings.calendar;
    const clockDays = clockSpan(lo, hi + TAIL_DAYS * DAY_MS, cal);
    const clock = businessClock(cal, clockDays.from, clockDays.to);
    const maxEndS = Date.parse(`${clockDays.to}T00:00:00Z`) / 1000 - 86_400;

    const groups: Group[] = [];
    const groupIndex: GroupIndex = new Map();
    const channelGroups: Group[] = [];
    const channelIndex: GroupIndex = new Map();
    const retention = new RetentionCounter(db, months.from, months.to, scanFrom, range === 'all');
    // Per scanned row of the refreshed days (or of the lookahead after them, daily = −1), in
    // scan order: what is needed once repeat contacts, which look ahead in time, are known.
    const ids: number[] = [];
    const daily: number[] = [];
    const byChannel: number[] = [];
    const resolvedOf: Array<number | null> = [];
    const oldRepeat: Array<number | null> = [];
    const newRepeat: Array<number | null> = [];
    const biz: Array<number | null> = [];
    const sentiment: Array<number | null> = [];
    const dirty: boolean[] = [];
    // Rows with customer and topic: position in the arrays above, key and start instant.
    const keyed: number[] = [];
    const keyOf: number[] = [];
    const startOf: number[] = [];
    const topics = new Map<string, number>();
    const input = emptyInput();

    source.scan(window, (row) => {
      const day = row[R.day] as string;
      const agent = row[R.agent] as string | null;
      const team = (row[R.team] as string | null) ?? (agent === null ? null : (agentTeam.get(agent) ?? null));
      const customer = row[R.customer] as string | null;
      const customerNo = customer === null ? -1 : retention.add(day, agent, team, customer);
      const inDays = day >= days.from && day <= days.to;
      if (!inDays && !(day > days.to && day <= lookaheadTo)) return;
      const startMs = num(row[R.startedAt] ?? null);
      const topic = row[R.topic] as string | null;
      const at = ids.length;
      const flags = row[R.flags] as number;
      const repeat = tri(flags, F.repeat_contact);
      ids.push(row[R.id] as number);
      resolvedOf.push(tri(flags, F.resolved));
      oldRepeat.push(repeat);
      newRepeat.push(repeat);
      if (customerNo >= 0 && topic !== null && startMs !== null) {
        let t = topics.get(topic);
        if (t === undefined) topics.set(topic, (t = topics.size));
        keyed.push(at);
        // Unique per (customer, topic) while topics < 2^21 and customers < 2^31.
        keyOf.push(customerNo * 2_097_152 + t);
        startOf.push(startMs);
      }
      if (!inDays) {
        daily.push(-1);
        byChannel.push(-1);
        biz.push(null);
        sentiment.push(null);
        dirty.push(false);
        return;
      }

      const oldBiz = num(row[R.biz] ?? null);
      let newBiz = oldBiz;
      const resolutionSeconds = num(row[R.resolutionSeconds] ?? null);
      if (startMs !== null && (row[R.resolvedAt] !== null || resolutionSeconds !== null)) {
        const resolvedAt = num(row[R.resolvedAt] ?? null);
        const endMs = resolvedAt ?? (resolutionSeconds === null ? null : startMs + resolutionSeconds * 1000);
        newBiz = endMs === null ? null : clock.between(startMs / 1000, Math.min(endMs / 1000, maxEndS));
      }
      const oldSentiment = SENTIMENTS[(flags >>> SENTIMENT_SHIFT) & 3] ?? null;
      const comment = row[R.comment];
      const newSentiment = oldSentiment ?? (typeof comment === 'string' ? lexiconSentiment(comment) : null);
      biz.push(newBiz);
      sentiment.push(newSentiment);
      dirty.push(newBiz !== oldBiz || newSentiment !== oldSentiment);

      const g = groupFor(groups, groupIndex, day, agent ?? '', team ?? '', [day, agent, team]);
      const channel = row[R.channel] as string;
      const c = groupFor(channelGroups, channelIndex, day, team ?? '', channel, [day, team, channel]);
      daily.push(g);
      byChannel.push(c);
      // repeat_contact is not known yet: the FCR-window columns are added below.
      fillInput(input, row, flags, newBiz, newSentiment);
      accumulate((groups[g] as Group).sums, input);
      accumulate((channelGroups[c] as Group).sums, input);
    });

    // Walking backwards, the next contact of the same customer and topic is the last one seen.
    const next = new Map<number, number>();
    for (let k = keyed.length - 1; k >= 0; k -= 1) {
      const key = keyOf[k] as number;
      const start = startOf[k] as number;
      const later = next.get(key);
      newRepeat[keyed[k] as number] = later !== undefined && later <= start + windowMs ? 1 : 0;
      next.set(key, start);
    }
    const update = db.prepareWrite(
      'UPDATE interactions SET resolution_business_seconds = ?, repeat_contact = ?, sentiment = ? WHERE id = ?',
    );
    try {
      for (let at = 0; at < ids.length; at += 1) {
        const g = daily[at] as number;
        if (g < 0) continue;
        const repeat = newRepeat[at] ?? null;
        const resolved = resolvedOf[at] ?? null;
        if (repeat !== null && resolved !== null) {
          addFcrWindow((groups[g] as Group).sums, repeat, resolved);
          addFcrWindow((channelGroups[byChannel[at] as number] as Group).sums, repeat, resolved);
        }
        if (dirty[at] || repeat !== oldRepeat[at])
          update.run([biz[at] ?? null, repeat, sentiment[at] ?? null, ids[at] as number]);
      }
    } finally {
      update.free();
    }

    clearAggregates(db, range === 'all' ? null : days);
    insertGroups(db, 'agg_daily', ['day', 'agent_id', 'team_id'], groups);
    insertGroups(db, 'agg_channel_daily', ['day', 'team_id', 'channel'], channelGroups);
    retention.write(db);
    return { readFrom: fromWritten ? ('written' as const) : ('table' as const) };
  });
}

/** The pass's rows read from the table, through the started_at index. */
function tableSource(db: Db): ScanSource {
  const where = (window: ScanWindow | null): { sql: string; params: Record<string, string> } =>
    window === null
      ? { sql: '', params: {} }
      : {
          sql: 'WHERE i.started_at >= :lo AND i.started_at < :hi AND i.day BETWEEN :from AND :to',
          params: { ':lo': window.lo, ':hi': window.hi, ':from': window.from, ':to': window.to },
        };
  return {
    span(window) {
      const filter = where(window);
      const span = db.get<{ lo: number | null; hi: number | null }>(
        `SELECT unixepoch(min(i.started_at), 'subsec') * 1000 AS lo, unixepoch(max(i.started_at), 'subsec') * 1000 AS hi
           FROM interactions i ${filter.sql}`,
        filter.params,
      );
      return { lo: span?.lo ?? null, hi: span?.hi ?? null };
    },
    scan(window, visit) {
      const filter = where(window);
      const stmt = db.raw.prepare(
        `SELECT ${SCAN_SELECT} FROM interactions i ${filter.sql} ORDER BY i.started_at, i.id`,
      );
      try {
        stmt.bind(filter.params);
        while (stmt.step()) visit(stmt.get());
      } finally {
        stmt.free();
      }
    },
  };
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
  // row in agg_daily; every reader sums rows, so that is harmless.
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

function emptyInput(): AggInput {
  return {
    resolution_business_seconds: null,
    repeat_contact: null,
    sentiment: null,
    answered: null,
    abandoned: null,
    resolved: null,
    first_response_seconds: null,
    talk_seconds: null,
    hold_seconds: null,
    wrap_seconds: null,
    fcr: null,
    csat_score: null,
    csat_scale: null,
    nps_score: null,
    ces_score: null,
    ces_scale: null,
    is_complaint: null,
    escalated: null,
    cross_sell_eligible: null,
    cross_sell_offered: null,
    cross_sell_converted: null,
  };
}

/** Refills one reused object (a million short-lived objects cost more in GC than the maths). */
function fillInput(
  input: AggInput,
  row: SqlValue[],
  flags: number,
  biz: number | null,
  sentiment: number | null,
): void {
  input.resolution_business_seconds = biz;
  input.sentiment = sentiment;
  input.answered = tri(flags, F.answered);
  input.abandoned = tri(flags, F.abandoned);
  input.resolved = tri(flags, F.resolved);
  input.first_response_seconds = row[13];
  input.talk_seconds = row[14];
  input.hold_seconds = row[15];
  input.wrap_seconds = row[16];
  input.fcr = tri(flags, F.fcr);
  input.csat_score = row[17];
  input.csat_scale = CSAT_SCALES[(flags >>> CSAT_SCALE_SHIFT) & 3] ?? null;
  input.nps_score = row[18];
  input.ces_score = row[19];
  input.ces_scale = CES_SCALES[(flags >>> CES_SCALE_SHIFT) & 3] ?? null;
  input.is_complaint = tri(flags, F.is_complaint);
  input.escalated = tri(flags, F.escalated);
  input.cross_sell_eligible = tri(flags, F.cross_sell_eligible);
  input.cross_sell_offered = tri(flags, F.cross_sell_offered);
  input.cross_sell_converted = tri(flags, F.cross_sell_converted);
}

function clearAggregates(db: Db, days: { from: string; to: string } | null): void {
  if (days) {
    db.run('DELETE FROM agg_daily WHERE day BETWEEN ? AND ?', [days.from, days.to]);
    db.run('DELETE FROM agg_channel_daily WHERE day BETWEEN ? AND ?', [days.from, days.to]);
  } else {
    db.run('DELETE FROM agg_daily');
    db.run('DELETE FROM agg_channel_daily');
    db.run('DELETE FROM kpi_retention');
    db.run('DELETE FROM kpi_customer_months');
    db.run('DELETE FROM kpi_customer_keys');
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
  /** Indexed by month − base. */
  readonly customers: number[] = [];
  readonly retained: number[] = [];
  /** The customer keys of each month, in first-seen order. */
  readonly members: number[][] = [];

  constructor(private readonly base: number) {}

  add(customer: number, month: number): void {
    const m = month - this.base;
    // A malformed `day` has no month.
    if (!(m >= 0)) return;
    if (customer >= this.seen.length) {
      const grown = new Int32Array(Math.max(customer + 1, this.seen.length * 2));
      grown.set(this.seen);
      this.seen = grown;
    }
    const before = (this.seen[customer] as number) - 1;
    if (before === month) return;
    this.seen[customer] = month + 1;
    while (this.customers.length <= m) {
      this.customers.push(0);
      this.retained.push(0);
      this.members.push([]);
    }
    this.customers[m] = (this.customers[m] as number) + 1;
    (this.members[m] as number[]).push(customer);
    if (before === month - 1) this.retained[m] = (this.retained[m] as number) + 1;
  }

  *entries(): Generator<[number, number, number, number[]]> {
    for (let m = 0; m < this.customers.length; m += 1) {
      const customers = this.customers[m] as number;
      if (customers > 0)
        yield [m + this.base, customers, this.retained[m] as number, this.members[m] as number[]];
    }
  }
}

/**
 * Distinct customers per month and scope, and how many of them were also in contact the month
 * before. Rows arrive in time order, so remembering the last month each (scope, customer) was
 * seen is enough: a customer is counted once per month, and "retained" when last seen the
 * month before. Customers are numbered by kpi_customer_keys: a full refresh renumbers them
 * densely in scan order; a range refresh keeps the stored numbers and appends new customers.
 */
class RetentionCounter {
  private readonly customerIds = new Map<string, number>();
  private readonly agents = new Map<string, ScopeCounts>();
  private readonly teams = new Map<string, ScopeCounts>();
  private readonly all: ScopeCounts;
  private readonly base: number;
  /** Customers first numbered by this refresh start here. */
  private readonly firstNew: number;
  private nextKey: number;
  private lastDay = '';
  private month = 0;

  /** `scanFrom`: the first day the scan may return (earlier days would get negative offsets). */
  constructor(
    db: Db,
    private readonly from: string,
    private readonly to: string,
    scanFrom: string,
    private readonly full: boolean,
  ) {
    this.base = monthNumber(scanFrom);
    this.all = new ScopeCounts(this.base);
    let max = 0;
    if (!full) {
      const stmt = db.raw.prepare('SELECT key, customer_id FROM kpi_customer_keys');
      try {
        while (stmt.step()) {
          const [key, id] = stmt.get();
          this.customerIds.set(String(id), Number(key));
          if (Number(key) > max) max = Number(key);
        }
      } finally {
        stmt.free();
      }
    }
    // Keys start at 1: the sets' readers size a marker array by the largest key.
    this.firstNew = max + 1;
    this.nextKey = this.firstNew;
  }

  private of(map: Map<string, ScopeCounts>, key: string): ScopeCounts {
    let s = map.get(key);
    if (!s) {
      s = new ScopeCounts(this.base);
      map.set(key, s);
    }
    return s;
  }

  /** Counts one contact; returns the customer's key. */
  add(day: string, agent: string | null, team: string | null, customer: string): number {
    if (day !== this.lastDay) {
      this.lastDay = day;
      this.month = monthNumber(day);
    }
    let c = this.customerIds.get(customer);
    if (c === undefined) {
      c = this.nextKey;
      this.nextKey += 1;
      this.customerIds.set(customer, c);
    }
    this.of(this.agents, agent ?? '').add(c, this.month);
    this.of(this.teams, team ?? '').add(c, this.month);
    this.all.add(c, this.month);
    return c;
  }

  write(db: Db): void {
    if (this.full) db.run('DELETE FROM kpi_customer_keys');
    const keys = db.prepareWrite('INSERT INTO kpi_customer_keys (key, customer_id) VALUES (?, ?)');
    try {
      // Map iteration follows insertion order, so new customers are the tail.
      for (const [id, key] of this.customerIds) if (key >= this.firstNew) keys.run([key, id]);
    } finally {
      keys.free();
    }
    if (!this.full) {
      db.run('DELETE FROM kpi_retention WHERE month BETWEEN ? AND ?', [this.from, this.to]);
      db.run('DELETE FROM kpi_customer_months WHERE month BETWEEN ? AND ?', [this.from, this.to]);
    }
    const insert = db.prepareWrite(
      'INSERT INTO kpi_retention (scope, scope_id, month, customers, retained) VALUES (?, ?, ?, ?, ?)',
    );
    const sets = db.prepareWrite(
      'INSERT INTO kpi_customer_months (scope, scope_id, month, n, ids) VALUES (?, ?, ?, ?, ?)',
    );
    try {
      const scopes: Array<[string, string, ScopeCounts]> = [
        ...[...this.agents].map(([id, c]) => ['agent', id, c] as [string, string, ScopeCounts]),
        ...[...this.teams].map(([id, c]) => ['team', id, c] as [string, string, ScopeCounts]),
        ['all', '', this.all],
      ];
      for (const [scope, id, counts] of scopes) {
        for (const [m, customers, retained, members] of counts.entries()) {
          const month = monthOf(m);
          if (!this.full && (month < this.from || month > this.to)) continue;
          insert.run([scope, id, month, customers, retained]);
          sets.run([scope, id, month, customers, encodeKeys(Int32Array.from(members).sort())]);
        }
      }
    } finally {
      insert.free();
      sets.free();
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
