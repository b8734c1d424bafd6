import { parentPort, workerData } from 'node:worker_threads';
import type { BackendMethodName } from '../../shared/ipc/contract';
import { parseRequest } from '../../shared/ipc/validate';
import { fail, ok, UserFacingError, type AppError, type Result } from '../../shared/ipc/result';
import { systemClock } from './core/clock';
import { listBackups, restoreBackup } from './db/backups';
import { lockFreeMethods } from './handlers';
import { openDataFile, type OpenedDataFile } from './open';
import type { FromWorker, ToWorker, WorkerStartData } from './protocol';

/**
 * Backend worker thread: owns the data file. When the file cannot be opened (damaged, too new) it
 * stays up in recovery mode: every call answers with that error, except listing and restoring
 * backups, so the UI can offer a way out.
 */
const port = parentPort;
if (!port) throw new Error('worker.ts must run as a worker thread');
const start = workerData as WorkerStartData;

let opened: OpenedDataFile | null = null;
let startupError: AppError | null = null;

const post = (message: FromWorker) => port.postMessage(message);

function toAppError(error: unknown): AppError {
  if (error instanceof UserFacingError) {
    return error.details === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, details: error.details };
  }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

async function open(): Promise<void> {
  try {
    opened = await openDataFile({
      dataFile: start.dataFile,
      seedDemo: start.seedDemo,
      appVersion: start.appVersion,
      ...(start.checkpointThresholdBytes ? { checkpointThresholdBytes: start.checkpointThresholdBytes } : {}),
      onInternalError: (method, error) => console.error(`[backend] ${method} failed`, error),
    });
    startupError = null;
    const info = await opened.backend.call('getAppInfo', {});
    post({ type: 'ready', info: info.ok ? info.value : null });
  } catch (error) {
    opened = null;
    startupError = toAppError(error);
    post({ type: 'fatal', error: startupError });
  }
}

/** Restoring replaces the file under the store: close it, swap files, open again. */
async function restore(input: unknown): Promise<Result<unknown>> {
  const parsed = parseRequest('restoreBackup', input);
  if (!parsed.ok) return parsed;
  let result: ReturnType<typeof restoreBackup>;
  try {
    // Wait for queued requests so none runs against a closed database.
    const current = opened;
    if (current) await current.backend.exclusive(async () => current.close());
    opened = null;
    result = restoreBackup(start.dataFile, parsed.value.backupPath, systemClock.now());
  } catch (error) {
    const appError = toAppError(error);
    // Whatever failed, open again what is there (the untouched original when nothing was moved).
    await open();
    return fail(appError.code, appError.message, appError.details);
  }
  await open();
  if (startupError) return fail(startupError.code, startupError.message, startupError.details);
  return ok(result);
}

/**
 * A restore waits for the backend's queue before closing the store; calls arriving meanwhile wait
 * for the whole restore (they would otherwise queue behind the close and hit a closed database),
 * and restores run one after another.
 */
let restoring: Promise<unknown> = Promise.resolve();

async function handleCall(method: string, input: unknown): Promise<Result<unknown>> {
  if (method === 'restoreBackup') {
    const run = restoring.then(() => restore(input));
    restoring = run.catch(() => undefined);
    return run;
  }
  // Job polls and cancels still reach the open store: a restore may be waiting for that very job.
  if (!(opened && lockFreeMethods.has(method as BackendMethodName))) await restoring;
  if (opened) return opened.backend.call(method, input);
  if (method === 'listBackups') {
    try {
      return ok(listBackups(start.dataFile));
    } catch (error) {
      const appError = toAppError(error);
      return fail(appError.code, appError.message, appError.details);
    }
  }
  const error = startupError ?? { code: 'internal' as const, message: 'The backend is not open.' };
  return fail(error.code, error.message, error.details);
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'call') {
    void handleCall(message.method, message.input).then((result) =>
      post({ type: 'result', id: message.id, result }),
    );
  } else if (message.type === 'close') {
    const current = opened;
    opened = null;
    const finish = () => post({ type: 'closed', id: message.id });
    if (!current) return finish();
    void current.backend
      .exclusive(async () => current.close())
      .catch((error: unknown) => console.error('[backend] close failed', error))
      .finally(finish);
  }
});

void open();
