import type { KpiDefinitionDto, KpiEventDto, PeriodValue } from '../../../../shared/ipc/contracts/kpi';
import { addDays, bucketEnd, rangeLength } from '../../../../shared/kpi/periods';
import type { DayRange, Granularity } from '../../../../shared/kpi/types';
import type { ChartMarker, ChartPoint, ChartSeries, ValueClamp } from './chartTypes';
import { formatAxis, formatKpiValue } from './format';
import { shortDay } from './period';

export const COLORS = {
  value: '#2457c5',
  team: '#94a3b8',
  rolling: '#0d9488',
  target: '#c53030',
};

/** Day index on the chart's x axis: 0 is the range's first day; buckets starting earlier are clipped to 0. */
export function dayIndex(day: string, range: DayRange): number {
  return day <= range.from ? 0 : rangeLength({ from: range.from, to: day }) - 1;
}

export function clampFor(def: KpiDefinitionDto): ValueClamp | undefined {
  if (def.unit === '%') return { min: 0, max: 100 };
  if (def.id === 'nps') return { min: -100, max: 100 };
  return def.unit === 'score' ? undefined : { min: 0 };
}

/** Everything LineChart needs to know about the KPI on its axes; spread it into the chart's props. */
export function axisFor(range: DayRange, def: KpiDefinitionDto) {
  const n = rangeLength(range);
  const multiYear = range.from.slice(0, 4) !== range.to.slice(0, 4);
  return {
    xMin: 0,
    // One-day ranges still need some width for the point to sit on.
    xMax: Math.max(n - 1, 1),
    xLabel: (x: number) => shortDay(addDays(range.from, Math.round(x)), multiYear),
    yLabel: (y: number) => formatAxis(y, def.unit),
    /** Full precision for tooltips and the accessible summary (the axis rounds). */
    valueLabel: (y: number) => formatKpiValue(y, def.unit, def.decimals),
    yClamp: clampFor(def),
    unit: def.unit,
    kpiLabel: def.label,
  };
}

/** The bucket size of a series, read from its labels (2026-01-05, 2026-W02, 2026-01, 2026-Q1). */
export function granularityOf(label: string): Granularity {
  if (/^\d{4}-W\d{2}$/.test(label)) return 'week';
  if (/^\d{4}-Q[1-4]$/.test(label)) return 'quarter';
  if (/^\d{4}-\d{2}$/.test(label)) return 'month';
  return 'day';
}

/**
 * Why a bucket is partial, for tooltips: "3 of 7 days" when the range cuts it, "still under way"
 * when the whole bucket is in range but not over yet. null for a whole bucket.
 */
export function partialNote(p: PeriodValue, range: DayRange, granularity = granularityOf(p.label)) {
  if (!p.partial) return null;
  const end = bucketEnd(p.period, granularity);
  const total = rangeLength({ from: p.period, to: end });
  const from = p.period < range.from ? range.from : p.period;
  const to = end > range.to ? range.to : end;
  const covered = from <= to ? rangeLength({ from, to }) : 0;
  return covered < total ? `${covered} of ${total} days` : 'still under way';
}

/**
 * Chart points of a bucketed series. The default pick is the bucket's own value with its n, and a
 * bucket with n = 0 is a gap whatever the value says. Another pick (the team's value) keeps the
 * bucket's partial mark but not its n, which counts the subject's data only.
 */
export function pointsOf<P extends PeriodValue>(
  values: P[],
  range: DayRange,
  pick?: (p: P) => number | null,
): ChartPoint[] {
  return values.map((p) => {
    const x = dayIndex(p.period, range);
    const partial = partialNote(p, range);
    if (pick) return { x, y: pick(p), partial };
    return { x, y: p.n === 0 ? null : p.value, n: p.n, partial };
  });
}

export function targetSeries(target: number | null, range: DayRange): ChartSeries[] {
  if (target === null) return [];
  const n = Math.max(rangeLength(range) - 1, 1);
  return [
    {
      label: 'Target',
      points: [
        { x: 0, y: target },
        { x: n, y: target },
      ],
      color: COLORS.target,
      dashed: true,
      width: 1.5,
      reference: true,
    },
  ];
}

/** Markers for the events inside the range; dayIndex would pin an earlier event to the first day. */
export function eventMarkers(events: readonly KpiEventDto[], range: DayRange): ChartMarker[] {
  return events
    .filter((e) => e.day >= range.from && e.day <= range.to)
    .map((e) => ({ x: dayIndex(e.day, range), label: e.label }));
}

/** "No CSAT responses in this period"; without a known denominator, "No CSAT data in this period". */
export function noDataMessage(kpiLabel: string, nLabel?: string | null): string {
  return `No ${kpiLabel} ${nLabel || 'data'} in this period`;
}

/**
 * Text of the "no data" card in place of a KPI's chart. A period can have a value while none of its
 * buckets has one (retention needs returning customers, which a single week rarely has): saying
 * "no data" there would contradict the figure above the chart.
 */
export function chartNoDataText(
  kpiLabel: string,
  opts: { periodValue: number | null; nLabel?: string | null; granularity?: Granularity },
): string {
  if (opts.periodValue !== null && opts.granularity)
    return `No ${kpiLabel} value by ${opts.granularity} in this period`;
  return noDataMessage(kpiLabel, opts.nLabel);
}
