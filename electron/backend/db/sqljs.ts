import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import type { SqlJsConfig, SqlJsStatic } from 'sql.js';

let loading: Promise<SqlJsStatic> | undefined;
let loaded: SqlJsStatic | undefined;

/**
 * Loads sql.js and its WASM from disk (never from the network). In a bundled build both files sit
 * next to the bundle (`SQL_WASM_PATH` may point at the wasm); in dev and tests they come from
 * node_modules.
 */
export function loadSqlJs(): Promise<SqlJsStatic> {
  loading ??= loadFactory()({
    wasmBinary: readFileSync(locate('sql-wasm.wasm')) as unknown as ArrayBuffer,
  }).then((module) => (loaded = module));
  return loading;
}

/**
 * sql.js keeps the database in an Emscripten in-memory file. Past 1 MB that file grows by 12.5 % at
 * a time, copying all of it each time: committing a 1M-row import (a 310 MB file) spent 2.7 s in
 * those copies alone. Doubling, as Emscripten already does below 1 MB, copies each byte about once
 * instead of eight times, for at most as much spare capacity as data (measured: the commit of that
 * import went from 2.1 s to 0.6 s; growing by half instead left it at 1.4 s).
 */
export const FILE_GROWTH = { from: '1048576>k?2:1.125', to: '1048576>k?2:2' } as const;

export function patchFileGrowth(source: string): { source: string; patched: boolean } {
  const at = source.indexOf(FILE_GROWTH.from);
  if (at < 0 || source.indexOf(FILE_GROWTH.from, at + 1) >= 0) return { source, patched: false };
  return { source: source.replace(FILE_GROWTH.from, FILE_GROWTH.to), patched: true };
}

type InitSqlJs = (config?: SqlJsConfig) => Promise<SqlJsStatic>;

/**
 * Evaluates sql.js's own CommonJS script (as `require` would) after `patchFileGrowth`. A newer
 * sql.js whose script no longer matches loads unchanged; a unit test flags that.
 */
function loadFactory(): InitSqlJs {
  const file = locate('sql-wasm.js');
  const { source } = patchFileGrowth(readFileSync(file, 'utf8'));
  const module = { exports: {} as unknown };
  const wrapper = vm.runInThisContext(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    { filename: file },
  ) as (...args: unknown[]) => void;
  wrapper(module.exports, createRequire(file), module, file, path.dirname(file));
  return module.exports as InitSqlJs;
}

/** Next to the bundle first, then node_modules. */
export function locate(name: 'sql-wasm.js' | 'sql-wasm.wasm'): string {
  const candidates: string[] = [];
  if (name === 'sql-wasm.wasm' && process.env.SQL_WASM_PATH) candidates.push(process.env.SQL_WASM_PATH);
  if (typeof __dirname === 'string') candidates.push(path.join(__dirname, name));
  try {
    const require = createRequire(import.meta.url);
    candidates.push(require.resolve(`sql.js/dist/${name}`));
  } catch {
    // Bundled build: import.meta.url is not a module URL there; the __dirname candidate covers it.
  }
  for (const candidate of candidates) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`${name} not found (looked in: ${candidates.join(', ')})`);
}

/** The sql.js module once `loadSqlJs` has resolved (every open Database implies it has). */
export function loadedSqlJs(): SqlJsStatic | undefined {
  return loaded;
}
