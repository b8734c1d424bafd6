import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'sql.js';
import { UserFacingError } from '../../../shared/ipc/result';
import { listBackups } from './backups';
import { Db, type CommitSink, type Params } from './database';
import { fsyncDir, journalPathFor, tempPathFor, timestamp, writeAll, writeFileDurably } from './files';
import { encodeRecord, parseJournal, type JournalRecord } from './journal';
import { latestSchemaVersion } from './migrations';
import { loadSqlJs } from './sqljs';

export { journalPathFor } from './files';

export const DEFAULT_CHECKPOINT_THRESHOLD_BYTES = 8 * 1024 * 1024;
/**
 * integrity_check costs ~20-35 ms per MB here (7.5 MB: 130-260 ms); past this size open uses
 * quick_check (about half), which still reads every page and record but skips index cross-checks.
 */
const FULL_CHECK_MAX_BYTES = 32 * 1024 * 1024;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** Holds the journal position the snapshot includes. Written outside the journal, just before export. */
const META_TABLE = '_store_meta';

export interface DurableStoreOptions {
  /** The journal is folded into a checkpoint once it grows past this. */
  checkpointThresholdBytes?: number;
  /** Default: integrity_check up to 32 MB, quick_check above (see FULL_CHECK_MAX_BYTES). */
  verify?: 'integrity_check' | 'quick_check';
}

export interface StoreStats {
  journalBytes: number;
  recordsAppended: number;
  bytesAppended: number;
  checkpoints: number;
  lastCheckpointMs: number | null;
  /** What open() found: records replayed from the journal and bytes of torn tail dropped. */
  replayedRecords: number;
  tornBytesDropped: number;
}

/**
 * Crash-safe persistence for the in-memory sql.js database. `X.db` is a plain SQLite snapshot;
 * every committed transaction is appended to `X.db.log` and fdatasync'ed before the commit
 * returns, so a small write costs one append whatever the database size. Checkpoints (export,
 * temp file, fsync, rename, fsync dir, truncate journal) fold the journal into the snapshot.
 */
export class DurableStore implements CommitSink {
  readonly journalPath: string;
  private fd: number | null;
  private seq: number;
  private broken: Error | null = null;
  private readonly threshold: number;
  readonly stats: StoreStats;

  private constructor(
    readonly dataFile: string,
    readonly db: Db,
    /** True when there was no data file (snapshot) yet: a brand-new database. */
    readonly created: boolean,
    seq: number,
    journalBytes: number,
    options: DurableStoreOptions,
    replay: { records: number; tornBytes: number },
  ) {
    this.journalPath = journalPathFor(dataFile);
    this.seq = seq;
    this.threshold = options.checkpointThresholdBytes ?? DEFAULT_CHECKPOINT_THRESHOLD_BYTES;
    const journalExisted = fs.existsSync(this.journalPath);
    this.fd = fs.openSync(this.journalPath, 'a');
    // fdatasync covers the log's contents, not its new directory entry (after a restore or an
    // orphaned log, no checkpoint runs before the first acknowledged append).
    if (!journalExisted) fsyncDir(path.dirname(this.journalPath));
    this.stats = {
      journalBytes,
      recordsAppended: 0,
      bytesAppended: 0,
      checkpoints: 0,
      lastCheckpointMs: null,
      replayedRecords: replay.records,
      tornBytesDropped: replay.tornBytes,
    };
    db.setSink(this);
  }

  /**
   * Opens (or creates) the data file: verify the snapshot, replay the journal in memory, refuse a
   * newer schema, and only then touch the files (drop a torn tail). Never modifies a file it
   * refuses. Does not migrate: the caller runs `migrate(store.db)` (journaled like any write).
   */
  static async open(dataFile: string, options: DurableStoreOptions = {}): Promise<DurableStore> {
    const SQL = await loadSqlJs();
    const journalPath = journalPathFor(dataFile);
    const snapshot = readIfExists(dataFile);
    const journal = readIfExists(journalPath);

    let raw: Database;
    let snapshotSeq = 0;
    if (snapshot) {
      const verify =
        options.verify ?? (snapshot.length <= FULL_CHECK_MAX_BYTES ? 'integrity_check' : 'quick_check');
      raw = openSnapshot(SQL, dataFile, snapshot, verify);
      snapshotSeq = readSnapshotSeq(raw);
    } else {
      raw = new SQL.Database();
    }
    const db = new Db(raw);

    let records: JournalRecord[] = [];
    let validBytes = 0;
    let tornBytes = 0;
    let orphanJournal = false;
    if (journal && journal.length > 0) {
      const parsed = parseJournal(journal);
      if (parsed.kind === 'corrupt') {
        db.close();
        throw corrupt(
          dataFile,
          `Its change log (${path.basename(journalPath)}) is damaged at byte ${parsed.offset} (${parsed.reason}).`,
        );
      }
      records = parsed.records.filter((record) => record.seq > snapshotSeq);
      validBytes = parsed.validBytes;
      tornBytes = parsed.tornBytes;
      const first = records[0];
      if (!snapshot && first && first.seq !== 1) {
        // A log left behind by a data file that was deleted or moved: it cannot apply to an empty
        // database. Set it aside below rather than replaying it or deleting it.
        orphanJournal = true;
        records = [];
      }
    }
    try {
      replay(db, records, snapshotSeq, dataFile);
    } catch (error) {
      db.close();
      throw error;
    }
    const fileVersion = db.get<{ user_version: number }>('PRAGMA user_version')?.user_version ?? 0;
    if (fileVersion > latestSchemaVersion) {
      db.close();
      throw new UserFacingError(
        'database_too_new',
        `${dataFile} was written by a newer version of Agent Scorecard (schema ${fileVersion}; this app knows up to ${latestSchemaVersion}). Update the app to open it. The file was not changed.`,
        { fileVersion, appVersion: latestSchemaVersion, dataFile },
      );
    }

    // From here on the files are ours to repair: the snapshot is sound and the schema known.
    cleanupTemp(dataFile);
    let journalBytes = journal?.length ?? 0;
    if (orphanJournal) {
      fs.renameSync(journalPath, `${journalPath}.orphan-${timestamp()}`);
      journalBytes = 0;
    } else if (tornBytes > 0) {
      // The torn tail was never acknowledged (its fdatasync had not returned): drop it so the next
      // append does not land after garbage.
      const fd = fs.openSync(journalPath, 'r+');
      try {
        fs.ftruncateSync(fd, validBytes);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      journalBytes = validBytes;
    }
    const lastSeq = records.at(-1)?.seq ?? snapshotSeq;
    // Without a snapshot, any journal is from a first open that never reached its first checkpoint
    // (openDataFile checkpoints right after migrate + seed), so the file still counts as new.
    const created = !snapshot;
    return new DurableStore(dataFile, db, created, lastSeq, journalBytes, options, {
      records: records.length,
      tornBytes,
    });
  }

  /** CommitSink: called by Db after each outermost commit. Durable before it returns. */
  commit(
    change: { kind: 'statements'; entries: { sql: string; params?: Params }[] } | { kind: 'bulk' },
  ): void {
    if (this.broken) throw this.broken;
    if (change.kind === 'bulk') {
      try {
        this.checkpoint();
      } catch (error) {
        // A bulk change lives only in memory until its checkpoint lands; journal records written
        // after it would depend on rows the disk never got.
        this.broken = new UserFacingError(
          'internal',
          `Could not save to ${this.dataFile} (${error instanceof Error ? error.message : String(error)}). The last import may be lost; restart the app.`,
        );
        throw this.broken;
      }
      return;
    }
    const fd = this.requireOpen();
    const frame = encodeRecord({ seq: this.seq + 1, entries: change.entries });
    const before = this.stats.journalBytes;
    try {
      writeAll(fd, frame);
      fs.fdatasyncSync(fd);
    } catch (error) {
      // Memory now holds a change the disk may not: refuse further writes rather than let later
      // acknowledged writes depend on a lost one.
      this.broken = new UserFacingError(
        'internal',
        `Could not save to ${this.dataFile} (${error instanceof Error ? error.message : String(error)}). The last change may be lost; restart the app.`,
      );
      try {
        fs.ftruncateSync(fd, before);
      } catch {
        // Already failing; the torn tail is dropped on the next open anyway.
      }
      throw this.broken;
    }
    this.seq += 1;
    this.stats.journalBytes += frame.length;
    this.stats.recordsAppended += 1;
    this.stats.bytesAppended += frame.length;
    if (this.stats.journalBytes > this.threshold) {
      try {
        this.checkpoint();
      } catch (error) {
        // The write itself is durable in the journal; a failed checkpoint is retried on the next
        // write past the threshold, and the journal keeps everything meanwhile.
        console.error(`[store] checkpoint of ${this.dataFile} failed`, error);
      }
    }
  }

  /** Writes the whole database as the new snapshot and empties the journal. */
  checkpoint(): void {
    if (this.broken) throw this.broken;
    if (this.db.inTransaction) throw new Error('checkpoint inside an open transaction');
    const fd = this.requireOpen();
    const started = performance.now();
    const raw = this.db.raw;
    raw.run(`CREATE TABLE IF NOT EXISTS ${META_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
    raw.run(`INSERT OR REPLACE INTO ${META_TABLE} (key, value) VALUES ('journal_seq', ?)`, [
      String(this.seq),
    ]);
    let bytes: Uint8Array;
    try {
      bytes = raw.export();
    } finally {
      // export() closes and reopens the handle: statements are freed and pragmas reset.
      this.db.configure();
    }
    writeFileDurably(this.dataFile, bytes);
    // A crash before this truncate leaves records the snapshot already holds: their seq is
    // <= journal_seq, so replay skips them.
    fs.ftruncateSync(fd, 0);
    fs.fsyncSync(fd);
    this.stats.journalBytes = 0;
    this.stats.checkpoints += 1;
    this.stats.lastCheckpointMs = performance.now() - started;
  }

  get lastSeq(): number {
    return this.seq;
  }

  get isOpen(): boolean {
    return this.fd !== null;
  }

  /** Checkpoints (so the data file alone is complete) and closes. */
  close(): void {
    if (this.fd === null) return;
    try {
      if (!this.broken && (this.stats.journalBytes > 0 || !fs.existsSync(this.dataFile))) this.checkpoint();
    } finally {
      fs.closeSync(this.fd);
      this.fd = null;
      this.db.setSink(undefined);
      this.db.close();
    }
  }

  /** Closes without a checkpoint: for giving up after a failed open, leaving the files as they are. */
  abandon(): void {
    if (this.fd === null) return;
    fs.closeSync(this.fd);
    this.fd = null;
    this.db.setSink(undefined);
    this.db.close();
  }

  private requireOpen(): number {
    if (this.fd === null) throw new Error('store is closed');
    return this.fd;
  }
}

function readIfExists(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw corrupt(file, `It could not be read (${(error as Error).message}).`);
  }
}

function openSnapshot(
  SQL: Awaited<ReturnType<typeof loadSqlJs>>,
  dataFile: string,
  bytes: Buffer,
  verify: 'integrity_check' | 'quick_check',
): Database {
  if (bytes.length < 100 || !bytes.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) {
    throw corrupt(
      dataFile,
      bytes.length === 0
        ? 'The file is empty.'
        : 'It is not an Agent Scorecard data file (no SQLite header).',
    );
  }
  const truncation = checkHeaderSize(bytes);
  if (truncation) throw corrupt(dataFile, truncation);
  let raw: Database | null = null;
  try {
    raw = new SQL.Database(bytes);
    const rows = raw.exec(`PRAGMA ${verify}`);
    const result = rows[0]?.values.map((row) => String(row[0])) ?? [];
    if (result.length !== 1 || result[0] !== 'ok') {
      throw new Error(result.slice(0, 5).join('; ') || 'integrity check returned nothing');
    }
    return raw;
  } catch (error) {
    raw?.close();
    if (error instanceof UserFacingError) throw error;
    throw corrupt(dataFile, `SQLite reports: ${error instanceof Error ? error.message : String(error)}.`);
  }
}

/**
 * The header records the page count (valid when the change counter matches "version valid for");
 * a file shorter than that was cut off, which SQLite might otherwise read as zero-filled pages.
 */
function checkHeaderSize(bytes: Buffer): string | null {
  const rawPageSize = bytes.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCount = bytes.readUInt32BE(28);
  const headerValid = pageCount > 0 && bytes.readUInt32BE(24) === bytes.readUInt32BE(92);
  if (!headerValid) return null;
  const expected = pageSize * pageCount;
  if (bytes.length < expected)
    return `It is shorter than its header says (${bytes.length} of ${expected} bytes): it was cut off.`;
  return null;
}

function readSnapshotSeq(raw: Database): number {
  const exists = raw.exec(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '${META_TABLE}'`);
  if (exists.length === 0) return 0;
  const rows = raw.exec(`SELECT value FROM ${META_TABLE} WHERE key = 'journal_seq'`);
  const value = Number(rows[0]?.values[0]?.[0] ?? 0);
  return Number.isSafeInteger(value) && value >= 0 ? value : 0;
}

function replay(db: Db, records: JournalRecord[], snapshotSeq: number, dataFile: string): void {
  let expected = snapshotSeq + 1;
  for (const record of records) {
    if (record.seq !== expected) {
      throw corrupt(
        dataFile,
        `Its change log does not continue the data file (expected change ${expected}, found ${record.seq}).`,
      );
    }
    try {
      db.transaction(() => {
        for (const entry of record.entries) {
          if (entry.params === undefined) db.raw.exec(entry.sql);
          else db.raw.run(entry.sql, entry.params as never);
        }
      });
    } catch (error) {
      throw corrupt(
        dataFile,
        `Change ${record.seq} in its change log could not be applied (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
    expected += 1;
  }
}

function corrupt(dataFile: string, reason: string): UserFacingError {
  let backups: ReturnType<typeof listBackups> = [];
  try {
    backups = listBackups(dataFile);
  } catch {
    // Listing backups is a courtesy here; the corruption report matters more.
  }
  return new UserFacingError(
    'database_corrupt',
    `The data file ${dataFile} is damaged and was not opened. ${reason} The file was left unchanged; restore a backup or choose another file.`,
    { dataFile, reason, backups },
  );
}

function cleanupTemp(dataFile: string): void {
  fs.rmSync(tempPathFor(dataFile), { force: true });
}
