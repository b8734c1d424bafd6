import fc from 'fast-check';
import { describe, it } from 'vitest';
import { accumulate, AGG_COLUMN_NAMES, type AggInput, type KpiSums } from '../../../shared/kpi/aggregate';
import { DEFAULT_KPI_SETTINGS, type KpiSettings } from '../../../shared/kpi/settings';
import { trailParts, type RawCounts } from '../../../shared/kpi/trail';
import { KPI_IDS } from '../../../shared/kpi/types';

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });
const bit = nullable(fc.constantFrom(0, 1));

const rowArb: fc.Arbitrary<AggInput> = fc.record({
  answered: bit,
  abandoned: bit,
  resolved: bit,
  resolution_business_seconds: nullable(fc.nat(90_000)),
  first_response_seconds: nullable(fc.nat(900)),
  talk_seconds: nullable(fc.nat(1200)),
  hold_seconds: nullable(fc.nat(300)),
  wrap_seconds: nullable(fc.nat(300)),
  fcr: bit,
  repeat_contact: bit,
  csat_score: nullable(fc.constantFrom(0, 1, 2, 3, 4, 5, 7, 9, 10, 11)),
  csat_scale: nullable(fc.constantFrom(5, 10)),
  nps_score: nullable(fc.integer({ min: -1, max: 11 })),
  ces_score: nullable(fc.integer({ min: 0, max: 8 })),
  ces_scale: nullable(fc.constantFrom(5, 7)),
  is_complaint: bit,
  escalated: bit,
  cross_sell_eligible: bit,
  cross_sell_offered: bit,
  cross_sell_converted: bit,
  sentiment: nullable(fc.constantFrom(-1, 0, 1)),
});

function sumsOf(rows: AggInput[]): KpiSums {
  const acc = new Float64Array(AGG_COLUMN_NAMES.length);
  for (const r of rows) accumulate(acc, r);
  return Object.fromEntries(AGG_COLUMN_NAMES.map((c, i) => [c, acc[i] ?? 0]));
}

function rawOf(rows: AggInput[]): RawCounts {
  const count = (p: (r: AggInput) => boolean) => rows.filter(p).length;
  return {
    csatPresent: count((r) => r.csat_score !== null),
    npsPresent: count((r) => r.nps_score !== null),
    cesPresent: count((r) => r.ces_score !== null),
    complaints: count((r) => r.is_complaint === 1),
    eligible: count((r) => r.cross_sell_eligible === 1),
    offered: count((r) => r.cross_sell_offered === 1),
    withCustomer: 0,
  };
}

const settingsArb: fc.Arbitrary<KpiSettings> = fc
  .record({
    csatMode: fc.constantFrom('threshold' as const, 'mean' as const),
    csatScale: fc.constantFrom(5 as const, 10 as const),
    fcrMode: fc.constantFrom('flag' as const, 'repeat_window' as const),
  })
  .map((s) => ({
    ...DEFAULT_KPI_SETTINGS,
    csat: { ...DEFAULT_KPI_SETTINGS.csat, mode: s.csatMode, scale: s.csatScale },
    fcr: { ...DEFAULT_KPI_SETTINGS.fcr, mode: s.fcrMode },
  }));

describe('the "how is this computed" trail', () => {
  it('accounts for every interaction: denominator plus what was left out is the scope', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), settingsArb, (rows, settings) => {
        const sums = sumsOf(rows);
        const raw = rawOf(rows);
        for (const id of KPI_IDS) {
          if (id === 'retention_rate' || id === 'churn_rate' || id === 'interactions_per_hour') continue;
          const parts = trailParts(id, sums, raw, settings);
          const left = parts.excluded.reduce((n, x) => n + x.count, 0);
          if ((parts.denominator?.count ?? 0) + left !== rows.length)
            throw new Error(`${id}: ${parts.denominator?.count} + ${left} ≠ ${rows.length}`);
          if (parts.excluded.some((x) => x.count <= 0))
            throw new Error(`${id}: an empty exclusion is listed`);
          const rate = id !== 'volume' && !['art', 'frt', 'aht', 'nps', 'ces'].includes(id);
          const isMean = id === 'csat' && settings.csat.mode === 'mean';
          if (rate && !isMean && (parts.numerator?.count ?? 0) > (parts.denominator?.count ?? 0))
            throw new Error(`${id}: numerator above denominator`);
        }
      }),
      { numRuns: 200 },
    );
  });
});
