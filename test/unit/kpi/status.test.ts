import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KPI_SETTINGS } from '../../../shared/kpi/settings';
import { kpiStatus, statusWords } from '../../../shared/kpi/status';
import { KPI_IDS } from '../../../shared/kpi/types';

const S = DEFAULT_KPI_SETTINGS;

describe('status words', () => {
  it('follow the direction of the KPI: a high escalation rate is worse, not "below"', () => {
    const status = kpiStatus('escalation_rate', 28, 10, 'lower', S);
    expect(statusWords(status, 28, 10)).toBe('worse than target');
    expect(statusWords(kpiStatus('escalation_rate', 4, 10, 'lower', S), 4, 10)).toBe('better than target');
    expect(statusWords(kpiStatus('csat', 79, 80, 'higher', S), 79, 80)).toBe('slightly worse than target');
    expect(statusWords(kpiStatus('nps', 35, null, 'higher', S), 35, null)).toBe('strong');
  });

  it('never call a missing value good, and never speak of above or below', () => {
    const arb = fc.record({
      id: fc.constantFrom(...KPI_IDS),
      value: fc.option(fc.double({ min: -100, max: 10_000, noNaN: true }), { nil: null }),
      target: fc.option(fc.double({ min: -100, max: 10_000, noNaN: true }), { nil: null }),
      better: fc.constantFrom('higher' as const, 'lower' as const, 'neutral' as const),
    });
    fc.assert(
      fc.property(arb, ({ id, value, target, better }) => {
        const status = kpiStatus(id, value, target, better, S);
        const words = statusWords(status, value, target);
        if (value === null) return status === 'none' && words === 'no data';
        return (
          !/above|below/.test(words) &&
          (words.startsWith('better') || words === 'strong') === (status === 'good')
        );
      }),
    );
  });
});
