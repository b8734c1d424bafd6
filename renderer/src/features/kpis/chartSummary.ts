import { pointFacts, type PlottedPoint } from './chartDatasets';

/**
 * Text alternatives of a chart: a canvas says nothing to a screen reader, and tooltips (n, partial
 * buckets) need a mouse. The summary goes in the canvas's aria-label, the table beside it.
 */

export interface PlottedSeries {
  label: string;
  reference: boolean;
  data: PlottedPoint[];
}

export interface SummaryFormat {
  value(y: number): string;
  x(x: number): string;
  nLabel?: string;
  minN: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function describeSeries(s: PlottedSeries, f: SummaryFormat): string {
  const shown = s.data.filter((p): p is PlottedPoint & { y: number } => p.y !== null);
  if (s.reference) return shown[0] ? `${s.label} ${f.value(shown[0].y)}` : '';
  const last = shown.at(-1);
  if (!last) return `${s.label}: no data`;
  const ys = shown.map((p) => p.y);
  const parts = [
    shown.length === 1
      ? `${s.label}: ${f.value(last.y)} (${f.x(last.x)})`
      : `${s.label}: ${plural(shown.length, 'value')} from ${f.value(Math.min(...ys))} to ${f.value(
          Math.max(...ys),
        )}, latest ${f.value(last.y)} (${f.x(last.x)})`,
  ];
  const partial = shown.filter((p) => p.partial).length;
  const lowN = shown.filter((p) => p.lowN).length;
  if (partial) parts.push(`${plural(partial, 'partial period')}`);
  if (lowN) parts.push(`${plural(lowN, 'value')} with low n (< ${f.minN})`);
  return parts.join(', ');
}

/** "CSAT trend by day. CSAT by day: 22 values from 71.3% to 93.7%, latest 85.0% (30 Nov), 2 partial periods. Target 80.0%." */
export function chartSummary(title: string, series: readonly PlottedSeries[], f: SummaryFormat): string {
  const sentences = [title, ...series.map((s) => describeSeries(s, f))].filter(Boolean);
  return sentences.map((s) => (/[.!?]$/.test(s) ? s : `${s}.`)).join(' ');
}

export interface ChartTable {
  columns: string[];
  rows: Array<{ key: number; label: string; cells: string[] }>;
}

/** One row per x, one column per data series (reference lines are in the summary). */
export function chartTable(series: readonly PlottedSeries[], f: SummaryFormat): ChartTable {
  const data = series.filter((s) => !s.reference);
  const xs = [...new Set(data.flatMap((s) => s.data.map((p) => p.x)))].sort((a, b) => a - b);
  return {
    columns: data.map((s) => s.label),
    rows: xs.map((x) => ({
      key: x,
      label: f.x(x),
      cells: data.map((s) => {
        const p = s.data.find((q) => q.x === x);
        if (!p || p.y === null) return p?.partial ? `no data (partial: ${p.partial})` : 'no data';
        return [f.value(p.y), ...pointFacts(p, f)].join(' · ');
      }),
    })),
  };
}
