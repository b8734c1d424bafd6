import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { systemClock } from '../../../electron/backend/core/clock';
import { randomIds } from '../../../electron/backend/core/ids';
import { generateDemoData } from '../../../electron/backend/demo/generate';
import { openDataFile } from '../../../electron/backend/open';
import { startDevServer, type DevServer } from '../../../electron/devserver/server';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const VIEWPORT = { width: 1366, height: 850 };
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test/e2e/__screenshots__');
const DOCS_SCREENSHOT_DIR = path.join(REPO_ROOT, 'docs/screenshots');
/** The screenshots README.md shows; the rest stay in the e2e output folder. */
const README_SCREENSHOTS = new Set([
  'kpi-dashboard',
  'kpi-explain-csat',
  'agent-scorecard',
  'interactions-4-details',
  'import-1-preview',
  'import-3-validate',
  'kpi-settings',
  'reviews-form-editor',
  'reviews-workspace',
  'reviews-qa-report',
  'calibration-reveal',
  'calibration-history',
  'recovery',
]);

export interface DemoSize {
  agents: number;
  months: number;
  seed: number;
}

export interface StartAppOptions {
  /** Existing data file to open; default: a new file in a temp dir. */
  dataFile?: string;
  /** Seed a new data file with a demo of this size first; false (default) starts empty. */
  demo?: DemoSize | false;
}

export interface App {
  page: Page;
  /** Base URL (without token). */
  url: string;
  port: number;
  token: string;
  dataFile: string;
  /** Calls a contract method through the HTTP bridge, as the page does. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  /** Like call, but throws on `{ok:false}`. */
  value<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Raw HTTP request to the server with full control over headers (security tests). */
  rawRequest(options: {
    path: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
  }): Promise<{
    status: number;
    body: string;
  }>;
  screenshot(name: string): Promise<string>;
  /** Waits until the page has no request in flight and shows no "Loading…" text. */
  settle(): Promise<void>;
  /** Stops the dev server but keeps the browser open (backend-unreachable tests). */
  stopServer(): Promise<void>;
  /** Console errors and uncaught page errors seen so far. */
  browserErrors: string[];
  /** Throws if the browser logged errors; clears them so one failure is reported once. */
  assertNoBrowserErrors(): void;
  close(): Promise<void>;
}

/** Writes the demo data set into a new data file before the app opens it, at the size a test asks for. */
export async function seedDemo(dataFile: string, size: DemoSize): Promise<void> {
  const opened = await openDataFile({ dataFile, seedDemo: false, appVersion: 'e2e', backups: false });
  try {
    generateDemoData(opened.store.db, { ...size, now: systemClock.now(), ids: randomIds });
    opened.store.checkpoint();
  } finally {
    opened.close();
  }
}

export async function startApp(options: StartAppOptions = {}): Promise<App> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install it: sudo apt-get install -y chromium`);
  }
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-scorecard-e2e-'));
  const dataFile = options.dataFile ?? path.join(tempDir, 'scorecard.db');
  if (options.demo) await seedDemo(dataFile, options.demo);

  let server: DevServer | null = null;
  let browser: Browser | null = null;
  try {
    server = await startDevServer({
      dataFile,
      seedDemo: false,
      port: 0,
      // run-e2e.mjs builds once up front; rebuilding here while another engineer edits the
      // renderer would swap assets under a page that is still loading its lazy chunks.
      build: process.env.E2E_RENDERER_PREBUILT === '1' ? 'never' : 'if-stale',
      log: () => undefined,
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    // A fresh context is a fresh, throwaway profile (Playwright gives each launch its own user-data-dir).
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const browserErrors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') browserErrors.push(`console.error: ${msg.text()} (${msg.location().url})`);
    });
    page.on('pageerror', (error) => browserErrors.push(`page error: ${error.message}`));
    await page.goto(server.launchUrl);

    const live = server;
    const liveBrowser = browser;
    const call = async <M extends MethodName>(method: M, input: MethodInput<M>) => {
      const response = await fetch(`${live.url}__bridge/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Scorecard-Token': live.token },
        body: JSON.stringify(input),
      });
      if (!response.ok) throw new Error(`Bridge HTTP ${response.status}: ${await response.text()}`);
      return (await response.json()) as Result<MethodOutput<M>>;
    };
    return {
      page,
      url: live.url,
      port: live.port,
      token: live.token,
      dataFile,
      call,
      async value(method, input) {
        const result = await call(method, input);
        if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
        return result.value;
      },
      rawRequest: (request) => rawRequest(live.port, request),
      async screenshot(name) {
        fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
        const file = path.join(SCREENSHOT_DIR, `${name}.png`);
        await page.screenshot({ path: file });
        if (process.env.UPDATE_DOCS_SCREENSHOTS === '1' && README_SCREENSHOTS.has(name)) {
          fs.mkdirSync(DOCS_SCREENSHOT_DIR, { recursive: true });
          fs.copyFileSync(file, path.join(DOCS_SCREENSHOT_DIR, `${name}.png`));
        }
        return file;
      },
      async settle() {
        await page.waitForLoadState('networkidle');
        // A function, not a string (the CSP forbids eval); DOM typed locally, as this file has no DOM lib.
        await page.waitForFunction(
          () => {
            const doc = (
              globalThis as unknown as {
                document: { getElementById(id: string): { textContent: string | null } | null };
              }
            ).document;
            return !/Loading…|Loading\.\.\./.test(doc.getElementById('page-body')?.textContent ?? '');
          },
          undefined,
          { timeout: 20_000 },
        );
      },
      async stopServer() {
        await live.close();
      },
      browserErrors,
      assertNoBrowserErrors() {
        if (browserErrors.length === 0) return;
        const errors = browserErrors.splice(0);
        throw new Error(`The browser reported errors:\n${errors.join('\n')}`);
      },
      async close() {
        await liveBrowser.close();
        await live.close();
        fs.rmSync(tempDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close();
    await server?.close();
    fs.rmSync(tempDir, { recursive: true, force: true });
    throw error;
  }
}

/** node:http rather than fetch: fetch will not let a test forge the Host header. */
function rawRequest(
  port: number,
  request: { path: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: request.path,
        method: request.method ?? 'GET',
        headers: request.headers ?? {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}
