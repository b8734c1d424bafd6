import { Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { useEffect, useMemo, useRef } from 'react';
import type { KpiUnit } from '../../../../shared/kpi/types';
import { noDataMessage } from './chartData';
import {
  DEFAULT_MIN_N,
  marksUsed,
  pointDescription,
  toDataset,
  type LineDataset,
  type PlottedPoint,
} from './chartDatasets';
import { ChartDataTable, ChartMarksKey, NoDataCard } from './ChartNotes';
import { probePlugin } from './chartProbe';
import { valueAxis } from './chartScale';
import { chartSummary, chartTable, type PlottedSeries, type SummaryFormat } from './chartSummary';
import type { ChartMarker, ChartSeries, ValueClamp } from './chartTypes';
import { formatDurationTick } from './durationTicks';
import { markerBand, markerPlugin } from './markerPlugin';
import { MARKER_MAX_ROWS } from './markerLayout';
import './charts.css';

export type { ChartMarker, ChartPoint, ChartSeries } from './chartTypes';

// Only what line charts need: keeps the bundle small and nothing registers itself globally by surprise.
Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip, Legend);

export interface LineChartProps {
  /** The first series is the subject: without a value in it the chart is a "no data" card. */
  series: ChartSeries[];
  markers?: ChartMarker[];
  /** Tick and tooltip text for an x value. */
  xLabel(x: number): string;
  /** Axis tick text (durations use clock ticks instead: "30 min", "1 h"). */
  yLabel(y: number): string;
  /** Full-precision value text for tooltips and the accessible summary; defaults to yLabel. */
  valueLabel?(y: number): string;
  xMin: number;
  xMax: number;
  height: number;
  ariaLabel: string;
  legend?: boolean;
  /** Hard limits of the value axis and of the values (rates stay within 0–100%). */
  yClamp?: ValueClamp;
  unit?: KpiUnit;
  /** KPI name for the "no data" card ("No CSAT responses in this period"). */
  kpiLabel?: string;
  /** What n counts, plural ("responses"), for tooltips and the "no data" card. */
  nLabel?: string;
  /** Values on fewer cases than this are marked as low n (settings.status.minN). */
  minN?: number;
  /** Replaces the "no data" card's text. */
  noDataText?: string;
}

function hasValues(s: ChartSeries | undefined): boolean {
  return Boolean(s?.points.some((p) => p.y !== null && Number.isFinite(p.y)));
}

/** A chart.js line chart on a linear day axis; the chart is rebuilt when the props change and destroyed on unmount. */
export function LineChart(props: LineChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const propsRef = useRef(props);
  propsRef.current = props;
  const { series, markers, xMin, xMax, legend, yClamp, unit, height } = props;
  const minN = props.minN ?? DEFAULT_MIN_N;
  const hasData = hasValues(series[0]);

  const datasets = useMemo(
    () => series.map((s) => toDataset(s, { clamp: yClamp, minN, unit })),
    [series, yClamp, minN, unit],
  );
  const axis = useMemo(
    () =>
      valueAxis(
        datasets.flatMap((d) => d.data.flatMap((p) => (p.y === null ? [] : [p.y]))),
        { unit, clamp: yClamp, maxTicks: height < 200 ? 5 : 6 },
      ),
    [datasets, unit, yClamp, height],
  );

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !hasData) return;
    const chart = createChart(
      canvas,
      datasets,
      axis,
      { markers: markers ?? [], xMin, xMax, legend },
      propsRef,
    );
    return () => chart.destroy();
  }, [datasets, axis, markers, xMin, xMax, legend, hasData]);

  if (!hasData) return <NoDataCard text={props.noDataText ?? noDataText(props.kpiLabel, props.nLabel)} />;

  const format: SummaryFormat = {
    value: props.valueLabel ?? props.yLabel,
    x: props.xLabel,
    nLabel: props.nLabel,
    minN,
  };
  const plotted: PlottedSeries[] = datasets.map((d, i) => ({
    label: d.label ?? '',
    reference: Boolean(series[i]?.reference),
    data: d.data,
  }));
  const marks = marksUsed(datasets);
  const table = chartTable(plotted, format);
  return (
    <div className="line-chart-figure">
      <div className="line-chart" style={{ height }}>
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={chartSummary(props.ariaLabel, plotted, format)}
          data-series={plotted.map((s) => s.label).join('|')}
          data-partial={marks.partial}
          data-low-n={marks.lowN}
        />
        <ChartDataTable caption={props.ariaLabel} table={table} />
      </div>
      {(legend ?? true) && <ChartMarksKey partial={marks.partial > 0} lowN={marks.lowN > 0} minN={minN} />}
    </div>
  );
}

function noDataText(kpiLabel: string | undefined, nLabel: string | undefined): string {
  return kpiLabel ? noDataMessage(kpiLabel, nLabel) : 'No data in this period';
}

interface Frame {
  markers: ChartMarker[];
  xMin: number;
  xMax: number;
  legend: boolean | undefined;
}

function createChart(
  canvas: HTMLCanvasElement,
  datasets: LineDataset[],
  axis: ReturnType<typeof valueAxis>,
  { markers, xMin, xMax, legend }: Frame,
  propsRef: { current: LineChartProps },
) {
  const small = () => propsRef.current.height < 200;
  const valueText = (y: number) => (propsRef.current.valueLabel ?? propsRef.current.yLabel)(y);
  return new Chart<'line', PlottedPoint[]>(canvas, {
    type: 'line',
    data: { datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      layout: {
        padding: (c) => ({
          // Small charts (scorecard cards) get one label row; overlapping labels there beat a squashed plot.
          top: markerBand(c.chart, markers, xMin, xMax, small() ? 1 : MARKER_MAX_ROWS),
        }),
      },
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales: {
        x: {
          type: 'linear',
          min: xMin,
          max: xMax,
          grid: { display: false },
          ticks: {
            maxTicksLimit: small() ? 5 : 8,
            // Forced ticks at both ends collide with their neighbours ("26 Nov30 Nov").
            includeBounds: false,
            font: { size: 11 },
            callback: (v) => (Number.isInteger(v) ? propsRef.current.xLabel(Number(v)) : ''),
          },
        },
        y: {
          type: 'linear',
          min: axis.min,
          max: axis.max,
          // Our round ticks, not chart.js's: it would halve a 30-minute step into "15 min" steps.
          afterBuildTicks: (scale) => {
            scale.ticks = axis.ticks.map((value) => ({ value }));
          },
          ticks: {
            autoSkip: false,
            font: { size: 11 },
            callback: (v) =>
              propsRef.current.unit === 'seconds'
                ? formatDurationTick(Number(v))
                : propsRef.current.yLabel(Number(v)),
          },
          grid: { color: '#eef1f5' },
        },
      },
      plugins: {
        legend: {
          display: legend ?? true,
          position: 'bottom',
          labels: { boxWidth: 12, boxHeight: 2, font: { size: 11 } },
        },
        tooltip: {
          callbacks: {
            title: (items) => (items[0] ? propsRef.current.xLabel(items[0].parsed.x ?? 0) : ''),
            label: (item) =>
              pointDescription(item.dataset.label ?? '', item.raw as PlottedPoint, valueText, {
                nLabel: propsRef.current.nLabel,
                minN: propsRef.current.minN ?? DEFAULT_MIN_N,
              }),
          },
        },
        eventMarkers: { markers },
      },
    },
    plugins: [markerPlugin, probePlugin],
  });
}
