import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlagTally, mergeTallies, rateBias, type FlagTallies } from '../../../shared/import/bias';

type Row = { side: 'accepted' | 'rejected'; resolved: 0 | 1 | null; abandoned: 0 | 1 | null };
const row = fc.record({
  side: fc.constantFrom('accepted' as const, 'rejected' as const),
  resolved: fc.constantFrom(0 as const, 1 as const, null),
  abandoned: fc.constantFrom(0 as const, 1 as const, null),
});
const INDEX = { resolved: 0, abandoned: 1 };

function tally(rows: Row[]): FlagTallies {
  const t = new FlagTally(INDEX);
  for (const r of rows) t.count(r.side, [r.resolved, r.abandoned]);
  return t.tallies;
}

describe('rate bias of rejected rows', () => {
  it('words the Kaggle open tickets plainly', () => {
    const bias = rateBias({
      resolved: { accepted: { yes: 2769, no: 2881, unknown: 0 }, rejected: { yes: 0, no: 2819, unknown: 0 } },
    });
    expect(bias.map((b) => b.note)).toEqual([
      '2,819 rejected rows are all unresolved: the resolution rate of the accepted rows is 49.0%, against 32.7% if they were counted.',
    ]);
  });

  it('words mixed, unknown and single rows', () => {
    const notes = (rejected: { yes: number; no: number; unknown: number }) =>
      rateBias({ abandoned: { accepted: { yes: 10, no: 90, unknown: 0 }, rejected } }).map((b) => b.note);
    expect(notes({ yes: 1, no: 0, unknown: 0 })).toEqual([
      '1 rejected row is abandoned: the abandonment rate of the accepted rows is 10.0%, against 10.9% if they were counted.',
    ]);
    expect(notes({ yes: 5, no: 1, unknown: 2 })).toEqual([
      '8 rejected rows include 1 answered and 5 abandoned (2 not known): the abandonment rate of the accepted rows is 10.0%, against 14.2% if they were counted.',
    ]);
    expect(notes({ yes: 0, no: 0, unknown: 7 })).toEqual([]);
  });

  it('counted rate is the weighted mean of accepted and rejected rows with a known flag', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 300 }), (rows) => {
        for (const bias of rateBias(tally(rows))) {
          const known = rows.filter((r) => r[bias.flag] !== null);
          const yes = known.filter((r) => r[bias.flag] === 1).length;
          expect(bias.countedRate).toBeCloseTo(yes / known.length, 12);
          const rejected = known.filter((r) => r.side === 'rejected');
          const rejectedRate = rejected.filter((r) => r[bias.flag] === 1).length / rejected.length;
          const lo = Math.min(bias.acceptedRate, rejectedRate) - 1e-12;
          const hi = Math.max(bias.acceptedRate, rejectedRate) + 1e-12;
          expect(bias.countedRate).toBeGreaterThanOrEqual(lo);
          expect(bias.countedRate).toBeLessThanOrEqual(hi);
          expect(bias.note).toMatch(/ if they were counted\.$/);
        }
      }),
    );
  });

  it('speaks only when the rejected rows move a rate as shown', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 200 }), (rows) => {
        const flags = rateBias(tally(rows)).map((b) => b.flag);
        for (const flag of ['resolved', 'abandoned'] as const) {
          const rate = (side?: string) => {
            const known = rows.filter((r) => r[flag] !== null && (side === undefined || r.side === side));
            return known.length
              ? ((100 * known.filter((r) => r[flag] === 1).length) / known.length).toFixed(1)
              : null;
          };
          const moves = rate('accepted') !== null && rate('rejected') !== null && rate('accepted') !== rate();
          expect(flags.includes(flag)).toBe(moves);
        }
      }),
    );
  });

  it('tallies merged chunk by chunk equal one tally of every row', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 200 }), fc.array(fc.nat(), { maxLength: 10 }), (rows, cuts) => {
        const merged: FlagTallies = {};
        const bounds = [...new Set(cuts.map((c) => c % (rows.length + 1)))].sort((a, b) => a - b);
        let from = 0;
        for (const to of [...bounds, rows.length]) {
          mergeTallies(merged, tally(rows.slice(from, to)));
          from = to;
        }
        expect(merged).toEqual(tally(rows));
      }),
    );
  });
});
