import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createShellMethods } from '../../../electron/main/shell';
import { installedElectronPath, MISSING_ELECTRON_MESSAGE } from '../../../scripts/start.mjs';

const event = { senderFrame: { url: 'file:///app/index.html', parent: null } };

describe('chooseOpenFile', () => {
  it('passes title and filters to the dialog and describes the chosen file', async () => {
    const showOpenDialog = vi.fn(async () => ({ canceled: false, filePaths: ['/data/export.csv'] }));
    const onChosen = vi.fn();
    const shell = createShellMethods({ showOpenDialog, statSize: async () => 1234, onChosen });
    const chosen = await shell.chooseOpenFile(
      { title: 'Import', filters: [{ name: 'CSV', extensions: ['csv'] }] },
      event,
    );
    expect(chosen).toEqual({ path: '/data/export.csv', name: 'export.csv', size: 1234 });
    // IPC lets imports read exactly the files reported here.
    expect(onChosen).toHaveBeenCalledWith('/data/export.csv');
    expect(showOpenDialog).toHaveBeenCalledWith(event, {
      title: 'Import',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
      properties: ['openFile'],
    });
  });

  it('returns null when the user cancels', async () => {
    const shell = createShellMethods({ showOpenDialog: async () => ({ canceled: true, filePaths: [] }) });
    expect(await shell.chooseOpenFile({}, event)).toBeNull();
  });
});

describe('scripts/start.mjs', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('finds no Electron binary without path.txt, and never tries to download while checking', () => {
    root = mkdtempSync(path.join(tmpdir(), 'asc-start-'));
    mkdirSync(path.join(root, 'node_modules/electron'), { recursive: true });
    // An index.js that would "download" if it were loaded without path.txt.
    writeFileSync(path.join(root, 'node_modules/electron/index.js'), 'throw new Error("downloading")');
    expect(installedElectronPath(root)).toBeNull();
  });

  it('explains the browser alternative when Electron is missing', () => {
    expect(MISSING_ELECTRON_MESSAGE).toContain('could not be downloaded');
    expect(MISSING_ELECTRON_MESSAGE).toContain('npm run dev:browser');
  });
});
