import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDERER_DIST = path.join(REPO_ROOT, 'dist/renderer');
export const BRIDGE_CLIENT_PATH = '/__bridge/client.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** The bridge client must run before the app's module script, which reads `window.scorecard`. */
export function injectBridgeScript(html: string): string {
  const tag = `<script src="${BRIDGE_CLIENT_PATH}"></script>`;
  const moduleScript = html.search(/<script[^>]*type="module"/);
  if (moduleScript >= 0) return html.slice(0, moduleScript) + tag + '\n    ' + html.slice(moduleScript);
  return html.replace('</head>', `  ${tag}\n  </head>`);
}

/** Newest mtime under the given roots (the renderer's inputs), for the "is dist stale?" check. */
function newestMtime(roots: string[]): number {
  let newest = 0;
  const visit = (p: string) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p)) if (entry !== 'node_modules') visit(path.join(p, entry));
    } else if (stat.mtimeMs > newest) newest = stat.mtimeMs;
  };
  roots.forEach(visit);
  return newest;
}

export function rendererBuildState(): 'missing' | 'stale' | 'fresh' {
  const index = fs.statSync(path.join(RENDERER_DIST, 'index.html'), { throwIfNoEntry: false });
  if (!index) return 'missing';
  const inputs = ['renderer', 'shared', 'vite.config.ts'].map((p) => path.join(REPO_ROOT, p));
  return newestMtime(inputs) > index.mtimeMs ? 'stale' : 'fresh';
}

export async function buildRenderer(log: (line: string) => void): Promise<void> {
  const started = performance.now();
  const { build } = await import('vite');
  await build({
    configFile: path.join(REPO_ROOT, 'vite.config.ts'),
    root: path.join(REPO_ROOT, 'renderer'),
    logLevel: 'warn',
  });
  log(`renderer built in ${Math.round(performance.now() - started)} ms`);
}

/** Compiles bridge-client.ts for the browser on demand: the packaged app never ships it. */
export async function compileBridgeClient(): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [path.join(REPO_ROOT, 'electron/devserver/bridge-client.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output for the bridge client');
  return file.text;
}

/** Serves dist/renderer with path-traversal protection; index.html gets the bridge script. */
export function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  headers: Record<string, string>,
): void {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  const file = path.resolve(RENDERER_DIST, '.' + rel);
  if (!file.startsWith(RENDERER_DIST + path.sep)) {
    res.writeHead(403).end();
    return;
  }
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end('Not found');
    return;
  }
  const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
  if (file.endsWith('index.html')) {
    const html = injectBridgeScript(fs.readFileSync(file, 'utf8'));
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
    res.end(req.method === 'HEAD' ? undefined : html);
    return;
  }
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': String(stat.size),
    'Cache-Control': 'no-cache',
    ...headers,
  });
  if (req.method === 'HEAD') res.end();
  else fs.createReadStream(file).pipe(res);
}
