import type { Api, MethodInput, MethodName, MethodOutput } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';

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
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Calls the backend and unwraps `{ok}`: failures become ApiError with the backend's message. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const fn = getApi()[method] as (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
  const result = await fn(input);
  if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.details);
  return result.value;
}
