import type { BindParams, Database, SqlValue, Statement } from 'sql.js';
import { prepareBulkStatement } from './bulkStatement';
import { loadedSqlJs } from './sqljs';

export type Params = SqlValue[] | Record<string, SqlValue>;
export type Row = Record<string, SqlValue>;

/** One statement executed inside a write transaction, recorded so the store can journal it. */
export interface WriteEntry {
  sql: string;
  params?: Params;
}

type Change = { kind: 'statements'; entries: WriteEntry[] } | { kind: 'bulk' };

/**
 * Receives each committed outermost transaction. `commit` must make it durable before returning:
 * the caller acknowledges the write to the user right after.
 */
export interface CommitSink {
  commit(change: Change): void;
}

export interface TransactionOptions {
  /**
   * Bulk transactions (imports, demo generation) are not journaled statement by statement:
   * the store writes a full checkpoint after commit instead, whose cost is proportional to
   * the database, like the bulk change itself.
   */
  bulk?: boolean;
}

/**
 * Page cache (KiB) for bulk work (imports, KPI refreshes): a 1M-row import's 310 MB of pages stay
 * in the 2 GB WASM heap until commit instead of spilling through sql.js's in-memory file.
 */
export const BULK_CACHE_KIB = 524_288;

/**
 * Thin wrapper over a sql.js Database: typed reads, SAVEPOINT-nested transactions, statements
 * always freed, and every write recorded for the journal.
 */
export class Db {
  private depth = 0;
  private log: WriteEntry[] = [];
  private bulk = false;
  private readonly afterReopen: Array<(raw: Database) => void> = [];

  constructor(
    public raw: Database,
    private sink?: CommitSink,
  ) {
    this.configure();
  }

  setSink(sink: CommitSink | undefined): void {
    this.sink = sink;
  }

  /** Registers work to redo whenever sql.js reopens the handle (export() resets pragmas and functions). */
  onReopen(fn: (raw: Database) => void): void {
    this.afterReopen.push(fn);
    fn(this.raw);
  }

  /** Called by the store after `raw.export()`, which closes and reopens the underlying handle. */
  configure(): void {
    this.raw.run('PRAGMA foreign_keys = ON');
    // sql.js keeps the database in WASM memory, so SQLite's own rollback journal protects nothing
    // against crashes (our append-only log does); in memory it is just faster. Savepoint rollback
    // still works.
    this.raw.run('PRAGMA journal_mode = MEMORY');
    for (const fn of this.afterReopen) fn(this.raw);
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  all<T = Row>(sql: string, params?: Params): T[] {
    const stmt = this.raw.prepare(sql);
    try {
      if (params) stmt.bind(params as BindParams);
      const rows: T[] = [];
      while (stmt.step()) rows.push(stmt.getAsObject() as T);
      return rows;
    } finally {
      stmt.free();
    }
  }

  get<T = Row>(sql: string, params?: Params): T | undefined {
    const stmt = this.raw.prepare(sql);
    try {
      if (params) stmt.bind(params as BindParams);
      return stmt.step() ? (stmt.getAsObject() as T) : undefined;
    } finally {
      stmt.free();
    }
  }

  /** Rows as arrays: cheaper than objects for large result sets. */
  values(sql: string, params?: Params): SqlValue[][] {
    const stmt = this.raw.prepare(sql);
    try {
      if (params) stmt.bind(params as BindParams);
      const rows: SqlValue[][] = [];
      while (stmt.step()) rows.push(stmt.get());
      return rows;
    } finally {
      stmt.free();
    }
  }

  /** Executes one write statement; outside a transaction it gets its own. */
  run(sql: string, params?: Params): { changes: number } {
    return this.transaction(() => {
      this.raw.run(sql, params as BindParams);
      this.record(sql, params);
      return { changes: this.raw.getRowsModified() };
    });
  }

  /** Executes a script of several statements (migrations); journaled as one entry. */
  exec(sql: string): void {
    this.transaction(() => {
      this.raw.exec(sql);
      this.record(sql);
    });
  }

  /**
   * A prepared write statement for loops (imports). Must be used inside `transaction` and freed
   * in a `finally` by the caller.
   */
  prepareWrite(sql: string): { run(params: Params): number; free(): void } {
    if (this.depth === 0) throw new Error('prepareWrite needs an open transaction');
    // A bulk transaction journals nothing, so its loops can bind through the C API directly.
    const bulk = this.bulk ? prepareBulkStatement(loadedSqlJs(), this.raw, sql) : null;
    if (bulk) {
      // Blobs (a few per refresh) and named parameters take sql.js's own statement.
      let plain: Statement | null = null;
      return {
        run: (params) => {
          if (Array.isArray(params) && !params.some((p) => p instanceof Uint8Array)) return bulk.run(params);
          plain ??= this.raw.prepare(sql);
          plain.run(params as BindParams);
          return this.raw.getRowsModified();
        },
        free: () => {
          bulk.free();
          plain?.free();
        },
      };
    }
    const stmt = this.raw.prepare(sql);
    return {
      run: (params) => {
        stmt.run(params as BindParams);
        this.record(sql, params);
        return this.raw.getRowsModified();
      },
      free: () => {
        stmt.free();
      },
    };
  }

  transaction<T>(fn: () => T, options: TransactionOptions = {}): T {
    const { name, mark } = this.begin(options);
    let result: T;
    let change: Change | null;
    try {
      result = fn();
      if (result instanceof Promise) throw new Error('use transactionAsync for async work');
      change = this.release(name);
    } catch (error) {
      this.rollback(name, mark);
      throw error;
    }
    // Outside the try: once released there is no savepoint left to roll back to, and a failed
    // commit must surface as the sink's error, not as "no such savepoint".
    this.publish(change);
    return result;
  }

  /**
   * For long jobs that yield to the event loop between chunks. The backend runs one request at a
   * time, so nothing else writes while this transaction is open.
   */
  async transactionAsync<T>(fn: () => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const { name, mark } = this.begin(options);
    let result: T;
    let change: Change | null;
    try {
      result = await fn();
      change = this.release(name);
    } catch (error) {
      this.rollback(name, mark);
      throw error;
    }
    this.publish(change);
    return result;
  }

  private begin(options: TransactionOptions): { name: string; mark: number } {
    const name = `sp${this.depth}`;
    this.raw.run(`SAVEPOINT ${name}`);
    if (this.depth === 0) {
      this.log = [];
      this.bulk = false;
    }
    if (options.bulk) this.bulk = true;
    this.depth += 1;
    return { name, mark: this.log.length };
  }

  /** Returns the change to hand to the sink when this was the outermost transaction. */
  private release(name: string): Change | null {
    this.raw.run(`RELEASE ${name}`);
    this.depth -= 1;
    if (this.depth > 0) return null;
    const change: Change = this.bulk ? { kind: 'bulk' } : { kind: 'statements', entries: this.log };
    this.log = [];
    this.bulk = false;
    return change;
  }

  private publish(change: Change | null): void {
    if (change && (change.kind === 'bulk' || change.entries.length > 0)) this.sink?.commit(change);
  }

  private rollback(name: string, mark: number): void {
    this.raw.run(`ROLLBACK TO ${name}`);
    this.raw.run(`RELEASE ${name}`);
    this.depth -= 1;
    this.log.length = mark;
    if (this.depth === 0) this.bulk = false;
  }

  private record(sql: string, params?: Params): void {
    if (this.bulk) return;
    this.log.push(params === undefined ? { sql } : { sql, params });
  }

  close(): void {
    this.raw.close();
  }
}
