import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appPaths, resolveDataFile, unpackedPath } from '../../../electron/main/paths';
import { readLastDataFile, writeLastDataFile } from '../../../electron/main/preferences';

const base = { env: {}, userDataDir: '/home/u/.config/Agent Scorecard', cwd: '/work' };

describe('resolveDataFile', () => {
  it('defaults to userData/scorecard.db', () => {
    expect(resolveDataFile({ ...base, argv: [] })).toBe(path.join(base.userDataDir, 'scorecard.db'));
  });

  it('takes --data-file=PATH, then --data-file PATH, resolving relative paths against cwd', () => {
    expect(resolveDataFile({ ...base, argv: ['.', '--data-file=demo.db'] })).toBe(
      path.resolve('/work/demo.db'),
    );
    expect(resolveDataFile({ ...base, argv: ['--data-file', '/abs/x.db'] })).toBe(path.resolve('/abs/x.db'));
  });

  it('prefers the flag over the environment, and the environment over the remembered file', () => {
    const env = { AGENT_SCORECARD_DATA: '/env/e.db' };
    expect(resolveDataFile({ ...base, env, argv: ['--data-file=/flag/f.db'] })).toBe(
      path.resolve('/flag/f.db'),
    );
    expect(resolveDataFile({ ...base, env, argv: [], remembered: '/r/r.db' })).toBe(
      path.resolve('/env/e.db'),
    );
    expect(resolveDataFile({ ...base, argv: [], remembered: '/r/r.db' })).toBe('/r/r.db');
  });

  it('ignores empty values', () => {
    const env = { AGENT_SCORECARD_DATA: ' ' };
    expect(resolveDataFile({ ...base, env, argv: ['--data-file='] })).toBe(
      path.join(base.userDataDir, 'scorecard.db'),
    );
  });
});

describe('appPaths', () => {
  it('locates the bundles, renderer and the unpacked worker', () => {
    const dir = path.join('/opt/app/resources/app.asar', 'dist', 'electron');
    const paths = appPaths(dir);
    expect(paths.preload).toBe(path.join(dir, 'preload.cjs'));
    expect(paths.worker).toBe(
      path.join('/opt/app/resources/app.asar.unpacked/dist/electron/backend-worker.cjs'),
    );
    expect(paths.rendererIndex).toBe(path.join('/opt/app/resources/app.asar/dist/renderer/index.html'));
    expect(paths.rendererIndexUrl).toBe('file:///opt/app/resources/app.asar/dist/renderer/index.html');
  });

  it('leaves paths outside an asar alone', () => {
    expect(unpackedPath('/work/dist/electron/backend-worker.cjs')).toBe(
      '/work/dist/electron/backend-worker.cjs',
    );
    expect(unpackedPath('C:\\App\\resources\\app.asar\\dist\\w.cjs')).toBe(
      'C:\\App\\resources\\app.asar.unpacked\\dist\\w.cjs',
    );
  });
});

describe('last data file preference', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips an existing file and forgets a deleted one', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'asc-prefs-'));
    expect(readLastDataFile(dir)).toBeNull();
    const file = path.join(dir, 'team.db');
    writeFileSync(file, '');
    writeLastDataFile(dir, file);
    expect(readLastDataFile(dir)).toBe(file);
    rmSync(file);
    expect(readLastDataFile(dir)).toBeNull();
    writeFileSync(path.join(dir, 'last-data-file.json'), '{not json');
    expect(readLastDataFile(dir)).toBeNull();
  });
});
