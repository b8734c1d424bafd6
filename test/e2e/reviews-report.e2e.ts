import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { periodRange } from '../../shared/kpi/periods';
import type { QaReport } from '../../shared/ipc/contracts/qa';
import { expectAccessible } from './support/axe';
import { startApp, type App } from './support/harness';

/** The latest month with reviews: the demo's newest month may still be young. */
async function reportMonth(
  app: App,
  lastDay: string,
): Promise<{ from: string; to: string; report: QaReport }> {
  const range = periodRange('month', lastDay);
  const report = await app.value('getQaReport', { ...range, granularity: 'week' });
  return { ...range, report };
}

describe('QA report, disputes and the QA tile in Chromium', () => {
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

  const nav = () => app.page.getByRole('navigation', { name: 'Main navigation' });

  async function openTab(name: string) {
    await nav().getByRole('button', { name: 'Reviews', exact: true }).click();
    await app.page.getByRole('tab', { name }).click();
  }

  it('shows the QA score per agent with n and its 95% interval, too few marked', async () => {
    const { page } = app;
    const { report } = await reportMonth(app, lastDay);
    expect(report.agents.length).toBeGreaterThan(0);
    await openTab('QA report');
    const table = page.getByRole('table', { name: 'QA score per agent' });
    await table.waitFor();
    await app.settle();

    const headline = page.getByRole('group', { name: /^QA figures for/ });
    const score = report.overall.score;
    await expect.poll(() => headline.textContent()).toContain(`n = ${score.n} reviews`);
    if (score.low !== null && score.high !== null)
      expect(await headline.textContent()).toContain(
        `95% interval ${score.low.toFixed(1)}–${score.high.toFixed(1)}`,
      );

    // One row per agent plus the scope's row, each with its n.
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(report.agents.length + 1);
    for (const agent of report.agents) {
      const row = table.getByRole('row', { name: new RegExp(`^${agent.agentName}`) });
      const cells = await row.locator('td').allTextContents();
      expect(cells[1]).toBe(String(agent.score.n));
      if (agent.score.tooFew) {
        expect(cells[0]).toContain('too few to judge');
        // No good/bad colour on a score that cannot be judged.
        expect(await row.locator('.qa-score').getAttribute('class')).toContain('tone-none');
      }
      if (agent.score.low !== null && agent.score.high !== null)
        expect(cells[2]).toBe(`${agent.score.low.toFixed(1)}–${agent.score.high.toFixed(1)}`);
    }
    await expect
      .poll(() =>
        page.getByRole('table', { name: 'Section and criterion averages' }).locator('tbody tr').count(),
      )
      .toBe(report.sections.length + report.criteria.length);
    await page.getByRole('img', { name: /QA score trend by week/ }).waitFor();
    await app.screenshot('reviews-qa-report');
    await expectAccessible(page, 'the QA report');
  });

  it('shows criterion validity with the difference, its interval and plain words', async () => {
    const { page } = app;
    const range = periodRange('month', lastDay);
    const validity = await app.value('getCriterionValidity', range);
    const table = page.getByRole('table', { name: 'Criterion validity' });
    await table.scrollIntoViewIfNeeded();
    expect(await table.locator('tbody tr').count()).toBe(validity.criteria.length);
    const verdicts = await table.locator('td.qa-verdict').allTextContents();
    for (const [i, row] of validity.criteria.entries()) {
      const judged = row.outcomes.filter((o) => o.reading !== 'too_few');
      const expected =
        judged.length === 0 ? 'too few to judge' : /predicts|no evidence it moves outcomes|worse/;
      if (typeof expected === 'string') expect(verdicts[i]).toBe(expected);
      else expect(verdicts[i]).toMatch(expected);
    }
    // Every outcome cell names both groups' n.
    const first = await table
      .locator('tbody tr')
      .first()
      .locator('td.qa-validity-cell')
      .first()
      .textContent();
    expect(first).toMatch(
      /(passed \d+% \(n \d+\)|no passed interactions) · (failed \d+% \(n \d+\)|no failed interactions)/,
    );
    await page.getByRole('table', { name: 'Evaluator leniency' }).scrollIntoViewIfNeeded();
    await app.screenshot('reviews-qa-validity');
  });

  it('resolves a dispute by accepting the agent’s view with a reason and shows the score history', async () => {
    const { page } = app;
    const open = await app.value('listDisputes', { status: 'open' });
    expect(open.length).toBe(2);
    await openTab('Disputes');
    const table = page.getByRole('table', { name: 'Open disputes' });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(2);
    await app.settle();
    await app.screenshot('reviews-disputes');
    await expectAccessible(page, 'the disputes tab');

    // The one with a proposed rating: accepting it needs nothing but a reason.
    const target = open.find((d) => d.proposedRating !== null) ?? open[0];
    if (!target) throw new Error('no open dispute');
    const resolve = page.getByRole('button', {
      name: `Resolve the dispute of ${target.agentName} on ${target.criterionLabel}`,
    });
    await resolve.click();
    const dialog = page.getByRole('dialog', { name: /Resolve dispute/ });
    await dialog.waitFor();
    await expectAccessible(page, 'the resolve dialog', '.dispute-dialog');
    // Escape closes it and focus goes back to the button.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => resolve.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);

    // Keyboard only: open, pick "accept", give a reason, submit.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: "Accept the agent's view" }).check();
    await dialog.getByRole('button', { name: 'Resolve dispute' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/Give a reason/);
    await dialog.getByLabel('Reason (required)').fill('The system log confirms the outage.');
    await dialog.getByRole('button', { name: 'Resolve dispute' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    const after = (await app.value('listDisputes', {})).find((d) => d.id === target.id);
    expect(after).toMatchObject({
      status: 'accepted',
      resolutionReason: 'The system log confirms the outage.',
    });
    if (!after || after.scoreBefore === null || after.scoreAfter === null)
      throw new Error('no score history');
    const resolved = page.getByRole('table', { name: 'Resolved disputes' });
    const row = resolved.locator(`tr[data-dispute="${target.id}"]`);
    await expect
      .poll(() => row.textContent())
      .toContain(`${after.scoreBefore.toFixed(1)} → ${after.scoreAfter.toFixed(1)}`);
    expect(await row.textContent()).toContain("Agent's view accepted");
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'accepted' }).count()).toBe(1);
    await app.screenshot('reviews-disputes-resolved');
  });

  it('records a dispute from a review in a dialog', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Record a dispute…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a dispute' });
    await dialog.waitFor();
    const review = dialog.getByLabel('Review');
    await expect.poll(() => review.locator('option').count()).toBeGreaterThan(1);
    await review.selectOption({ index: 1 });
    const criterion = dialog.getByLabel('Criterion');
    await criterion.waitFor();
    await criterion.selectOption({ index: 1 });
    await dialog.getByLabel("Agent's reason (required)").fill('The customer hung up before I could.');
    await expectAccessible(page, 'the record-dispute dialog', '.dispute-dialog');
    await dialog.getByRole('button', { name: 'Record dispute' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect
      .poll(() => page.getByRole('table', { name: 'Open disputes' }).locator('tbody tr').count())
      .toBe(2);
  });

  it('shows the team QA score on the dashboard with n, and opens the QA report', async () => {
    const { page } = app;
    await nav().getByRole('button', { name: 'Dashboard' }).click();
    const tile = page.locator('[data-qa-tile]');
    await tile.waitFor();
    await app.settle();
    const { report } = await reportMonth(app, lastDay);
    const text = await tile.textContent();
    expect(text).toContain(`n = ${report.overall.score.n} reviews`);
    if (report.overall.score.mean !== null) expect(text).toContain(report.overall.score.mean.toFixed(1));
    await app.screenshot('reviews-qa-tile');
    await tile.getByRole('button').click();
    await page.getByRole('table', { name: 'QA score per agent' }).waitFor();
    expect(await page.getByRole('tab', { name: 'QA report' }).getAttribute('aria-selected')).toBe('true');
  });
});
