import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementTrend, type TrendPoint } from './trend';

const point = (
  label: string,
  value: number | null,
  lower = (value ?? 0) - 0.1,
  upper = (value ?? 0) + 0.1,
  insufficient = false,
): TrendPoint => ({
  label,
  estimate: {
    value,
    insufficient,
    interval: value === null ? null : { lower, upper, level: 0.95, definedResamples: 1000, resamples: 1000 },
  },
});

describe('agreementTrend', () => {
  it('needs three sessions with enough data', () => {
    const trend = agreementTrend(
      [point('A', 0.4), point('B', 0.9, 0.8, 1, true), point('C', null), point('D', 0.8)],
      'α',
    );
    expect(trend).toEqual({
      direction: 'too_few',
      text: '2 of 4 sessions had enough data for α; at least 3 are needed to tell a trend.',
    });
  });

  it('calls a rise beyond the first interval converging, and says the figures', () => {
    const trend = agreementTrend([point('March', 0.42), point('April', 0.55), point('May', 0.71)], 'α');
    expect(trend.direction).toBe('converging');
    expect(trend.text).toBe(
      'Converging: α went from 0.42 in "March" to 0.71 in "May" over 3 sessions, above the first session\'s 95% interval.',
    );
  });

  it('calls a fall beyond the first interval diverging, and a change inside it steady', () => {
    expect(agreementTrend([point('A', 0.8), point('B', 0.6), point('C', 0.5)], 'α').direction).toBe(
      'diverging',
    );
    expect(agreementTrend([point('A', 0.5, 0.2, 0.9), point('B', 0.7), point('C', 0.8)], 'α').direction).toBe(
      'steady',
    );
  });

  it('property: reversing a converging series makes it diverging', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 3, maxLength: 8 }),
        (values) => {
          const forward = agreementTrend(
            values.map((v, i) => point(String(i), v, v - 0.05, v + 0.05)),
            'α',
          );
          const backward = agreementTrend(
            [...values].reverse().map((v, i) => point(String(i), v, v - 0.05, v + 0.05)),
            'α',
          );
          if (forward.direction === 'converging') expect(backward.direction).toBe('diverging');
          if (forward.direction === 'diverging') expect(backward.direction).toBe('converging');
        },
      ),
    );
  });
});
