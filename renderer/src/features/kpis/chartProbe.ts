import type { Chart, Plugin } from 'chart.js';
import { curveOvershoot, type CurvePoint } from './chartDatasets';

/**
 * Writes what chart.js actually drew onto the canvas's data attributes (y range, tick labels, how
 * far a curve strays past its points): a canvas is opaque to tests and to anyone checking a report.
 */
export const probePlugin: Plugin<'line'> = {
  id: 'chartProbe',
  afterDraw(chart: Chart<'line'>) {
    const y = chart.scales.y;
    const target = chart.canvas.dataset;
    if (!y) return;
    target.yMin = String(y.min);
    target.yMax = String(y.max);
    target.yTicks = y.ticks
      .map((t) => (Array.isArray(t.label) ? t.label.join(' ') : (t.label ?? '')))
      .join('|');
    let overshoot = 0;
    chart.data.datasets.forEach((_d, i) => {
      if (!chart.isDatasetVisible(i)) return;
      const points = chart.getDatasetMeta(i).data as unknown as CurvePoint[];
      overshoot = Math.max(overshoot, curveOvershoot(points));
    });
    target.overshootPx = overshoot.toFixed(2);
  },
};
