import {
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartDataset,
  type ChartType,
  type Plugin,
} from 'chart.js';
import { useEffect, useRef } from 'react';
import {
  layoutMarkerLabels,
  MARKER_MAX_ROWS,
  MARKER_ROW_HEIGHT,
  rowsUsed,
  truncateToWidth,
} from './markerLayout';

// Only what line charts need: keeps the bundle small and nothing registers itself globally by surprise.
Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip, Legend);

export interface ChartSeries {
  label: string;
  /** x is a day index (0 = first day of the range); y null leaves a gap. */
  points: Array<{ x: number; y: number | null }>;
  color: string;
  dashed?: boolean;
  width?: number;
  /** Draw dots on the points (sparse series such as weekly buckets). */
  dots?: boolean;
}

export interface ChartMarker {
  x: number;
  label: string;
}

export interface LineChartProps {
  series: ChartSeries[];
  markers?: ChartMarker[];
  /** Tick and tooltip text for an x value. */
  xLabel(x: number): string;
  yLabel(y: number): string;
  xMin: number;
  xMax: number;
  height: number;
  ariaLabel: string;
  legend?: boolean;
  /** Hard limits of the value axis (percentages stay within 0–100 after padding). */
  yClamp?: { min?: number; max?: number };
}

interface MarkerOptions {
  markers: ChartMarker[];
}

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the augmented interface is generic
  interface PluginOptionsByType<TType extends ChartType> {
    eventMarkers?: MarkerOptions;
  }
}

const MARKER_FONT = '11px system-ui, sans-serif';
/** Label rows reserved above the plot, per chart (decided at layout time, honoured when drawing). */
const reservedRows = new WeakMap<Chart, number>();

function placeMarkerLabels(
  ctx: CanvasRenderingContext2D,
  markers: readonly ChartMarker[],
  bounds: { left: number; right: number },
  toPixel: (x: number) => number,
  maxRows: number,
) {
  ctx.save();
  ctx.font = MARKER_FONT;
  const maxText = Math.max(60, Math.min(260, (bounds.right - bounds.left) * 0.45)) - 8;
  const texts = markers.map((m) => truncateToWidth(m.label, maxText, (t) => ctx.measureText(t).width));
  const boxes = markers.map((m, i) => ({
    x: toPixel(m.x),
    width: ctx.measureText(texts[i] ?? '').width + 8,
  }));
  ctx.restore();
  return { texts, boxes, placed: layoutMarkerLabels(boxes, bounds, maxRows) };
}

/**
 * Room above the plot for the marker labels, so they never hide data points. The x scale is not
 * laid out yet, so positions are estimated from the canvas width; drawing re-places them exactly
 * within the rows reserved here.
 */
function markerBand(
  chart: Chart,
  markers: readonly ChartMarker[],
  xMin: number,
  xMax: number,
  maxRows: number,
): number {
  const visible = markers.filter((m) => m.x >= xMin && m.x <= xMax);
  if (visible.length === 0) {
    reservedRows.set(chart, 0);
    return 0;
  }
  const bounds = { left: 48, right: Math.max(chart.width - 8, 60) };
  const span = xMax - xMin || 1;
  const toPixel = (x: number) => bounds.left + ((x - xMin) / span) * (bounds.right - bounds.left);
  const { placed } = placeMarkerLabels(chart.ctx, visible, bounds, toPixel, maxRows);
  const rows = rowsUsed(placed);
  reservedRows.set(chart, rows);
  return rows * MARKER_ROW_HEIGHT + 4;
}

/** Vertical dashed lines with a label above the plot for events (a product launch explains a spike). */
const markerPlugin: Plugin<'line', MarkerOptions> = {
  id: 'eventMarkers',
  afterDatasetsDraw(chart, _args, options) {
    const { ctx, chartArea, scales } = chart;
    const x = scales.x;
    if (!x || !options.markers?.length) return;
    const visible = options.markers.filter((m) => {
      const px = x.getPixelForValue(m.x);
      return px >= chartArea.left - 1 && px <= chartArea.right + 1;
    });
    if (visible.length === 0) return;
    const rows = Math.max(reservedRows.get(chart) ?? 1, 1);
    const bounds = { left: chartArea.left, right: chartArea.right };
    const { texts, boxes, placed } = placeMarkerLabels(
      ctx,
      visible,
      bounds,
      (v) => x.getPixelForValue(v),
      rows,
    );
    const bandTop = chartArea.top - rows * MARKER_ROW_HEIGHT - 2;
    ctx.save();
    ctx.font = MARKER_FONT;
    ctx.textBaseline = 'top';
    ctx.strokeStyle = '#8b5cf6';
    ctx.lineWidth = 1.5;
    ctx.setLineDash([4, 3]);
    // Lines first, labels on top: a line crossing a lower row never strikes through a label.
    placed.forEach((p, i) => {
      const px = boxes[i]?.x ?? 0;
      ctx.beginPath();
      ctx.moveTo(px, bandTop + p.row * MARKER_ROW_HEIGHT + 2);
      ctx.lineTo(px, chartArea.bottom);
      ctx.stroke();
    });
    ctx.setLineDash([]);
    placed.forEach((p, i) => {
      const top = bandTop + p.row * MARKER_ROW_HEIGHT + 1;
      const width = boxes[i]?.width ?? 0;
      ctx.fillStyle = '#f5f3ff';
      ctx.fillRect(p.left, top, width, 16);
      ctx.strokeStyle = '#ddd6fe';
      ctx.lineWidth = 1;
      ctx.strokeRect(p.left + 0.5, top + 0.5, width - 1, 15);
      ctx.fillStyle = '#5b21b6';
      ctx.fillText(texts[i] ?? '', p.left + 4, top + 2);
    });
    ctx.restore();
  },
};

function toDataset(s: ChartSeries): ChartDataset<'line', Array<{ x: number; y: number | null }>> {
  return {
    label: s.label,
    data: s.points,
    borderColor: s.color,
    backgroundColor: s.color,
    borderWidth: s.width ?? 2,
    borderDash: s.dashed ? [6, 4] : [],
    pointRadius: s.dots ? 2.5 : s.dashed || s.points.length > 40 ? 0 : 1.2,
    pointHoverRadius: 4,
    tension: 0.25,
    spanGaps: false,
  };
}

/** A chart.js line chart on a linear day axis; the chart is rebuilt when the props change and destroyed on unmount. */
export function LineChart(props: LineChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const propsRef = useRef(props);
  propsRef.current = props;
  const { series, markers, xMin, xMax, legend } = props;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const chart = new Chart<'line', Array<{ x: number; y: number | null }>>(canvas, {
      type: 'line',
      data: { datasets: series.map(toDataset) },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        layout: {
          padding: (c) => ({
            // Small charts (scorecard cards) get one label row; overlapping labels there beat a squashed plot.
            top: markerBand(
              c.chart,
              markers ?? [],
              xMin,
              xMax,
              propsRef.current.height < 200 ? 1 : MARKER_MAX_ROWS,
            ),
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
              maxTicksLimit: propsRef.current.height < 200 ? 5 : 8,
              // Forced ticks at both ends collide with their neighbours ("26 Nov30 Nov").
              includeBounds: false,
              font: { size: 11 },
              callback: (v) => (Number.isInteger(v) ? propsRef.current.xLabel(Number(v)) : ''),
            },
          },
          y: {
            // Pad the data range a little (grace would push a 100% line to 110%), then clamp.
            afterDataLimits: (scale) => {
              const span = scale.max - scale.min || Math.abs(scale.max) || 1;
              const clamp = propsRef.current.yClamp;
              scale.min = Math.max(scale.min - span * 0.08, clamp?.min ?? -Infinity);
              scale.max = Math.min(scale.max + span * 0.08, clamp?.max ?? Infinity);
            },
            ticks: {
              maxTicksLimit: 5,
              font: { size: 11 },
              callback: (v) => propsRef.current.yLabel(Number(v)),
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
                `${item.dataset.label ?? ''}: ${item.parsed.y === null ? '—' : propsRef.current.yLabel(item.parsed.y)}`,
            },
          },
          eventMarkers: { markers: markers ?? [] },
        },
      },
      plugins: [markerPlugin],
    });
    return () => chart.destroy();
  }, [series, markers, xMin, xMax, legend]);

  return (
    <div className="line-chart" style={{ height: props.height }}>
      <canvas ref={canvasRef} role="img" aria-label={props.ariaLabel} />
    </div>
  );
}
