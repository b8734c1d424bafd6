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

/** Brings an existing window to the front (second-instance launch, dock click). */
export function focusWindow(
  win: Pick<ElectronBrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus'>,
): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
