import { describe, expect, it } from 'vitest';
import type { KpiExplanation } from '../../../../shared/ipc/contracts/kpi';
import { countsSentence, explainInput, explanationHeadline } from './explain';

const csat: KpiExplanation = {
  kpiId: 'csat',
  label: 'CSAT',
  from: '2026-11-01',
  to: '2026-11-30',
  formula: 'responses rated 4 or 5 ÷ all responses × 100',
  value: 82.5,
  evidence: { n: 412, nLabel: 'responses', interval: { low: 78.5, high: 85.9 }, lowConfidence: false },
  scope: { count: 1603, label: 'interactions' },
  numerator: { count: 340, label: 'rated 4 or 5' },
  denominator: { count: 412, label: 'rated' },
  excluded: [{ count: 1191, label: 'without a rating' }],
  retention: null,
  measurable: true,
  notMeasurableReason: null,
  steps: ['Take the interactions in scope.', 'Keep those with a rating.'],
};
const pct = { unit: '%' as const, decimals: 1 };

describe('how is this computed', () => {
  it('says what was counted of what, and what was left out, with counts', () => {
    expect(countsSentence(csat)).toBe(
      '412 rated of 1,603 interactions; 1,191 without a rating are not counted',
    );
    expect(countsSentence({ ...csat, excluded: [{ count: 1, label: 'without a rating' }] })).toBe(
      '412 rated of 1,603 interactions; 1 without a rating is not counted',
    );
    expect(countsSentence({ ...csat, excluded: [{ count: 0, label: 'without a rating' }] })).toBe(
      '412 rated of 1,603 interactions',
    );
  });
  it('heads the dialog with the value, its n and its interval', () => {
    expect(explanationHeadline(csat, pct)).toBe('82.5% · n = 412 responses · 95% interval 78.5–85.9%');
  });
  it('says "not measurable" and why instead of a number', () => {
    const retention = {
      ...csat,
      kpiId: 'retention_rate' as const,
      value: null,
      evidence: null,
      measurable: false,
      notMeasurableReason: 'no customer ids on the interactions',
    };
    expect(explanationHeadline(retention, pct)).toBe('Not measurable: no customer ids on the interactions');
    expect(explanationHeadline({ ...csat, value: null, evidence: null }, pct)).toBe('No data in this period');
  });
  it('asks about an agent or a team, never both', () => {
    const base = { kpiId: 'csat' as const, from: 'a', to: 'b', scopeLabel: 'x' };
    expect(explainInput({ ...base, agentId: 'ag', teamId: 't' })).toEqual({
      kpiId: 'csat',
      from: 'a',
      to: 'b',
      agentId: 'ag',
    });
    expect(explainInput({ ...base, teamId: 't' })).toMatchObject({ teamId: 't' });
    expect(explainInput(base)).not.toHaveProperty('teamId');
  });
});
