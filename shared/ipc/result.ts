/** Every backend call resolves to this shape; errors never cross the boundary as thrown exceptions. */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'user_error'
  | 'database_corrupt'
  | 'database_too_new'
  | 'cancelled'
  | 'internal';

export interface AppError {
  code: ErrorCode;
  message: string;
  /** Optional structured detail (validation issues, offending rows, backup list...). */
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/** Thrown inside the backend for expected failures; the dispatcher turns it into `{ok:false}`. */
export class UserFacingError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}
