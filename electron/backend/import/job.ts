/**
 * The import job: reads the file chunk by chunk, validates every row, and writes the accepted rows
 * inside ONE bulk transaction. Anything that stops the job (cancel, a fatal file error, rejected
 * rows without `acceptRejected`, a dry run) rolls the whole transaction back, so the database
 * either gets every accepted row or nothing.
 */
import { stat } from 'node:fs/promises';
import type { RawCell } from '../../../shared/import/parse';
import {
  refineMapping,
  compileMapping,
  MappingError,
  type CompiledMapping,
  type SqlCell,
  type OutColumn,
  type RowStats,
} from '../../../shared/import/rows';
import { detectMapping, presetMapping } from '../../../shared/import/presets';
import type { ImportMapping, ImportOptions, ImportReport } from '../../../shared/import/types';
import { UserFacingError } from '../../../shared/ipc/result';
import type { Clock } from '../core/clock';
import type { IdGenerator } from '../core/ids';
import type { JobControl } from '../core/jobs';
import { BULK_CACHE_KIB, type Db } from '../db/database';
import { refreshDerived } from '../kpi/derive';
import { WrittenRows } from '../kpi/writtenRows';
import { EntityResolver } from './entities';
import { EarlyWorker, openBatches } from './parser';
import { IssueLog, statAssumptions } from './report';
import { openSource, type OpenedSource } from './source';

export type { ImportReport } from '../../../shared/import/types';

export { MAX_LISTED_ISSUES } from './report';
export const SAMPLE_ROWS_FOR_DETECTION = 2000;

export interface ImportRequest {
  path: string;
  /** Omitted: detected from the headers (or the preset's mapping fitted to them). */
  mapping?: ImportMapping;
  presetId?: string;
  options: ImportOptions;
  dryRun?: boolean;
  /** Import the valid rows even when some are rejected (the user saw the report and agreed). */
  acceptRejected?: boolean;
}

interface Deps {
  db: Db;
  clock: Clock;
  ids: IdGenerator;
}

/** Thrown to roll back a dry run; carries the report out of the transaction. */
class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}

const noControl: JobControl = {
  signal: new AbortController().signal,
  report: () => undefined,
  checkpoint: () => Promise.resolve(),
};

export function toUserError(error: unknown): unknown {
  if (error instanceof MappingError)
    return new UserFacingError('invalid_input', error.message, error.details);
  return error;
}

/** Samples the file and settles the mapping: explicit, else the preset fitted to the headers, else detected. */
export async function chooseMapping(
  source: OpenedSource,
  request: Pick<ImportRequest, 'mapping' | 'presetId'>,
) {
  const samples = await source.head(SAMPLE_ROWS_FOR_DETECTION);
  const preset = request.presetId ? presetMapping(request.presetId, source.headers) : undefined;
  if (request.presetId && !preset)
    throw new UserFacingError('not_found', `No import preset "${request.presetId}".`);
  const detected = preset ?? detectMapping(source.headers);
  const mapping = request.mapping ?? refineMapping(source.headers, detected.mapping, samples);
  return { samples, detected, mapping };
}

async function prepareImport(
  source: OpenedSource,
  request: Pick<ImportRequest, 'mapping' | 'options' | 'presetId'>,
) {
  const chosen = await chooseMapping(source, request);
  return {
    ...chosen,
    compiled: compileMapping(source.headers, chosen.mapping, request.options, chosen.samples),
  };
}

export async function runImport(
  deps: Deps,
  request: ImportRequest,
  control: JobControl = noControl,
): Promise<ImportReport> {
  const started = Date.now();
  control.report(null, 'Reading the file…');
  const early = EarlyWorker.worthIt(await fileSize(request.path)) ? new EarlyWorker() : null;
  try {
    return await runWith(deps, request, control, started, early);
  } finally {
    await early?.release();
  }
}

async function fileSize(filePath: string): Promise<number> {
  try {
    return (await stat(filePath)).size;
  } catch {
    // openSource reports a missing or unreadable file properly.
    return 0;
  }
}

async function runWith(
  deps: Deps,
  request: ImportRequest,
  control: JobControl,
  started: number,
  early: EarlyWorker | null,
): Promise<ImportReport> {
  const source = await openSource(request.path);
  const openMs = Date.now() - started;
  let prepared;
  try {
    prepared = await prepareImport(source, request);
  } catch (error) {
    throw toUserError(error);
  }
  const { mapping, compiled } = prepared;
  if (prepared.samples.length === 0) {
    throw new UserFacingError(
      'invalid_input',
      'The file has a header row but no data rows: nothing to import.',
    );
  }
  await control.checkpoint();
  const restore = bulkPragmas(deps.db, source.totalRowsEstimate);
  let writtenAt = 0;
  try {
    const report = await deps.db.transactionAsync(
      async () => {
        const report = await writeRows(
          deps,
          request,
          source,
          mapping,
          compiled,
          prepared.samples,
          control,
          started,
          early,
        );
        report.timings.open = openMs;
        if (request.dryRun) throw new DryRunRollback(report);
        if (report.rejected > 0 && !request.acceptRejected) {
          throw new UserFacingError(
            'user_error',
            `${report.rejected} of ${report.totalRows} rows cannot be imported (${report.rejectedReasons
              .slice(0, 3)
              .map((r) => `${r.column}: ${r.reason} ×${r.count}`)
              .join('; ')}). Nothing was imported; fix the file or import only the valid rows.`,
            report,
          );
        }
        writtenAt = performance.now();
        return report;
      },
      { bulk: true },
    );
    report.timings.commit = Math.round(performance.now() - writtenAt);
    report.elapsedMs = Date.now() - started;
    return report;
  } catch (error) {
    if (error instanceof DryRunRollback) return error.report;
    throw error;
  } finally {
    restore();
  }
}

/**
 * sql.js keeps the database in an in-memory file: pages that leave a small page cache are copied
 * out to it and back through JS, and the sorter of an index rebuild spills to temp files the same
 * way. A big import keeps its pages in the cache until commit (`BULK_CACHE_KIB`) and
 * sorts in memory. Foreign keys are not checked row by row (a tenth of the insert time at 1M
 * rows): every id an imported row refers to comes from `EntityResolver` or the batch row written
 * just before, and the job holds the backend, so nothing else writes meanwhile. Set outside the
 * transaction (SQLite ignores foreign_keys inside one), restored after it (export() also resets them).
 */
function bulkPragmas(db: Db, rows: number): () => void {
  if (rows < 50_000 || db.inTransaction) return () => undefined;
  const cacheSize = Number(db.get<{ cache_size: number }>('PRAGMA cache_size')?.cache_size ?? -2000);
  const tempStore = Number(db.get<{ temp_store: number }>('PRAGMA temp_store')?.temp_store ?? 0);
  const foreignKeys = Number(db.get<{ foreign_keys: number }>('PRAGMA foreign_keys')?.foreign_keys ?? 1);
  db.raw.run(`PRAGMA cache_size = -${BULK_CACHE_KIB}`);
  db.raw.run('PRAGMA temp_store = MEMORY');
  db.raw.run('PRAGMA foreign_keys = OFF');
  return () => {
    db.raw.run(`PRAGMA cache_size = ${cacheSize}`);
    db.raw.run(`PRAGMA temp_store = ${tempStore}`);
    db.raw.run(`PRAGMA foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  };
}

async function writeRows(
  deps: Deps,
  request: ImportRequest,
  source: OpenedSource,
  mapping: ImportMapping,
  compiled: CompiledMapping,
  samples: RawCell[][],
  control: JobControl,
  startedMs: number,
  early: EarlyWorker | null,
): Promise<ImportReport> {
  const { db, clock, ids } = deps;
  const now = clock.now().toISOString();
  const batchId = ids.next('imp');
  const sourceKey = mapping.source || 'generic';
  db.run(
    `INSERT INTO import_batches (id, file_name, file_sha256, source, mapping_json, started_at) VALUES (?, ?, ?, ?, ?, ?)`,
    [batchId, source.fileName, source.sha256, sourceKey, JSON.stringify(mapping), now],
  );

  const resolver = new EntityResolver(db, ids, now);
  // external_id → id of the row already in the database. Duplicates within the file are found by
  // the validator (in the parser worker for big files).
  const known = new Map<string, number>();
  for (const [ext, id] of db.values(
    'SELECT external_id, id FROM interactions WHERE source = ? AND external_id IS NOT NULL',
    [sourceKey],
  )) {
    known.set(String(ext), Number(id));
  }
  const existingRange = db.get<{ lo: string | null; hi: string | null }>(
    'SELECT min(day) AS lo, max(day) AS hi FROM interactions WHERE source = ?',
    [sourceKey],
  );
  let nextId = (db.get<{ m: number | null }>('SELECT max(id) AS m FROM interactions')?.m ?? 0) + 1;

  // A big import into a smaller table is faster without the secondary indexes: SQLite rebuilds
  // them by sorting once at the end (measured at 1M rows: keeping them costs +2.9 s of inserts and
  // +2.5 s of commit against 3.4 s of rebuild). DDL is transactional: a rollback restores them.
  const existingCount = db.get<{ n: number }>('SELECT count(*) AS n FROM interactions')?.n ?? 0;
  const droppedIndexes =
    source.totalRowsEstimate >= 50_000 && source.totalRowsEstimate >= existingCount
      ? db.all<{ name: string; sql: string }>(
          "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'interactions' AND sql IS NOT NULL",
        )
      : [];
  for (const ix of droppedIndexes) db.exec(`DROP INDEX "${ix.name.replaceAll('"', '""')}"`);

  const { columns, index } = compiled;
  // customer_name/customer_email live on the customer row, not on the interaction.
  const writeIdx = columns.flatMap((c, i) => (c === 'customer_name' || c === 'customer_email' ? [] : [i]));
  const dbColumns = writeIdx.map((i) => dbColumnOf(columns[i] as OutColumn));
  const insertCols = ['id', 'source', ...dbColumns, 'import_batch_id', 'created_at', 'updated_at'];
  const setCols = dbColumns.filter((c) => c !== 'external_id');
  // Per-import constants are SQL literals: binding four strings per row is measurable at 1M rows.
  const valuesRow = `(?, ${sqlText(sourceKey)}, ${dbColumns.map(() => '?').join(', ')}, ${sqlText(batchId)}, ${sqlText(now)}, ${sqlText(now)})`;
  const insertHead = `INSERT INTO interactions (${insertCols.join(', ')}) VALUES `;
  const insert = db.prepareWrite(insertHead + valuesRow);
  // Several rows per statement: a quarter less time per row than one statement per row, as the
  // per-statement calls into sql.js (reset, step, changes) are shared. Well under the 32766 variables.
  const perStatement = Math.max(1, Math.min(64, Math.floor(30_000 / (dbColumns.length + 1))));
  const insertMany = db.prepareWrite(insertHead + new Array<string>(perStatement).fill(valuesRow).join(', '));
  const manyParams: SqlCell[] = new Array((dbColumns.length + 1) * perStatement).fill(null);
  const update = db.prepareWrite(
    `UPDATE interactions SET ${setCols.map((c) => `${c} = ?`).join(', ')}, import_batch_id = ?, updated_at = ?
      WHERE id = ? AND NOT (${setCols.map((c) => `${c} IS ?`).join(' AND ')})`,
  );
  const insertParams: SqlCell[] = new Array(dbColumns.length + 1).fill(null);
  // What the KPI refresh would read back of the new rows (see WrittenRows).
  const written = request.dryRun ? null : new WrittenRows(dbColumns, existingCount);
  const updateParams: SqlCell[] = new Array(setCols.length * 2 + 3).fill(null);

  let inserted = 0;
  let updated = 0;
  let duplicates = 0;
  let totalRows = 0;
  let dayLo: string | null = null;
  let dayHi: string | null = null;
  const issues = new IssueLog();
  const agentAt = index.agent_name;
  const teamAt = index.team_name;
  const customerAt = index.customer_ref;
  const customerNameAt = index.customer_name;
  const customerEmailAt = index.customer_email;

  // Each validated batch is first resolved into a flat buffer (ids, update targets), then
  // written. The buffer is reused.
  const rowWidth = columns.length;
  const width = writeIdx.length;
  let pending: SqlCell[] = [];
  /** 0 = insert, else the id of the existing row to update; one entry per buffered row. */
  const pendingTarget: number[] = [];
  const setPos = setCols.map((c) => dbColumns.indexOf(c));
  let resolveMs = 0;
  let insertMs = 0;
  let waitMs = 0;
  const rowsStarted = performance.now();
  const batches = await openBatches(
    {
      source,
      compiled,
      mapping,
      options: request.options,
      samples,
      chunkRows: 5000,
    },
    early,
  );
  let stats: RowStats;
  try {
    for (;;) {
      let t = performance.now();
      const batch = await batches.next();
      waitMs += performance.now() - t;
      if (batch === null) break;
      t = performance.now();
      totalRows += batch.total;
      duplicates += batch.duplicates;
      issues.addBatch(batch);
      if (batch.dayLo !== null && (dayLo === null || batch.dayLo < dayLo)) dayLo = batch.dayLo;
      if (batch.dayHi !== null && (dayHi === null || batch.dayHi > dayHi)) dayHi = batch.dayHi;
      const { values, accepted } = batch;
      if (pending.length < accepted * width) pending = new Array<SqlCell>(accepted * width).fill(null);
      pendingTarget.length = 0;
      let p = 0;
      for (let r = 0, base = 0; r < accepted; r++, base += rowWidth) {
        if (agentAt >= 0)
          values[base + agentAt] = resolver.agent(
            values[base + agentAt] as string | null,
            teamAt >= 0 ? (values[base + teamAt] as string | null) : null,
          );
        if (teamAt >= 0) values[base + teamAt] = resolver.team(values[base + teamAt] as string | null);
        if (customerAt >= 0) {
          values[base + customerAt] = resolver.customer(
            values[base + customerAt] as string | null,
            customerNameAt >= 0 ? (values[base + customerNameAt] as string | null) : null,
            customerEmailAt >= 0 ? (values[base + customerEmailAt] as string | null) : null,
            values[base + 2] as string,
          );
        }
        for (let j = 0; j < width; j++) pending[p++] = values[base + (writeIdx[j] as number)] as SqlCell;
        pendingTarget.push(known.size > 0 ? (known.get(values[base] as string) ?? 0) : 0);
      }
      const resolved = performance.now();
      resolveMs += resolved - t;

      // Rows go in as they came, so ids follow the file and the table grows at its end. A run of
      // new rows goes `perStatement` at a time; the rest of a run (and any row before an update)
      // one by one.
      p = 0;
      const count = pendingTarget.length;
      for (let k = 0; k < count; k++, p += width) {
        const target = pendingTarget[k] as number;
        if (target === 0) {
          if (k + perStatement <= count && runOfInserts(pendingTarget, k, perStatement)) {
            let m = 0;
            for (let i = 0; i < perStatement; i++, p += width) {
              written?.add(nextId, pending, p);
              manyParams[m++] = nextId++;
              for (let j = 0; j < width; j++) manyParams[m++] = pending[p + j] as SqlCell;
            }
            insertMany.run(manyParams);
            inserted += perStatement;
            k += perStatement - 1;
            p -= width;
            continue;
          }
          written?.add(nextId, pending, p);
          insertParams[0] = nextId++;
          for (let j = 0; j < width; j++) insertParams[j + 1] = pending[p + j] as SqlCell;
          insert.run(insertParams);
          inserted++;
        } else {
          const n = setPos.length;
          for (let i = 0; i < n; i++) {
            const v = pending[p + (setPos[i] as number)] as SqlCell;
            updateParams[i] = v;
            updateParams[n + 3 + i] = v;
          }
          updateParams[n] = batchId;
          updateParams[n + 1] = now;
          updateParams[n + 2] = target;
          if (update.run(updateParams) > 0) updated++;
          else duplicates++;
        }
      }
      insertMs += performance.now() - resolved;
      control.report(batch.progress * 0.95, `Checked ${totalRows.toLocaleString('en-US')} rows…`);
      await control.checkpoint();
    }
    stats = batches.stats();
  } finally {
    insert.free();
    insertMany.free();
    update.free();
    await batches.close();
  }
  const parsing = batches.timings();
  if (totalRows === 0) {
    throw new UserFacingError(
      'invalid_input',
      'The file has a header row but no data rows: nothing to import.',
    );
  }

  const indexesStarted = performance.now();
  const rowsMs = indexesStarted - rowsStarted;
  if (droppedIndexes.length > 0) {
    control.report(0.96, 'Rebuilding indexes…');
    for (const ix of droppedIndexes) db.exec(ix.sql);
  }
  const deriveStarted = performance.now();

  let dayRange = dayLo !== null && dayHi !== null ? { from: dayLo, to: dayHi } : null;
  if (updated > 0 && dayRange && existingRange?.lo && existingRange.hi) {
    // An update may have moved a row off its old day: refresh the source's old span too.
    dayRange = { from: min(dayRange.from, existingRange.lo), to: max(dayRange.to, existingRange.hi) };
  }
  db.run(
    'UPDATE import_batches SET finished_at = ?, inserted = ?, updated = ?, duplicates = ?, rejected = ? WHERE id = ?',
    [clock.now().toISOString(), inserted, updated, duplicates, issues.rejected, batchId],
  );
  let derivedFromImport = false;
  if (!request.dryRun && dayRange && inserted + updated > 0) {
    control.report(0.97, 'Updating KPI aggregates…');
    // An update moves or changes rows the refresh must read from the table.
    const refreshed = refreshDerived(db, dayRange, updated === 0 ? (written ?? undefined) : undefined);
    derivedFromImport = refreshed.readFrom === 'written';
  }
  const timings = {
    open: 0,
    rows: Math.round(rowsMs),
    parse: Math.round(parsing.parseMs),
    validate: Math.round(parsing.validateMs),
    resolve: Math.round(resolveMs),
    waitForParser: Math.round(batches.inWorker ? waitMs : 0),
    parsedInWorker: batches.inWorker,
    insert: Math.round(insertMs),
    indexes: Math.round(deriveStarted - indexesStarted),
    derive: Math.round(performance.now() - deriveStarted),
    derivedFromImport,
    commit: 0,
  };
  return {
    batchId: request.dryRun ? null : batchId,
    dryRun: Boolean(request.dryRun),
    fileName: source.fileName,
    format: source.format,
    encoding: source.encoding,
    delimiter: source.delimiter,
    source: sourceKey,
    presetId: mapping.presetId ?? null,
    totalRows,
    inserted,
    updated,
    duplicates,
    rejected: issues.rejected,
    rejectedRows: issues.listed,
    rejectedReasons: issues.reasons(),
    rateBias: issues.rateBias(),
    agentsCreated: resolver.created.agents,
    teamsCreated: resolver.created.teams,
    customersCreated: resolver.created.customers,
    assumptions: [...compiled.assumptions, ...statAssumptions(stats, mapping)],
    dayRange,
    elapsedMs: Date.now() - startedMs,
    timings,
  };
}

/** True when the `n` buffered rows from `from` on are all new rows (0 = insert). */
function runOfInserts(targets: number[], from: number, n: number): boolean {
  for (let i = from; i < from + n; i++) if (targets[i] !== 0) return false;
  return true;
}

const sqlText = (text: string) => `'${text.replaceAll("'", "''")}'`;
const min = (a: string, b: string) => (a < b ? a : b);
const max = (a: string, b: string) => (a > b ? a : b);

function dbColumnOf(column: OutColumn): string {
  switch (column) {
    case 'agent_name':
      return 'agent_id';
    case 'team_name':
      return 'team_id';
    case 'customer_ref':
      return 'customer_id';
    default:
      return column;
  }
}
