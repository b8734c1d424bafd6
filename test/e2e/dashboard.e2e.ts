import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../shared/ipc/contracts/kpi';
import { addDays, periodRange } from '../../shared/kpi/periods';
import { formatKpiValue } from '../../renderer/src/features/kpis/format';
import { shortDay } from '../../renderer/src/features/kpis/period';
import { expectAccessible } from './support/axe';
import { cutOff } from './support/layout';
import { startApp, type App } from './support/harness';

const SCREENSHOT_DIR = fileURLToPath(new URL('./__screenshots__/', import.meta.url));

/** Tile text the page should show for each KPI of a dashboard answer ("no data" for an empty one). */
function expectedTiles(d: Dashboard, unmeasurable: Set<string>): Record<string, string> {
  return Object.fromEntries(
    d.tiles.map((t) => {
      const def = d.kpis.find((k) => k.id === t.kpiId);
      if (!def) throw new Error(`no definition for ${t.kpiId}`);
      const empty = unmeasurable.has(t.kpiId) ? 'not measurable' : 'no data';
      return [t.kpiId, t.value === null ? empty : formatKpiValue(t.value, def.unit, def.decimals)];
    }),
  );
}

/**
 * Cumulative layout shift since the page loaded, from the buffered 'layout-shift' entries (shifts
 * right after an input do not count, as in CLS). Summed over the whole load, which is stricter
 * than CLS's worst five-second window.
 */
function layoutShift(page: App['page']): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as Array<{ value: number; hadRecentInput: boolean }>)
            if (!e.hadRecentInput) total += e.value;
          // Node's typings list only Node's entry types; Chromium has 'layout-shift'.
        }).observe({ type: 'layout-shift' as 'mark', buffered: true });
        setTimeout(() => resolve(total), 250);
      }),
  );
}

describe('KPI dashboard in Chromium', () => {
  let app: App;
  let lastDay: string;

  beforeAll(async () => {
    app = await startApp({ demo: { agents: 8, months: 4, seed: 11 } });
    const facets = await app.value('getInteractionFacets', {});
    if (!facets.dayRange) throw new Error('demo has no interactions');
    lastDay = facets.dayRange.to;
  });
  afterEach(() => app.assertNoBrowserErrors());
  afterAll(async () => {
    await app?.close();
  });

  const tiles = () =>
    app.page
      .getByRole('group', { name: 'KPI tiles' })
      .locator('[data-kpi]')
      .evaluateAll((els) =>
        Object.fromEntries(
          els.map((el) => [el.getAttribute('data-kpi'), el.querySelector('.kpi-value')?.textContent ?? '']),
        ),
      );

  async function expectTilesFor(range: { from: string; to: string }, granularity: 'day' | 'week') {
    const dashboard = await app.value('getDashboard', { ...range, granularity });
    const unmeasurable = new Set<string>();
    if (dashboard.interactionCount > 0)
      for (const t of dashboard.tiles.filter((x) => x.value === null)) {
        const x = await app.value('explainKpi', { ...range, kpiId: t.kpiId });
        if (!x.measurable) unmeasurable.add(t.kpiId);
      }
    const expected = expectedTiles(dashboard, unmeasurable);
    await expect.poll(tiles, { timeout: 20_000 }).toEqual(expected);
    await app.settle();
    return expected;
  }

  it('shows the latest month with data, tiles matching getDashboard', async () => {
    const { page } = app;
    await page.getByRole('group', { name: 'KPI tiles' }).waitFor();
    const month = periodRange('month', lastDay);
    const expected = await expectTilesFor(month, 'day');
    expect(expected.csat).toMatch(/%$/);
    expect(
      await page.getByRole('table', { name: 'Agent ranking' }).locator('tbody tr').count(),
    ).toBeGreaterThan(0);
    // The agents list of the first dashboard is still there, with every agent.
    const agents = await app.value('listAgents', {});
    expect(await page.getByRole('table', { name: 'Agents' }).locator('tbody tr').count()).toBe(agents.length);
    await app.screenshot('kpi-dashboard');
    await page.getByRole('table', { name: 'Agent ranking' }).scrollIntoViewIfNeeded();
    // The fold hint leaves on the scroll event's next render; a shot before it shows a pill the lead never sees.
    await expect.poll(() => page.locator('.scroll-hint').count()).toBe(0);
    await app.screenshot('kpi-dashboard-ranking');
    await page.locator('#page-body').evaluate((el) => el.scrollTo(0, 0));
  });

  it('loads without shifting the layout (the agents list used to jump: CLS 0.49)', async () => {
    const { page } = app;
    await page.reload();
    await page.getByRole('table', { name: 'Agents' }).waitFor();
    await app.settle();
    const shift = await layoutShift(page);
    expect(shift).toBeLessThan(0.1);
  });

  it('passes axe, and at 1280×720 says there is more below the fold', async () => {
    const { page } = app;
    await app.settle();
    await expectAccessible(page, 'the team dashboard');
    await page.setViewportSize({ width: 1280, height: 720 });
    try {
      await page.locator('#page-body').evaluate((el) => el.scrollTo(0, 0));
      const hint = page.getByRole('button', { name: /^Trend, \d+ exceptions? and the ranking below/ });
      await expect.poll(() => hint.isVisible()).toBe(true);
      // The toolbar and the first row of tiles are in view; the hint sits inside the window.
      for (const box of [
        await page.locator('.kpi-toolbar').boundingBox(),
        await page.locator('.kpi-tile').first().boundingBox(),
        await hint.boundingBox(),
      ]) {
        expect(box).not.toBeNull();
        expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(720);
        expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1280);
      }
      // Nothing important is cut short where no scrollbar or hint says so.
      expect(
        await cutOff(
          page,
          '.kpi-toolbar > :not(.spacer), .kpi-modes, .kpi-tile .kpi-label, .kpi-tile .kpi-value, .kpi-tile .kpi-status, .kpi-tile .kpi-n, .exceptions-panel, table.ranking th, table.ranking td',
        ),
      ).toEqual([]);
      await app.screenshot('kpi-dashboard-1280');
      await page.getByRole('table', { name: 'Agent ranking' }).scrollIntoViewIfNeeded();
      // Once the lead scrolls the hint has done its job and stops covering the content.
      await expect.poll(() => hint.count()).toBe(0);
      await app.screenshot('kpi-dashboard-1280-ranking');
    } finally {
      await page.setViewportSize({ width: 1366, height: 850 });
      await page.locator('#page-body').evaluate((el) => el.scrollTo(0, 0));
    }
  });

  it('moves to the previous month and to the quarter', async () => {
    const { page } = app;
    const before = await tiles();
    await page.getByRole('button', { name: 'Previous period' }).click();
    const prevMonth = periodRange('month', addDays(periodRange('month', lastDay).from, -1));
    const after = await expectTilesFor(prevMonth, 'day');
    expect(after).not.toEqual(before);

    await page.getByRole('group', { name: 'Period kind' }).getByRole('button', { name: 'Quarter' }).click();
    await expectTilesFor(periodRange('quarter', prevMonth.from), 'week');
    expect(await page.getByTestId('period-label').textContent()).toMatch(/^\d{4} Q[1-4]$/);

    // Trend controls: rolling window and another KPI.
    await page.getByRole('group', { name: 'Rolling window' }).getByRole('button', { name: '7-day' }).click();
    await page.getByLabel('Trend KPI').selectOption('aht');
    await app.settle();
    await app.screenshot('kpi-dashboard-quarter');

    await page.getByRole('group', { name: 'Period kind' }).getByRole('button', { name: 'Month' }).click();
    await page.getByRole('button', { name: 'Next period' }).click();
    await expectTilesFor(periodRange('month', lastDay), 'day');
  });

  it('drills down from the ranking into an agent scorecard', async () => {
    const { page } = app;
    const dashboard = await app.value('getDashboard', {
      ...periodRange('month', lastDay),
      granularity: 'day',
    });
    const agent = dashboard.agentRanking[0];
    if (!agent) throw new Error('no agent in the ranking');
    await page
      .getByRole('table', { name: 'Agent ranking' })
      .getByRole('button', { name: agent.name, exact: true })
      .click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Agent scorecard');
    await expect.poll(() => page.locator('.scorecard-agent').textContent()).toBe(agent.name);
    const scorecard = await app.value('getAgentScorecard', {
      ...periodRange('month', lastDay),
      agentId: agent.agentId,
      granularity: 'week',
    });
    const csat = scorecard.rows.find((r) => r.kpiId === 'csat');
    const csatDef = scorecard.kpis.find((k) => k.id === 'csat');
    if (!csat || !csatDef) throw new Error('no CSAT row');
    await expect
      .poll(() => page.locator('.scorecard-card[data-kpi="csat"] .kpi-value').textContent())
      .toBe(formatKpiValue(csat.value, csatDef.unit, csatDef.decimals));
    // KPI cards only: the QA card (call reviews) sits beside them without a data-kpi.
    expect(await page.locator('.scorecard-card[data-kpi]').count()).toBe(scorecard.rows.length);
    // A KPI without an agent value in any bucket shows a "no data" card instead of an empty chart.
    const charted = scorecard.rows.filter((r) => r.series.some((p) => p.n > 0 && p.value !== null));
    expect(await page.locator('.scorecard-card[data-kpi] canvas').count()).toBe(charted.length);
    await app.settle();
    await app.screenshot('agent-scorecard');
    await expectAccessible(page, 'the agent scorecard');

    // Volume is compared with the average agent of the team, not the team total.
    const volume = scorecard.rows.find((r) => r.kpiId === 'volume');
    expect(volume?.teamBasis).toBe('average_agent');
    expect(await page.locator('.scorecard-card[data-kpi="volume"] .scorecard-team').textContent()).toMatch(
      /^Average agent /,
    );
    // A card with a target never also says "no target".
    for (const row of scorecard.rows.filter((r) => r.target !== null)) {
      const text = await page.locator(`.scorecard-card[data-kpi="${row.kpiId}"]`).textContent();
      expect(text ?? '').not.toMatch(/no target/i);
    }
    if (csat.evidence) {
      expect(await page.locator('.scorecard-card[data-kpi="csat"] .kpi-n').textContent()).toBe(
        `n = ${csat.evidence.n.toLocaleString('en-US')} ${csat.evidence.n === 1 ? csat.evidence.nLabel.replace(/s$/, '') : csat.evidence.nLabel}`,
      );
    }
    // The card explains itself for this agent.
    await page
      .locator('.scorecard-card[data-kpi="csat"]')
      .getByRole('button', { name: 'How is this computed? (CSAT)' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'How CSAT is computed' });
    await dialog.waitFor();
    await expect.poll(() => dialog.locator('.explain-scope').textContent()).toContain(agent.name);
    const x = await app.value('explainKpi', {
      ...periodRange('month', lastDay),
      kpiId: 'csat',
      agentId: agent.agentId,
    });
    await expect.poll(() => dialog.locator('.explain-formula').textContent()).toBe(x.formula);
    await expectAccessible(page, 'the how-computed dialog of a scorecard', '.explain-dialog');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    await page.setViewportSize({ width: 1280, height: 720 });
    try {
      await expect.poll(() => page.getByRole('button', { name: /More KPIs below/ }).isVisible()).toBe(true);
      expect(
        await cutOff(
          page,
          '.scorecard-head > :not(.spacer), .kpi-toolbar > :not(.spacer), .scorecard-card h3, .scorecard-card .kpi-value, .scorecard-card .status-chip, .scorecard-card .kpi-n, .scorecard-card .explain-button',
        ),
      ).toEqual([]);
      await app.screenshot('agent-scorecard-1280');
    } finally {
      await page.setViewportSize({ width: 1366, height: 850 });
    }

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const csv = Buffer.concat(chunks)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    expect(csv.startsWith('week,name,CSAT (%)')).toBe(true);

    await page.getByRole('button', { name: '← Dashboard' }).click();
    await page.getByRole('group', { name: 'KPI tiles' }).waitFor();
  });

  it('exports the team scorecard as CSV from the dashboard', async () => {
    const { page } = app;
    await app.settle();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const csv = Buffer.concat(chunks)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const expected = await app.value('exportScorecardCsv', { ...periodRange('month', lastDay), by: 'agent' });
    expect(csv.split('\r\n')[0]).toBe(expected.csv.split('\r\n')[0]);
    expect(csv.startsWith('agent,name,CSAT (%),CSAT target')).toBe(true);
    expect(csv).toBe(expected.csv);
  });
  it('adds, deletes and restores event markers from the trend panel', async () => {
    const { page } = app;
    const month = periodRange('month', lastDay);
    const panel = page.locator('.events-panel');
    const rows = panel.getByRole('list', { name: 'Events in the period' }).locator('li');
    const labels = () => rows.locator('.event-label').allTextContents();
    const listed = async () => (await app.value('listKpiEvents', month)).map((e) => e.label);
    const before = await labels();
    expect(before).toEqual(await listed());
    const chart = page.locator('.trend-panel canvas');

    // A label is required: the form says so and sends nothing.
    await panel.getByRole('button', { name: 'Add event' }).click();
    const form = panel.getByRole('form', { name: 'Add event' });
    expect(await form.getByLabel('Event day').inputValue()).toBe(month.to);
    expect(await form.getByLabel('Event team').inputValue()).toBe('');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => form.locator('.event-error').textContent()).toMatch(/Enter a label/);
    expect(await form.getByLabel('Event label').getAttribute('aria-invalid')).toBe('true');

    const launchDay = addDays(month.from, 9);
    await form.getByLabel('Event day').fill(launchDay);
    await form.getByLabel('Event label').fill('E2E product launch');
    await form.getByLabel('Event label').press('Enter');
    await expect.poll(labels).toContain('E2E product launch');
    expect(await listed()).toContain('E2E product launch');
    const added = (await app.value('listKpiEvents', month)).find((e) => e.label === 'E2E product launch');
    expect(added).toMatchObject({ day: launchDay, teamId: null });
    await expect.poll(() => chart.getAttribute('aria-label')).toMatch(/event marker/);

    // A second event the next day: its label must not cover the first one on the chart.
    await panel.getByRole('button', { name: 'Add event' }).click();
    await form.getByLabel('Event day').fill(addDays(launchDay, 1));
    await form.getByLabel('Event label').fill('Network outage');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(labels).toContain('Network outage');
    await app.settle();
    await page.locator('.trend-panel').scrollIntoViewIfNeeded();
    await page
      .locator('.trend-panel')
      .screenshot({ path: path.join(SCREENSHOT_DIR, 'kpi-trend-events.png') });
    await app.screenshot('kpi-dashboard-events');

    // Delete asks first; "Keep" leaves the event alone.
    const launchName = `Delete event E2E product launch on ${shortDay(launchDay, true)}`;
    await panel.getByRole('button', { name: launchName }).click();
    await panel.getByRole('button', { name: 'Keep' }).click();
    expect(await labels()).toContain('E2E product launch');

    await panel.getByRole('button', { name: launchName }).click();
    await panel
      .getByRole('group', { name: 'Confirm deleting E2E product launch' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await expect.poll(labels).not.toContain('E2E product launch');
    expect(await listed()).not.toContain('E2E product launch');
    expect((await app.value('listKpiEvents', month)).some((e) => e.id === added?.id)).toBe(false);

    // Undo brings it back (as a new event on the same day).
    await panel.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(labels).toContain('E2E product launch');
    expect(await listed()).toContain('E2E product launch');

    // Keyboard only: the confirm button takes the focus, Enter deletes.
    for (const [label, day] of [
      ['E2E product launch', launchDay],
      ['Network outage', addDays(launchDay, 1)],
    ] as const) {
      await panel.getByRole('button', { name: `Delete event ${label} on ${shortDay(day, true)}` }).focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await expect.poll(labels).not.toContain(label);
    }
    expect(await listed()).toEqual(before);
    expect(await labels()).toEqual(before);
  });
});
