import { isBackendMethodName, type BackendMethodName } from '../../shared/ipc/contract';
import { fail, ok, UserFacingError, type Result } from '../../shared/ipc/result';
import { parseRequest } from '../../shared/ipc/validate';
import type { Clock } from './core/clock';
import type { BackendContext } from './core/context';
import type { IdGenerator } from './core/ids';
import { JobRegistry } from './core/jobs';
import type { Db } from './db/database';
import { handlers, lockFreeMethods } from './handlers';

export interface BackendOptions {
  db: Db;
  clock: Clock;
  ids: IdGenerator;
  dataFile: string | null;
  appVersion?: string;
  onInternalError?: (method: string, error: unknown) => void;
}

/**
 * Validates and dispatches contract calls. Requests run one at a time: sql.js is synchronous and
 * single-connection, and serialising keeps long jobs' transactions from interleaving with other
 * writes.
 */
export class Backend {
  readonly ctx: BackendContext;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: BackendOptions) {
    const jobs = new JobRegistry(options.ids, (task) => this.exclusive(task));
    this.ctx = {
      db: options.db,
      clock: options.clock,
      ids: options.ids,
      jobs,
      dataFile: options.dataFile,
      appVersion: options.appVersion ?? '0.0.0',
    };
  }

  async call(method: string, input: unknown): Promise<Result<unknown>> {
    if (!isBackendMethodName(method)) return fail('invalid_input', `Unknown method "${method}"`);
    const parsed = parseRequest(method, input);
    if (!parsed.ok) return parsed;
    const run = () => this.invoke(method, parsed.value);
    return lockFreeMethods.has(method) ? run() : this.exclusive(run);
  }

  private async invoke(method: BackendMethodName, input: unknown): Promise<Result<unknown>> {
    try {
      const handler = handlers[method] as (input: unknown, ctx: BackendContext) => unknown;
      return ok(await handler(input, this.ctx));
    } catch (error) {
      if (error instanceof UserFacingError) return fail(error.code, error.message, error.details);
      this.options.onInternalError?.(method, error);
      const message = error instanceof Error ? error.message : String(error);
      return fail('internal', `Unexpected error in ${method}: ${message}`);
    }
  }

  /** Runs `task` after every earlier request has finished. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
