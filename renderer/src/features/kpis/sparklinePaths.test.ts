import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PeriodValue } from '../../../../shared/ipc/contracts/kpi';
import { sparklinePaths } from './sparklinePaths';

const pv = (value: number | null, n = value === null ? 0 : 10, partial = false): PeriodValue => ({
  period: '2026-11-02',
  label: '2026-W45',
  value,
  n,
  partial,
});

/** Every "x,y" pair a path or dot uses. */
const coords = (d: string) =>
  [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);

describe('sparklinePaths', () => {
  it('has nothing to draw without a value (the tile shows "no data")', () => {
    expect(sparklinePaths([], 80, 120, 32)).toBeNull();
    expect(sparklinePaths([pv(null), pv(0, 0)], 80, 120, 32)).toBeNull();
  });

  it('draws a single value as a dot rather than nothing', () => {
    const shape = sparklinePaths([pv(null), pv(50)], null, 120, 32);
    expect(shape?.paths).toEqual([]);
    expect(shape?.dots).toHaveLength(1);
  });

  it('breaks the line at a bucket without data, even one that says 0', () => {
    const shape = sparklinePaths([pv(40), pv(50), pv(0, 0), pv(60), pv(55)], null, 120, 32);
    expect(shape?.paths).toHaveLength(2);
    expect(shape?.paths.every((p) => !p.partial)).toBe(true);
  });

  it('dashes the segments to a partial bucket and draws it hollow', () => {
    const shape = sparklinePaths([pv(40, 10, true), pv(50), pv(45), pv(60, 10, true)], null, 120, 32);
    expect(shape?.paths.map((p) => p.partial)).toEqual([true, false, true]);
    expect(shape?.dots.map((d) => d.partial)).toEqual([true, true]);
  });

  it('stays inside the box and never draws a gap', () => {
    const bucket = fc.record({
      value: fc.option(fc.double({ min: -100, max: 100, noNaN: true })),
      n: fc.integer({ min: 0, max: 50 }),
      partial: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(bucket, { maxLength: 30 }),
        fc.option(fc.double({ min: -100, max: 100, noNaN: true })),
        (bs, target) => {
          const points = bs.map((b) => pv(b.value, b.n, b.partial));
          const shape = sparklinePaths(points, target, 120, 32);
          const drawable = points.filter((p) => p.value !== null && p.n > 0).length;
          if (drawable === 0) {
            expect(shape).toBeNull();
            return;
          }
          if (!shape) throw new Error('expected a shape');
          const xy = [...shape.paths.flatMap((p) => coords(p.d)), ...shape.dots.map((d) => [d.x, d.y])];
          for (const [x, y] of xy) {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(120);
            expect(y).toBeGreaterThanOrEqual(0);
            expect(y).toBeLessThanOrEqual(32);
          }
          // Points drawn = buckets with data that have a neighbour with data, plus lone dots.
          const segments = shape.paths.reduce((k, p) => k + coords(p.d).length - 1, 0);
          const pairs = points
            .slice(1)
            .filter(
              (p, i) => p.value !== null && p.n > 0 && points[i]?.value !== null && (points[i]?.n ?? 0) > 0,
            ).length;
          expect(segments).toBe(pairs);
        },
      ),
    );
  });
});
