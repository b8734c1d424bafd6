import type { SqlValue } from 'sql.js';
import type { Db } from '../db/database';
import {
  flagPositions,
  packFlags,
  R,
  ROW_WIDTH,
  type FlagPositions,
  type ScanSource,
  type ScanWindow,
} from './scanRow';

/** Numeric columns of the scan row, and the interaction column each comes from. */
const NUMBER_COLUMNS = [
  [R.resolutionSeconds, 'resolution_seconds'],
  [R.biz, 'resolution_business_seconds'],
  [R.firstResponseSeconds, 'first_response_seconds'],
  [R.talkSeconds, 'talk_seconds'],
  [R.holdSeconds, 'hold_seconds'],
  [R.wrapSeconds, 'wrap_seconds'],
  [R.csatScore, 'csat_score'],
  [R.npsScore, 'nps_score'],
  [R.cesScore, 'ces_score'],
] as const;
/** Text columns of the scan row (interned), and their interaction column. */
const TEXT_COLUMNS = [
  [R.day, 'day'],
  [R.agent, 'agent_id'],
  [R.team, 'team_id'],
  [R.channel, 'channel'],
  [R.customer, 'customer_id'],
  [R.topic, 'topic'],
] as const;
const DAY = TEXT_COLUMNS.findIndex(([, c]) => c === 'day');
/** Only the topic is free text among them (ids, days and channels are the app's own). */
const TOPIC = TEXT_COLUMNS.findIndex(([, c]) => c === 'topic');

/** `YYYY-MM-DDTHH:MM:SS.sssZ`, as the importer writes started_at and resolved_at. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The rows an import inserts, kept in memory (columnar) as refreshDerived's scan would read them
 * back: reading a million rows back through sql.js took 2.5 s of the 3.3 s refresh. Used only when
 * these rows are all the refresh would scan (`coversAlone`). A value whose stored form could differ
 * from the JS value (text in a number column, a lone surrogate, a non-ISO instant) turns the rows
 * unusable, and the refresh reads the table as usual.
 */
export class WrittenRows implements ScanSource {
  private count = 0;
  private capacity = 0;
  private usable = true;
  private ids = new Float64Array(0);
  private starts = new Float64Array(0);
  private resolvedAts: Float64Array | null = null;
  private flags = new Int32Array(0);
  /** Per NUMBER_COLUMNS entry: values (NaN = null), or null when the import has no such column. */
  private readonly numbers: Array<Float64Array | null>;
  /** Per TEXT_COLUMNS entry: interned value + 1 (0 = null), or null when not imported. */
  private readonly texts: Array<Int32Array | null>;
  private readonly strings: string[] = [];
  private readonly interned = new Map<string, number>();
  private readonly comments = new Map<number, string>();
  private readonly lastText: SqlValue[] = TEXT_COLUMNS.map(() => null);
  private readonly lastCode: number[] = TEXT_COLUMNS.map(() => 0);
  private readonly instants = new InstantReader();
  /** Row positions in scan order, once asked for. */
  private sorted: Uint32Array | null = null;
  /** Cell position of each column the rows need (-1: not imported). */
  private readonly pos: {
    startedAt: number;
    resolvedAt: number;
    sentiment: number;
    comment: number;
    numbers: number[];
    texts: number[];
    flags: FlagPositions;
  };

  /**
   * `columns`: the interaction column of each cell `add` gets. `otherRows`: rows the table held
   * before the import (0 makes `coversAlone` free).
   */
  constructor(
    columns: readonly string[],
    private readonly otherRows: number,
  ) {
    const at = (column: string) => columns.indexOf(column);
    this.pos = {
      startedAt: at('started_at'),
      resolvedAt: at('resolved_at'),
      sentiment: at('sentiment'),
      comment: at('customer_comment'),
      numbers: NUMBER_COLUMNS.map(([, c]) => at(c)),
      texts: TEXT_COLUMNS.map(([, c]) => at(c)),
      flags: flagPositions(at),
    };
    this.numbers = this.pos.numbers.map((k) => (k >= 0 ? new Float64Array(0) : null));
    this.texts = this.pos.texts.map((k) => (k >= 0 ? new Int32Array(0) : null));
    if (this.pos.resolvedAt >= 0) this.resolvedAts = new Float64Array(0);
  }

  /** One inserted row: `id` and its cells from `offset` on, in constructor column order. */
  add(id: number, cells: readonly SqlValue[], offset: number): void {
    if (!this.usable) return;
    if (this.count === this.capacity) this.grow();
    const i = this.count;
    const { pos } = this;
    this.ids[i] = id;
    const start = this.instants.read(cellAt(cells, offset, pos.startedAt));
    if (start === null) return this.giveUp();
    this.starts[i] = start;
    if (this.resolvedAts) {
      const resolved = cellAt(cells, offset, pos.resolvedAt);
      const at = resolved === null ? NaN : this.instants.read(resolved);
      if (at === null) return this.giveUp();
      this.resolvedAts[i] = at;
    }
    for (let k = 0; k < NUMBER_COLUMNS.length; k++) {
      const column = this.numbers[k];
      if (!column) continue;
      const v = cellAt(cells, offset, pos.numbers[k] as number);
      if (v !== null && typeof v !== 'number') return this.giveUp();
      column[i] = v ?? NaN;
    }
    const { lastText, lastCode } = this;
    for (let k = 0; k < TEXT_COLUMNS.length; k++) {
      const column = this.texts[k];
      if (!column) continue;
      const v = cells[offset + (pos.texts[k] as number)] ?? null;
      // Exports repeat days, agents and channels row after row: most rows match the last value.
      if (v === lastText[k]) {
        column[i] = lastCode[k] as number;
        continue;
      }
      if (v !== null && (typeof v !== 'string' || (k === TOPIC && LONE_SURROGATE.test(v))))
        return this.giveUp();
      const code = v === null ? 0 : this.intern(v);
      column[i] = code;
      lastText[k] = v;
      lastCode[k] = code;
    }
    this.flags[i] = packFlags(cells, offset, pos.flags);
    if (pos.comment >= 0 && cellAt(cells, offset, pos.sentiment) === null) {
      const comment = cellAt(cells, offset, pos.comment);
      if (comment !== null) {
        if (typeof comment !== 'string' || LONE_SURROGATE.test(comment)) return this.giveUp();
        this.comments.set(i, comment);
      }
    }
    this.count = i + 1;
  }

  /** True when the rows in `window` are exactly these: nothing else in the table falls in it. */
  coversAlone(db: Db, window: ScanWindow): boolean {
    if (!this.usable || this.count === 0 || !bounds(window)) return false;
    if (this.otherRows === 0) return true;
    const first = this.ids[0] as number;
    const last = this.ids[this.count - 1] as number;
    // Whichever is smaller: the other rows (by rowid) or the window (by the started_at index).
    const fewerOthers = this.otherRows <= this.count;
    const other = db.get<{ found: number }>(
      `SELECT EXISTS (SELECT 1 FROM interactions
         WHERE (${fewerOthers ? 'id' : '+id'} < :first OR ${fewerOthers ? 'id' : '+id'} > :last)
           AND ${fewerOthers ? '+' : ''}started_at >= :lo AND ${fewerOthers ? '+' : ''}started_at < :hi) AS found`,
      { ':first': first, ':last': last, ':lo': window.lo, ':hi': window.hi },
    );
    return other?.found === 0;
  }

  span(window: ScanWindow | null): { lo: number | null; hi: number | null } {
    let lo: number | null = null;
    let hi: number | null = null;
    this.each(window, (i) => {
      const start = this.starts[i] as number;
      if (lo === null || start < lo) lo = start;
      if (hi === null || start > hi) hi = start;
    });
    return { lo, hi };
  }

  scan(window: ScanWindow | null, visit: (row: SqlValue[]) => void): void {
    const row: SqlValue[] = new Array<SqlValue>(ROW_WIDTH).fill(null);
    const { strings } = this;
    this.each(window, (i) => {
      row[R.id] = this.ids[i] as number;
      row[R.startedAt] = this.starts[i] as number;
      const resolved = this.resolvedAts ? (this.resolvedAts[i] as number) : NaN;
      row[R.resolvedAt] = Number.isNaN(resolved) ? null : resolved;
      for (let k = 0; k < NUMBER_COLUMNS.length; k++) {
        const column = this.numbers[k];
        const v = column ? (column[i] as number) : NaN;
        row[(NUMBER_COLUMNS[k] as (typeof NUMBER_COLUMNS)[number])[0]] = Number.isNaN(v) ? null : v;
      }
      for (let k = 0; k < TEXT_COLUMNS.length; k++) {
        const column = this.texts[k];
        const s = column ? (column[i] as number) : 0;
        row[(TEXT_COLUMNS[k] as (typeof TEXT_COLUMNS)[number])[0]] =
          s === 0 ? null : (strings[s - 1] as string);
      }
      row[R.comment] = this.comments.get(i) ?? null;
      row[R.flags] = this.flags[i] as number;
      visit(row);
    });
  }

  /** Row positions in (started_at, id) order that fall in `window`. */
  private each(window: ScanWindow | null, visit: (i: number) => void): void {
    const order = this.order();
    const range = window ? bounds(window) : null;
    const dayColumn = this.texts[DAY];
    for (let k = 0; k < order.length; k++) {
      const i = order[k] as number;
      if (range) {
        const start = this.starts[i] as number;
        if (start < range.lo || start >= range.hi) continue;
        const day = dayColumn ? (this.strings[(dayColumn[i] as number) - 1] ?? null) : null;
        if (day === null || day < range.from || day > range.to) continue;
      }
      visit(i);
    }
  }

  /** Rows come in file order; ids ascend with it, so only start instants can be out of order. */
  private order(): Uint32Array {
    if (this.sorted?.length === this.count) return this.sorted;
    const order = new Uint32Array(this.count);
    let inOrder = true;
    for (let i = 0; i < this.count; i++) {
      order[i] = i;
      if (i > 0 && (this.starts[i] as number) < (this.starts[i - 1] as number)) inOrder = false;
    }
    if (!inOrder) {
      const starts = this.starts;
      order.sort((a, b) => (starts[a] as number) - (starts[b] as number) || a - b);
    }
    this.sorted = order;
    return order;
  }

  private intern(text: string): number {
    let n = this.interned.get(text);
    if (n === undefined) {
      this.strings.push(text);
      n = this.strings.length;
      this.interned.set(text, n);
    }
    return n;
  }

  private grow(): void {
    const capacity = Math.max(1024, this.capacity * 2);
    const grown64 = (old: Float64Array) => {
      const next = new Float64Array(capacity);
      next.set(old);
      return next;
    };
    const grown32 = (old: Int32Array) => {
      const next = new Int32Array(capacity);
      next.set(old);
      return next;
    };
    this.ids = grown64(this.ids);
    this.starts = grown64(this.starts);
    if (this.resolvedAts) this.resolvedAts = grown64(this.resolvedAts);
    this.flags = grown32(this.flags);
    for (let k = 0; k < this.numbers.length; k++) {
      const column = this.numbers[k];
      if (column) this.numbers[k] = grown64(column);
    }
    for (let k = 0; k < this.texts.length; k++) {
      const column = this.texts[k];
      if (column) this.texts[k] = grown32(column);
    }
    this.capacity = capacity;
  }

  private giveUp(): void {
    this.usable = false;
  }
}

const cellAt = (cells: readonly SqlValue[], offset: number, k: number): SqlValue =>
  k < 0 ? null : (cells[offset + k] ?? null);

/**
 * `unixepoch(text, 'subsec') * 1000` of the ISO instants the importer writes
 * (`YYYY-MM-DDTHH:MM:SS.sssZ`), computed as SQLite does (whole milliseconds / 1000.0, then
 * × 1000) so the doubles are identical; null for any other text. The day's start is remembered:
 * consecutive rows mostly share it.
 */
class InstantReader {
  private day = '';
  private dayMs = NaN;

  read(value: SqlValue): number | null {
    if (
      typeof value !== 'string' ||
      value.length !== 24 ||
      value.charCodeAt(10) !== 84 || // T
      value.charCodeAt(13) !== 58 || // :
      value.charCodeAt(16) !== 58 ||
      value.charCodeAt(19) !== 46 || // .
      value.charCodeAt(23) !== 90 // Z
    )
      return null;
    if (!value.startsWith(this.day) || this.day === '') {
      this.day = value.slice(0, 10);
      this.dayMs = /^\d{4}-\d\d-\d\d$/.test(this.day) ? Date.parse(`${this.day}T00:00:00.000Z`) : NaN;
    }
    const h = digits(value, 11, 2);
    const m = digits(value, 14, 2);
    const s = digits(value, 17, 2);
    const ms = digits(value, 20, 3);
    if (Number.isNaN(this.dayMs) || h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59 || ms < 0)
      return null;
    return ((this.dayMs + ((h * 60 + m) * 60 + s) * 1000 + ms) / 1000) * 1000;
  }
}

/** The decimal number in `text` at [from, from + n), or -1 when a character is not a digit. */
function digits(text: string, from: number, n: number): number {
  let value = 0;
  for (let k = from; k < from + n; k++) {
    const d = text.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** The window as instants; null when its days are not plain `YYYY-MM-DD`. */
function bounds(window: ScanWindow): { lo: number; hi: number; from: string; to: string } | null {
  const day = /^\d{4}-\d\d-\d\d$/;
  if (!day.test(window.lo) || !day.test(window.hi)) return null;
  const lo = Date.parse(`${window.lo}T00:00:00.000Z`);
  const hi = Date.parse(`${window.hi}T00:00:00.000Z`);
  if (Number.isNaN(lo) || Number.isNaN(hi)) return null;
  return { lo, hi, from: window.from, to: window.to };
}
