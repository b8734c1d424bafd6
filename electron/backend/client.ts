import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { fail, type AppError, type Result } from '../../shared/ipc/result';
import type { FromWorker, ToWorker, WorkerStartData } from './protocol';

export interface BackendClientOptions {
  dataFile: string;
  seedDemo: boolean;
  appVersion: string;
  /** The bundled worker (dist/electron/backend-worker.cjs). Omitted: run worker.ts through tsx. */
  workerPath?: string;
  /** Tests only. */
  checkpointThresholdBytes?: number;
}

const CLOSE_TIMEOUT_MS = 30_000;

/**
 * Running from TS sources (tests, dev): `execArgv: ['--import', 'tsx']` is ignored for worker
 * threads on Node 20 ("Unknown file extension .ts"), so the worker registers tsx's loader itself
 * before importing worker.ts.
 */
function tsxBootstrap(workerUrl: string): string {
  // The ESM entry of tsx/esm/api: require.resolve would pick the CJS build, which cannot register.
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
  return `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl)}); });`;
}

/**
 * Main-thread handle on the backend worker. `start` resolves once the worker has opened the data
 * file, or failed to: then `startupError` says why and every call answers with that error (except
 * listBackups / restoreBackup, which work in recovery mode). Calls never reject.
 */
export class BackendClient {
  private nextId = 1;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private readonly closing = new Map<number, () => void>();
  private exited: AppError | null = null;
  private closed: Promise<void> | null = null;
  private _startupError: AppError | null = null;
  /** What the worker reported at its latest (re)open: AppInfo, or null in recovery mode. */
  info: unknown = null;

  private constructor(private readonly worker: Worker) {}

  get startupError(): AppError | null {
    return this._startupError;
  }

  static start(opts: BackendClientOptions): Promise<BackendClient> {
    const workerData: WorkerStartData = {
      dataFile: opts.dataFile,
      seedDemo: opts.seedDemo,
      appVersion: opts.appVersion,
      ...(opts.checkpointThresholdBytes ? { checkpointThresholdBytes: opts.checkpointThresholdBytes } : {}),
    };
    const worker = opts.workerPath
      ? new Worker(opts.workerPath, { workerData })
      : new Worker(tsxBootstrap(new URL('./worker.ts', import.meta.url).href), { eval: true, workerData });
    const client = new BackendClient(worker);
    return new Promise((resolve, reject) => {
      let started = false;
      worker.on('message', (message: FromWorker) => {
        client.onMessage(message);
        if (!started && (message.type === 'ready' || message.type === 'fatal')) {
          started = true;
          resolve(client);
        }
      });
      worker.on('error', (error) => {
        client.onExit({ code: 'internal', message: `Backend crashed: ${error.message}` });
        if (!started) {
          started = true;
          reject(error);
        }
      });
      worker.on('exit', (code) => {
        client.onExit({ code: 'internal', message: `Backend stopped (exit code ${code}).` });
        if (!started) {
          started = true;
          reject(new Error(`Backend worker exited with code ${code} before it was ready`));
        }
      });
    });
  }

  call(method: string, input: unknown): Promise<Result<unknown>> {
    if (this.exited) return Promise.resolve(fail(this.exited.code, this.exited.message));
    if (this.closed) return Promise.resolve(fail('internal', 'The backend is closing.'));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.post({ type: 'call', id, method, input });
    });
  }

  /** Waits for queued calls, checkpoints the data file, then stops the worker. */
  close(): Promise<void> {
    this.closed ??= (async () => {
      if (!this.exited) {
        const id = this.nextId++;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, CLOSE_TIMEOUT_MS);
          this.closing.set(id, () => {
            clearTimeout(timer);
            resolve();
          });
          this.post({ type: 'close', id });
        });
      }
      await this.worker.terminate();
    })();
    return this.closed;
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private onMessage(message: FromWorker): void {
    switch (message.type) {
      case 'ready':
        this._startupError = null;
        this.info = message.info;
        break;
      case 'fatal':
        this._startupError = message.error;
        this.info = null;
        break;
      case 'result': {
        const resolve = this.pending.get(message.id);
        this.pending.delete(message.id);
        resolve?.(message.result);
        break;
      }
      case 'closed':
        this.closing.get(message.id)?.();
        this.closing.delete(message.id);
        break;
    }
  }

  private onExit(error: AppError): void {
    this.exited ??= error;
    for (const resolve of this.pending.values()) resolve(fail(error.code, error.message));
    this.pending.clear();
    for (const done of this.closing.values()) done();
    this.closing.clear();
  }
}
