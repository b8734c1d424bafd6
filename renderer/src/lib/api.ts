import type { Api, MethodInput, MethodName, MethodOutput } from '../../../shared/ipc/contract';
import type { AppError, ErrorCode, Result } from '../../../shared/ipc/result';

declare global {
  interface Window {
    /** Exposed by the Electron preload, or by the dev bridge client in a plain browser. */
    scorecard?: Api;
  }
}

export function getApi(): Api {
  if (!window.scorecard) throw new Error('The backend API is not available in this window.');
  return window.scorecard;
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface CallFailure {
  method: MethodName;
  error: AppError;
}

type FailureListener = (failure: CallFailure) => void;
const failureListeners = new Set<FailureListener>();

/**
 * The shell listens here to show a global banner. Features still get the ApiError thrown and
 * handle expected failures (invalid input, conflicts...) in place; see `isUnexpected`.
 */
export function onCallFailure(listener: FailureListener): () => void {
  failureListeners.add(listener);
  return () => failureListeners.delete(listener);
}

/** Failures no page can fix itself: the shell reports these globally. */
export function isUnexpected(code: ErrorCode): boolean {
  return code === 'internal' || code === 'database_corrupt' || code === 'database_too_new';
}

/** Calls the backend and returns the Result as is, still notifying the shell of failures. */
export async function callResult<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): Promise<Result<MethodOutput<M>>> {
  let result: Result<MethodOutput<M>>;
  try {
    const fn = getApi()[method] as (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
    result = await fn(input);
  } catch (error) {
    // The preload and bridge never throw; this is a missing API or a bug in one of them.
    result = {
      ok: false,
      error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
    };
  }
  if (!result.ok) for (const listener of failureListeners) listener({ method, error: result.error });
  return result;
}

/** Calls the backend and unwraps `{ok}`: failures become ApiError with the backend's message. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await callResult(method, input);
  if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.details);
  return result.value;
}
