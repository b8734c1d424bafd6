import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuItemTemplate } from '../../../electron/main/menu';

const actions = {
  openDataFile: vi.fn(),
  newDataFile: vi.fn(),
  openCalibrationPacket: vi.fn(),
  showDataFile: vi.fn(),
  about: vi.fn(),
};
const build = (isPackaged: boolean, platform: NodeJS.Platform = 'linux') =>
  buildMenuTemplate({ actions, isPackaged, platform, appName: 'Agent Scorecard' });

const flatten = (items: MenuItemTemplate[]): MenuItemTemplate[] =>
  items.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);
const roles = (items: MenuItemTemplate[]) => flatten(items).flatMap((i) => (i.role ? [i.role] : []));
const menu = (items: MenuItemTemplate[], label: string) =>
  items.find((i) => i.label === label)?.submenu ?? [];

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help', () => {
    expect(build(true).map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it('wires the File items to the actions', () => {
    const file = menu(build(true), '&File');
    const byId = (id: string) => file.find((i) => i.id === id);
    byId('open-data-file')?.click?.();
    byId('new-data-file')?.click?.();
    byId('show-data-file')?.click?.();
    byId('open-calibration-packet')?.click?.();
    expect(actions.openCalibrationPacket).toHaveBeenCalledOnce();
    expect(byId('open-calibration-packet')?.label).toBe('Open Calibration Packet…');
    expect(actions.openDataFile).toHaveBeenCalledOnce();
    expect(actions.newDataFile).toHaveBeenCalledOnce();
    expect(actions.showDataFile).toHaveBeenCalledOnce();
    expect(byId('open-data-file')?.accelerator).toBe('CmdOrCtrl+O');
    expect(roles(file)).toEqual(['quit']);
    menu(build(true), '&Help')[0]?.click?.();
    expect(actions.about).toHaveBeenCalledOnce();
  });

  it('has edit and zoom roles', () => {
    const template = build(true);
    expect(roles(menu(template, '&Edit'))).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    );
    expect(roles(menu(template, '&View'))).toEqual(
      expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut']),
    );
  });

  it('offers reload and devtools only when not packaged', () => {
    expect(roles(build(true))).not.toEqual(expect.arrayContaining(['toggleDevTools']));
    expect(roles(build(true))).not.toContain('reload');
    expect(roles(build(false))).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('follows macOS conventions on darwin', () => {
    const template = build(true, 'darwin');
    expect(template[0]?.role).toBe('appMenu');
    expect(roles(menu(template, '&File'))).not.toContain('quit');
  });
});
