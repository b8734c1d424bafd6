import type { JobStatus } from '../../../../shared/domain/types';
import { call } from '../../lib/api';

const POLL_MS = 200;

/**
 * Polls a backend job until it leaves queued/running, reporting each status. Stops early (the
 * last status is then still queued/running) once `alive` turns false: the wizard was closed.
 */
export async function followJob(
  start: JobStatus,
  onStatus: (status: JobStatus) => void,
  alive: () => boolean = () => true,
): Promise<JobStatus> {
  let status = start;
  onStatus(status);
  while ((status.state === 'queued' || status.state === 'running') && alive()) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (!alive()) break;
    status = await call('getJob', { jobId: status.id });
    if (alive()) onStatus(status);
  }
  return status;
}
