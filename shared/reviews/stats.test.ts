import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { differenceInterval, meanInterval, studentTCdf, studentTQuantile, wilsonInterval } from './stats';

describe('Student t', () => {
  it.each([
    [1, 12.7062],
    [2, 4.3027],
    [4, 2.7764],
    [9, 2.2622],
    [29, 2.0452],
    [1000, 1.9623],
  ])('the 97.5%% quantile with %i df is %f (printed tables)', (df, t) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 4);
  });

  it('the CDF is symmetric and inverts the quantile', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.51, max: 0.999, noNaN: true }),
        fc.integer({ min: 1, max: 500 }),
        (p, df) => {
          const t = studentTQuantile(p, df);
          expect(studentTCdf(t, df)).toBeCloseTo(p, 8);
          expect(studentTCdf(-t, df)).toBeCloseTo(1 - p, 8);
        },
      ),
    );
  });

  it('the quantile falls with the degrees of freedom toward the normal 1.96', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), (df) => {
        expect(studentTQuantile(0.975, df)).toBeGreaterThan(studentTQuantile(0.975, df + 1));
        expect(studentTQuantile(0.975, df)).toBeGreaterThan(1.959963);
      }),
    );
  });
});

describe('meanInterval', () => {
  it('is the t-interval of the mean, by hand', () => {
    // Mean 80, sd 10, se 10/√3 = 5.7735; t(2) = 4.3027 → ±24.84.
    const r = meanInterval([70, 80, 90]);
    expect(r.mean).toBe(80);
    expect(r.sd).toBeCloseTo(10, 10);
    expect(r.low).toBeCloseTo(55.159, 2);
    expect(r.high).toBeCloseTo(104.841, 2);
    expect(meanInterval([70, 80, 90], { min: 0, max: 100 }).high).toBe(100);
  });

  it('has no interval for fewer than two values', () => {
    expect(meanInterval([])).toEqual({ n: 0, mean: null, sd: null, low: null, high: null });
    expect(meanInterval([77])).toEqual({ n: 1, mean: 77, sd: null, low: null, high: null });
  });

  it('contains the mean, stays within the bounds and is a point for identical values', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: 0, max: 1000 }).map((v) => v / 10),
          { minLength: 2, maxLength: 60 },
        ),
        (values) => {
          const r = meanInterval(values, { min: 0, max: 100 });
          const mean = r.mean ?? NaN;
          expect(r.low).toBeLessThanOrEqual(mean + 1e-9);
          expect(r.high).toBeGreaterThanOrEqual(mean - 1e-9);
          expect(r.low).toBeGreaterThanOrEqual(0);
          expect(r.high).toBeLessThanOrEqual(100);
          if (values.every((v) => v === values[0])) expect(r.high! - r.low!).toBeCloseTo(0, 9);
        },
      ),
    );
  });
});

describe('wilsonInterval', () => {
  it('matches hand-computed values', () => {
    // p = 0.8, z² = 3.8415: centre 0.99208/1.38415 = 0.71674, half 1.96·0.16001/1.38415 = 0.22658.
    const r = wilsonInterval(8, 10);
    expect(r.share).toBe(0.8);
    expect(r.low).toBeCloseTo(0.4902, 4);
    expect(r.high).toBeCloseTo(0.9433, 4);
    const none = wilsonInterval(0, 10);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 4);
    expect(wilsonInterval(0, 0)).toEqual({ count: 0, n: 0, share: null, low: null, high: null });
  });

  it('lies within [0, 1] and contains the share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.nat(), (n, k) => {
        const count = k % (n + 1);
        const r = wilsonInterval(count, n);
        expect(r.low).toBeGreaterThanOrEqual(0);
        expect(r.high).toBeLessThanOrEqual(1);
        expect(r.low).toBeLessThanOrEqual((r.share ?? 0) + 1e-12);
        expect(r.high).toBeGreaterThanOrEqual((r.share ?? 0) - 1e-12);
      }),
    );
  });
});

describe('differenceInterval', () => {
  it("reproduces Newcombe's (1998) example: 56/70 − 48/80 = 0.2 (0.0524 to 0.3339)", () => {
    const r = differenceInterval(wilsonInterval(56, 70), wilsonInterval(48, 80));
    expect(r.difference).toBeCloseTo(0.2, 10);
    expect(r.low).toBeCloseTo(0.0524, 4);
    expect(r.high).toBeCloseTo(0.3339, 4);
  });

  it('is empty when a group is empty', () => {
    expect(differenceInterval(wilsonInterval(0, 0), wilsonInterval(3, 4))).toEqual({
      difference: null,
      low: null,
      high: null,
    });
  });

  it('contains the difference, lies within [−1, 1] and mirrors when the groups swap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.nat(),
        fc.integer({ min: 1, max: 300 }),
        fc.nat(),
        (n1, k1, n2, k2) => {
          const a = wilsonInterval(k1 % (n1 + 1), n1);
          const b = wilsonInterval(k2 % (n2 + 1), n2);
          const ab = differenceInterval(a, b);
          const ba = differenceInterval(b, a);
          expect(ab.low).toBeLessThanOrEqual(ab.difference! + 1e-12);
          expect(ab.high).toBeGreaterThanOrEqual(ab.difference! - 1e-12);
          expect(ab.low).toBeGreaterThanOrEqual(-1 - 1e-12);
          expect(ab.high).toBeLessThanOrEqual(1 + 1e-12);
          expect(ba.low).toBeCloseTo(-ab.high!, 12);
          expect(ba.high).toBeCloseTo(-ab.low!, 12);
        },
      ),
    );
  });
});
