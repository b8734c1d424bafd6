import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/harness';

const total = async (app: App) => (await app.page.getByTestId('interactions-total').textContent()) ?? '';
const count = (text: string) => Number(text.replace(/[^\d]/g, ''));

describe('Interactions page in Chromium', () => {
  let app: App | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('scrolls deep, filters, sorts and shows details', { timeout: 240_000 }, async () => {
    app = await startApp({ demo: { agents: 12, months: 6, seed: 1 } });
    const { page } = app;
    await page.getByRole('button', { name: 'Interactions' }).click();
    await page
      .getByTestId('interactions-total')
      .filter({ hasText: /\d interactions/ })
      .waitFor();
    const all = count(await total(app));
    expect(all).toBeGreaterThan(1000);
    const grid = page.getByTestId('interactions-grid');
    await page.locator('.ix-row[data-index="0"] [role="gridcell"]').first().waitFor();
    await app.screenshot('interactions-1-loaded');

    // Deep scroll: the rows there load on demand.
    await grid.evaluate((el) => {
      el.scrollTop = el.scrollHeight * 0.75;
    });
    const deepIndex = Math.floor(all * 0.75) + 3;
    const deepRow = page.locator(`.ix-row[data-index="${deepIndex}"]`);
    await deepRow.locator('.ix-td:not(:has(.skeleton))').first().waitFor();
    await app.screenshot('interactions-2-deep-scroll');

    // Filter by agent + channel.
    const facets = await app.value('getInteractionFacets', {});
    const agent = facets.agents[0];
    if (!agent) throw new Error('demo has no agents');
    await page.getByRole('button', { name: 'Agents' }).click();
    await page.getByRole('option', { name: agent.name }).locator('input').check();
    await page.keyboard.press('Escape');
    await page.getByRole('group', { name: 'Channels' }).getByRole('button', { name: 'call' }).click();
    const expected = await app.value('queryInteractions', {
      filters: { agentIds: [agent.id], channels: ['call'] },
      limit: 1,
    });
    await page
      .getByTestId('interactions-total')
      .filter({ hasText: expected.total.toLocaleString('en-US') })
      .waitFor();
    expect(expected.total).toBeLessThan(all);
    await page.locator('.ix-row[data-index="0"] [role="gridcell"]').first().waitFor();
    const agents = await page.locator('.ix-row [role="gridcell"]:nth-child(3)').allTextContents();
    expect(new Set(agents)).toEqual(new Set([agent.name]));

    // Sort by handle time, largest first (aria-sort on the header).
    await page.getByRole('button', { name: 'Handle' }).click();
    const header = page.getByRole('columnheader', { name: 'Handle' });
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const sorted = await app.value('queryInteractions', {
      filters: { agentIds: [agent.id], channels: ['call'] },
      sort: { column: 'handleSeconds', direction: 'desc' },
      limit: 1,
    });
    await page.locator('.ix-row[data-index="0"] [role="gridcell"]').first().waitFor();
    await app.screenshot('interactions-3-filtered-sorted');

    // Keyboard: select the first row, move down, open with Enter, close with Esc.
    await page.locator('.ix-row[data-index="0"]').click();
    const drawer = page.getByTestId('interaction-details');
    await drawer.getByText('Internal id').waitFor();
    await expect.poll(() => drawer.textContent()).toContain(String(sorted.rows[0]?.id));
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    await grid.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await drawer.getByText('Timing').waitFor();
    expect(await page.locator('.ix-row[data-index="1"]').getAttribute('aria-selected')).toBe('true');
    await app.screenshot('interactions-4-details');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    app.assertNoBrowserErrors();
  });
});
