import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from './support/axe';
import { startApp, type App } from './support/harness';
import { cutOff, focusRingProblem, focusRingProblems } from './support/layout';

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
    await openInteractions(page);
    await page
      .getByTestId('interactions-total')
      .filter({ hasText: /\d interactions/ })
      .waitFor();
    const all = count(await total(app));
    expect(all).toBeGreaterThan(1000);
    const grid = page.getByTestId('interactions-grid');
    await page.locator('.ix-row[data-index="0"] [role="gridcell"]').first().waitFor();
    await app.screenshot('interactions-1-loaded');
    await expectAccessible(page, 'the Interactions page');

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
    await page
      .getByRole('group', { name: 'Channels' })
      .getByRole('button', { name: 'Call', exact: true })
      .click();
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
    await expectAccessible(page, 'the interaction details drawer', '[data-testid="interaction-details"]');
    await expectAccessible(page, 'the Interactions page with the drawer open');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    app.assertNoBrowserErrors();
  });

  it(
    'fits 1280×720 without cutting values or controls, and labels the drawer as the table',
    { timeout: 180_000 },
    async () => {
      app = await startApp({ demo: { agents: 6, months: 2, seed: 3 } });
      const { page } = app;
      await page.setViewportSize({ width: 1280, height: 720 });
      await openInteractions(page);
      await firstRowLoaded(page);
      // Every control from Import… to the grid shows where the keyboard is.
      await page.getByRole('button', { name: 'Import…' }).focus();
      await page.keyboard.press('Shift+Tab');
      expect(
        await focusRingProblems(page, { stops: 60, until: '[data-testid="interactions-grid"]' }),
      ).toEqual([]);
      // Largest waits and handle times first: the widest values the duration columns must show whole.
      for (const column of ['Wait', 'Handle']) {
        await page.getByRole('button', { name: column, exact: true }).click();
        expect(await page.getByRole('columnheader', { name: column }).getAttribute('aria-sort')).toBe(
          'descending',
        );
        await firstRowLoaded(page);
        expect(await cutOff(page, '.ix-row .ix-td')).toEqual([]);
      }
      const shell = '.header h1, .data-file, .sidebar .nav-item, .status-bar > span:not(.spacer)';
      const page1 = '.ix-header > :not(.spacer), .ix-filters > *, .ix-flags > select, .chip, .ix-th';
      expect(await cutOff(page, `${shell}, ${page1}`)).toEqual([]);
      await app.screenshot('interactions-1280-table');

      await page.locator('.ix-row[data-index="0"]').click();
      const drawer = page.getByTestId('interaction-details');
      await drawer.getByText('Internal id').waitFor();
      // The drawer's scrolling body is a Tab stop, so keyboard users can scroll it.
      await drawer.getByRole('button', { name: /^Close/ }).focus();
      await page.keyboard.press('Tab');
      expect(await page.locator(':focus').getAttribute('aria-label')).toBe('Interaction fields');
      expect(await focusRingProblem(page)).toBeNull();
      expect(
        await cutOff(page, `${shell}, .ix-header > :not(.spacer), .ix-drawer-head > *, .ix-row .ix-td`),
      ).toEqual([]);
      await app.screenshot('interactions-1280-details');
      // The drawer narrows the table: a shadow marks the side with hidden columns, as overlay
      // scrollbars show nothing until scrolled.
      const grid = page.locator('.ix-grid');
      expect(await grid.getAttribute('data-more-right')).toBe('true');
      expect(await grid.getAttribute('data-more-left')).toBeNull();
      await page.getByTestId('interactions-grid').evaluate((el) => {
        el.scrollLeft = el.scrollWidth;
      });
      // (Not asserted: the right shadow going away. Headless Chromium hides scrollbars yet keeps their
      // gutter, so the scroller reports 15 px more than it can scroll.)
      await expect.poll(() => grid.getAttribute('data-more-left')).toBe('true');

      // Every enum-like value reads as in the table ("Call", not "call").
      const tableChannel =
        (await page.locator('.ix-row[data-index="0"] [role="gridcell"]').nth(1).textContent()) ?? '';
      expect(tableChannel).toMatch(/^[A-Z]/);
      expect(await drawerField(page, 'Channel')).toBe(tableChannel);
      expect(await drawer.getByRole('heading', { level: 2 }).textContent()).toMatch(
        new RegExp(`^${tableChannel} · `),
      );
      for (const label of ['Status', 'Priority', 'Source']) {
        expect(await drawerField(page, label)).toMatch(/^([A-Z0-9]|—$)/);
      }

      // Filters that exclude everything say so (the data file itself is not empty).
      await page.keyboard.press('Escape');
      await page.getByRole('searchbox', { name: 'Search text' }).fill('no interaction says this');
      await page
        .getByTestId('interactions-total')
        .filter({ hasText: /^0 interactions$/ })
        .waitFor();
      const empty = page.getByTestId('interactions-empty');
      expect(await empty.innerText()).toContain('No interactions match these filters');
      expect(await empty.getByRole('button').count()).toBe(0);
      app.assertNoBrowserErrors();
    },
  );

  it('asks for an import when the data file has no interactions', { timeout: 120_000 }, async () => {
    app = await startApp();
    const { page } = app;
    await openInteractions(page);
    const empty = page.getByTestId('interactions-empty');
    await empty.getByText('No interactions yet: import a file').waitFor();
    await expectAccessible(page, 'the empty Interactions page');
    await empty.getByRole('button', { name: 'Import…' }).click();
    const wizard = page.getByRole('dialog');
    await wizard.waitFor();
    await wizard.getByRole('button', { name: 'Close' }).click();
    await wizard.waitFor({ state: 'detached' });
    app.assertNoBrowserErrors();
  });
});

async function openInteractions(page: Page): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('button', { name: 'Interactions', exact: true }).click();
}

async function firstRowLoaded(page: Page): Promise<void> {
  await page.locator('.ix-row[data-index="0"] .ix-td:not(:has(.skeleton))').first().waitFor();
}

/** The value next to a label in the details drawer. */
async function drawerField(page: Page, label: string): Promise<string> {
  const term = page.getByTestId('interaction-details').locator('dt', { hasText: new RegExp(`^${label}$`) });
  return (await term.locator('xpath=following-sibling::dd[1]').textContent()) ?? '';
}
