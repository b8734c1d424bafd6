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

/** Vertical dashed lines with a label at the top for events (a product launch explains a spike). */
const markerPlugin: Plugin<'line', MarkerOptions> = {
  id: 'eventMarkers',
  afterDatasetsDraw(chart, _args, options) {
    const { ctx, chartArea, scales } = chart;
    const x = scales.x;
    if (!x || !options.markers?.length) return;
    ctx.save();
    ctx.font = '11px system-ui, sans-serif';
    ctx.textBaseline = 'top';
    for (const marker of options.markers) {
      const px = x.getPixelForValue(marker.x);
      if (px < chartArea.left - 1 || px > chartArea.right + 1) continue;
      ctx.strokeStyle = '#8b5cf6';
      ctx.lineWidth = 1.5;
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(px, chartArea.top);
      ctx.lineTo(px, chartArea.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      const width = ctx.measureText(marker.label).width + 8;
      const left = Math.min(px + 3, chartArea.right - width);
      ctx.fillStyle = 'rgba(245, 243, 255, 0.95)';
      ctx.fillRect(left, chartArea.top + 2, width, 16);
      ctx.fillStyle = '#5b21b6';
      ctx.fillText(marker.label, left + 4, chartArea.top + 4);
    }
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
