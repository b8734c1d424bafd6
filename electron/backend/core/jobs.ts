import type { JobStatus } from '../../../shared/domain/types';
import { UserFacingError } from '../../../shared/ipc/result';
import type { IdGenerator } from './ids';

export interface JobControl {
  signal: AbortSignal;
  report(progress: number | null, message: string): void;
  /** Yields to the event loop so progress polls and cancels get through; throws once cancelled. */
  checkpoint(): Promise<void>;
}

type Runner = (task: () => Promise<void>) => Promise<void>;

/**
 * Long-running work is started by one request and observed by polling `getJob`. Jobs still run
 * under the backend's one-at-a-time lock (via `runExclusive`), so a job's transaction never
 * interleaves with another write; `getJob` and `cancelJob` bypass the lock.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, JobStatus & { controller: AbortController }>();

  constructor(
    private readonly ids: IdGenerator,
    private readonly runExclusive: Runner,
  ) {}

  start<T>(kind: string, work: (control: JobControl) => Promise<T>): JobStatus {
    const id = this.ids.next('job');
    const controller = new AbortController();
    const job: JobStatus & { controller: AbortController } = {
      id,
      kind,
      state: 'queued',
      progress: 0,
      message: 'Waiting…',
      controller,
    };
    this.jobs.set(id, job);
    const control: JobControl = {
      signal: controller.signal,
      report: (progress, message) => {
        job.progress = progress;
        job.message = message;
      },
      checkpoint: async () => {
        await new Promise((resolve) => setImmediate(resolve));
        if (controller.signal.aborted)
          throw new UserFacingError('cancelled', 'Cancelled: nothing was changed.');
      },
    };
    void this.runExclusive(async () => {
      if (controller.signal.aborted) return;
      job.state = 'running';
      try {
        const result = await work(control);
        Object.assign(job, { state: 'done', progress: 1, result });
      } catch (error) {
        if (error instanceof UserFacingError) {
          Object.assign(job, {
            state: error.code === 'cancelled' ? 'cancelled' : 'failed',
            message: error.message,
            error: { code: error.code, message: error.message, details: error.details },
          });
        } else {
          const message = error instanceof Error ? error.message : String(error);
          Object.assign(job, { state: 'failed', message, error: { code: 'internal', message } });
        }
      }
    });
    return this.get(id);
  }

  get(id: string): JobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new UserFacingError('not_found', `No job ${id}`);
    const { controller: _controller, ...status } = job;
    return { ...status };
  }

  cancel(id: string): JobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new UserFacingError('not_found', `No job ${id}`);
    if (job.state === 'queued' || job.state === 'running') {
      job.controller.abort();
      if (job.state === 'queued') Object.assign(job, { state: 'cancelled', message: 'Cancelled' });
    }
    return this.get(id);
  }

  /** Waits until the job leaves queued/running (tests and the CLI). */
  async wait(id: string): Promise<JobStatus> {
    for (;;) {
      const status = this.get(id);
      if (status.state !== 'queued' && status.state !== 'running') return status;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}
