// `npm start`: build, make sure the Electron binary is there (downloading it once if needed), then
// run the app. Arguments after `--` go to the app, e.g. `npm start -- --data-file=/tmp/demo.db`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { main as build, ROOT } from './build.mjs';

const require = createRequire(import.meta.url);

/** Path of the Electron executable if it is installed, else null. Never downloads. */
export function installedElectronPath(root = ROOT) {
  const pkgDir = path.join(root, 'node_modules/electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
    return existsSync(candidate) ? candidate : null;
  }
  if (!existsSync(pathFile)) return null;
  try {
    // electron's index.js resolves the binary from path.txt; only load it when that file exists,
    // since it tries to download the binary itself otherwise.
    const executable = require(pkgDir);
    return typeof executable === 'string' && existsSync(executable) ? executable : null;
  } catch {
    return null;
  }
}

export const MISSING_ELECTRON_MESSAGE = `
The Electron binary could not be downloaded, so the desktop app cannot start here.

  - Online? Retry with:  node node_modules/electron/install.js
  - Behind a proxy or mirror? Set ELECTRON_MIRROR or HTTPS_PROXY and retry.
  - Or run the same app in your browser, with the same backend and data file:

      npm run dev:browser
`;

function ensureElectron() {
  const found = installedElectronPath();
  if (found) return found;
  console.log('Electron binary not found; downloading it once (node node_modules/electron/install.js)…');
  const install = path.join(ROOT, 'node_modules/electron/install.js');
  if (existsSync(install)) {
    const result = spawnSync(process.execPath, [install], { cwd: ROOT, stdio: 'inherit' });
    if (result.status === 0) return installedElectronPath();
  }
  return null;
}

async function run() {
  await build(process.argv.includes('--skip-renderer') ? ['--electron-only'] : []);
  const electron = ensureElectron();
  if (!electron) {
    console.error(MISSING_ELECTRON_MESSAGE);
    process.exit(1);
  }
  const appArgs = process.argv.slice(2).filter((arg) => arg !== '--skip-renderer');
  const env = { ...process.env };
  // Set by some tools (VS Code tasks); it would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electron, [ROOT, ...appArgs], { cwd: process.cwd(), stdio: 'inherit', env });
  const forward = (signal) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(ROOT, 'scripts/start.mjs')) {
  run().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
