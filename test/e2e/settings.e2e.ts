import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { periodRange } from '../../shared/kpi/periods';
import { formatKpiValue } from '../../renderer/src/features/kpis/format';
import { startApp, type App } from './support/harness';

describe('KPI settings in Chromium', () => {
  let app: App;
  let month: { from: string; to: string };

  beforeAll(async () => {
    app = await startApp({ demo: { agents: 6, months: 2, seed: 5 } });
    const facets = await app.value('getInteractionFacets', {});
    if (!facets.dayRange) throw new Error('demo has no interactions');
    month = periodRange('month', facets.dayRange.to);
  });
  afterEach(() => app.assertNoBrowserErrors());
  afterAll(async () => {
    await app?.close();
  });

  const csatTile = () => app.page.locator('.kpi-tile[data-kpi="csat"] .kpi-value').textContent();
  const expectedCsat = async () => {
    const d = await app.value('getDashboard', { ...month, granularity: 'day' });
    const tile = d.tiles.find((t) => t.kpiId === 'csat');
    const def = d.kpis.find((k) => k.id === 'csat');
    if (!tile || !def) throw new Error('no CSAT tile');
    return formatKpiValue(tile.value, def.unit, def.decimals);
  };
  const nav = () => app.page.getByRole('navigation', { name: 'Main navigation' });

  it('raising the CSAT threshold lowers the dashboard CSAT', async () => {
    const { page } = app;
    const before = await expectedCsat();
    await expect.poll(csatTile, { timeout: 20_000 }).toBe(before);

    await nav().getByRole('button', { name: 'Settings', exact: true }).click();
    const threshold = page.getByLabel('Satisfied from, 1–5 scale');
    await threshold.fill('5');
    await app.settle();
    await app.screenshot('kpi-settings');
    await page.getByLabel('CSAT default target').fill('60');
    await page.getByRole('table', { name: 'Targets' }).scrollIntoViewIfNeeded();
    await app.screenshot('kpi-settings-targets');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Save settings' }).isDisabled()).toBe(true);

    const settings = await app.value('getKpiSettings', {});
    expect(settings.csat.satisfiedMin5).toBe(5);
    expect(settings.targets.csat?.team).toBe(60);

    await nav().getByRole('button', { name: 'Dashboard', exact: true }).click();
    const after = await expectedCsat();
    expect(Number.parseFloat(after)).toBeLessThan(Number.parseFloat(before));
    await expect.poll(csatTile, { timeout: 20_000 }).toBe(after);
    await expect
      .poll(() => page.locator('.kpi-tile[data-kpi="csat"] .kpi-target').textContent())
      .toBe('Target 60.0%');
    expect(await page.locator('.kpi-modes').textContent()).toContain('rated ≥ 5 of 5');
  });

  it('switches CSAT to mean mode and adds an agent override', async () => {
    const { page } = app;
    const agents = await app.value('listAgents', {});
    const agent = agents[0];
    if (!agent) throw new Error('no agents');
    await nav().getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByLabel('Calculation').selectOption('mean');
    await page.getByLabel('Override KPI').selectOption('fcr');
    await page.getByLabel('Override for').selectOption(`agent:${agent.id}`);
    await page.getByLabel('Override target').fill('90');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText(`${agent.name}: 90.0%`).waitFor();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(async () => (await app.value('getKpiSettings', {})).csat.mode).toBe('mean');
    expect((await app.value('getKpiSettings', {})).targets.fcr?.agents[agent.id]).toBe(90);

    await nav().getByRole('button', { name: 'Dashboard', exact: true }).click();
    await expect.poll(csatTile, { timeout: 20_000 }).toBe(await expectedCsat());
    expect(await csatTile()).not.toContain('%');

    // An invalid calendar is refused with the backend's message, nothing saved.
    await nav().getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByLabel('Time zone').fill('Mars/Olympus');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page
      .getByRole('alert')
      .getByText(/time zone/i)
      .waitFor();
    expect((await app.value('getKpiSettings', {})).calendar.timeZone).not.toBe('Mars/Olympus');
    await page.getByRole('button', { name: 'Discard' }).click();
  });
});
