import { describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../../shared/ipc/contract';
import { ok, type Result } from '../../../shared/ipc/result';
import {
  channelFor,
  registerIpc,
  type BackendPort,
  type IpcDeps,
  type IpcEventLike,
  type IpcMainLike,
} from '../../../electron/main/ipc';

const RENDERER = 'file:///app/dist/renderer/index.html';

function fakeIpcMain() {
  const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => handlers.delete(channel),
  };
  const invoke = async (method: string, input: unknown, url = RENDERER): Promise<Result<unknown>> => {
    const handler = handlers.get(channelFor(method));
    if (!handler) throw new Error(`no handler for ${method}`);
    return (await handler({ senderFrame: { url, parent: null } }, input)) as Result<unknown>;
  };
  return { ipcMain, handlers, invoke };
}

function setup(overrides: Partial<IpcDeps> = {}) {
  const backend: BackendPort & { call: ReturnType<typeof vi.fn> } = {
    call: vi.fn(async (method: string) => ok({ from: 'backend', method })),
    startupError: null,
  };
  const chooseOpenFile = vi.fn(async () => ({ path: '/tmp/a.csv', name: 'a.csv', size: 3 }));
  const deps: IpcDeps = {
    backend: () => backend,
    shell: { chooseOpenFile },
    isTrustedSender: (frame) => frame?.url === RENDERER,
    ...overrides,
  };
  const fake = fakeIpcMain();
  const unregister = registerIpc(fake.ipcMain, deps);
  return { ...fake, backend, chooseOpenFile, unregister };
}

describe('registerIpc', () => {
  it('registers exactly one api:<method> handler per contract method', () => {
    const { handlers, unregister } = setup();
    expect([...handlers.keys()].sort()).toEqual(methodNames.map((m) => `api:${m}`).sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('forwards a valid backend call with the parsed input', async () => {
    const { invoke, backend } = setup();
    const result = await invoke('listAgents', { teamId: 'team-1' });
    expect(result).toEqual({ ok: true, value: { from: 'backend', method: 'listAgents' } });
    expect(backend.call).toHaveBeenCalledWith('listAgents', { teamId: 'team-1' });
  });

  it('treats a missing input as an empty object', async () => {
    const { invoke, backend } = setup();
    expect((await invoke('listTeams', undefined)).ok).toBe(true);
    expect(backend.call).toHaveBeenCalledWith('listTeams', {});
  });

  it('rejects invalid input with invalid_input before it reaches the backend', async () => {
    const { invoke, backend } = setup();
    const unknownKey = await invoke('listAgents', { teamId: 'x', dropTables: true });
    const wrongType = await invoke('getJob', { jobId: 42 });
    for (const result of [unknownKey, wrongType]) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid_input');
    }
    expect(backend.call).not.toHaveBeenCalled();
  });

  it('rejects calls from any other sender', async () => {
    const onRejectedSender = vi.fn();
    const { invoke, backend } = setup({ onRejectedSender });
    const result = await invoke('listAgents', {}, 'https://evil.example.com/');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid_input');
    expect(backend.call).not.toHaveBeenCalled();
    expect(onRejectedSender).toHaveBeenCalledWith('listAgents', 'https://evil.example.com/');
  });

  it('rejects a destroyed sender frame', async () => {
    const { handlers, backend } = setup();
    const result = (await handlers.get('api:listAgents')?.({ senderFrame: null }, {})) as Result<unknown>;
    expect(result.ok).toBe(false);
    expect(backend.call).not.toHaveBeenCalled();
  });

  it('routes shell methods to the shell implementation, not the backend', async () => {
    const { invoke, backend, chooseOpenFile } = setup();
    const result = await invoke('chooseOpenFile', {
      title: 'Import',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    expect(result).toEqual({ ok: true, value: { path: '/tmp/a.csv', name: 'a.csv', size: 3 } });
    expect(chooseOpenFile).toHaveBeenCalledWith(
      { title: 'Import', filters: [{ name: 'CSV', extensions: ['csv'] }] },
      expect.objectContaining({ senderFrame: expect.objectContaining({ url: RENDERER }) }),
    );
    expect(backend.call).not.toHaveBeenCalled();
  });

  it('turns a throwing shell method or backend into a Result, never a rejection', async () => {
    const onInternalError = vi.fn();
    const { invoke } = setup({
      onInternalError,
      shell: { chooseOpenFile: async () => Promise.reject(new Error('dialog exploded')) },
      backend: () => ({ startupError: null, call: () => Promise.reject(new Error('worker gone')) }),
    });
    const shellResult = await invoke('chooseOpenFile', {});
    const backendResult = await invoke('listTeams', {});
    expect(shellResult).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('dialog exploded') },
    });
    expect(backendResult).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('worker gone') },
    });
    expect(onInternalError).toHaveBeenCalledTimes(2);
  });

  it('answers with an error while no backend is running, and waits for one that is starting', async () => {
    const none = setup({ backend: () => null });
    expect((await none.invoke('listTeams', {})).ok).toBe(false);

    let release: (port: BackendPort) => void = () => undefined;
    const pending = new Promise<BackendPort>((resolve) => (release = resolve));
    const later = setup({ backend: () => pending });
    const call = later.invoke('listTeams', {});
    release({ startupError: null, call: async () => ok('late') });
    expect(await call).toEqual({ ok: true, value: 'late' });
  });
});

describe('file-reading methods', () => {
  it('read only files the user chose, so a compromised page cannot preview /etc/passwd', async () => {
    const chosen = new Set(['/home/lead/export.csv']);
    const { invoke, backend } = setup({ isChosenFile: (file) => chosen.has(file) });

    const refused = await invoke('previewImport', { path: '/etc/passwd' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const refusedImport = await invoke('startImport', { path: '/home/lead/.ssh/id_rsa' });
    expect(refusedImport).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // Calibration packets and answers files are read from chosen paths only, like imports.
    for (const method of ['openCalibrationPacket', 'importCalibrationAnswers'] as const)
      expect(await invoke(method, { path: '/home/lead/.ssh/id_rsa' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringContaining('chosen in the open dialog') },
      });
    expect(backend.call).not.toHaveBeenCalled();

    const allowed = await invoke('previewImport', { path: '/home/lead/export.csv' });
    expect(allowed.ok).toBe(true);
    expect(backend.call).toHaveBeenCalledWith(
      'previewImport',
      expect.objectContaining({ path: '/home/lead/export.csv' }),
    );
  });
});
