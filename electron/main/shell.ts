import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { IpcEventLike, ShellMethods } from './ipc';

export interface OpenDialogOptionsLike {
  title?: string;
  filters?: { name: string; extensions: string[] }[];
  properties: 'openFile'[];
}

export interface ShellDeps {
  /** `dialog.showOpenDialog`, parented to the window that asked when there is one. */
  showOpenDialog(
    event: IpcEventLike,
    options: OpenDialogOptionsLike,
  ): Promise<{ canceled: boolean; filePaths: string[] }>;
  statSize?: (file: string) => Promise<number>;
  /** Told about every chosen file, so IPC can let imports read exactly those. */
  onChosen?: (file: string) => void;
}

/** Shell methods (native dialogs) served by Electron main; the dev bridge has its own versions. */
export function createShellMethods(deps: ShellDeps): ShellMethods {
  const statSize = deps.statSize ?? (async (file: string) => (await stat(file)).size);
  return {
    async chooseOpenFile(input, event) {
      const options: OpenDialogOptionsLike = { properties: ['openFile'] };
      if (input.title !== undefined) options.title = input.title;
      if (input.filters !== undefined) options.filters = input.filters;
      const result = await deps.showOpenDialog(event, options);
      const chosen = result.filePaths[0];
      if (result.canceled || chosen === undefined) return null;
      deps.onChosen?.(chosen);
      return { path: chosen, name: path.basename(chosen), size: await statSize(chosen) };
    },
  };
}
