/**
 * Where an import's rows are parsed and validated: in a worker thread for a big CSV (the writer
 * inserts chunk N while the worker parses chunk N+1), else in this thread. Both yield the same
 * ValidatedBatch sequence; a worker that cannot start falls back to this thread.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RawCell } from '../../../shared/import/parse';
import type { CompiledMapping, RowStats } from '../../../shared/import/rows';
import type { ImportMapping, ImportOptions } from '../../../shared/import/types';
import { UserFacingError, type ErrorCode } from '../../../shared/ipc/result';
import type { OpenedSource, TextEncoding } from './source';
import { ChunkValidator, unpackBatch, type PackedBatch, type ValidatedBatch } from './validate';

export type ParserRequest =
  | {
      type: 'start';
      text: string;
      encoding: TextEncoding;
      fileName: string;
      mapping: ImportMapping;
      options: ImportOptions;
      samples: RawCell[][];
      chunkRows: number;
      /** Batches the worker may send before the writer asks for more (bounds memory). */
      credits: number;
    }
  | { type: 'more' };

export type ParserMessage =
  | { type: 'ready' }
  | { type: 'batch'; batch: PackedBatch }
  | { type: 'done'; stats: RowStats; parseMs: number; validateMs: number }
  /** `code` set: a UserFacingError (a bad file), rethrown as such. */
  | { type: 'error'; message: string; code?: ErrorCode };

/** Tunables, changed by tests to run the worker path on small files. */
export const parserSettings = {
  /** Estimated data rows from which a CSV is parsed in a worker (its start costs ~0.1–0.5 s). */
  workerMinRows: 50_000,
  /** Set to false to always parse in this thread. */
  useWorker: true,
};

export interface RowBatches {
  readonly inWorker: boolean;
  next(): Promise<ValidatedBatch | null>;
  /** Valid once `next` returned null. */
  stats(): RowStats;
  /** Time spent parsing / validating (in the worker, overlapped with the writer). */
  timings(): { parseMs: number; validateMs: number };
  close(): Promise<void>;
}

export interface BatchSource {
  source: OpenedSource;
  compiled: CompiledMapping;
  mapping: ImportMapping;
  options: ImportOptions;
  samples: RawCell[][];
  chunkRows: number;
}

/**
 * A parser worker started at the beginning of a job whose file looks big, so its start-up
 * (~0.15–0.3 s) overlaps reading and sampling the file. `openBatches` takes it; whoever started
 * it calls `release` at the end, which stops it when it was not taken.
 */
export class EarlyWorker {
  private pending: Promise<Worker | null> | null;

  constructor() {
    this.pending = parserSettings.useWorker ? startWorker() : null;
  }

  /** Bytes from which a file is worth an early worker (about `workerMinRows` short CSV rows). */
  static worthIt(sizeBytes: number): boolean {
    return parserSettings.useWorker && sizeBytes >= parserSettings.workerMinRows * 40;
  }

  take(): Promise<Worker | null> | null {
    const pending = this.pending;
    this.pending = null;
    return pending;
  }

  async release(): Promise<void> {
    const worker = await this.take();
    if (worker) await worker.terminate();
  }
}

export async function openBatches(input: BatchSource, early?: EarlyWorker | null): Promise<RowBatches> {
  const { source } = input;
  if (
    parserSettings.useWorker &&
    source.format === 'csv' &&
    source.text !== undefined &&
    source.encoding !== null &&
    source.totalRowsEstimate >= parserSettings.workerMinRows
  ) {
    const worker = await (early?.take() ?? startWorker());
    if (worker) return workerBatches(worker, input);
  }
  return localBatches(input);
}

function localBatches({ source, compiled, chunkRows }: BatchSource): RowBatches {
  const validator = new ChunkValidator(compiled, source.headers, source.delimiter);
  const chunks = source.chunks(chunkRows);
  let parseMs = 0;
  let validateMs = 0;
  return {
    inWorker: false,
    async next() {
      let t = performance.now();
      const next = await chunks.next();
      parseMs += performance.now() - t;
      if (next.done) return null;
      t = performance.now();
      const batch = validator.run(next.value.rows, next.value.rowNumbers, next.value.progress);
      validateMs += performance.now() - t;
      return batch;
    },
    stats: () => validator.stats,
    timings: () => ({ parseMs, validateMs }),
    async close() {
      await chunks.return(undefined);
    },
  };
}

function workerBatches(worker: Worker, input: BatchSource): RowBatches {
  const queue: ParserMessage[] = [];
  let waiting: ((message: ParserMessage) => void) | null = null;
  let failure: Error | null = null;
  const deliver = (message: ParserMessage) => {
    if (waiting) {
      const w = waiting;
      waiting = null;
      w(message);
    } else queue.push(message);
  };
  const onError = (error: Error) => deliver({ type: 'error', message: error.message });
  const onExit = (code: number) => deliver({ type: 'error', message: `parser worker exited (${code})` });
  worker.on('message', deliver);
  worker.on('error', onError);
  worker.on('exit', onExit);
  const credits = 4;
  const { source } = input;
  worker.postMessage({
    type: 'start',
    text: source.text as string,
    encoding: source.encoding as TextEncoding,
    fileName: source.fileName,
    mapping: input.mapping,
    options: input.options,
    samples: input.samples,
    chunkRows: input.chunkRows,
    credits,
  } satisfies ParserRequest);

  let done: Extract<ParserMessage, { type: 'done' }> | null = null;
  const receive = () =>
    new Promise<ParserMessage>((resolve) => {
      const queued = queue.shift();
      if (queued) resolve(queued);
      else waiting = resolve;
    });
  return {
    inWorker: true,
    async next() {
      if (done) return null;
      if (failure) throw failure;
      const message = await receive();
      switch (message.type) {
        case 'batch':
          worker.postMessage({ type: 'more' } satisfies ParserRequest);
          return unpackBatch(message.batch);
        case 'done':
          done = message;
          return null;
        case 'error':
          failure = message.code
            ? new UserFacingError(message.code, message.message)
            : new Error(`Reading the file failed: ${message.message}`);
          throw failure;
        default:
          return this.next();
      }
    },
    stats() {
      if (!done) throw new Error('parser not finished');
      return done.stats;
    },
    timings: () => ({ parseMs: done?.parseMs ?? 0, validateMs: done?.validateMs ?? 0 }),
    async close() {
      worker.off('message', deliver);
      worker.off('error', onError);
      worker.off('exit', onExit);
      await worker.terminate();
    },
  };
}

/** Resolves with a worker that said 'ready', or null when it cannot start (then parse here). */
function startWorker(): Promise<Worker | null> {
  let worker: Worker;
  try {
    const here = import.meta.url;
    worker = here.endsWith('.cjs')
      ? new Worker(fileURLToPath(new URL('./import-parser.cjs', here)))
      : new Worker(tsxBootstrap(new URL('./parser-worker.ts', here).href), { eval: true });
  } catch {
    return Promise.resolve(null);
  }
  // Only our own listeners are removed: Worker keeps internal ones (removeAllListeners breaks it).
  return new Promise((resolve) => {
    const off = () => {
      worker.off('message', onMessage);
      worker.off('error', fail);
      worker.off('exit', fail);
    };
    const fail = () => {
      off();
      void worker.terminate();
      resolve(null);
    };
    const onMessage = (message: ParserMessage) => {
      off();
      if (message.type === 'ready') resolve(worker);
      else fail();
    };
    worker.on('message', onMessage);
    worker.on('error', fail);
    worker.on('exit', fail);
  });
}

/**
 * From TS sources (tests, dev, bench) a worker thread cannot load .ts by itself on Node 20: it
 * registers tsx's ESM loader first (as electron/backend/client.ts does for the backend worker).
 */
function tsxBootstrap(workerUrl: string): string {
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
  return `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl)}); });`;
}
