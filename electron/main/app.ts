import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, MenuItemConstructorOptions, WebContents } from 'electron';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../../shared/ipc/menu';
import { BackendHost, type StartBackend } from './backend-host';
import { registerIpc, type IpcEventLike, type IpcMainLike } from './ipc';
import { buildMenuTemplate, type MenuActions } from './menu';
import { appPaths, resolveDataFile } from './paths';
import { readLastDataFile, writeLastDataFile } from './preferences';
import {
  hardenSession,
  hardenWebContents,
  isTrustedSender,
  type SessionLike,
  type WebContentsLike,
} from './security';
import { createShellMethods, type OpenDialogOptionsLike } from './shell';
import { askBeforeDiscardingChanges, createMainWindow, focusWindow } from './window';

export type ElectronApi = Pick<
  typeof import('electron'),
  'app' | 'BrowserWindow' | 'ipcMain' | 'Menu' | 'dialog' | 'shell' | 'session'
>;

export interface StartAppOptions {
  electron: ElectronApi;
  /** Directory of main.cjs (dist/electron, inside app.asar when packaged). */
  mainBundleDir: string;
  startBackend: StartBackend;
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  log?: (message: string, detail?: unknown) => void;
}

const DATA_FILE_FILTERS = [{ name: 'Agent Scorecard data', extensions: ['db', 'sqlite', 'sqlite3'] }];

/**
 * Wires the Electron app: single-instance lock, hardened session and web contents, IPC, menu, the
 * backend worker and the one window. All Electron objects come in through `options.electron`, so
 * this runs under test with fakes.
 */
export function startApp(options: StartAppOptions): { host: BackendHost } | null {
  const { app, BrowserWindow, ipcMain, Menu, dialog, shell, session } = options.electron;
  const log = options.log ?? ((message: string, detail?: unknown) => console.error(message, detail ?? ''));

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  const paths = appPaths(options.mainBundleDir);
  const appName = 'Agent Scorecard';
  const host = new BackendHost({
    start: options.startBackend,
    appVersion: app.getVersion(),
    workerPath: paths.worker,
    onError: log,
  });
  let win: BrowserWindow | null = null;
  const liveWindow = () => (win && !win.isDestroyed() ? win : null);

  app.on('second-instance', () => {
    const current = liveWindow();
    if (current) focusWindow(current);
  });

  // Every WebContents, including any DevTools or future popup, gets the same navigation lock.
  app.on('web-contents-created', (_event, contents: WebContents) => {
    hardenWebContents(contents as unknown as WebContentsLike, {
      openExternal: (url) => void shell.openExternal(url),
    });
  });

  app.on('window-all-closed', () => app.quit());

  // Quit waits for the backend to close: its close() checkpoints the store to disk.
  let backendClosed = false;
  let closing = false;
  app.on('before-quit', (event) => {
    if (backendClosed) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    void host
      .close()
      .catch((error: unknown) => log('Closing the backend failed', error))
      .finally(() => {
        backendClosed = true;
        app.quit();
      });
  });

  const showError = async (message: string, detail: string) => {
    const parent = liveWindow();
    const box = { type: 'error' as const, title: appName, message, detail, buttons: ['OK'] };
    await (parent ? dialog.showMessageBox(parent, box) : dialog.showMessageBox(box));
  };

  const switchTo = async (file: string, seedDemo: boolean) => {
    const outcome = await host.open(file, { seedDemo });
    if (!outcome.ok) {
      await showError('The data file could not be opened.', outcome.error?.message ?? file);
      return;
    }
    writeLastDataFile(app.getPath('userData'), file);
    liveWindow()?.webContents.reload();
  };

  const actions: MenuActions = {
    openDataFile: () => {
      const parent = liveWindow();
      const dialogOptions = {
        title: 'Open Data File',
        filters: DATA_FILE_FILTERS,
        properties: ['openFile' as const],
      };
      void (
        parent ? dialog.showOpenDialog(parent, dialogOptions) : dialog.showOpenDialog(dialogOptions)
      ).then(async (result) => {
        const file = result.filePaths[0];
        if (!result.canceled && file) await switchTo(file, false);
      });
    },
    newDataFile: () => {
      const parent = liveWindow();
      const dialogOptions = {
        title: 'New Empty Data File',
        defaultPath: path.join(app.getPath('documents'), 'agent-scorecard.db'),
        filters: DATA_FILE_FILTERS,
      };
      void (
        parent ? dialog.showSaveDialog(parent, dialogOptions) : dialog.showSaveDialog(dialogOptions)
      ).then(async (result) => {
        const file = result.filePath;
        if (result.canceled || !file) return;
        // Replacing a data file (and its journal) from a save dialog is too easy to do by accident.
        if (existsSync(file) || existsSync(`${file}.log`)) {
          await showError('That file already exists.', `Choose a new name; ${file} was left untouched.`);
          return;
        }
        await switchTo(file, false);
      });
    },
    openCalibrationPacket: () => {
      const current = liveWindow();
      if (!current) return;
      focusWindow(current);
      current.webContents.send(MENU_COMMAND_CHANNEL, 'openCalibrationPacket' satisfies MenuCommand);
    },
    showDataFile: () => {
      if (host.dataFile) shell.showItemInFolder(host.dataFile);
    },
    about: () => {
      const parent = liveWindow();
      const box = {
        type: 'info' as const,
        title: `About ${appName}`,
        message: `${appName} ${app.getVersion()}`,
        detail: [
          'Offline KPI scorecards, call reviews, goals and performance reviews.',
          `Data file: ${host.dataFile ?? '(none)'}`,
          `Electron ${process.versions.electron ?? '?'} · Chromium ${process.versions.chrome ?? '?'} · Node ${process.versions.node}`,
        ].join('\n'),
        buttons: ['OK'],
      };
      void (parent ? dialog.showMessageBox(parent, box) : dialog.showMessageBox(box));
    },
  };

  void app
    .whenReady()
    .then(async () => {
      hardenSession(session.defaultSession as unknown as SessionLike, {
        rendererRoot: paths.rendererRoot,
        onBlocked: (url) => log('Blocked request', url),
      });

      const chosenFiles = new Set<string>();
      registerIpc(ipcMain as unknown as IpcMainLike, {
        backend: () => host.whenIdle(),
        isChosenFile: (file) => chosenFiles.has(file),
        shell: createShellMethods({
          onChosen: (file) => chosenFiles.add(file),
          showOpenDialog: (event: IpcEventLike, dialogOptions: OpenDialogOptionsLike) => {
            const parent = BrowserWindow.fromWebContents(event.sender as WebContents) ?? liveWindow();
            return parent
              ? dialog.showOpenDialog(parent, dialogOptions)
              : dialog.showOpenDialog(dialogOptions);
          },
        }),
        isTrustedSender: (frame) => isTrustedSender(frame, paths.rendererIndexUrl),
        onRejectedSender: (method, url) => log(`Rejected IPC ${method} from`, url),
        onInternalError: (method, error) => log(`IPC ${method} failed`, error),
      });

      const userData = app.getPath('userData');
      const dataFile = resolveDataFile({
        argv: options.argv,
        env: options.env,
        userDataDir: userData,
        cwd: options.cwd,
        remembered: readLastDataFile(userData),
      });
      // The window opens at once; IPC calls made before the backend is up wait for it (whenIdle).
      const opening = host.open(dataFile, { seedDemo: !existsSync(dataFile), keepOnError: true });

      const template = buildMenuTemplate({
        actions,
        isPackaged: app.isPackaged,
        platform: process.platform,
        appName,
      });
      Menu.setApplicationMenu(Menu.buildFromTemplate(template as MenuItemConstructorOptions[]));

      win = createMainWindow(BrowserWindow, paths, {
        isPackaged: app.isPackaged,
        title: appName,
        onLoadFailed: (error) => log('Loading the renderer failed', error),
      });
      askBeforeDiscardingChanges(win, (parent, box) => dialog.showMessageBoxSync(parent, box));
      win.on('closed', () => {
        win = null;
      });

      const outcome = await opening;
      if (!outcome.ok) log(`Opened ${dataFile} with an error`, outcome.error);
    })
    .catch((error: unknown) => {
      log('Startup failed', error);
      dialog.showErrorBox(appName, `Agent Scorecard could not start.\n\n${String(error)}`);
      app.exit(1);
    });

  return { host };
}
