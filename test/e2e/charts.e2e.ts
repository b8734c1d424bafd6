import type { Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KpiId } from '../../shared/kpi/types';
import { addDays, periodRange } from '../../shared/kpi/periods';
import { expectAccessible } from './support/axe';
import { startApp, type App } from './support/harness';

/** What chart.js drew, as LineChart's probe plugin writes it on the canvas. */
interface Probe {
  yMin: number;
  yMax: number;
  ticks: string[];
  overshootPx: number;
  partial: number;
  lowN: number;
  series: string[];
  summary: string;
}

async function probe(canvas: Locator): Promise<Probe> {
  // The probe attributes appear once chart.js has drawn.
  await expect.poll(() => canvas.getAttribute('data-y-ticks'), { timeout: 20_000 }).not.toBeNull();
  return canvas.evaluate((el) => {
    // DOM types are not in this project's lib: the canvas is typed by hand.
    const d = (el as unknown as { dataset: Record<string, string | undefined> }).dataset;
    return {
      yMin: Number(d.yMin),
      yMax: Number(d.yMax),
      ticks: (d.yTicks ?? '').split('|'),
      overshootPx: Number(d.overshootPx),
      partial: Number(d.partial),
      lowN: Number(d.lowN),
      series: (d.series ?? '').split('|'),
      summary: el.getAttribute('aria-label') ?? '',
    };
  });
}

const SURVEYS: KpiId[] = ['csat', 'nps', 'ces', 'escalation_rate'];
const SECONDS = { d: 86400, h: 3600, min: 60, s: 1 } as const;
const CLOCK_STEPS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
];

/** "1 h 30 min" → 5400; throws on anything that is not whole clock units ("2h 47m", "33m 20s"). */
function clockSeconds(label: string): number {
  if (label === '0') return 0;
  const parts = label.split(' ');
  if (parts.length % 2 !== 0) throw new Error(`not a clock label: ${label}`);
  let total = 0;
  for (let i = 0; i < parts.length; i += 2) {
    const size = SECONDS[parts[i + 1] as keyof typeof SECONDS];
    const count = Number(parts[i]);
    if (!size || !Number.isInteger(count)) throw new Error(`not a clock label: ${label}`);
    total += count * size;
  }
  return total;
}

function expectClockTicks(ticks: string[]) {
  const values = ticks.map(clockSeconds);
  const step = (values[1] ?? 0) - (values[0] ?? 0);
  expect(CLOCK_STEPS).toContain(step);
  values.forEach((v, i) => {
    expect(v % step).toBe(0);
    if (i > 0) expect(v - (values[i - 1] ?? 0)).toBe(step);
  });
  expect(ticks.length).toBeLessThanOrEqual(8);
}

describe('Charts do not invent data', () => {
  let app: App;
  let lastDay: string;

  beforeAll(async () => {
    app = await startApp({ demo: { agents: 8, months: 4, seed: 11 } });
    const facets = await app.value('getInteractionFacets', {});
    if (!facets.dayRange) throw new Error('demo has no interactions');
    lastDay = facets.dayRange.to;
    await app.page.getByRole('group', { name: 'KPI tiles' }).waitFor({ timeout: 30_000 });
    await app.settle();
  });
  afterEach(() => app.assertNoBrowserErrors());
  afterAll(async () => {
    await app?.close();
  });

  const trend = () => app.page.getByRole('region', { name: 'Trend' });
  const trendCanvas = () => trend().locator('canvas');
  async function showTrend(kpi: KpiId, granularity: 'Day' | 'Week') {
    await app.page.getByLabel('Trend KPI').selectOption(kpi);
    await trend()
      .getByRole('group', { name: 'Trend granularity' })
      .getByRole('button', { name: granularity })
      .click();
    await app.settle();
  }

  it('keeps an escalation rate between 0 and 100% and never swings past its points', async () => {
    await showTrend('escalation_rate', 'Day');
    const p = await probe(trendCanvas());
    expect(p.yMin).toBeGreaterThanOrEqual(0);
    expect(p.yMax).toBeLessThanOrEqual(100);
    expect(p.ticks[0]).toBe('0%');
    // A monotone line stays between the two values it joins; the old Bézier dipped below 0%.
    expect(p.overshootPx).toBeLessThanOrEqual(0.5);
    // Escalations are few per day: those values are marked and keyed.
    expect(p.lowN).toBeGreaterThan(0);
    expect(p.summary).toMatch(/with low n \(< \d+\)/);
    await expect
      .poll(() =>
        trend()
          .getByText(/^low n \(fewer than \d+\)$/)
          .isVisible(),
      )
      .toBe(true);
    await trend().scrollIntoViewIfNeeded();
    await app.screenshot('charts-trend-escalation');
  });

  it('puts round clock ticks on durations', async () => {
    for (const kpi of ['aht', 'art', 'frt'] as const) {
      await showTrend(kpi, 'Day');
      const p = await probe(trendCanvas());
      expectClockTicks(p.ticks);
    }
    await trend().scrollIntoViewIfNeeded();
    await app.screenshot('charts-trend-duration');
  });

  it('marks partial weeks and leaves weeks without data out, instead of plotting 0', async () => {
    await showTrend('volume', 'Week');
    const month = periodRange('month', lastDay);
    const dashboard = await app.value('getDashboard', { ...month, granularity: 'week' });
    const points = dashboard.trends.find((t) => t.kpiId === 'volume')?.points ?? [];
    const partialWithData = points.filter((q) => q.partial && q.n > 0).length;
    expect(partialWithData).toBeGreaterThan(0);
    const p = await probe(trendCanvas());
    expect(p.partial).toBe(partialWithData);
    expect(p.summary).toMatch(/\d+ partial periods?/);
    await expect.poll(() => trend().getByText('partial period', { exact: true }).isVisible()).toBe(true);
    // The accessible table gives every week; a week without interactions reads "no data", never 0.
    const cells = await trend().locator('table td').allTextContents();
    expect(cells).toHaveLength(points.length);
    points.forEach((q, i) => {
      if (q.n === 0) expect(cells[i]).toMatch(/^no data/);
      else expect(cells[i]).toMatch(/^[\d,]+ · n = [\d,]+ interactions/);
      if (q.partial) expect(cells[i]).toMatch(/partial: (\d+ of \d+ days|still under way)/);
    });
    // Tooltips carry the same facts as the table; hover one point to see it drawn.
    await trend().scrollIntoViewIfNeeded();
    const box = await trendCanvas().boundingBox();
    if (box) await app.page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.5);
    await app.screenshot('charts-trend-partial-weeks');
    await app.page.mouse.move(0, 0);
  });

  it('shows a compact card instead of an empty chart when a KPI has no values', async () => {
    await showTrend('retention_rate', 'Week');
    const card = trend().locator('[data-chart="no-data"]');
    await expect.poll(() => card.textContent()).toMatch(/^No Customer retention .*in this period$/);
    expect(await trendCanvas().count()).toBe(0);
    expect((await card.boundingBox())?.height ?? 999).toBeLessThan(60);
    await trend().scrollIntoViewIfNeeded();
    await app.screenshot('charts-trend-no-data');
    // A tile whose buckets have no value shows a dash saying so, not an empty box; beside a value
    // for the period (retention, which has none by week) it says "no trend", not "no data".
    const month = periodRange('month', lastDay);
    // The tiles' sparklines follow the trend granularity, still Week here.
    const dashboard = await app.value('getDashboard', { ...month, granularity: 'week' });
    const blank = dashboard.tiles.filter((t) => t.sparkline.every((q) => q.value === null || q.n === 0));
    expect(blank.map((t) => t.kpiId)).toContain('retention_rate');
    for (const t of blank)
      expect(
        await app.page.locator(`.kpi-tile[data-kpi="${t.kpiId}"] [data-sparkline="no-data"]`).textContent(),
      ).toBe(t.value === null ? 'no data' : 'no trend');
    await showTrend('csat', 'Day');
    const p = await probe(trendCanvas());
    expect(p.summary).toMatch(/^CSAT trend/);
    await expectAccessible(app.page, 'the trend chart and sparklines', '.trend-panel, .kpi-tile');
  });

  it('compares the agent with the average agent on volume, and keeps charts accessible', async () => {
    const { page } = app;
    const month = periodRange('month', lastDay);
    const dashboard = await app.value('getDashboard', { ...month, granularity: 'day' });
    const agent = dashboard.agentRanking[0];
    if (!agent) throw new Error('no agent in the ranking');
    await page
      .getByRole('table', { name: 'Agent ranking' })
      .getByRole('button', { name: agent.name, exact: true })
      .click();
    await expect.poll(() => page.locator('.scorecard-agent').textContent()).toBe(agent.name);
    await app.settle();
    const scorecard = await app.value('getAgentScorecard', {
      ...month,
      agentId: agent.agentId,
      granularity: 'week',
    });

    const card = (kpi: KpiId) => page.locator(`.scorecard-card[data-kpi="${kpi}"]`);
    const volume = await probe(card('volume').locator('canvas'));
    expect(scorecard.rows.find((r) => r.kpiId === 'volume')?.teamBasis).toBe('average_agent');
    expect(volume.series).toEqual([agent.name, 'Average agent']);
    expect(volume.summary).toContain('Average agent:');

    const escalation = await probe(card('escalation_rate').locator('canvas'));
    expect(escalation.yMin).toBeGreaterThanOrEqual(0);
    expect(escalation.yMax).toBeLessThanOrEqual(100);
    expect(escalation.overshootPx).toBeLessThanOrEqual(0.5);
    expectClockTicks((await probe(card('aht').locator('canvas'))).ticks);

    // The week under way (or cut by the month) is marked, not compared as a whole week.
    const csatRow = scorecard.rows.find((r) => r.kpiId === 'csat');
    // Both the agent's and the team's point of such a week are marked.
    const series = csatRow?.series ?? [];
    const csatPartial =
      series.filter((q) => q.partial && q.n > 0).length +
      series.filter((q) => q.partial && q.teamValue !== null).length;
    expect(csatPartial).toBeGreaterThan(0);
    expect((await probe(card('csat').locator('canvas'))).partial).toBe(csatPartial);

    // A chart of a KPI with a target names it, and nothing on the card says "no target".
    for (const row of scorecard.rows.filter((r) => r.target !== null)) {
      expect((await card(row.kpiId).textContent()) ?? '').not.toMatch(/no target/i);
      if ((await card(row.kpiId).locator('canvas').count()) === 0) continue;
      const summary = (await probe(card(row.kpiId).locator('canvas'))).summary;
      expect(summary).not.toMatch(/no target/i);
      expect(summary).toMatch(/Target /);
    }
    await expectAccessible(page, 'the scorecard charts', '.line-chart-figure, [data-chart="no-data"]');
    await app.screenshot('charts-scorecard');
  });

  it('gives a KPI without data on the agent scorecard the compact card', async () => {
    const { page } = app;
    const dashboard = await app.value('getDashboard', {
      ...periodRange('month', lastDay),
      granularity: 'day',
    });
    // A day on which some agent worked but has, say, no CSAT responses.
    let found: { day: string; kpiId: KpiId; agentId: string } | null = null;
    for (let i = 0; i < 14 && !found; i += 1) {
      const day = addDays(lastDay, -i);
      for (const a of dashboard.agentRanking) {
        const s = await app.value('getAgentScorecard', {
          from: day,
          to: day,
          agentId: a.agentId,
          granularity: 'day',
        });
        const empty = s.rows.find((r) => r.value === null && SURVEYS.includes(r.kpiId));
        if (empty) {
          found = { day, kpiId: empty.kpiId, agentId: a.agentId };
          break;
        }
      }
    }
    if (!found) throw new Error('no agent-day without some survey KPI in the demo');
    const agentName = dashboard.agentRanking.find((a) => a.agentId === found.agentId)?.name ?? '';
    await page.getByRole('button', { name: '← Dashboard' }).click();
    await page.getByRole('group', { name: 'Period kind' }).getByRole('button', { name: 'Day' }).click();
    await page.getByLabel('Anchor date').fill(found.day);
    await app.settle();
    await page
      .getByRole('table', { name: 'Agent ranking' })
      .getByRole('button', { name: agentName, exact: true })
      .click();
    await expect.poll(() => page.locator('.scorecard-agent').textContent()).toBe(agentName);
    await app.settle();
    const label = dashboard.kpis.find((k) => k.id === found.kpiId)?.label ?? '';
    const card = page.locator(`.scorecard-card[data-kpi="${found.kpiId}"]`);
    await expect
      .poll(() => card.locator('[data-chart="no-data"]').textContent())
      .toMatch(new RegExp(`^No ${label} .*in this period$`));
    expect(await card.locator('canvas').count()).toBe(0);
    await card.scrollIntoViewIfNeeded();
    await app.screenshot('charts-scorecard-no-data');
  });
});
