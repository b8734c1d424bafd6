import { describe, expect, it, vi } from 'vitest';
import type { AppError } from '../../../shared/ipc/result';
import { ok } from '../../../shared/ipc/result';
import { BackendHost, type BackendHandle, type StartOptions } from '../../../electron/main/backend-host';

function fakeStarter(failures: Record<string, AppError | Error> = {}) {
  const events: string[] = [];
  const start = vi.fn(async (options: StartOptions): Promise<BackendHandle> => {
    const failure = failures[options.dataFile];
    if (failure instanceof Error) throw failure;
    events.push(`start ${options.dataFile} seed=${options.seedDemo}`);
    return {
      startupError: failure ?? null,
      call: async () => ok(options.dataFile),
      close: async () => {
        events.push(`close ${options.dataFile}`);
      },
    };
  });
  return { start, events };
}

const corrupt: AppError = { code: 'database_corrupt', message: 'damaged' };

describe('BackendHost', () => {
  it('passes the worker path and version, and closes the old backend before opening the next', async () => {
    const { start, events } = fakeStarter();
    const host = new BackendHost({ start, appVersion: '1.2.3', workerPath: '/w.cjs' });
    await host.open('/a.db', { seedDemo: true });
    expect(start).toHaveBeenCalledWith({
      dataFile: '/a.db',
      seedDemo: true,
      appVersion: '1.2.3',
      workerPath: '/w.cjs',
    });
    await host.open('/b.db', { seedDemo: false });
    expect(events).toEqual(['start /a.db seed=true', 'close /a.db', 'start /b.db seed=false']);
    expect(host.dataFile).toBe('/b.db');
    expect(await (await host.whenIdle())?.call('x', {})).toEqual(ok('/b.db'));
  });

  it('keeps a backend with a startup error on first open (recovery mode)', async () => {
    const { start } = fakeStarter({ '/bad.db': corrupt });
    const host = new BackendHost({ start, appVersion: '1', workerPath: '/w' });
    const outcome = await host.open('/bad.db', { seedDemo: false, keepOnError: true });
    expect(outcome).toEqual({ ok: false, error: corrupt });
    expect(host.backend?.startupError).toEqual(corrupt);
  });

  it('restores the previous file when a switch fails', async () => {
    const { start, events } = fakeStarter({ '/bad.db': corrupt, '/crash.db': new Error('worker died') });
    const host = new BackendHost({ start, appVersion: '1', workerPath: '/w' });
    await host.open('/good.db', { seedDemo: false });
    expect(await host.open('/bad.db', { seedDemo: false })).toEqual({ ok: false, error: corrupt });
    expect(host.dataFile).toBe('/good.db');
    const crashed = await host.open('/crash.db', { seedDemo: false });
    expect(crashed.ok).toBe(false);
    expect(crashed.error?.message).toContain('worker died');
    expect(host.dataFile).toBe('/good.db');
    expect(events.filter((e) => e.startsWith('close'))).toEqual([
      'close /good.db',
      'close /bad.db',
      'close /good.db',
    ]);
  });

  it('close waits for an open in progress, then refuses new opens', async () => {
    const { start, events } = fakeStarter();
    const host = new BackendHost({ start, appVersion: '1', workerPath: '/w' });
    const opening = host.open('/a.db', { seedDemo: false });
    const closing = host.close();
    await Promise.all([opening, closing]);
    expect(events).toEqual(['start /a.db seed=false', 'close /a.db']);
    expect(host.backend).toBeNull();
    expect((await host.open('/b.db', { seedDemo: false })).ok).toBe(false);
    await host.close();
  });
});
