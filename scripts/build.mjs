// Builds the app into dist/: esbuild bundles for Electron main, the sandboxed preload and the backend
// worker (with sql.js and its wasm), plus `vite build` for the renderer.
//   node scripts/build.mjs                  everything
//   node scripts/build.mjs --electron-only  skip the renderer
// Also imported by tests (buildElectron) to bundle into a temp directory.
import { copyFile, mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Electron 45 ships Node 22; the worker also runs in plain Node 20 (CLI, tests). */
const NODE_TARGET = 'node20';

// CJS has no import.meta: give bundles a real file URL for it, so code using
// createRequire(import.meta.url) or new URL(x, import.meta.url) keeps working once bundled.
const IMPORT_META_BANNER = 'var __importMetaUrl = require("node:url").pathToFileURL(__filename).href;';

/** Bundles main, preload and worker into `outDir` (default dist/electron) and copies sql.js (script and wasm). */
export async function buildElectron({ outDir = path.join(ROOT, 'dist/electron'), minify = false } = {}) {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: NODE_TARGET,
    sourcemap: 'linked',
    minify,
    keepNames: true,
    logLevel: 'warning',
    legalComments: 'none',
    metafile: true,
  };
  const nodeBundle = {
    ...common,
    banner: { js: IMPORT_META_BANNER },
    define: { 'import.meta.url': '__importMetaUrl' },
  };
  const results = await Promise.all([
    esbuild.build({
      ...nodeBundle,
      entryPoints: { main: 'electron/main/main.ts' },
      outExtension: { '.js': '.cjs' },
      outdir: outDir,
      external: ['electron'],
    }),
    // Sandboxed preload: a browser-like context whose `require` only knows 'electron' (and a few
    // polyfilled builtins), so no banner that needs node:url and nothing but electron external.
    esbuild.build({
      ...common,
      entryPoints: { preload: 'electron/preload/index.ts' },
      outExtension: { '.js': '.cjs' },
      outdir: outDir,
      external: ['electron'],
    }),
    esbuild.build({
      ...nodeBundle,
      entryPoints: { 'backend-worker': 'electron/backend/worker.ts' },
      outExtension: { '.js': '.cjs' },
      outdir: outDir,
    }),
    // Parser worker of big CSV imports, started by the backend worker from the same folder.
    esbuild.build({
      ...nodeBundle,
      entryPoints: { 'import-parser': 'electron/backend/import/parser-worker.ts' },
      outExtension: { '.js': '.cjs' },
      outdir: outDir,
    }),
  ]);
  // The backend loads sql.js's script itself (see electron/backend/db/sqljs.ts), next to its wasm.
  for (const file of ['sql-wasm.wasm', 'sql-wasm.js']) {
    await copyFile(require.resolve(`sql.js/dist/${file}`, { paths: [ROOT] }), path.join(outDir, file));
  }
  const warnings = results.flatMap((r) => r.warnings);
  return { outDir, warnings, metafiles: results.map((r) => r.metafile) };
}

/** `vite build` with vite.config.ts: renderer/ → dist/renderer. */
export async function buildRenderer() {
  const { build } = await import('vite');
  await build({
    configFile: path.join(ROOT, 'vite.config.ts'),
    root: path.join(ROOT, 'renderer'),
    logLevel: 'warn',
  });
  return { outDir: path.join(ROOT, 'dist/renderer') };
}

async function sizesOf(dir) {
  const rows = [];
  const walk = async (d) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (!entry.name.endsWith('.map'))
        rows.push({ file: path.relative(ROOT, full), size: (await stat(full)).size });
    }
  };
  await walk(dir);
  return rows.sort((a, b) => a.file.localeCompare(b.file));
}

const kb = (n) => `${(n / 1024).toFixed(1).padStart(8)} kB`;

export async function main(argv = process.argv.slice(2)) {
  const started = performance.now();
  const electronOnly = argv.includes('--electron-only');
  const minify = argv.includes('--minify');
  const tasks = [buildElectron({ minify })];
  if (!electronOnly) tasks.push(buildRenderer());
  const [electron] = await Promise.all(tasks);
  for (const warning of electron.warnings) console.warn(`warning: ${warning.text}`);
  const rows = await sizesOf(path.join(ROOT, 'dist/electron'));
  if (!electronOnly) rows.push(...(await sizesOf(path.join(ROOT, 'dist/renderer'))));
  for (const row of rows) console.log(`${kb(row.size)}  ${row.file}`);
  const total = rows.reduce((sum, row) => sum + row.size, 0);
  console.log(`${kb(total)}  total, built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
