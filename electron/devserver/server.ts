import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { isMethodName, type MethodName } from '../../shared/ipc/contract';
import { UserFacingError } from '../../shared/ipc/result';
import { handleCall, type IpcDeps } from '../main/ipc';
import { CONTENT_SECURITY_POLICY } from '../main/security';
import { BackendClient } from '../backend/client';
import {
  BRIDGE_CLIENT_PATH,
  buildRenderer,
  compileBridgeClient,
  REPO_ROOT,
  rendererBuildState,
  serveStatic,
} from './renderer-assets';
import { hostAllowed, newToken, originAllowed, TOKEN_HEADER, tokenMatches } from './security';
import { DEFAULT_UPLOAD_LIMIT_BYTES, receiveUpload, UploadError } from './uploads';

export interface DevServerOptions {
  dataFile: string;
  seedDemo: boolean;
  /** 0 = a free port chosen by the OS. */
  port?: number;
  /** 'always' rebuilds dist/renderer; 'if-stale' rebuilds when missing or older than its sources. */
  build?: 'always' | 'if-stale' | 'never';
  /** Serve through Vite's dev server (HMR) instead of dist/renderer. */
  hmr?: boolean;
  uploadLimitBytes?: number;
  log?: (line: string) => void;
}

export interface DevServer {
  url: string;
  /** The URL to open: carries the token once; the client moves it to sessionStorage. */
  launchUrl: string;
  port: number;
  token: string;
  dataFile: string;
  backend: BackendClient;
  close(): Promise<void>;
}

const JSON_BODY_LIMIT = 16 * 1024 * 1024;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > JSON_BODY_LIMIT) throw new UploadError(413, 'Request body too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UploadError(400, 'Request body is not valid JSON');
  }
}

/**
 * The dev browser bridge: serves the renderer and forwards contract calls over HTTP to the real
 * backend, so the app runs in any Chromium without Electron. Loopback only, one random token per
 * start, Host and Origin checked: any local web page could otherwise reach the user's data.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const log = options.log ?? ((line: string) => console.log(`[dev:browser] ${line}`));
  const token = newToken();
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-scorecard-uploads-'));
  const uploadLimit = options.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT_BYTES;

  if (!options.hmr) {
    const state = rendererBuildState();
    if (
      options.build === 'always' ||
      (options.build !== 'never' && state !== 'fresh') ||
      state === 'missing'
    ) {
      log(state === 'fresh' ? 'building renderer…' : `renderer build is ${state}: building…`);
      await buildRenderer(log);
    }
  }
  const clientJs = await compileBridgeClient();
  // The same worker-thread backend Electron main runs, on the same data file format.
  const backend = await BackendClient.start({
    dataFile: options.dataFile,
    seedDemo: options.seedDemo,
    appVersion: readAppVersion(),
  });
  if (backend.startupError)
    log(`backend startup error: ${backend.startupError.code}: ${backend.startupError.message}`);

  const deps: IpcDeps = {
    backend: () => backend,
    shell: {
      chooseOpenFile: () => {
        throw new UserFacingError(
          'invalid_input',
          'chooseOpenFile runs in the browser: the bridge client uploads the file.',
        );
      },
    },
    // The HTTP layer has already checked token, Host and Origin.
    isTrustedSender: () => true,
    // Imports read only what the browser uploaded.
    isChosenFile: (file) => path.dirname(path.resolve(file)) === uploadDir,
    onInternalError: (method, error) => log(`${method} failed: ${String(error)}`),
  };

  let vite: Awaited<ReturnType<typeof startViteMiddleware>> | null = null;
  let port = 0;
  const securityHeaders = (): Record<string, string> => ({
    'Content-Security-Policy': vite ? hmrCsp() : CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });

  async function handleBridge(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (pathname === BRIDGE_CLIENT_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
      // Public code, no data: a <script src> cannot send the token header.
      res.writeHead(200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'no-store',
        ...securityHeaders(),
      });
      res.end(req.method === 'HEAD' ? undefined : clientJs);
      return;
    }
    if (!originAllowed(req.headers, port))
      return sendJson(res, 403, { error: 'Cross-origin request refused' });
    if (!tokenMatches(token, req.headers[TOKEN_HEADER]))
      return sendJson(res, 401, { error: 'Missing or wrong bridge token' });
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'Use POST' });

    if (pathname === '/__bridge/upload') {
      const file = await receiveUpload(req, uploadDir, uploadLimit);
      return sendJson(res, 200, file);
    }
    const match = /^\/__bridge\/api\/([A-Za-z0-9]+)$/.exec(pathname);
    if (match?.[1] && isMethodName(match[1])) {
      // A simple-request content type would let a cross-site form POST skip the CORS preflight.
      if (!req.headers['content-type']?.startsWith('application/json'))
        return sendJson(res, 415, { error: 'Content-Type must be application/json' });
      const input = await readJsonBody(req);
      const result = await handleCall(match[1] as MethodName, { senderFrame: null }, input, deps);
      return sendJson(res, 200, result);
    }
    return sendJson(res, 404, { error: `No bridge endpoint ${pathname}` });
  }

  const server = http.createServer((req, res) => {
    if (!hostAllowed(req.headers, port)) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Unexpected Host header');
      return;
    }
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (pathname.startsWith('/__bridge/')) {
      handleBridge(req, res, pathname).catch((error: unknown) => {
        if (res.headersSent) return res.destroy();
        if (error instanceof UploadError) return sendJson(res, error.status, { error: error.message });
        log(`bridge error on ${pathname}: ${String(error)}`);
        sendJson(res, 500, { error: 'Bridge error' });
      });
      return;
    }
    if (vite) {
      for (const [k, v] of Object.entries(securityHeaders())) res.setHeader(k, v);
      vite.middlewares(req, res, () => res.writeHead(404).end());
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    serveStatic(req, res, pathname, securityHeaders());
  });

  if (options.hmr) vite = await startViteMiddleware(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the bridge hands out the user's data to whoever holds the token.
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  let closing: Promise<void> | null = null;
  return {
    url,
    launchUrl: `${url}?token=${token}`,
    port,
    token,
    dataFile: options.dataFile,
    backend,
    close() {
      closing ??= (async () => {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await vite?.close();
        await backend.close();
        fs.rmSync(uploadDir, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}

function readAppVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    version?: string;
  };
  return `${pkg.version ?? '0.0.0'}-dev`;
}

/** Vite's HMR client and React refresh preamble need inline scripts and a websocket. */
function hmrCsp(): string {
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "connect-src 'self'",
    "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
  );
}

async function startViteMiddleware(server: http.Server) {
  const { createServer } = await import('vite');
  const { injectBridgeScript } = await import('./renderer-assets');
  return createServer({
    configFile: path.join(REPO_ROOT, 'vite.config.ts'),
    root: path.join(REPO_ROOT, 'renderer'),
    server: { middlewareMode: true, hmr: { server } },
    appType: 'spa',
    plugins: [
      {
        name: 'agent-scorecard-bridge',
        transformIndexHtml: (html: string) =>
          injectBridgeScript(html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/s, '')),
      },
    ],
  });
}
