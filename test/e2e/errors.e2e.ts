import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDataFile } from '../../electron/backend/open';
import { expectAccessible } from './support/axe';
import { seedDemo, startApp, type App } from './support/harness';

describe('shell error handling in Chromium', () => {
  let app: App | null = null;
  const dirs: string[] = [];
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      await app?.screenshot(`failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
    await app?.close();
    app = null;
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('offers the backups when the data file is damaged, and restoring one opens the app', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-scorecard-e2e-damaged-'));
    dirs.push(dir);
    const dataFile = path.join(dir, 'scorecard.db');
    await seedDemo(dataFile, { agents: 3, months: 1, seed: 3 });
    // An ordinary open takes today's backup, as the app does on every start.
    (await openDataFile({ dataFile, seedDemo: false, appVersion: 'e2e' })).close();
    fs.writeFileSync(dataFile, Buffer.from('this is not a SQLite database'.repeat(200)));

    app = await startApp({ dataFile });
    const { page } = app;
    await page.getByRole('heading', { name: 'The data file is damaged' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Data file problem');
    const restore = page.getByRole('button', { name: /^Restore backup of / });
    await restore.waitFor();
    await app.screenshot('recovery');
    await expectAccessible(page, 'the recovery screen');

    await restore.click();
    await page.getByRole('table', { name: 'Agents' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Dashboard');
    const agents = await app.value('listAgents', {});
    expect(await page.getByRole('table', { name: 'Agents' }).locator('tbody tr').count()).toBe(agents.length);
    await page
      .getByRole('status', { name: 'Notifications' })
      .getByText(/Restored the backup/)
      .waitFor();
  });

  it('shows a banner when the backend bridge is unreachable', async () => {
    app = await startApp({ demo: { agents: 2, months: 1, seed: 1 } });
    const { page } = app;
    await page.getByRole('table', { name: 'Agents' }).waitFor();
    await app.stopServer();
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('button', { name: 'Settings' })
      .click();
    const banner = page.getByRole('alert', { name: 'Errors' });
    await banner
      .getByText(/Backend bridge unreachable/)
      .first()
      .waitFor();
    await app.screenshot('backend-unreachable');
    await expectAccessible(page, 'the error banner', '.error-banner');
    // The failed fetches are logged by Chromium itself; they are what this test provokes.
    expect(app.browserErrors.every((e) => e.includes('Failed to load resource'))).toBe(true);
    app.browserErrors.splice(0);
    await page
      .getByRole('button', { name: /^Dismiss: / })
      .first()
      .click();
  });
});
