import type { Database, SqlJsStatic, SqlValue } from 'sql.js';

/**
 * The part of sql.js's exported C API a bulk statement needs (all of it is in sql.js's exports;
 * only the typings leave it out).
 */
interface SqliteApi {
  HEAPU8: Uint8Array;
  HEAP32: Int32Array;
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  _sqlite3_prepare_v2(db: number, sql: number, bytes: number, out: number, tail: number): number;
  _sqlite3_bind_text(stmt: number, index: number, text: number, bytes: number, destructor: number): number;
  _sqlite3_bind_int(stmt: number, index: number, value: number): number;
  _sqlite3_bind_double(stmt: number, index: number, value: number): number;
  _sqlite3_bind_blob(stmt: number, index: number, blob: number, bytes: number, destructor: number): number;
  _sqlite3_step(stmt: number): number;
  _sqlite3_reset(stmt: number): number;
  _sqlite3_finalize(stmt: number): number;
  _sqlite3_changes(db: number): number;
  _sqlite3_errmsg(db: number): number;
  UTF8ToString(pointer: number): string;
}

export interface BulkStatement {
  /** Binds `params` (one value per `?`, in order), steps once and returns the rows changed. */
  run(params: readonly SqlValue[]): number;
  free(): void;
}

const SQLITE_OK = 0;
const SQLITE_DONE = 101;
/** The text outlives the step: SQLite need not copy it. */
const SQLITE_STATIC = 0;

/**
 * A write statement for import loops that binds through sql.js's C exports. sql.js's own `bind`
 * turns each string into a JS array of char codes, mallocs and frees it: at a million rows of
 * ~17 values that was a tenth of the import. Here every string of a call is written once into
 * one reused buffer in WASM memory. Text, numbers and null only: binding blobs this way crashed
 * Node 20 (a segfault a few databases later), so `Db.prepareWrite` leaves rows with blobs to
 * sql.js. Returns null where sql.js's internals differ from what this expects (the caller then
 * uses a plain prepared statement).
 */
export function prepareBulkStatement(
  module: SqlJsStatic | undefined,
  raw: Database,
  sql: string,
): BulkStatement | null {
  const api = module as unknown as Partial<SqliteApi> | undefined;
  const db = (raw as unknown as { db?: unknown }).db;
  if (!api || typeof db !== 'number' || typeof api._sqlite3_prepare_v2 !== 'function') return null;
  return new CStatement(api as SqliteApi, db, sql);
}

class CStatement implements BulkStatement {
  private stmt = 0;
  private buffer = 0;
  private capacity = 0;

  constructor(
    private readonly api: SqliteApi,
    private readonly db: number,
    sql: string,
  ) {
    const text = new TextEncoder().encode(`${sql}\0`);
    const sqlAt = api._malloc(text.length);
    try {
      api.HEAPU8.set(text, sqlAt);
      const out = api._malloc(4);
      try {
        this.check(api._sqlite3_prepare_v2(db, sqlAt, -1, out, 0));
        this.stmt = api.HEAP32[out >> 2] as number;
      } finally {
        api._free(out);
      }
    } finally {
      api._free(sqlAt);
    }
  }

  run(params: readonly SqlValue[]): number {
    const { api, stmt } = this;
    let need = 0;
    for (let i = 0; i < params.length; i++) {
      const v = params[i];
      if (typeof v === 'string') need += v.length * 3;
    }
    if (need >= this.capacity) this.grow(need + 1);
    // Read after any malloc: growing WASM memory replaces the heap views.
    const heap = api.HEAPU8;
    const base = this.buffer;
    let at = base;
    for (let i = 0; i < params.length; i++) {
      const v = params[i];
      let rc: number;
      if (typeof v === 'string') {
        const n = v.length;
        let k = 0;
        // ASCII straight into the heap; anything else through TextEncoder.
        for (; k < n; k++) {
          const c = v.charCodeAt(k);
          if (c > 127) break;
          heap[at + k] = c;
        }
        const bytes = k === n ? n : k + writeUtf8(v, k, heap, at + k);
        rc = api._sqlite3_bind_text(stmt, i + 1, at, bytes, SQLITE_STATIC);
        at += bytes;
      } else if (typeof v === 'number') {
        rc = v === (v | 0) ? api._sqlite3_bind_int(stmt, i + 1, v) : api._sqlite3_bind_double(stmt, i + 1, v);
      } else if (v === null) {
        rc = api._sqlite3_bind_blob(stmt, i + 1, 0, 0, SQLITE_STATIC);
      } else {
        throw new Error('bulk statements bind text, numbers and null (blobs go through sql.js)');
      }
      if (rc !== SQLITE_OK) {
        api._sqlite3_reset(stmt);
        this.check(rc);
      }
    }
    const rc = api._sqlite3_step(stmt);
    if (rc !== SQLITE_DONE) {
      // The error message is the connection's until the reset below replaces it.
      const message = api.UTF8ToString(api._sqlite3_errmsg(this.db));
      api._sqlite3_reset(stmt);
      throw new Error(message);
    }
    api._sqlite3_reset(stmt);
    return api._sqlite3_changes(this.db);
  }

  free(): void {
    if (this.stmt) this.api._sqlite3_finalize(this.stmt);
    this.stmt = 0;
    if (this.buffer) this.api._free(this.buffer);
    this.buffer = 0;
    this.capacity = 0;
  }

  private grow(need: number): void {
    if (this.buffer) this.api._free(this.buffer);
    this.capacity = Math.max(need, this.capacity * 2, 64 * 1024);
    this.buffer = this.api._malloc(this.capacity);
    if (!this.buffer) throw new Error('out of memory for the import buffer');
  }

  private check(rc: number): void {
    if (rc !== SQLITE_OK) throw new Error(this.api.UTF8ToString(this.api._sqlite3_errmsg(this.db)));
  }
}

/**
 * UTF-8 of `text` from code unit `from` on, written at `at`; returns the bytes written. Lone
 * surrogates become U+FFFD, as TextEncoder does (without a subarray view per string).
 */
function writeUtf8(text: string, from: number, heap: Uint8Array, at: number): number {
  let p = at;
  for (let i = from; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else c = 0xfffd;
    }
    if (c < 0x80) heap[p++] = c;
    else if (c < 0x800) {
      heap[p++] = 0xc0 | (c >> 6);
      heap[p++] = 0x80 | (c & 63);
    } else if (c < 0x10000) {
      heap[p++] = 0xe0 | (c >> 12);
      heap[p++] = 0x80 | ((c >> 6) & 63);
      heap[p++] = 0x80 | (c & 63);
    } else {
      heap[p++] = 0xf0 | (c >> 18);
      heap[p++] = 0x80 | ((c >> 12) & 63);
      heap[p++] = 0x80 | ((c >> 6) & 63);
      heap[p++] = 0x80 | (c & 63);
    }
  }
  return p - at;
}
