import type { BrowserWindow as ElectronBrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { AppPaths } from './paths';
import { secureWebPreferences } from './security';

export type BrowserWindowCtor = new (options: BrowserWindowConstructorOptions) => ElectronBrowserWindow;

export function mainWindowOptions(
  paths: AppPaths,
  options: { isPackaged: boolean; title: string; icon?: string },
): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: options.title,
    // Shown on ready-to-show, so the user never sees an unstyled white frame.
    show: false,
    backgroundColor: '#f6f7f9',
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: secureWebPreferences(paths.preload, { devTools: !options.isPackaged }),
  };
}

/** Creates the single app window and loads the bundled renderer from file://. */
export function createMainWindow(
  BrowserWindow: BrowserWindowCtor,
  paths: AppPaths,
  options: { isPackaged: boolean; title: string; icon?: string; onLoadFailed?: (error: unknown) => void },
): ElectronBrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(paths, options));
  win.once('ready-to-show', () => win.show());
  win.loadFile(paths.rendererIndex).catch((error: unknown) => options.onLoadFailed?.(error));
  return win;
}

export type ShowMessageBoxSync = (
  win: ElectronBrowserWindow,
  options: {
    type: 'question';
    buttons: string[];
    defaultId: number;
    cancelId: number;
    message: string;
    detail: string;
  },
) => number;

const LEAVE_BUTTON = 0;

/**
 * A page with unsaved changes (Settings) registers `beforeunload`. Chromium would show its own
 * prompt; Electron instead silently cancels the close or reload, so the window could never close.
 * Main asks the user, and leaving means ignoring the page's veto (preventDefault).
 */
export function askBeforeDiscardingChanges(
  win: ElectronBrowserWindow,
  showMessageBoxSync: ShowMessageBoxSync,
): void {
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = showMessageBoxSync(win, {
      type: 'question',
      buttons: ['Leave without saving', 'Stay'],
      defaultId: 1,
      cancelId: 1,
      message: 'Leave without saving?',
      detail: 'You have changes on this page that are not saved yet. Leaving now discards them.',
    });
    if (choice === LEAVE_BUTTON) event.preventDefault();
  });
}

/** Brings an existing window to the front (second-instance launch, dock click). */
export function focusWindow(
  win: Pick<ElectronBrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus'>,
): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
