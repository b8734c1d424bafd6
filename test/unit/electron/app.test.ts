import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../shared/ipc/result';
import { startApp, type ElectronApi } from '../../../electron/main/app';
import type { StartOptions } from '../../../electron/main/backend-host';
import type { MenuItemTemplate } from '../../../electron/main/menu';

/** A stand-in for the parts of Electron startApp touches; enough to drive startup and quit. */
function fakeElectron(userData: string, { locked = true } = {}) {
  let messageBoxAnswer = 1;
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    requestSingleInstanceLock: vi.fn(() => locked),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: () => Promise.resolve(),
    getVersion: () => '9.9.9',
    getPath: (name: string) => (name === 'userData' ? userData : path.join(userData, name)),
  });
  const windows: FakeWindow[] = [];
  class FakeWindow extends EventEmitter {
    readonly webContents = Object.assign(new EventEmitter(), { reload: vi.fn() });
    loadFile = vi.fn(async () => undefined);
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = () => false;
    isDestroyed = () => false;
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super();
      windows.push(this);
    }
    static fromWebContents = () => null;
  }
  const handlers = new Map<string, unknown>();
  const sessionHooks: string[] = [];
  let menu: MenuItemTemplate[] = [];
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: { handle: (channel: string, fn: unknown) => handlers.set(channel, fn), removeHandler: vi.fn() },
    Menu: { buildFromTemplate: (t: MenuItemTemplate[]) => (menu = t), setApplicationMenu: vi.fn() },
    dialog: {
      showMessageBox: vi.fn(async () => ({ response: 0 })),
      showMessageBoxSync: vi.fn(() => messageBoxAnswer),
      showErrorBox: vi.fn(),
    },
    shell: { showItemInFolder: vi.fn(), openExternal: vi.fn() },
    session: {
      defaultSession: {
        webRequest: {
          onBeforeRequest: () => sessionHooks.push('onBeforeRequest'),
          onHeadersReceived: () => sessionHooks.push('onHeadersReceived'),
        },
        setPermissionRequestHandler: () => sessionHooks.push('permissionRequest'),
        setPermissionCheckHandler: () => sessionHooks.push('permissionCheck'),
      },
    },
  };
  return {
    electron: electron as unknown as ElectronApi,
    app,
    windows,
    handlers,
    sessionHooks,
    getMenu: () => menu,
    answerMessageBox: (button: number) => (messageBoxAnswer = button),
  };
}

function fakeBackend() {
  const started: StartOptions[] = [];
  const close = vi.fn(async () => undefined);
  const startBackend = vi.fn(async (options: StartOptions) => {
    started.push(options);
    return { startupError: null, call: async () => ok('hello'), close };
  });
  return { started, close, startBackend };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('startApp', () => {
  let userData = '';
  afterEach(() => rmSync(userData, { recursive: true, force: true }));

  it('starts hardened: session hooks, IPC, secure window, backend on the default file with demo data', async () => {
    userData = mkdtempSync(path.join(tmpdir(), 'asc-app-'));
    const fake = fakeElectron(userData);
    const backend = fakeBackend();
    startApp({
      electron: fake.electron,
      mainBundleDir: '/app/dist/electron',
      startBackend: backend.startBackend,
      argv: [],
      env: {},
      cwd: '/',
    });
    await flush();

    expect(fake.sessionHooks).toEqual([
      'onBeforeRequest',
      'onHeadersReceived',
      'permissionRequest',
      'permissionCheck',
    ]);
    expect(fake.handlers.has('api:listAgents')).toBe(true);
    expect(backend.started).toEqual([
      {
        dataFile: path.join(userData, 'scorecard.db'),
        seedDemo: true,
        appVersion: '9.9.9',
        workerPath: '/app/dist/electron/backend-worker.cjs',
      },
    ]);
    expect(fake.windows).toHaveLength(1);
    const win = fake.windows[0];
    expect(win?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      preload: '/app/dist/electron/preload.cjs',
    });
    expect(win?.loadFile).toHaveBeenCalledWith('/app/dist/renderer/index.html');
    expect(fake.getMenu().map((m) => m.label)).toContain('&File');

    // A page that vetoes unloading (unsaved settings) gets a native question instead of a window
    // that silently never closes: "Stay" keeps the veto, "Leave without saving" overrides it.
    const stay = { preventDefault: vi.fn() };
    win?.webContents.emit('will-prevent-unload', stay);
    expect(stay.preventDefault).not.toHaveBeenCalled();
    fake.answerMessageBox(0);
    const leave = { preventDefault: vi.fn() };
    win?.webContents.emit('will-prevent-unload', leave);
    expect(leave.preventDefault).toHaveBeenCalledOnce();

    // A second launch focuses the existing window.
    fake.app.emit('second-instance');
    expect(win?.focus).toHaveBeenCalled();

    // Quit is held until the backend has closed (checkpointed), then re-issued.
    const event = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await flush();
    expect(backend.close).toHaveBeenCalledOnce();
    expect(fake.app.quit).toHaveBeenCalledOnce();
    const second = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });

  it('quits at once when another instance holds the lock', () => {
    userData = mkdtempSync(path.join(tmpdir(), 'asc-app-'));
    const fake = fakeElectron(userData, { locked: false });
    const backend = fakeBackend();
    const started = startApp({
      electron: fake.electron,
      mainBundleDir: '/app/dist/electron',
      startBackend: backend.startBackend,
      argv: [],
      env: {},
      cwd: '/',
    });
    expect(started).toBeNull();
    expect(fake.app.quit).toHaveBeenCalled();
    expect(backend.startBackend).not.toHaveBeenCalled();
  });

  it('opens the file named by --data-file', async () => {
    userData = mkdtempSync(path.join(tmpdir(), 'asc-app-'));
    const fake = fakeElectron(userData);
    const backend = fakeBackend();
    startApp({
      electron: fake.electron,
      mainBundleDir: '/app/dist/electron',
      startBackend: backend.startBackend,
      argv: ['.', '--data-file=team.db'],
      env: {},
      cwd: userData,
    });
    await flush();
    expect(backend.started[0]?.dataFile).toBe(path.join(userData, 'team.db'));
  });
});
