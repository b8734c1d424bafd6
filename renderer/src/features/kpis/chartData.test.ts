import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KpiDefinitionDto, PeriodValue } from '../../../../shared/ipc/contracts/kpi';
import { addDays, bucketEnd, listBuckets, periodLabel, rangeLength } from '../../../../shared/kpi/periods';
import { GRANULARITIES, type Granularity } from '../../../../shared/kpi/types';
import {
  axisFor,
  chartNoDataText,
  granularityOf,
  noDataMessage,
  partialNote,
  pointsOf,
  targetSeries,
} from './chartData';

const range = { from: '2026-11-01', to: '2026-11-30' };
const pv = (
  period: string,
  label: string,
  value: number | null,
  n: number,
  partial = false,
): PeriodValue => ({
  period,
  label,
  value,
  n,
  partial,
});

const def = (over: Partial<KpiDefinitionDto>): KpiDefinitionDto => ({
  id: 'csat',
  label: 'CSAT',
  unit: '%',
  better: 'higher',
  description: '',
  decimals: 1,
  target: 80,
  ...over,
});

/** Buckets of a range as the backend sends them: partial when the range cuts them. */
function bucketsOf(from: string, to: string, g: Granularity, value: (i: number) => number | null) {
  return listBuckets({ from, to }, g).map((b, i) => {
    const whole = rangeLength({ from: b.period, to: bucketEnd(b.period, g) });
    const v = value(i);
    return pv(b.period, periodLabel(b.period, g), v, v === null ? 0 : 10, rangeLength(b) < whole);
  });
}

const day = fc.integer({ min: 0, max: 3 * 365 }).map((i) => addDays('2025-01-01', i));
const someRange = fc
  .tuple(day, fc.integer({ min: 0, max: 200 }))
  .map(([from, n]) => ({ from, to: addDays(from, n) }));

describe('pointsOf', () => {
  it('leaves a gap for a bucket with no data, even when it says 0', () => {
    const points = pointsOf(
      [
        pv('2026-11-01', '2026-11-01', 80, 12),
        pv('2026-11-02', '2026-11-02', 0, 0),
        pv('2026-11-03', '2026-11-03', null, 0),
      ],
      range,
    );
    expect(points.map((p) => p.y)).toEqual([80, null, null]);
    expect(points[0]).toMatchObject({ x: 0, n: 12, partial: null });
  });

  it('marks a week cut by the start of the range as partial, with the days it covers', () => {
    // 2026-11-01 is a Sunday: the ISO week of 26 Oct has one day in November.
    const [first, second] = pointsOf(
      [pv('2026-10-26', '2026-W44', 91, 30, true), pv('2026-11-02', '2026-W45', 88, 200)],
      range,
    );
    expect(first).toMatchObject({ x: 0, y: 91, partial: '1 of 7 days' });
    expect(second?.partial).toBeNull();
  });

  it('keeps the partial mark but not the n on a picked series (the team line)', () => {
    const series = [{ ...pv('2026-10-26', '2026-W44', 91, 30, true), teamValue: 84 }];
    expect(pointsOf(series, range, (p) => p.teamValue)).toEqual([{ x: 0, y: 84, partial: '1 of 7 days' }]);
  });

  it('never plots a bucket without data, and plots every other value as it is', () => {
    fc.assert(
      fc.property(
        someRange,
        fc.constantFrom(...GRANULARITIES),
        fc.func(fc.option(fc.double({ min: 0, max: 100, noNaN: true }))),
        (r, g, value) => {
          const values = bucketsOf(r.from, r.to, g, (i) => value(i));
          const points = pointsOf(values, r);
          points.forEach((p, i) => {
            const v = values[i];
            expect(p.y).toBe(v?.n === 0 ? null : v?.value);
            expect(p.x).toBeGreaterThanOrEqual(0);
            expect(p.x).toBeLessThan(rangeLength(r));
          });
        },
      ),
    );
  });
});

describe('partialNote', () => {
  it('counts the days of each bucket inside the range', () => {
    fc.assert(
      fc.property(someRange, fc.constantFrom(...GRANULARITIES), (r, g) => {
        const buckets = listBuckets(r, g);
        bucketsOf(r.from, r.to, g, () => 50).forEach((v, i) => {
          const b = buckets[i];
          if (!b) throw new Error('bucket missing');
          const whole = rangeLength({ from: b.period, to: bucketEnd(b.period, g) });
          const note = partialNote(v, r);
          expect(note).toBe(v.partial ? `${rangeLength(b)} of ${whole} days` : null);
        });
      }),
    );
  });

  it('says "still under way" for a bucket inside the range that is not over yet', () => {
    expect(partialNote(pv('2026-11-02', '2026-W45', 50, 10, true), range)).toBe('still under way');
  });
});

describe('granularityOf', () => {
  it('reads the bucket size back from any period label', () => {
    fc.assert(
      fc.property(day, fc.constantFrom(...GRANULARITIES), (d, g) => {
        const [bucket] = listBuckets({ from: d, to: d }, g);
        expect(granularityOf(periodLabel(bucket?.period ?? d, g))).toBe(g);
      }),
    );
  });
});

describe('targetSeries', () => {
  it('is a reference line, and only when there is a target', () => {
    expect(targetSeries(80, range)[0]).toMatchObject({ label: 'Target', reference: true });
    expect(targetSeries(null, range)).toEqual([]);
  });
});

describe('axisFor', () => {
  it('clamps rates to 0–100 and passes the unit and KPI name on to the chart', () => {
    expect(axisFor(range, def({}))).toMatchObject({
      yClamp: { min: 0, max: 100 },
      unit: '%',
      kpiLabel: 'CSAT',
    });
    expect(axisFor(range, def({ id: 'nps', unit: 'score' })).yClamp).toEqual({ min: -100, max: 100 });
    expect(axisFor(range, def({ id: 'aht', unit: 'seconds' })).yClamp).toEqual({ min: 0 });
    expect(axisFor(range, def({ decimals: 1 })).valueLabel(84.25)).toBe('84.3%');
  });
});

describe('noDataMessage', () => {
  it('names the KPI and what it counts', () => {
    expect(noDataMessage('CSAT', 'responses')).toBe('No CSAT responses in this period');
    expect(noDataMessage('Avg handle time')).toBe('No Avg handle time data in this period');
  });
});

describe('chartNoDataText', () => {
  it('does not say "no data" when the period has a value but no bucket does', () => {
    expect(chartNoDataText('Customer retention', { periodValue: 11.7, granularity: 'week' })).toBe(
      'No Customer retention value by week in this period',
    );
    expect(chartNoDataText('CSAT', { periodValue: null, nLabel: 'responses', granularity: 'week' })).toBe(
      'No CSAT responses in this period',
    );
  });
});
