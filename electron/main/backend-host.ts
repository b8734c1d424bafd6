import type { AppError } from '../../shared/ipc/result';
import type { BackendPort } from './ipc';

export interface BackendHandle extends BackendPort {
  close(): Promise<void>;
}

export interface StartOptions {
  dataFile: string;
  seedDemo: boolean;
  appVersion: string;
  workerPath: string;
}

export type StartBackend = (options: StartOptions) => Promise<BackendHandle>;

export interface OpenOutcome {
  ok: boolean;
  error: AppError | null;
}

/**
 * Owns the one running backend worker and the data file it has open. Opening another file closes
 * the current backend first (its close checkpoints the store), so two workers never hold the same
 * file; if the new file cannot be opened the previous one is reopened, leaving the app usable.
 * Operations are serialised: a menu click during a switch waits for the switch to finish.
 */
export class BackendHost {
  private current: BackendHandle | null = null;
  private file: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly deps: {
      start: StartBackend;
      appVersion: string;
      workerPath: string;
      onError?: (message: string, error: unknown) => void;
    },
  ) {}

  /** The running backend; null before the first open, during a switch and after close. */
  get backend(): BackendHandle | null {
    return this.current;
  }

  /** The backend once any open or close in progress has finished. */
  whenIdle(): Promise<BackendHandle | null> {
    return this.serial(async () => this.current);
  }

  get dataFile(): string | null {
    return this.file;
  }

  /**
   * Opens `dataFile`. With `keepOnError` (first start) a backend that reports a startupError stays
   * in place, so the renderer can show it (corrupt file, file from a newer version); otherwise the
   * previous file is restored and the error returned for the caller to show.
   */
  open(dataFile: string, options: { seedDemo: boolean; keepOnError?: boolean }): Promise<OpenOutcome> {
    return this.serial(async () => {
      if (this.closed)
        return { ok: false, error: { code: 'internal', message: 'The app is shutting down.' } };
      const previous = this.file;
      await this.stopCurrent();
      const attempt = await this.tryStart(dataFile, options.seedDemo);
      if (attempt.handle && (attempt.handle.startupError === null || options.keepOnError)) {
        this.current = attempt.handle;
        this.file = dataFile;
        return { ok: attempt.handle.startupError === null, error: attempt.handle.startupError };
      }
      const error = attempt.handle?.startupError ??
        attempt.error ?? { code: 'internal' as const, message: 'The backend did not start.' };
      if (attempt.handle) await this.safeClose(attempt.handle);
      if (previous !== null) {
        const restored = await this.tryStart(previous, false);
        if (restored.handle) {
          this.current = restored.handle;
          this.file = previous;
        }
      }
      return { ok: false, error };
    });
  }

  /** Closes the backend (checkpointing the store). Idempotent; later opens are refused. */
  close(): Promise<void> {
    return this.serial(async () => {
      this.closed = true;
      await this.stopCurrent();
    });
  }

  private async tryStart(
    dataFile: string,
    seedDemo: boolean,
  ): Promise<{ handle: BackendHandle | null; error: AppError | null }> {
    try {
      const handle = await this.deps.start({
        dataFile,
        seedDemo,
        appVersion: this.deps.appVersion,
        workerPath: this.deps.workerPath,
      });
      return { handle, error: null };
    } catch (error) {
      this.deps.onError?.(`Could not start the backend for ${dataFile}`, error);
      const message = error instanceof Error ? error.message : String(error);
      return { handle: null, error: { code: 'internal', message: `Could not open ${dataFile}: ${message}` } };
    }
  }

  private async stopCurrent(): Promise<void> {
    const handle = this.current;
    this.current = null;
    this.file = null;
    if (handle) await this.safeClose(handle);
  }

  private async safeClose(handle: BackendHandle): Promise<void> {
    try {
      await handle.close();
    } catch (error) {
      this.deps.onError?.('Closing the backend failed', error);
    }
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task, task);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
