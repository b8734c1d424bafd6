import type { ScriptableLineSegmentContext } from 'chart.js';
import { _updateBezierControlPoints } from 'chart.js/helpers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clampValue,
  curveOvershoot,
  isLowN,
  marksUsed,
  pointDescription,
  toDataset,
  type CurvePoint,
  type LineDataset,
} from './chartDatasets';
import type { ChartSeries } from './chartTypes';

const PERCENT = { clamp: { min: 0, max: 100 }, minN: 20, unit: '%' as const };

const series = (points: ChartSeries['points'], over: Partial<ChartSeries> = {}): ChartSeries => ({
  label: 'Escalation rate',
  points,
  color: '#2457c5',
  ...over,
});

/** Lays points out in pixels and lets chart.js compute the Bézier control points as it would draw them. */
function drawnCurve(
  dataset: Pick<LineDataset, 'tension' | 'cubicInterpolationMode'>,
  ys: Array<number | null>,
) {
  const points: Array<CurvePoint & { x: number }> = ys.map((y, i) => ({
    x: i * 40,
    // Pixel y grows downwards; 0% at the bottom (200 px), 100% at the top.
    y: y === null ? NaN : 200 - y * 2,
    skip: y === null,
  }));
  _updateBezierControlPoints(
    points,
    { ...dataset, capBezierPoints: false, spanGaps: false },
    { left: 0, right: 1000, top: 0, bottom: 200, width: 1000, height: 200 },
    false,
    'x',
  );
  return points;
}

const rate = fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { freq: 8 });

describe('toDataset: no smoothing that invents values', () => {
  it('draws an escalation rate of 30%, 0%, 0%, 25% without dipping below 0%', () => {
    const ys = [30, 0, 0, 25, 0];
    const dataset = toDataset(series(ys.map((y, x) => ({ x, y }))), PERCENT);
    expect(curveOvershoot(drawnCurve(dataset, ys))).toBeLessThan(1e-9);
    // The old setting (tension 0.25, default interpolation) swung below the axis here.
    expect(curveOvershoot(drawnCurve({ tension: 0.25 }, ys))).toBeGreaterThan(1);
  });

  it('never draws a segment past the two values it joins', () => {
    fc.assert(
      fc.property(fc.array(rate, { minLength: 2, maxLength: 40 }), (ys) => {
        const dataset = toDataset(series(ys.map((y, x) => ({ x, y }))), PERCENT);
        expect(curveOvershoot(drawnCurve(dataset, ys))).toBeLessThan(1e-6);
      }),
    );
  });

  it('keeps rates inside 0–100% and leaves gaps as gaps', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.double({ min: -50, max: 150, noNaN: true })), { maxLength: 30 }),
        (ys) => {
          const dataset = toDataset(series(ys.map((y, x) => ({ x, y }))), PERCENT);
          dataset.data.forEach((p, i) => {
            if (ys[i] === null) expect(p.y).toBeNull();
            else {
              expect(p.y).toBeGreaterThanOrEqual(0);
              expect(p.y).toBeLessThanOrEqual(100);
            }
          });
        },
      ),
    );
    expect(clampValue(-3, { min: 0, max: 100 })).toBe(0);
    expect(clampValue(Number.NaN, undefined)).toBeNull();
  });
});

describe('toDataset: partial buckets and low n', () => {
  const points = [
    { x: 0, y: 91, n: 30, partial: '1 of 7 days' },
    { x: 1, y: 88, n: 200, partial: null },
    { x: 8, y: 70, n: 6, partial: null },
    { x: 15, y: 84, n: 150, partial: '2 of 7 days' },
  ];

  it('draws partial buckets hollow, with dashed segments to them', () => {
    const dataset = toDataset(series(points, { dots: true }), PERCENT);
    expect(dataset.pointBackgroundColor).toEqual(['#ffffff', '#2457c5', '#2457c5', '#ffffff']);
    const segment = dataset.segment as {
      borderDash: (ctx: Partial<ScriptableLineSegmentContext>) => number[];
    };
    const dash = segment.borderDash;
    expect(dash({ p0DataIndex: 0, p1DataIndex: 1 })).toEqual([3, 3]);
    expect(dash({ p0DataIndex: 1, p1DataIndex: 2 })).toEqual([]);
    expect(dash({ p0DataIndex: 2, p1DataIndex: 3 })).toEqual([3, 3]);
  });

  it('marks low-n points as triangles, but not counts or reference lines', () => {
    const dataset = toDataset(series(points), PERCENT);
    expect(dataset.pointStyle).toEqual(['circle', 'circle', 'triangle', 'circle']);
    expect(marksUsed([dataset])).toEqual({ partial: 2, lowN: 1 });
    expect(isLowN({ x: 0, y: 4, n: 4 }, { minN: 20, unit: 'count' })).toBe(false);
    expect(marksUsed([toDataset(series(points, { reference: true }), PERCENT)]).lowN).toBe(0);
    // No data is not low confidence: it is a gap.
    expect(isLowN({ x: 0, y: null, n: 0 }, { minN: 20 })).toBe(false);
  });

  it('shows n, partial and low n in the tooltip', () => {
    const [first, , third] = toDataset(series(points), PERCENT).data;
    const format = (y: number) => `${y.toFixed(1)}%`;
    if (!first || !third) throw new Error('points missing');
    expect(
      pointDescription('CSAT', { ...first, partial: null }, format, { nLabel: 'responses', minN: 20 }),
    ).toBe('CSAT: 91.0% · n = 30 responses');
    expect(pointDescription('CSAT', first, format, { nLabel: 'responses', minN: 20 })).toBe(
      'CSAT: 91.0% · n = 30 responses · partial: 1 of 7 days',
    );
    expect(pointDescription('CSAT', third, format, { minN: 20 })).toBe('CSAT: 70.0% · n = 6 · low n (< 20)');
    expect(pointDescription('Target', { x: 0, y: 80, lowN: false }, format, { minN: 20 })).toBe(
      'Target: 80.0%',
    );
  });
});

describe('curveOvershoot', () => {
  it('measures control points outside the band of each segment, skipping gaps', () => {
    expect(curveOvershoot([{ y: 100 }, { y: 120 }])).toBe(0);
    expect(
      curveOvershoot([
        { y: 100, cp2y: 95 },
        { y: 120, cp1y: 124 },
      ]),
    ).toBe(5);
    expect(curveOvershoot([{ y: 100, cp2y: 50 }, { y: 0, skip: true }, { y: 120 }])).toBe(0);
  });
});
