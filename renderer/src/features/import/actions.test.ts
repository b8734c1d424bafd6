import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobStatus } from '../../../../shared/domain/types';

const calls: Array<{ method: string; input: unknown }> = [];
const running = { id: 'job1', state: 'running', progress: 0.1, message: 'Checking' } as unknown as JobStatus;
vi.mock('../../lib/api', () => ({
  call: (method: string, input: unknown) => {
    calls.push({ method, input });
    if (method === 'cancelJob') return Promise.resolve({ ...running, state: 'cancelled' });
    return Promise.resolve(running);
  },
}));
vi.mock('../../app/store', () => ({ refreshAppInfo: () => Promise.resolve() }));

const { validate } = await import('./actions');
const { useImportWizard } = await import('./store');

const count = (method: string) => calls.filter((c) => c.method === method).length;

describe('import wizard actions', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    calls.length = 0;
    useImportWizard.getState().reset();
    useImportWizard.getState().patch({
      step: 'mapping',
      file: { path: '/tmp/a.csv', name: 'a.csv', size: 10 },
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stops polling, cancels the dry run and leaves the wizard alone once it is closed', async () => {
    void validate();
    await vi.advanceTimersByTimeAsync(1000);
    expect(count('getJob')).toBeGreaterThan(0);

    useImportWizard.getState().reset();
    await vi.advanceTimersByTimeAsync(1000);
    const polls = count('getJob');
    await vi.advanceTimersByTimeAsync(5000);

    expect(count('getJob')).toBe(polls);
    expect(calls.filter((c) => c.method === 'cancelJob')).toEqual([
      { method: 'cancelJob', input: { jobId: 'job1' } },
    ]);
    const state = useImportWizard.getState();
    expect(state.step).toBe('choose');
    expect(state.job).toBeNull();
    expect(state.busy).toBeNull();
  });
});
