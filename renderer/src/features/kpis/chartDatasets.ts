import type { ChartDataset, ScriptableLineSegmentContext } from 'chart.js';
import type { KpiUnit } from '../../../../shared/kpi/types';
import type { ChartPoint, ChartSeries, ValueClamp } from './chartTypes';

/** settings.status.minN's default: the smallest n a value is trusted on. */
export const DEFAULT_MIN_N = 20;

/** A chart.js data point: the series point with its value clamped and its marks worked out. */
export interface PlottedPoint extends ChartPoint {
  /** n is known and below minN: the point is drawn as a triangle and its tooltip says so. */
  lowN: boolean;
}

export type LineDataset = ChartDataset<'line', PlottedPoint[]>;

export interface MarkOptions {
  clamp?: ValueClamp;
  minN: number;
  unit?: KpiUnit;
}

/** Rates cannot leave 0–100%: a value past the clamp (rounding, a bad import) is drawn at the limit. */
export function clampValue(y: number | null, clamp: ValueClamp | undefined): number | null {
  if (y === null || !Number.isFinite(y)) return null;
  return Math.min(Math.max(y, clamp?.min ?? -Infinity), clamp?.max ?? Infinity);
}

/**
 * Whether a point's n is too small to trust. Counts (volume) are their own n, so a quiet day is
 * not "low confidence"; reference lines have no n.
 */
export function isLowN(point: ChartPoint, opts: Pick<MarkOptions, 'minN' | 'unit'>): boolean {
  if (opts.unit === 'count' || point.n === undefined || point.y === null) return false;
  return point.n > 0 && point.n < opts.minN;
}

export function plotPoints(series: ChartSeries, opts: MarkOptions): PlottedPoint[] {
  return series.points.map((p) => ({
    ...p,
    y: clampValue(p.y, opts.clamp),
    lowN: !series.reference && isLowN(p, opts),
  }));
}

function pointRadius(series: ChartSeries, p: PlottedPoint, count: number): number {
  if (p.y !== null && (p.partial || p.lowN)) return 3.5;
  if (series.dots) return 2.5;
  return series.dashed || count > 40 ? 0 : 1.2;
}

/**
 * One line. Monotone interpolation never swings past the points it joins (a Bézier with tension
 * drew an escalation rate below 0%); gaps stay gaps; partial buckets are hollow with a dashed
 * segment, low-n buckets are triangles.
 */
export function toDataset(series: ChartSeries, opts: MarkOptions): LineDataset {
  const data = plotPoints(series, opts);
  const partialAt = (i: number) => Boolean(data[i]?.partial);
  const baseDash = series.dashed ? [6, 4] : [];
  return {
    label: series.label,
    data,
    borderColor: series.color,
    backgroundColor: series.color,
    borderWidth: series.width ?? 2,
    borderDash: baseDash,
    cubicInterpolationMode: 'monotone',
    tension: 0,
    spanGaps: false,
    // Points on the first or last tick are drawn whole instead of cut by the plot edge.
    clip: 5,
    pointRadius: data.map((p) => pointRadius(series, p, data.length)),
    pointHoverRadius: 4.5,
    pointStyle: data.map((p) => (p.lowN ? 'triangle' : 'circle')),
    pointBackgroundColor: data.map((p) => (p.partial ? '#ffffff' : series.color)),
    pointBorderColor: series.color,
    pointBorderWidth: data.map((p) => (p.partial || p.lowN ? 1.5 : 1)),
    segment: {
      borderDash: (ctx: ScriptableLineSegmentContext) =>
        partialAt(ctx.p0DataIndex) || partialAt(ctx.p1DataIndex) ? [3, 3] : baseDash,
    },
  };
}

export interface FactOptions {
  nLabel?: string;
  minN: number;
}

/** What a value rests on, in words: ["n = 212 responses", "partial: 3 of 7 days", "low n (< 20)"]. */
export function pointFacts(point: PlottedPoint, opts: FactOptions): string[] {
  const facts: string[] = [];
  if (point.n !== undefined && point.y !== null)
    facts.push(`n = ${point.n.toLocaleString('en-US')}${opts.nLabel ? ` ${opts.nLabel}` : ''}`);
  if (point.partial) facts.push(`partial: ${point.partial}`);
  if (point.lowN) facts.push(`low n (< ${opts.minN})`);
  return facts;
}

/** A tooltip line: "CSAT by day: 84.2% · n = 212 responses · partial: 3 of 7 days". */
export function pointDescription(
  seriesLabel: string,
  point: PlottedPoint,
  format: (y: number) => string,
  opts: FactOptions,
): string {
  const value = point.y === null ? 'no data' : format(point.y);
  return [`${seriesLabel}: ${value}`, ...pointFacts(point, opts)].join(' · ');
}

/** Which marks a set of datasets uses, for the key under the chart. */
export function marksUsed(datasets: readonly LineDataset[]): { partial: number; lowN: number } {
  let partial = 0;
  let lowN = 0;
  for (const d of datasets)
    for (const p of d.data) {
      if (p.y === null) continue;
      if (p.partial) partial += 1;
      if (p.lowN) lowN += 1;
    }
  return { partial, lowN };
}

/** Pixel geometry of a drawn point (chart.js PointElement after layout). */
export interface CurvePoint {
  y: number;
  skip?: boolean;
  cp1y?: number;
  cp2y?: number;
}

/**
 * How far, in pixels, the drawn curve can leave the band between the two points of each segment.
 * A cubic Bézier stays inside the hull of its control points, so control points outside the band
 * are the only way a line dips below 0% between two values of 0% and 5%.
 */
export function curveOvershoot(points: readonly CurvePoint[]): number {
  let worst = 0;
  for (let i = 1; i < points.length; i += 1) {
    const a = points[i - 1];
    const b = points[i];
    if (!a || !b || a.skip || b.skip) continue;
    const lo = Math.min(a.y, b.y);
    const hi = Math.max(a.y, b.y);
    for (const cp of [a.cp2y ?? a.y, b.cp1y ?? b.y]) worst = Math.max(worst, lo - cp, cp - hi);
  }
  return worst;
}
