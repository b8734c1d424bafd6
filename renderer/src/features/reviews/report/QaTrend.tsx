import { useMemo } from 'react';
import type { QaReport } from '../../../../../shared/ipc/contracts/qa';
import { addDays, bucketEnd, rangeLength } from '../../../../../shared/kpi/periods';
import type { DayRange } from '../../../../../shared/kpi/types';
import { COLORS, dayIndex } from '../../kpis/chartData';
import { LineChart, type ChartPoint, type ChartSeries } from '../../kpis/LineChart';
import { shortDay } from '../../kpis/period';

/** Why a bucket is partial: the report's range cuts it ("5 of 7 days"); null for a whole one. */
function partialOf(period: string, granularity: 'week' | 'month', range: DayRange): string | null {
  const end = bucketEnd(period, granularity);
  const from = period < range.from ? range.from : period;
  const to = end > range.to ? range.to : end;
  const total = rangeLength({ from: period, to: end });
  const covered = from <= to ? rangeLength({ from, to }) : 0;
  return covered < total ? `${covered} of ${total} days` : null;
}

export function trendPoints(report: QaReport, granularity: 'week' | 'month'): ChartPoint[] {
  const range = { from: report.from, to: report.to };
  return report.trend.map((p) => ({
    x: dayIndex(p.period, range),
    // A bucket without reviews is a gap, never a score of 0.
    y: p.score.n === 0 ? null : p.score.mean,
    n: p.score.n,
    partial: partialOf(p.period, granularity, range),
  }));
}

/** The QA score by week or month with the pass line; buckets on fewer reviews than the minimum are marked low n. */
export function QaTrend({ report, granularity }: { report: QaReport; granularity: 'week' | 'month' }) {
  const range = useMemo(() => ({ from: report.from, to: report.to }), [report.from, report.to]);
  const days = rangeLength(range);
  const series = useMemo(
    (): ChartSeries[] => [
      {
        label: `QA score by ${granularity}`,
        points: trendPoints(report, granularity),
        color: COLORS.value,
        dots: true,
      },
      {
        label: `Pass line ${report.settings.passScore}`,
        points: [
          { x: 0, y: report.settings.passScore },
          { x: Math.max(days - 1, 1), y: report.settings.passScore },
        ],
        color: COLORS.target,
        dashed: true,
        width: 1.5,
        reference: true,
      },
    ],
    [report, granularity, days],
  );
  const multiYear = range.from.slice(0, 4) !== range.to.slice(0, 4);
  return (
    <LineChart
      series={series}
      xMin={0}
      xMax={Math.max(days - 1, 1)}
      xLabel={(x) => shortDay(addDays(range.from, Math.round(x)), multiYear)}
      yLabel={(y) => y.toFixed(0)}
      valueLabel={(y) => y.toFixed(1)}
      yClamp={{ min: 0, max: 100 }}
      unit="score"
      height={220}
      nLabel="reviews"
      minN={report.settings.minReviews}
      noDataText="No submitted reviews in this period, so there is no QA trend"
      ariaLabel={`QA score trend by ${granularity} with the pass line`}
    />
  );
}
