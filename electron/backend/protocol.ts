import type { AppError, Result } from '../../shared/ipc/result';

/** Messages between BackendClient (main thread) and the backend worker thread. */
export interface WorkerStartData {
  dataFile: string;
  seedDemo: boolean;
  appVersion: string;
  /** Tests: fold the journal into the snapshot more often. */
  checkpointThresholdBytes?: number;
}

export type ToWorker =
  { type: 'call'; id: number; method: string; input: unknown } | { type: 'close'; id: number };

export type FromWorker =
  | { type: 'ready'; info: unknown }
  | { type: 'fatal'; error: AppError }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'closed'; id: number };
