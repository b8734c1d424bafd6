import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlottedPoint } from './chartDatasets';
import { chartSummary, chartTable, type PlottedSeries } from './chartSummary';

const f = {
  value: (y: number) => `${y.toFixed(1)}%`,
  x: (x: number) => `${x + 1} Nov`,
  nLabel: 'responses',
  minN: 20,
};
const pt = (x: number, y: number | null, over: Partial<PlottedPoint> = {}): PlottedPoint => ({
  x,
  y,
  lowN: false,
  ...over,
});
const agent: PlottedSeries = {
  label: 'Anna Schmidt',
  reference: false,
  data: [
    pt(0, 91, { n: 30, partial: '1 of 7 days' }),
    pt(1, 88, { n: 200 }),
    pt(8, 70, { n: 6, lowN: true }),
    pt(15, null, { n: 0 }),
  ],
};
const target: PlottedSeries = { label: 'Target', reference: true, data: [pt(0, 80), pt(29, 80)] };

describe('chartSummary', () => {
  it('sums up each series, its marks and the target for the canvas label', () => {
    expect(chartSummary('CSAT of Anna Schmidt against the team', [agent, target], f)).toBe(
      'CSAT of Anna Schmidt against the team. Anna Schmidt: 3 values from 70.0% to 91.0%, latest 70.0% (9 Nov), ' +
        '1 partial period, 1 value with low n (< 20). Target 80.0%.',
    );
  });

  it('says "no data" for an empty series and a single value plainly', () => {
    const empty: PlottedSeries = { label: 'Team', reference: false, data: [pt(0, null)] };
    const one: PlottedSeries = { label: 'Anna', reference: false, data: [pt(3, 64.5)] };
    expect(chartSummary('CSAT', [one, empty], f)).toBe('CSAT. Anna: 64.5% (4 Nov). Team: no data.');
  });

  it('never says "no target" and names the target whenever there is one', () => {
    const series = fc.record({
      ys: fc.array(fc.option(fc.double({ min: 0, max: 100, noNaN: true })), { maxLength: 12 }),
      target: fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
    });
    fc.assert(
      fc.property(series, ({ ys, target: t }) => {
        const data: PlottedSeries = { label: 'CSAT', reference: false, data: ys.map((y, x) => pt(x, y)) };
        const all = t === null ? [data] : [data, { ...target, data: [pt(0, t), pt(29, t)] }];
        const text = chartSummary('CSAT trend', all, f);
        expect(text).not.toMatch(/no target/i);
        if (t !== null) expect(text).toContain(`Target ${f.value(t)}`);
      }),
    );
  });
});

describe('chartTable', () => {
  it('lists every period with value, n and marks; reference lines stay out', () => {
    const team: PlottedSeries = { label: 'Team', reference: false, data: [pt(0, 84), pt(1, 83)] };
    const table = chartTable([agent, team, target], f);
    expect(table.columns).toEqual(['Anna Schmidt', 'Team']);
    expect(table.rows.map((r) => r.label)).toEqual(['1 Nov', '2 Nov', '9 Nov', '16 Nov']);
    expect(table.rows[0]?.cells).toEqual(['91.0% · n = 30 responses · partial: 1 of 7 days', '84.0%']);
    expect(table.rows[2]?.cells).toEqual(['70.0% · n = 6 responses · low n (< 20)', 'no data']);
    expect(table.rows[3]?.cells[0]).toBe('no data');
  });
});
