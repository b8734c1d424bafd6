import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptySums } from '../../../shared/kpi/aggregate';
import {
  intervalSe,
  meanInterval,
  missCertainty,
  normalCdf,
  npsInterval,
  poissonRateInterval,
  t975,
  wilson,
} from '../../../shared/kpi/evidence';
import { kpiEvidence, kpiMissCertainty, kpiSample } from '../../../shared/kpi/kpiEvidence';
import { getKpi, KPI_REGISTRY } from '../../../shared/kpi/registry';
import { DEFAULT_KPI_SETTINGS } from '../../../shared/kpi/settings';

const S = DEFAULT_KPI_SETTINGS;

describe('Wilson score interval', () => {
  // Newcombe (1998), Statistics in Medicine 17:857–872, Table I, method 3 (score, no continuity
  // correction); 0/10 and 1/10 as tabulated for the Wilson interval (e.g. Wikipedia, Brown, Cai &
  // DasGupta 2001).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
    [29, 29, 0.883, 1],
    [0, 10, 0, 0.2775],
    [1, 10, 0.0179, 0.4042],
  ])('%i of %i is %f to %f', (k, n, low, high) => {
    const w = wilson(k, n);
    expect(w?.low).toBeCloseTo(low, 4);
    expect(w?.high).toBeCloseTo(high, 4);
  });

  it('has no interval without cases', () => {
    expect(wilson(0, 0)).toBeNull();
  });

  const kn = fc
    .integer({ min: 1, max: 100_000 })
    .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));

  it('contains the estimate and stays inside 0…1', () => {
    fc.assert(
      fc.property(kn, ([k, n]) => {
        const w = wilson(k, n);
        const p = k / n;
        return w !== null && w.low >= 0 && w.high <= 1 && w.low <= p + 1e-12 && p <= w.high + 1e-12;
      }),
    );
  });

  it('narrows as n grows at a fixed proportion', () => {
    fc.assert(
      fc.property(kn, fc.integer({ min: 2, max: 50 }), ([k, n], m) => {
        const small = wilson(k, n);
        const large = wilson(k * m, n * m);
        return small !== null && large !== null && large.high - large.low < small.high - small.low;
      }),
    );
  });
});

describe('other intervals', () => {
  it('t quantiles match the table and approach 1.96', () => {
    expect(t975(1)).toBeCloseTo(12.706, 3);
    expect(t975(4)).toBeCloseTo(2.776, 3);
    expect(t975(30)).toBeCloseTo(2.042, 3);
    expect(t975(60)).toBeCloseTo(2.0, 3);
    expect(t975(120)).toBeCloseTo(1.98, 3);
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), (df) => t975(df) >= t975(df + 1)));
  });

  it('normal CDF at known points', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
  });

  it('mean interval: 1, 2, 3, 4, 5 is 3 ± 2.776·√(2.5/5)', () => {
    const m = meanInterval(5, 15, 55, 1, 5);
    expect(m?.low).toBeCloseTo(3 - 2.776 * Math.sqrt(0.5), 3);
    expect(m?.high).toBeCloseTo(3 + 2.776 * Math.sqrt(0.5), 3);
    expect(meanInterval(1, 4, 16, 1, 5)).toEqual({ low: 1, high: 5 });
    expect(meanInterval(0, 0, 0, 1, 5)).toBeNull();
  });

  it('mean interval contains the mean and stays on the scale', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 300 }), (xs) => {
        const sum = xs.reduce((a, b) => a + b, 0);
        const sumSq = xs.reduce((a, b) => a + b * b, 0);
        const m = meanInterval(xs.length, sum, sumSq, 1, 7);
        const mean = sum / xs.length;
        return m !== null && m.low >= 1 && m.high <= 7 && m.low <= mean + 1e-9 && mean <= m.high + 1e-9;
      }),
    );
  });

  it('NPS: 50 promoters and 20 detractors of 100 is 30 ± 1.96·√((0.7 − 0.09)/100)', () => {
    const half = 100 * 1.959964 * Math.sqrt(0.0061);
    const i = npsInterval(50, 20, 100);
    expect(i?.low).toBeCloseTo(30 - half, 3);
    expect(i?.high).toBeCloseTo(30 + half, 3);
  });

  it('NPS interval contains the score and stays inside −100…100', () => {
    const counts = fc.tuple(fc.nat(500), fc.nat(500), fc.nat(500)).filter(([p, d, x]) => p + d + x > 0);
    fc.assert(
      fc.property(counts, ([p, d, passives]) => {
        const n = p + d + passives;
        const nps = (100 * (p - d)) / n;
        const i = npsInterval(p, d, n);
        return i !== null && i.low >= -100 && i.high <= 100 && i.low <= nps + 1e-9 && nps <= i.high + 1e-9;
      }),
    );
  });

  it('Poisson rate interval contains the rate and is never negative', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.double({ min: 0.01, max: 1e4, noNaN: true }), (k, hours) => {
        const i = poissonRateInterval(k, hours);
        return i !== null && i.low >= 0 && i.low <= k / hours + 1e-9 && k / hours <= i.high + 1e-9;
      }),
    );
  });
});

describe('certainty of a miss', () => {
  it('is ½ on the target, above ½ for a miss, 1 or 0 with no spread', () => {
    expect(missCertainty(80, 80, 'higher', 5)).toBeCloseTo(0.5, 6);
    expect(missCertainty(70, 80, 'higher', 5)).toBeCloseTo(normalCdf(2), 6);
    expect(missCertainty(28, 10, 'lower', 9)).toBeCloseTo(normalCdf(2), 6);
    expect(missCertainty(28, 10, 'lower', null)).toBe(1);
    expect(missCertainty(5, 10, 'lower', 0)).toBe(0);
  });

  it('stays in 0…1 and grows with the gap and with the evidence', () => {
    const arb = fc.record({
      value: fc.double({ min: -100, max: 100, noNaN: true }),
      target: fc.double({ min: -100, max: 100, noNaN: true }),
      se: fc.double({ min: 0.01, max: 50, noNaN: true }),
      more: fc.double({ min: 0.01, max: 10, noNaN: true }),
    });
    fc.assert(
      fc.property(arb, ({ value, target, se, more }) => {
        const c = missCertainty(value, target, 'higher', se);
        const worse = missCertainty(value - more, target, 'higher', se);
        const surer = missCertainty(value, target, 'higher', se / 2);
        const miss = value < target;
        return c >= 0 && c <= 1 && worse >= c - 1e-12 && (miss ? surer >= c - 1e-12 : surer <= c + 1e-12);
      }),
    );
  });

  it('ranks 4 escalations of 5 complaints below 112 of 400 against a 10% target', () => {
    const sums = (yes: number, n: number) => ({ ...emptySums(), esc_yes: yes, esc_n: n });
    const def = getKpi('escalation_rate');
    const few = kpiMissCertainty(def, 80, 10, sums(4, 5), S);
    const many = kpiMissCertainty(def, 28, 10, sums(112, 400), S);
    expect(many).toBeGreaterThan(few);
    expect(many).toBeGreaterThan(0.999);
  });
});

describe('evidence of every KPI', () => {
  it('reads n from the sums, with Wilson for rates in percent and low confidence below minN', () => {
    const sums = { ...emptySums(), esc_yes: 2, esc_n: 7, n: 50 };
    const e = kpiEvidence(getKpi('escalation_rate'), (100 * 2) / 7, sums, S);
    const w = wilson(2, 7);
    expect(e).toEqual({
      n: 7,
      nLabel: 'complaints',
      interval: { low: 100 * (w?.low ?? NaN), high: 100 * (w?.high ?? NaN) },
      lowConfidence: true,
    });
    expect(kpiEvidence(getKpi('escalation_rate'), null, sums, S)).toBeNull();
    // A count is not an estimate: volume is never low-confidence.
    expect(kpiEvidence(getKpi('volume'), 3, { ...emptySums(), n: 3 }, S)?.lowConfidence).toBe(false);
  });

  it('churn is retention mirrored; a share above 1 from entered counts is clamped', () => {
    const sums = { ...emptySums(), ret_start: 200, ret_end: 180, ret_new: 30 };
    const r = kpiSample('retention_rate', sums, S).interval;
    const c = kpiSample('churn_rate', sums, S).interval;
    expect(c?.low).toBeCloseTo(100 - (r?.high ?? NaN), 9);
    expect(c?.high).toBeCloseTo(100 - (r?.low ?? NaN), 9);
    const odd = kpiSample('retention_rate', { ...sums, ret_end: 400, ret_new: 0 }, S).interval;
    expect(odd?.high).toBe(100);
  });

  it('every interval has a standard error and every KPI a label', () => {
    const sums = { ...emptySums(), n: 10, esc_n: 4, esc_yes: 1, shift_seconds: 7200, shift_handled: 9 };
    for (const def of KPI_REGISTRY) {
      const s = kpiSample(def.id, sums, S);
      expect(s.nLabel.length).toBeGreaterThan(0);
      if (s.interval) expect(s.se).toBeCloseTo(intervalSe(s.interval), 12);
    }
  });
});
