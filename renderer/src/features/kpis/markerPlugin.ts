import type { Chart, ChartType, Plugin } from 'chart.js';
import type { ChartMarker } from './chartTypes';
import { layoutMarkerLabels, MARKER_ROW_HEIGHT, rowsUsed, truncateToWidth } from './markerLayout';

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
export function markerBand(
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
export const markerPlugin: Plugin<'line', MarkerOptions> = {
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
