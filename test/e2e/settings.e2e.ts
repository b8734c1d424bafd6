import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { periodRange } from '../../shared/kpi/periods';
import { formatKpiValue } from '../../renderer/src/features/kpis/format';
import { expectAccessible } from './support/axe';
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
    await page.getByText(`${agent.name}: 90%`).waitFor();
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

  /** Opens Settings afresh (it loads on mount), from the dashboard, dropping what an earlier test left. */
  async function openSettings() {
    if (
      await app.page
        .getByRole('button', { name: 'Discard' })
        .isEnabled({ timeout: 1000 })
        .catch(() => false)
    )
      await app.page.getByRole('button', { name: 'Discard' }).click();
    await nav().getByRole('button', { name: 'Dashboard', exact: true }).click();
    await nav().getByRole('button', { name: 'Settings', exact: true }).click();
    await app.page.getByRole('button', { name: 'Save settings' }).waitFor();
    await app.settle();
  }
  const saveAndWait = async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Save settings' }).isDisabled()).toBe(true);
  };
  /** The sentence shown under a field: the element its aria-describedby names last. */
  const errorUnder = async (label: string) => {
    const ids = (await app.page.getByLabel(label, { exact: true }).getAttribute('aria-describedby')) ?? '';
    const last = ids.split(' ').filter(Boolean).pop();
    return last ? app.page.locator(`[id="${last}"]`).textContent() : null;
  };

  it('passes axe on the settings page', async () => {
    await app.value('resetKpiSettings', {});
    await openSettings();
    await expectAccessible(app.page, 'KPI settings');
  });

  it('warns before a mode switch clears the CSAT target, and converts a rating target with the scale', async () => {
    const { page } = app;
    await app.value('resetKpiSettings', {});
    await openSettings();
    const target = page.getByLabel('CSAT default target');
    expect(await target.inputValue()).toBe('80');

    await page.getByLabel('Calculation').selectOption('mean');
    const warning = page.locator('.target-change');
    await expect
      .poll(() => warning.textContent())
      .toBe(
        'The CSAT target 80% is a percentage; in mean-rating mode targets are ratings 1–5. It will be cleared.',
      );
    expect(await target.inputValue()).toBe('');
    expect(await page.locator('tr[data-kpi="csat"] th').textContent()).toContain('rating 1–5');
    await app.screenshot('kpi-settings-target-warning');
    await expectAccessible(page, 'KPI settings with a target warning');

    // A percentage typed into a rating target is flagged in place.
    await target.fill('80');
    await expect
      .poll(() => errorUnder('CSAT default target'))
      .toBe('In mean-rating mode the CSAT target must be a rating from 1 to 5; 80 is outside that range.');
    await target.fill('4.2');
    await saveAndWait();
    let saved = await app.value('getKpiSettings', {});
    expect(saved.csat.mode).toBe('mean');
    expect(saved.targets.csat?.team).toBe(4.2);

    await page.getByLabel('Scale (when a response does not say)').selectOption('10');
    await expect
      .poll(() => warning.textContent())
      .toBe('The CSAT target 4.2 (rating 1–5) becomes 8.2 (rating 1–10).');
    expect(await target.inputValue()).toBe('8.2');
    await saveAndWait();
    saved = await app.value('getKpiSettings', {});
    expect(saved.targets.csat?.team).toBe(8.2);
  });

  it('reads a time target typed as 1:30:00 as 5400 s and shows it back as 1h 30m', async () => {
    const { page } = app;
    await app.value('resetKpiSettings', {});
    await openSettings();
    const art = page.getByLabel('Avg resolution time default target');
    await art.fill('1:30:00');
    await expect.poll(() => page.locator('tr[data-kpi="art"] .hint').textContent()).toBe('Reads as 1h 30m');
    await art.blur();
    expect(await art.inputValue()).toBe('1h 30m');
    await saveAndWait();
    expect((await app.value('getKpiSettings', {})).targets.art?.team).toBe(5400);

    await openSettings();
    expect(await art.inputValue()).toBe('1h 30m');
    // Text that is no time holds the save and says why, next to the field.
    await art.fill('fast');
    await art.blur();
    const sentence = '"fast" is not a time. Write it like 15 min, 1:30:00 or 2h 30m.';
    await expect.poll(() => errorUnder('Avg resolution time default target')).toBe(sentence);
    await page.getByLabel('Repeat window, days').fill('9');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBe(`Not saved: ${sentence}`);
    const settings = await app.value('getKpiSettings', {});
    expect([settings.targets.art?.team, settings.fcr.windowDays]).toEqual([5400, 7]);
    await page.getByRole('button', { name: 'Discard' }).click();
  });

  it('asks before leaving with unsaved changes, in the app and when the window closes', async () => {
    const { page } = app;
    await app.value('resetKpiSettings', {});
    await openSettings();
    await page.getByLabel('Repeat window, days').fill('10');
    await nav().getByRole('button', { name: 'Interactions', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
    await dialog.waitFor();
    const stay = dialog.getByRole('button', { name: 'Stay on this page' });
    await expect.poll(() => stay.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await app.screenshot('kpi-settings-leave');
    await expectAccessible(page, 'the leave dialog', 'dialog[open]');

    // Escape stays, with the change kept.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.locator('main').getAttribute('data-page')).toBe('settings');
    expect(await page.getByLabel('Repeat window, days').inputValue()).toBe('10');

    // Closing the window asks through beforeunload; dismissing it keeps the page.
    const asked = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const prompt = await asked;
    expect(prompt.type()).toBe('beforeunload');
    await prompt.dismiss();
    expect(page.isClosed()).toBe(false);

    await nav().getByRole('button', { name: 'Interactions', exact: true }).click();
    await dialog.getByRole('button', { name: 'Leave without saving' }).click();
    await expect.poll(() => page.locator('main').getAttribute('data-page')).toBe('interactions');
    expect((await app.value('getKpiSettings', {})).fcr.windowDays).toBe(7);
    await nav().getByRole('button', { name: 'Settings', exact: true }).click();
    expect(await page.getByLabel('Repeat window, days').inputValue()).toBe('7');
  });

  it('puts a bad time zone in a sentence next to the field, with no stale "saved" toast', async () => {
    const { page } = app;
    await app.value('resetKpiSettings', {});
    await openSettings();
    const toasts = page.getByRole('status', { name: 'Notifications' });
    await page.getByLabel('Trust a value from, cases').fill('25');
    await saveAndWait();
    await expect.poll(() => toasts.textContent()).toContain('Settings saved');
    expect((await app.value('getKpiSettings', {})).status.minN).toBe(25);

    await page.getByLabel('Time zone').fill('Europe/Berln');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const sentence = 'Unknown time zone "Europe/Berln". Did you mean Europe/Berlin?';
    await expect.poll(() => errorUnder('Time zone')).toBe(sentence);
    expect(await toasts.textContent()).not.toContain('Settings saved');
    const alert = await page.locator('.save-error').textContent();
    expect(alert).toBe(`Not saved: ${sentence}`);
    expect(await page.getByLabel('Time zone').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(
      true,
    );
    expect((await app.value('getKpiSettings', {})).calendar.timeZone).toBe('Europe/Berlin');
    await app.screenshot('kpi-settings-error');
    await expectAccessible(page, 'KPI settings with a refused save');
    await page.getByRole('button', { name: 'Discard' }).click();
  });
});
