import type { PeriodValue } from '../../../../shared/ipc/contracts/kpi';

interface SparklineProps {
  points: PeriodValue[];
  target: number | null;
  width?: number;
  height?: number;
}

/** Inline SVG: no canvas per tile, nothing for the CSP to object to. Gaps (null) break the line. */
export function Sparkline({ points, target, width = 120, height = 32 }: SparklineProps) {
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  if (values.length < 2)
    return <svg className="sparkline" width={width} height={height} aria-hidden="true" />;
  const all = target === null ? values : [...values, target];
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || 1;
  const pad = 3;
  const x = (i: number) => pad + (i * (width - 2 * pad)) / Math.max(points.length - 1, 1);
  const y = (v: number) => height - pad - ((v - min) * (height - 2 * pad)) / span;
  const segments: string[] = [];
  let current = '';
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const lastIndex = points.map((p) => p.value !== null).lastIndexOf(true);
  const last = points[lastIndex]?.value ?? null;
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden="true"
    >
      {target !== null && (
        <line x1={pad} x2={width - pad} y1={y(target)} y2={y(target)} className="sparkline-target" />
      )}
      {segments.map((d, i) => (
        <path key={i} d={d} className="sparkline-line" />
      ))}
      {last !== null && <circle cx={x(lastIndex)} cy={y(last)} r={2.5} className="sparkline-dot" />}
    </svg>
  );
}
