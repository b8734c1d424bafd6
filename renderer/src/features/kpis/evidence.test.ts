import { describe, expect, it } from 'vitest';
import type { KpiEvidence } from '../../../../shared/ipc/contracts/kpi';
import {
  countOf,
  describeValue,
  exceptionEvidence,
  formatCertainty,
  formatInterval,
  formatN,
  lowConfidenceReason,
  shownStatus,
  statusText,
  statusWithTarget,
} from './evidence';

const pct = { unit: '%' as const, decimals: 1 };
const ev = (n: number, nLabel: string, extra: Partial<KpiEvidence> = {}): KpiEvidence => ({
  n,
  nLabel,
  interval: null,
  lowConfidence: false,
  ...extra,
});

describe('status words follow the KPI direction', () => {
  it('an escalation rate of 28% against a 10% target is worse than target, never "below"', () => {
    const words = statusWithTarget('bad', 28, 10, pct);
    expect(words).toBe('worse than target 10.0%');
    expect(words).not.toMatch(/below|above/);
  });
  it('good is better than target, warn slightly worse', () => {
    expect(statusText('good', 5, 10)).toBe('better than target');
    expect(statusText('warn', 11, 10)).toBe('slightly worse than target');
  });
  it('no data is not a status colour and not good news', () => {
    expect(statusText('good', null, 10)).toBe('no data');
    expect(shownStatus('good', null)).toBe('none');
    expect(describeValue(pct, { value: null, status: 'good', target: 10, evidence: null }, 20)).toEqual([
      'no data in this period',
    ]);
  });
  it('a neutral KPI with a target does not also say "no target"', () => {
    expect(statusText('none', 1603, 1500)).toBeNull();
    expect(statusWithTarget('none', 1603, 1500, { unit: 'count', decimals: 0 })).toBe('target 1,500');
  });
});

describe('evidence', () => {
  it('prints n with its label, singular for one', () => {
    expect(formatN(ev(212, 'responses'))).toBe('n = 212 responses');
    expect(formatN(ev(1603, 'interactions'))).toBe('n = 1,603 interactions');
    expect(countOf(1, 'complaints')).toBe('1 complaint');
  });
  it('prints the 95% interval with the unit once', () => {
    expect(formatInterval(ev(40, 'complaints', { interval: { low: 24.1, high: 33 } }), pct)).toBe(
      '95% interval 24.1–33.0%',
    );
    expect(
      formatInterval(ev(40, 'x', { interval: { low: 252, high: 301 } }), { unit: 'seconds', decimals: 0 }),
    ).toBe('95% interval 4m 12s–5m 01s');
    expect(formatInterval(ev(40, 'x'), pct)).toBeNull();
  });
  it('gives the low-confidence reason with minN', () => {
    const low = ev(7, 'complaints', { lowConfidence: true });
    expect(lowConfidenceReason(low, 20)).toBe('only 7 complaints; at least 20 needed');
    expect(lowConfidenceReason(low, null)).toBe('only 7 complaints; too few to trust');
    expect(lowConfidenceReason(ev(70, 'complaints'), 20)).toBeNull();
  });
  it('describes a value in lines: status, n and interval, low confidence', () => {
    const e = ev(7, 'complaints', { lowConfidence: true, interval: { low: 9.9, high: 65.1 } });
    expect(describeValue(pct, { value: 28.6, status: 'bad', target: 10, evidence: e }, 20)).toEqual([
      '28.6%, worse than target 10.0%',
      'n = 7 complaints · 95% interval 9.9–65.1%',
      'low confidence: only 7 complaints; at least 20 needed',
    ]);
  });
  it('says why an exception is listed, never claiming certainty', () => {
    const e = {
      value: 28,
      evidence: ev(40, 'complaints', { interval: { low: 16.1, high: 43.2 } }),
      certainty: 0.98,
    };
    expect(exceptionEvidence(e, pct)).toBe('28.0% of 40 complaints, 95% interval 16.1–43.2%, 98% sure');
    expect(formatCertainty(0.9999)).toBe('>99% sure');
    expect(formatCertainty(1)).toBe('>99% sure');
  });
});
