/**
 * The application menu as plain data (Electron's MenuItemConstructorOptions subset), so the
 * structure, accelerators and the dev-only items are unit-tested without Electron.
 */

export type MenuRole =
  | 'appMenu'
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'windowMenu'
  | 'about';

export interface MenuItemTemplate {
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  accelerator?: string;
  id?: string;
  click?: () => void;
  submenu?: MenuItemTemplate[];
}

export interface MenuActions {
  openDataFile(): void;
  newDataFile(): void;
  /** Asks the page to run its Open calibration packet flow (dialog, then the backend reads the file). */
  openCalibrationPacket(): void;
  showDataFile(): void;
  about(): void;
}

function fileMenu(actions: MenuActions, isMac: boolean): MenuItemTemplate {
  const separator: MenuItemTemplate = { type: 'separator' };
  return {
    label: '&File',
    submenu: [
      {
        id: 'open-data-file',
        label: 'Open Data File…',
        accelerator: 'CmdOrCtrl+O',
        click: actions.openDataFile,
      },
      { id: 'new-data-file', label: 'New Empty Data File…', click: actions.newDataFile },
      separator,
      {
        id: 'open-calibration-packet',
        label: 'Open Calibration Packet…',
        click: actions.openCalibrationPacket,
      },
      separator,
      {
        id: 'show-data-file',
        label: isMac ? 'Show Data File in Finder' : 'Show Data File in Folder',
        click: actions.showDataFile,
      },
      // On macOS Quit lives in the app menu.
      ...(isMac ? [] : [separator, { role: 'quit' as const, label: 'Quit' }]),
    ],
  };
}

export function buildMenuTemplate(options: {
  actions: MenuActions;
  isPackaged: boolean;
  platform: NodeJS.Platform;
  appName: string;
}): MenuItemTemplate[] {
  const { actions, isPackaged, platform, appName } = options;
  const isMac = platform === 'darwin';
  const separator: MenuItemTemplate = { type: 'separator' };

  const file = fileMenu(actions, isMac);

  const edit: MenuItemTemplate = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
    ],
  };

  const devItems: MenuItemTemplate[] = isPackaged
    ? []
    : [separator, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }];
  const view: MenuItemTemplate = {
    label: '&View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
      ...devItems,
    ],
  };

  const help: MenuItemTemplate = {
    label: '&Help',
    submenu: [{ id: 'about', label: `About ${appName}`, click: actions.about }],
  };

  return [
    ...(isMac ? [{ role: 'appMenu' as const, label: appName }] : []),
    file,
    edit,
    view,
    ...(isMac ? [{ role: 'windowMenu' as const }] : []),
    help,
  ];
}
