import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPartialBucket } from '../../../electron/backend/kpi/engine';
import { averageAgents } from '../../../electron/backend/kpi/scorecard';
import { emptySums } from '../../../shared/kpi/aggregate';
import { kpiN, kpiSample } from '../../../shared/kpi/kpiEvidence';
import { addDays, bucketEnd, listBuckets } from '../../../shared/kpi/periods';
import { DEFAULT_KPI_SETTINGS } from '../../../shared/kpi/settings';
import { GRANULARITIES, KPI_IDS } from '../../../shared/kpi/types';

const BASE = '2025-12-20';
const dayArb = fc.integer({ min: 0, max: 80 }).map((k) => addDays(BASE, k));
const rangeArb = fc.tuple(dayArb, dayArb).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }));

describe('series buckets', () => {
  it('are partial exactly when the range cuts them or they end on or after today', () => {
    fc.assert(
      fc.property(
        rangeArb,
        fc.constantFrom(...GRANULARITIES),
        fc.option(dayArb, { nil: undefined }),
        (range, g, today) => {
          for (const b of listBuckets(range, g)) {
            const whole = b.from === b.period && b.to === bucketEnd(b.period, g);
            const over = today === undefined || b.to < today;
            if (isPartialBucket(b, g, today) !== (!whole || !over)) return false;
          }
          return true;
        },
      ),
    );
  });

  it('average agent per bucket equals a plain count per bucket', () => {
    const rowArb = fc.record({
      day: dayArb,
      agent: fc.constantFrom('a', 'b', 'c', 'd'),
      n: fc.integer({ min: 1, max: 9 }),
    });
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 60 }),
        rangeArb,
        fc.constantFrom(...GRANULARITIES),
        (rows, range, g) => {
          const sorted = [...rows].sort((x, y) => x.day.localeCompare(y.day));
          const buckets = listBuckets(range, g);
          const fast = averageAgents(sorted, buckets);
          const slow = buckets.map((b) => {
            const inside = rows.filter((r) => r.day >= b.from && r.day <= b.to);
            const agents = new Set(inside.map((r) => r.agent)).size;
            return agents ? inside.reduce((t, r) => t + r.n, 0) / agents : null;
          });
          expect(fast).toEqual(slow);
        },
      ),
    );
  });

  it("a point's n is the evidence's n", () => {
    const sumsArb = fc.dictionary(fc.constantFrom(...Object.keys(emptySums())), fc.nat(50));
    fc.assert(
      fc.property(sumsArb, fc.constantFrom('flag' as const, 'repeat_window' as const), (partial, mode) => {
        const sums = {
          ...emptySums(),
          ...partial,
          shift_handled: 3,
          shift_seconds: 3600,
          ret_start: 4,
          ret_end: 3,
          ret_new: 1,
        };
        const settings = { ...DEFAULT_KPI_SETTINGS, fcr: { ...DEFAULT_KPI_SETTINGS.fcr, mode } };
        return KPI_IDS.every((id) => kpiN(id, sums, settings) === kpiSample(id, sums, settings).n);
      }),
    );
  });
});
