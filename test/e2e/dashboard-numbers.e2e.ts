import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../shared/ipc/contracts/kpi';
import { addDays, periodRange } from '../../shared/kpi/periods';
import { statusWords } from '../../shared/kpi/status';
import { countOf, formatN } from '../../renderer/src/features/kpis/evidence';
import { countsSentence } from '../../renderer/src/features/kpis/explain';
import { expectAccessible } from './support/axe';
import { startApp, type App } from './support/harness';

/**
 * Issue 8 items 2–5 and 10 on the dashboard: words follow the KPI's direction, an empty period is
 * "no data", every value shows its n (and a low-confidence mark), each KPI explains itself, and
 * the agents list follows the team filter. Twelve demo agents make two teams.
 */
describe('Dashboard numbers in Chromium', () => {
  let app: App;
  let lastDay: string;
  let month: { from: string; to: string };

  beforeAll(async () => {
    app = await startApp({ demo: { agents: 12, months: 3, seed: 7 } });
    const facets = await app.value('getInteractionFacets', {});
    if (!facets.dayRange) throw new Error('demo has no interactions');
    lastDay = facets.dayRange.to;
    month = periodRange('month', lastDay);
    await app.page.getByRole('group', { name: 'KPI tiles' }).waitFor();
    await app.settle();
  });
  afterEach(() => app.assertNoBrowserErrors());
  afterAll(async () => {
    await app?.close();
  });

  const tile = (kpiId: string) => app.page.locator(`.kpi-tile[data-kpi="${kpiId}"]`);
  const dashboardFor = (range: { from: string; to: string }, teamId?: string): Promise<Dashboard> =>
    app.value('getDashboard', { ...range, granularity: 'day', ...(teamId ? { teamId } : {}) });

  async function showDay(day: string) {
    const { page } = app;
    await page.getByRole('group', { name: 'Period kind' }).getByRole('button', { name: 'Day' }).click();
    await page.getByLabel('Anchor date').fill(day);
    await app.settle();
  }

  it('words follow the direction: an escalation rate above its target is "worse than target"', async () => {
    const d = await dashboardFor(month);
    const esc = d.tiles.find((t) => t.kpiId === 'escalation_rate');
    if (!esc) throw new Error('no escalation tile');
    const words = statusWords(esc.status, esc.value, esc.target);
    expect(words).toMatch(/worse than target/);
    await expect.poll(() => tile('escalation_rate').locator('.kpi-status').textContent()).toBe(words);
    expect(await tile('escalation_rate').locator('.kpi-tile-main').getAttribute('title')).toContain(words);
    const body = (await app.page.locator('.kpi-content').textContent()) ?? '';
    expect(body).not.toMatch(/below target|above target/);
    const titles = await app.page
      .locator('table.ranking td[title]')
      .evaluateAll((tds) => tds.map((td) => td.getAttribute('title') ?? ''));
    expect(titles.join('\n')).not.toMatch(/below target|above target/);
  });

  it('every tile shows its n; the tooltip carries the 95% interval', async () => {
    const d = await dashboardFor(month);
    for (const t of d.tiles) {
      if (!t.evidence) continue;
      expect(await tile(t.kpiId).locator('.kpi-n').textContent()).toContain(formatN(t.evidence));
    }
    const csat = d.tiles.find((t) => t.kpiId === 'csat');
    expect(csat?.evidence?.interval).toBeTruthy();
    expect(await tile('csat').locator('.kpi-tile-main').getAttribute('title')).toMatch(
      /95% interval \d+(\.\d)?–\d+(\.\d)?%/,
    );
  });

  it('a value on too few is marked "low n" with the reason, and muted', async () => {
    // A single day: some KPIs rest on a handful of complaints or ratings.
    let day = lastDay;
    let d = await dashboardFor({ from: day, to: day });
    for (let i = 0; i < 14 && !d.tiles.some((t) => t.value !== null && t.evidence?.lowConfidence); i++) {
      day = addDays(day, -1);
      d = await dashboardFor({ from: day, to: day });
    }
    const low = d.tiles.find((t) => t.value !== null && t.evidence?.lowConfidence);
    if (!low?.evidence) throw new Error('no low-confidence tile on any of the last 14 days');
    await showDay(day);
    await expect.poll(() => tile(low.kpiId).getAttribute('class')).toContain('low-confidence');
    expect(await tile(low.kpiId).locator('.low-n-badge').isVisible()).toBe(true);
    const reason = `only ${countOf(low.evidence.n, low.evidence.nLabel)}; at least ${d.minN} needed`;
    expect(await tile(low.kpiId).locator('.kpi-tile-main').getAttribute('title')).toContain(reason);
    const style = await tile(low.kpiId).evaluate(
      (el) => el.ownerDocument.defaultView?.getComputedStyle(el).borderTopStyle,
    );
    expect(style).toBe('dashed');
    await app.settle();
    await app.screenshot('kpi-dashboard-low-n-day');
    // Tiles with enough evidence carry no mark.
    const trusted = d.tiles.find((t) => t.value !== null && t.evidence && !t.evidence.lowConfidence);
    if (trusted) expect(await tile(trusted.kpiId).getAttribute('class')).not.toContain('low-confidence');
    // The ranking marks the same way, cell by cell, with the reason in the tooltip.
    const lowCells = app.page.locator('table.ranking td.low-n');
    expect(await lowCells.count()).toBeGreaterThan(0);
    for (const title of await lowCells.evaluateAll((tds) => tds.map((td) => td.getAttribute('title') ?? '')))
      expect(title).toMatch(/low confidence: only [\d,]+ [^;]+; at least \d+ needed/);
  });

  it('an empty period says "no data" and what to do, never "on target"', async () => {
    const { page } = app;
    await page.getByRole('group', { name: 'Period kind' }).getByRole('button', { name: 'Month' }).click();
    await page.getByLabel('Anchor date').fill(lastDay);
    await app.settle();
    await page.getByRole('button', { name: 'Next period' }).click();
    const next = periodRange('month', addDays(month.to, 1));
    expect((await dashboardFor(next)).interactionCount).toBe(0);
    const notice = page.getByRole('region', { name: /^No data for / });
    await notice.waitFor();
    await app.settle();
    const values = await page.locator('.kpi-tile[data-kpi] .kpi-value').allTextContents();
    expect(values.length).toBeGreaterThan(5);
    expect(new Set(values)).toEqual(new Set(['no data']));
    expect(await page.locator('[data-qa-tile] .kpi-value').textContent()).toBe('no reviews');
    expect(
      await page.locator('.kpi-tile.status-good, .kpi-tile.status-warn, .kpi-tile.status-bad').count(),
    ).toBe(0);
    const body = (await page.locator('.kpi-content').textContent()) ?? '';
    expect(body).not.toMatch(/on target|better than target|Every agent/);
    expect(await page.locator('.exceptions-panel').textContent()).toContain('No data in this period');
    await expectAccessible(page, 'the dashboard of an empty month');
    await app.screenshot('kpi-dashboard-empty-month');
    // The action takes the lead back to data.
    await notice.getByRole('button', { name: /the latest data$/ }).click();
    await expect.poll(() => page.getByTestId('period-label').textContent()).not.toBe('');
    await expect.poll(() => notice.count()).toBe(0);
    await app.settle();
    expect(await tile('csat').locator('.kpi-value').textContent()).toMatch(/%$/);
  });

  it('"How is this computed?" for CSAT shows the formula, the counts and the steps', async () => {
    const { page } = app;
    const x = await app.value('explainKpi', { ...month, kpiId: 'csat' });
    const opener = tile('csat').getByRole('button', { name: 'How is this computed? (CSAT)' });
    // Keyboard: the button is reachable and Enter opens the dialog.
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'How CSAT is computed' });
    await dialog.waitFor();
    await expect.poll(() => dialog.locator('.explain-sentence').textContent()).toBe(countsSentence(x));
    expect(countsSentence(x)).toMatch(
      /^[\d,]+ rated of [\d,]+ interactions[a-z ]*; [\d,]+ without a rating are not counted/,
    );
    expect(await dialog.locator('.explain-formula').textContent()).toBe(x.formula);
    expect(await dialog.locator('.explain-steps li').count()).toBe(x.steps.length);
    expect(await dialog.textContent()).toContain(`n = ${x.evidence?.n.toLocaleString('en-US')}`);
    await app.settle();
    await app.screenshot('kpi-explain-csat');
    await expectAccessible(page, 'the how-computed dialog', '.explain-dialog');
    // Focus stays in the dialog; Escape closes it and gives focus back to the button.
    expect(await dialog.evaluate((el) => el.contains(el.ownerDocument.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await opener.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
  });

  it('the agents list follows the team filter and its names open the scorecard', async () => {
    const { page } = app;
    const teams = await app.value('listTeams', {});
    expect(teams.length).toBeGreaterThan(1);
    const team = teams[1];
    if (!team) throw new Error('no second team');
    const agents = await app.value('listAgents', { teamId: team.id });
    const all = await app.value('listAgents', {});
    expect(agents.length).toBeLessThan(all.length);
    const list = page.getByRole('table', { name: 'Agents' });
    await expect.poll(() => list.locator('tbody tr').count()).toBe(all.length);
    await page.getByLabel('Team', { exact: true }).selectOption(team.id);
    await expect.poll(() => list.locator('tbody tr').count()).toBe(agents.length);
    expect((await list.locator('tbody th').allTextContents()).sort()).toEqual(
      agents.map((a) => a.name).sort(),
    );
    const first = agents[0];
    if (!first) throw new Error('team without agents');
    await list.getByRole('link', { name: first.name, exact: true }).click();
    await expect.poll(() => page.locator('.scorecard-agent').textContent()).toBe(first.name);
    await page.getByRole('button', { name: '← Dashboard' }).click();
    await page.getByLabel('Team', { exact: true }).selectOption('');
    await expect.poll(() => list.locator('tbody tr').count()).toBe(all.length);
  });
});
