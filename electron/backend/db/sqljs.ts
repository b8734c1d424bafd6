import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';

let loading: Promise<SqlJsStatic> | undefined;

/**
 * Loads the sql.js WASM from disk (never from the network). In a bundled build the wasm sits next
 * to the bundle (`SQL_WASM_PATH` may point at it); in dev and tests it comes from node_modules.
 */
export function loadSqlJs(): Promise<SqlJsStatic> {
  loading ??= initSqlJs({ wasmBinary: readWasm() as unknown as ArrayBuffer });
  return loading;
}

function readWasm(): Uint8Array {
  const candidates: string[] = [];
  if (process.env.SQL_WASM_PATH) candidates.push(process.env.SQL_WASM_PATH);
  if (typeof __dirname === 'string') candidates.push(path.join(__dirname, 'sql-wasm.wasm'));
  try {
    const require = createRequire(import.meta.url);
    candidates.push(require.resolve('sql.js/dist/sql-wasm.wasm'));
  } catch {
    // Bundled build: import.meta.url is not a module URL there; the __dirname candidate covers it.
  }
  for (const candidate of candidates) {
    if (existsSync(candidate)) return readFileSync(candidate);
  }
  throw new Error(`sql-wasm.wasm not found (looked in: ${candidates.join(', ')})`);
}
