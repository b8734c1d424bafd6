import type { PeriodValue } from '../../../../shared/ipc/contracts/kpi';
import { sparklinePaths } from './sparklinePaths';
import './charts.css';

interface SparklineProps {
  points: PeriodValue[];
  target: number | null;
  width?: number;
  height?: number;
  /** Words beside the dash when no bucket has a value; "no data" unless the caller knows better. */
  emptyText?: string;
}

/**
 * Inline SVG: no canvas per tile, nothing for the CSP to object to. Gaps (no data) break the line,
 * partial buckets are hollow with a dashed segment, and a KPI without any value is a flat dash
 * saying "no data" rather than an empty box.
 */
export function Sparkline({
  points,
  target,
  width = 120,
  height = 32,
  emptyText = 'no data',
}: SparklineProps) {
  const shape = sparklinePaths(points, target, width, height);
  if (!shape)
    return (
      <span className="sparkline sparkline-empty" data-sparkline="no-data">
        <svg width={24} height={height} aria-hidden="true">
          <line x1={2} x2={22} y1={height / 2} y2={height / 2} />
        </svg>
        {emptyText}
      </span>
    );
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden="true"
      data-sparkline="line"
    >
      {shape.targetY !== null && (
        <line x1={3} x2={width - 3} y1={shape.targetY} y2={shape.targetY} className="sparkline-target" />
      )}
      {shape.paths.map((p, i) => (
        <path key={i} d={p.d} className={p.partial ? 'sparkline-line partial' : 'sparkline-line'} />
      ))}
      {shape.dots.map((d, i) => (
        <circle
          key={i}
          cx={d.x}
          cy={d.y}
          r={d.partial ? 2.2 : 2.5}
          className={d.partial ? 'sparkline-partial' : 'sparkline-dot'}
        />
      ))}
    </svg>
  );
}
