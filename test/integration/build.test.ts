import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendClient } from '../../electron/backend/client';
import { buildElectron } from '../../scripts/build.mjs';

/**
 * Bundles into a temp dir OUTSIDE the repo, so nothing can fall back to node_modules: this proves
 * the packaged layout (bundles + sql-wasm.wasm side by side) works in plain Node, without Electron.
 */
let work = '';
let outDir = '';

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'asc-build-'));
  outDir = path.join(work, 'dist/electron');
  const started = performance.now();
  const result = await buildElectron({ outDir });
  const seconds = (performance.now() - started) / 1000;
  expect(result.warnings).toEqual([]);
  expect(seconds).toBeLessThan(20);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

const requiredModules = (file: string) =>
  [...readFileSync(path.join(outDir, file), 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map(
    (m) => m[1] ?? '',
  );
const isBuiltin = (name: string) => name.startsWith('node:') || builtinModules.includes(name);

describe('scripts/build.mjs buildElectron', () => {
  it('writes main, preload, the workers and the wasm', () => {
    for (const file of [
      'main.cjs',
      'preload.cjs',
      'backend-worker.cjs',
      'import-parser.cjs',
      'sql-wasm.wasm',
      'sql-wasm.js',
    ]) {
      expect(existsSync(path.join(outDir, file)), file).toBe(true);
    }
    expect(statSync(path.join(outDir, 'sql-wasm.wasm')).size).toBeGreaterThan(100_000);
  });

  it('bundles every package: only electron and Node builtins stay external', () => {
    for (const file of ['main.cjs', 'backend-worker.cjs', 'import-parser.cjs']) {
      const external = requiredModules(file).filter((name) => name !== 'electron' && !isBuiltin(name));
      expect(external, file).toEqual([]);
    }
    // The sandboxed preload can require nothing but electron.
    expect(new Set(requiredModules('preload.cjs'))).toEqual(new Set(['electron']));
    expect(requiredModules('backend-worker.cjs')).not.toContain('electron');
    expect(requiredModules('import-parser.cjs')).not.toContain('electron');
  });

  it('runs the bundled backend in a plain Node worker, with the wasm found next to it', async () => {
    const dataFile = path.join(work, 'data', 'scorecard.db');
    const client = await BackendClient.start({
      dataFile,
      seedDemo: false,
      appVersion: 'build-test',
      workerPath: path.join(outDir, 'backend-worker.cjs'),
    });
    try {
      expect(client.startupError).toBeNull();
      const agents = await client.call('listAgents', {});
      expect(agents.ok).toBe(true);
      if (agents.ok) expect(Array.isArray(agents.value)).toBe(true);
      const info = await client.call('getAppInfo', {});
      expect(info).toMatchObject({ ok: true, value: { version: 'build-test', dataFile } });
    } finally {
      await client.close();
    }
    expect(existsSync(dataFile)).toBe(true);
  });

  it('seeds the demo data on first run through the bundle', async () => {
    const client = await BackendClient.start({
      dataFile: path.join(work, 'demo', 'scorecard.db'),
      seedDemo: true,
      appVersion: 'build-test',
      workerPath: path.join(outDir, 'backend-worker.cjs'),
    });
    try {
      expect(client.startupError).toBeNull();
      const agents = await client.call('listAgents', {});
      expect(agents.ok && Array.isArray(agents.value) && agents.value.length > 0).toBe(true);
    } finally {
      await client.close();
    }
  });

  it('reports a clear startup error when the wasm is missing', async () => {
    const dir = path.join(work, 'no-wasm');
    cpSync(outDir, dir, { recursive: true });
    unlinkSync(path.join(dir, 'sql-wasm.wasm'));
    const client = await BackendClient.start({
      dataFile: path.join(work, 'other.db'),
      seedDemo: false,
      appVersion: 'x',
      workerPath: path.join(dir, 'backend-worker.cjs'),
    });
    try {
      expect(client.startupError?.message).toContain('sql-wasm.wasm');
    } finally {
      await client.close();
    }
  });
});
