import type { JobStatus } from '../../../../shared/domain/types';
import { call } from '../../lib/api';

const POLL_MS = 200;

/** Polls a backend job until it leaves queued/running, reporting each status. */
export async function followJob(start: JobStatus, onStatus: (status: JobStatus) => void): Promise<JobStatus> {
  let status = start;
  onStatus(status);
  while (status.state === 'queued' || status.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    status = await call('getJob', { jobId: status.id });
    onStatus(status);
  }
  return status;
}
