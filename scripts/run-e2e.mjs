// End-to-end tests: the real renderer in Chromium, talking to the real backend over the dev bridge.
// Fails loudly when Chromium is missing: a skipped browser suite would look like a passing one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(chromium)) {
  console.error(`e2e: Chromium not found at ${chromium}.`);
  console.error('Install it with:  sudo apt-get update && sudo apt-get install -y chromium');
  console.error('(or point CHROMIUM_PATH at an existing Chromium binary)');
  process.exit(1);
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (label, cmd, args, env = {}) => {
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`e2e: ${label} failed after ${seconds}s`);
    process.exit(result.status ?? 1);
  }
  console.log(`e2e: ${label} took ${seconds}s`);
};

// Built once here; the harness then finds dist/renderer fresh and reuses it for every test file.
run('renderer build', bin('vite'), ['build', '--logLevel', 'warn']);
run('browser tests', bin('vitest'), ['run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)], {
  E2E_RENDERER_PREBUILT: '1',
});
