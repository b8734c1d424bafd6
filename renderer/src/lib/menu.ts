import type { MenuBridge, MenuCommand } from '../../../shared/ipc/menu';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the dev bridge (a browser has no app menu). */
    scorecardMenu?: MenuBridge;
  }
}

/** Runs `handlers[command]` for each application-menu command; returns the unsubscribe. */
export function onMenuCommands(handlers: Record<MenuCommand, () => void>): () => void {
  return window.scorecardMenu?.onCommand((command) => handlers[command]()) ?? (() => undefined);
}
