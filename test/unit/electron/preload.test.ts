import { describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../../shared/ipc/contract';
import { buildApi } from '../../../electron/preload/api';

describe('buildApi', () => {
  it('has one function per contract method and nothing else', () => {
    const api = buildApi(vi.fn());
    expect(Object.keys(api).sort()).toEqual([...methodNames].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('invokes api:<method> with the input', async () => {
    const invoke = vi.fn(async (channel: string, input: unknown) => ({
      ok: true,
      value: { channel, input },
    }));
    const api = buildApi(invoke);
    await expect(api.listAgents({ teamId: 't1' })).resolves.toEqual({
      ok: true,
      value: { channel: 'api:listAgents', input: { teamId: 't1' } },
    });
    await api.listTeams({});
    expect(invoke).toHaveBeenCalledTimes(2);
  });

  it('does not leak ipcRenderer or the invoke function', () => {
    const ipcRenderer = { invoke: vi.fn(), send: vi.fn(), on: vi.fn() };
    const api = buildApi((channel, input) => ipcRenderer.invoke(channel, input));
    const values = Object.values(api) as unknown[];
    expect(values).not.toContain(ipcRenderer);
    expect(values).not.toContain(ipcRenderer.invoke);
    expect(Object.keys(api)).not.toEqual(expect.arrayContaining(['invoke', 'send', 'on', 'ipcRenderer']));
    expect(Object.getPrototypeOf(api)).toBe(Object.prototype);
  });

  it('is frozen so page scripts cannot replace methods', () => {
    const api = buildApi(vi.fn());
    expect(Object.isFrozen(api)).toBe(true);
  });
});

describe('buildMenuBridge', () => {
  it('forwards known menu commands on its one channel, and only those', async () => {
    const { buildMenuBridge } = await import('../../../electron/preload/menu');
    const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
    const ipc = {
      on: vi.fn((channel: string, l: (event: unknown, ...args: unknown[]) => void) =>
        listeners.set(channel, l),
      ),
      removeListener: vi.fn((channel: string) => listeners.delete(channel)),
    };
    const bridge = buildMenuBridge(ipc);
    expect(Object.isFrozen(bridge)).toBe(true);
    const seen: string[] = [];
    const off = bridge.onCommand((command) => seen.push(command));
    expect([...listeners.keys()]).toEqual(['menu:command']);
    const send = listeners.get('menu:command');
    send?.({ sender: 'ipc event' }, 'openCalibrationPacket');
    send?.({}, 'rm -rf');
    send?.({}, { command: 'openCalibrationPacket' });
    expect(seen).toEqual(['openCalibrationPacket']);
    off();
    expect(ipc.removeListener).toHaveBeenCalledOnce();
  });
});
