import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChosenFile } from '../../shared/ipc/contracts/shell';
import type { Result } from '../../shared/ipc/result';
import { expectAccessible } from './support/axe';
import { startApp, type App } from './support/harness';
import { focusRingProblem, focusRingProblems } from './support/layout';

/** The shell's own parts; each page's content is checked by that page's tests. */
const SHELL = '.sidebar, .header, .status-bar';

const PAGES = [
  { label: 'Dashboard', screenshot: 'dashboard' },
  { label: 'Interactions', screenshot: 'interactions' },
  { label: 'Reviews', screenshot: 'reviews' },
  { label: 'Goals', screenshot: 'goals' },
  { label: 'Performance reviews', screenshot: 'performance-reviews' },
  { label: 'Settings', screenshot: 'settings' },
];

describe('app shell in Chromium', () => {
  let app: App;

  beforeAll(async () => {
    app = await startApp({ demo: { agents: 6, months: 2, seed: 7 } });
  });
  afterEach(() => app.assertNoBrowserErrors());
  afterAll(async () => {
    await app?.close();
  });

  it('loads with the data file name and counts from the backend', async () => {
    const info = await app.value('getAppInfo', {});
    const { page } = app;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Dashboard');
    await expect.poll(() => page.getByLabel('Data file').textContent()).toBe('scorecard.db');
    const status = page.getByRole('contentinfo', { name: 'Status bar' });
    await expect.poll(() => status.textContent()).toContain(`${info.counts.agents} agents`);
    expect(await status.textContent()).toContain(
      `${info.counts.interactions.toLocaleString('en-US')} interactions`,
    );
    // The token moved to sessionStorage: it must not linger in the address bar or history.
    expect(page.url()).not.toContain('token=');
  });

  it('lists every agent with the interaction count stored in the database', async () => {
    const agents = await app.value('listAgents', {});
    expect(agents.length).toBeGreaterThan(0);
    const table = app.page.getByRole('table', { name: 'Agents' });
    await table.waitFor();
    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        name: tr.querySelector('th')?.firstChild?.textContent ?? '',
        count: tr.querySelector('[data-label="interactions"]')?.textContent ?? '',
      })),
    );
    expect(rows).toEqual(
      agents.map((a) => ({ name: a.name, count: a.interactionCount.toLocaleString('en-US') })),
    );
    await app.screenshot('dashboard');
  });

  it('visits every page from the sidebar', async () => {
    const { page } = app;
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    for (const { label, screenshot } of PAGES) {
      await nav.getByRole('button', { name: label, exact: true }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(label);
      expect(await nav.getByRole('button', { name: label, exact: true }).getAttribute('aria-current')).toBe(
        'page',
      );
      await app.settle();
      await app.screenshot(screenshot);
      await expectAccessible(page, `the app shell on ${label}`, SHELL);
    }
  });

  it('moves focus to the page heading after a page change, for screen readers and keyboards', async () => {
    const { page } = app;
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    // From the last page, so that each click in turn changes the page.
    await nav.getByRole('button', { name: 'Settings', exact: true }).click();
    for (const { label } of PAGES) {
      await nav.getByRole('button', { name: label, exact: true }).click();
      const heading = page.locator('h1:focus');
      await expect.poll(() => heading.textContent()).toBe(label);
      expect(await heading.getAttribute('tabindex')).toBe('-1');
    }
  });

  it('shows a clear focus ring on every shell control', async () => {
    const { page } = app;
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('button', { name: 'Goals' }).click();
    // Back from the heading: the sidebar's current entry, then the skip link.
    expect(await focusRingProblems(page, { stops: 2, key: 'Shift+Tab' })).toEqual([]);
    expect(await page.locator(':focus').textContent()).toBe('Skip to content');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    expect(await focusRingProblem(page)).toBeNull();
    expect(await page.locator(':focus').textContent()).toBe('Performance reviews');
  });

  it('navigates the sidebar with the keyboard', async () => {
    const { page } = app;
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('button', { name: 'Dashboard', exact: true }).click();
    // The click moved focus to the heading; bring it back to start from the sidebar.
    await nav.getByRole('button', { name: 'Dashboard', exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Reviews');
    // Focus went to the new page's heading; Shift+Tab leads back to the sidebar's current entry.
    await page.keyboard.press('Shift+Tab');
    expect(await page.locator(':focus').textContent()).toBe('Reviews');
    await page.keyboard.press('End');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowUp');
    expect(await page.locator(':focus').textContent()).toBe('Settings');
    // The sidebar is one Tab stop: Tab from the current entry leaves the navigation.
    await page.keyboard.press('Tab');
    expect(await page.locator('nav :focus').count()).toBe(0);
  });

  it('refuses bridge requests without the token', async () => {
    const host = `127.0.0.1:${app.port}`;
    const json = { 'Content-Type': 'application/json', Host: host };
    const noToken = await app.rawRequest({
      path: '/__bridge/api/getAppInfo',
      method: 'POST',
      headers: json,
      body: '{}',
    });
    expect(noToken.status).toBe(401);
    const wrong = await app.rawRequest({
      path: '/__bridge/api/getAppInfo',
      method: 'POST',
      // Last character changed to one it is not: a fixed 'x' left the token intact 1 run in 64.
      headers: {
        ...json,
        'X-Scorecard-Token': `${app.token.slice(0, -1)}${app.token.endsWith('x') ? 'y' : 'x'}`,
      },
      body: '{}',
    });
    expect(wrong.status).toBe(401);
    const upload = await app.rawRequest({
      path: '/__bridge/upload',
      method: 'POST',
      headers: { Host: host },
      body: 'x',
    });
    expect(upload.status).toBe(401);
    const ok = await app.rawRequest({
      path: '/__bridge/api/getAppInfo',
      method: 'POST',
      headers: { ...json, 'X-Scorecard-Token': app.token },
      body: '{}',
    });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true });
  });

  it('lets imports read only uploaded files, never an arbitrary local path', async () => {
    const refused = await app.call('previewImport', { path: '/etc/passwd' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    const headers = { 'Content-Type': 'application/json', 'X-Scorecard-Token': app.token };
    const rebound = await app.rawRequest({
      path: '/__bridge/api/getAppInfo',
      method: 'POST',
      headers: { ...headers, Host: `evil.example:${app.port}` },
      body: '{}',
    });
    expect(rebound.status).toBe(421);
    const page = await app.rawRequest({ path: '/', headers: { Host: 'evil.example' } });
    expect(page.status).toBe(421);
    const crossOrigin = await app.rawRequest({
      path: '/__bridge/api/getAppInfo',
      method: 'POST',
      headers: { ...headers, Host: `127.0.0.1:${app.port}`, Origin: 'http://evil.example' },
      body: '{}',
    });
    expect(crossOrigin.status).toBe(403);
  });

  it('picks a file through the browser and uploads it for the backend (chooseOpenFile)', async () => {
    const { page } = app;
    // Browsers open a file chooser only in response to a user gesture, as from an Import button.
    // Page code as a string: this file is type-checked without the DOM library.
    await page.evaluate(`(() => {
      const button = document.createElement('button');
      button.id = 'pick-test-file';
      button.textContent = 'Pick test file';
      button.addEventListener('click', () => {
        window.picked = window.scorecard.chooseOpenFile({ filters: [{ name: 'Exports', extensions: ['csv', 'xlsx'] }] });
      });
      document.body.append(button);
    })()`);
    const chooserEvent = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Pick test file' }).click();
    const chooser = await chooserEvent;
    expect(await chooser.element().getAttribute('accept')).toBe('.csv,.xlsx');
    const content = 'call id,agent\nID0001,Diane\n';
    await chooser.setFiles({ name: 'calls export.csv', mimeType: 'text/csv', buffer: Buffer.from(content) });
    const result = (await page.evaluate('window.picked')) as Result<ChosenFile | null>;
    await page.evaluate(`document.getElementById('pick-test-file').remove()`);
    expect(result).toMatchObject({ ok: true, value: { name: 'calls export.csv', size: content.length } });
    if (!result.ok || !result.value) throw new Error('no file');
    expect(fs.readFileSync(result.value.path, 'utf8')).toBe(content);
  });

  it('validates bridge input with the contract schema', async () => {
    const result = await app.call('listAgents', { teamId: 42 } as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
