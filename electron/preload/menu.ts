import { isMenuCommand, MENU_COMMAND_CHANNEL, type MenuBridge } from '../../shared/ipc/menu';

type Listener = (event: unknown, ...args: unknown[]) => void;

export interface MenuIpc {
  on(channel: string, listener: Listener): void;
  removeListener(channel: string, listener: Listener): void;
}

/**
 * `window.scorecardMenu`: one fixed channel, known command names only; the page gets neither
 * ipcRenderer nor the IPC event, and cannot listen on any other channel.
 */
export function buildMenuBridge(ipc: MenuIpc): MenuBridge {
  return Object.freeze({
    onCommand(listener: Parameters<MenuBridge['onCommand']>[0]) {
      const forward: Listener = (_event, command) => {
        if (isMenuCommand(command)) listener(command);
      };
      ipc.on(MENU_COMMAND_CHANNEL, forward);
      return () => ipc.removeListener(MENU_COMMAND_CHANNEL, forward);
    },
  });
}
