import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';

// electron-builder's own loader and JSON-schema validator: what `electron-builder` runs first.
const require = createRequire(import.meta.url);
const builderConfig = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<unknown>;
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

interface BuilderConfig {
  appId: string;
  productName: string;
  electronVersion: string;
  directories: { output: string };
  files: (string | { filter: string[] })[];
  asarUnpack: string[];
  linux: { target: string[]; category: string; maintainer: string; icon: string };
  win: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
}

let config: BuilderConfig;
beforeAll(async () => {
  const loaded = await builderConfig.getConfig(process.cwd(), null, null);
  await builderConfig.validateConfiguration(loaded, new DebugLogger(false));
  config = loaded as BuilderConfig;
});
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string };
const electronPkg = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as {
  version: string;
};

/** PNG width/height from the IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('electron-builder.yml', () => {
  it('names the app and pins the installed Electron version', () => {
    expect(config.appId).toBe('com.agentscorecard.app');
    expect(config.productName).toBe('Agent Scorecard');
    expect(config.electronVersion).toBe(electronPkg.version);
    expect(config.directories.output).toBe('release');
  });

  it('ships only dist and package.json: no sources, tests, maps or node_modules', () => {
    // getConfig wraps the list in a FileSet ({filter}).
    const files = config.files.flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    const includes = files.filter((f) => !f.startsWith('!'));
    expect(includes.sort()).toEqual(['dist/**/*', 'package.json']);
    expect(files).toEqual(expect.arrayContaining(['!dist/**/*.map', '!node_modules/**/*']));
    expect(pkg.main.startsWith('dist/')).toBe(true);
  });

  it('unpacks the worker and sql.js from the asar', () => {
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining([
        'dist/electron/backend-worker.cjs',
        'dist/electron/sql-wasm.wasm',
        'dist/electron/sql-wasm.js',
      ]),
    );
  });

  it('targets AppImage + deb, nsis and dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/\S+ <\S+@\S+>/);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('has icons of the right sizes', () => {
    expect(pngSize(config.mac.icon)).toEqual([512, 512]);
    expect(pngSize(`${config.linux.icon}/256x256.png`)).toEqual([256, 256]);
    expect(pngSize(`${config.linux.icon}/512x512.png`)).toEqual([512, 512]);
    const ico = readFileSync(config.win.icon);
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBeGreaterThan(0);
  });
});
