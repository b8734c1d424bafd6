import type { PeriodValue } from '../../../../shared/ipc/contracts/kpi';

export interface SparklineShape {
  /** Runs of segments between neighbouring values; a run touching a partial bucket is dashed. */
  paths: Array<{ d: string; partial: boolean }>;
  /** Hollow dots on partial buckets, and the latest value. */
  dots: Array<{ x: number; y: number; partial: boolean }>;
  targetY: number | null;
}

const PAD = 3;

/** A bucket's value to draw; no data (n = 0) is a gap, never 0. */
export function sparkValue(p: PeriodValue): number | null {
  if (p.n === 0 || p.value === null || !Number.isFinite(p.value)) return null;
  return p.value;
}

/** Geometry of a sparkline, or null when there is no value to draw. */
export function sparklinePaths(
  points: readonly PeriodValue[],
  target: number | null,
  width: number,
  height: number,
): SparklineShape | null {
  const values = points.map(sparkValue);
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return null;
  const all = target === null ? present : [...present, target];
  const min = Math.min(...all);
  const span = Math.max(...all) - min || 1;
  const x = (i: number) => PAD + (i * (width - 2 * PAD)) / Math.max(points.length - 1, 1);
  const y = (v: number) => height - PAD - ((v - min) * (height - 2 * PAD)) / span;
  const at = (i: number) => `${x(i).toFixed(1)},${y(values[i] ?? 0).toFixed(1)}`;

  const paths: SparklineShape['paths'] = [];
  for (let i = 1; i < points.length; i += 1) {
    if (values[i - 1] === null || values[i] === null) continue;
    const partial = Boolean(points[i - 1]?.partial || points[i]?.partial);
    const last = paths.at(-1);
    // Continue the run when this segment starts where the previous one ended, in the same style.
    if (last && last.partial === partial && last.d.endsWith(`L${at(i - 1)}`)) last.d += `L${at(i)}`;
    else paths.push({ d: `M${at(i - 1)}L${at(i)}`, partial });
  }
  const lastIndex = values.map((v) => v !== null).lastIndexOf(true);
  const dots = points.flatMap((p, i) => {
    const v = values[i];
    if (v === null || v === undefined || (!p.partial && i !== lastIndex)) return [];
    return [{ x: x(i), y: y(v), partial: Boolean(p.partial) }];
  });
  return { paths, dots, targetY: target === null ? null : y(target) };
}
