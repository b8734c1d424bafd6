import type { KpiDefinitionDto, KpiEventDto, PeriodValue } from '../../../../shared/ipc/contracts/kpi';
import { addDays, rangeLength } from '../../../../shared/kpi/periods';
import type { DayRange } from '../../../../shared/kpi/types';
import { formatAxis } from './format';
import type { ChartMarker, ChartSeries } from './LineChart';
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

export function axisFor(range: DayRange, def: KpiDefinitionDto) {
  const n = rangeLength(range);
  const multiYear = range.from.slice(0, 4) !== range.to.slice(0, 4);
  return {
    xMin: 0,
    // One-day ranges still need some width for the point to sit on.
    xMax: Math.max(n - 1, 1),
    xLabel: (x: number) => shortDay(addDays(range.from, Math.round(x)), multiYear),
    yLabel: (y: number) => formatAxis(y, def.unit),
    yClamp:
      def.unit === '%'
        ? { min: 0, max: 100 }
        : def.id === 'nps'
          ? { min: -100, max: 100 }
          : def.unit === 'score'
            ? undefined
            : { min: 0 },
  };
}

export function pointsOf<P extends PeriodValue>(
  values: P[],
  range: DayRange,
  pick: (p: P) => number | null = (p) => p.value,
) {
  return values.map((p) => ({ x: dayIndex(p.period, range), y: pick(p) }));
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
    },
  ];
}

/** Markers for the events inside the range; dayIndex would pin an earlier event to the first day. */
export function eventMarkers(events: readonly KpiEventDto[], range: DayRange): ChartMarker[] {
  return events
    .filter((e) => e.day >= range.from && e.day <= range.to)
    .map((e) => ({ x: dayIndex(e.day, range), label: e.label }));
}
