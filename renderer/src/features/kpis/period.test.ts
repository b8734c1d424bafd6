import { describe, expect, it } from 'vitest';
import {
  describePeriod,
  selectedRange,
  shiftSelection,
  shortDay,
  suggestedGranularity,
  type PeriodSelection,
} from './period';

const sel = (
  kind: PeriodSelection['kind'],
  anchor: string,
  custom = { from: anchor, to: anchor },
): PeriodSelection => ({
  kind,
  anchor,
  custom,
});

describe('selectedRange', () => {
  it('turns an anchor into its day, ISO week, month or quarter', () => {
    expect(selectedRange(sel('day', '2026-11-24'))).toEqual({ from: '2026-11-24', to: '2026-11-24' });
    // 2026-11-24 is a Tuesday; ISO weeks start on Monday.
    expect(selectedRange(sel('week', '2026-11-24'))).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(selectedRange(sel('month', '2026-02-14'))).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(selectedRange(sel('month', '2028-02-14'))).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(selectedRange(sel('quarter', '2026-11-24'))).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });

  it('uses a custom range as is, swapping a reversed one', () => {
    expect(selectedRange(sel('custom', '2026-01-01', { from: '2026-03-01', to: '2026-03-10' }))).toEqual({
      from: '2026-03-01',
      to: '2026-03-10',
    });
    expect(selectedRange(sel('custom', '2026-01-01', { from: '2026-03-10', to: '2026-03-01' }))).toEqual({
      from: '2026-03-01',
      to: '2026-03-10',
    });
  });
});

describe('shiftSelection', () => {
  it('steps days and weeks', () => {
    expect(shiftSelection(sel('day', '2026-03-01'), -1).anchor).toBe('2026-02-28');
    expect(shiftSelection(sel('week', '2026-12-30'), 1).anchor).toBe('2027-01-06');
  });

  it('steps months from the first day, so the 31st never skips a short month', () => {
    const next = shiftSelection(sel('month', '2026-01-31'), 1);
    expect(selectedRange(next)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    const prev = shiftSelection(sel('month', '2026-03-31'), -1);
    expect(selectedRange(prev)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('steps quarters across a year boundary', () => {
    expect(selectedRange(shiftSelection(sel('quarter', '2026-11-24'), 1))).toEqual({
      from: '2027-01-01',
      to: '2027-03-31',
    });
    expect(selectedRange(shiftSelection(sel('quarter', '2026-02-10'), -1))).toEqual({
      from: '2025-10-01',
      to: '2025-12-31',
    });
  });

  it('moves a custom range by its own length', () => {
    const s = sel('custom', '2026-01-01', { from: '2026-03-01', to: '2026-03-10' });
    expect(shiftSelection(s, 1).custom).toEqual({ from: '2026-03-11', to: '2026-03-20' });
    expect(shiftSelection(s, -1).custom).toEqual({ from: '2026-02-19', to: '2026-02-28' });
  });

  it('keeps the other fields', () => {
    const s = sel('month', '2026-05-05');
    expect(shiftSelection(s, 1)).toMatchObject({ kind: 'month', custom: s.custom });
  });
});

describe('suggestedGranularity', () => {
  it('gives days up to a month, weeks for a quarter', () => {
    expect(suggestedGranularity(sel('day', '2026-01-01'))).toBe('day');
    expect(suggestedGranularity(sel('week', '2026-01-01'))).toBe('day');
    expect(suggestedGranularity(sel('month', '2026-01-01'))).toBe('day');
    expect(suggestedGranularity(sel('quarter', '2026-01-01'))).toBe('week');
  });

  it('follows the length of a custom range', () => {
    const short = suggestedGranularity(sel('custom', '2026-01-01', { from: '2026-01-01', to: '2026-01-10' }));
    const long = suggestedGranularity(sel('custom', '2026-01-01', { from: '2024-01-01', to: '2026-01-10' }));
    expect(short).toBe('day');
    expect(long).not.toBe('day');
  });
});

describe('shortDay and describePeriod', () => {
  it('writes short days without leading zeros, independent of the locale', () => {
    expect(shortDay('2026-11-03')).toBe('3 Nov');
    expect(shortDay('2026-01-31', true)).toBe('31 Jan 2026');
  });

  it('describes each kind of period', () => {
    expect(describePeriod(sel('day', '2026-11-03'))).toBe('3 Nov 2026');
    expect(describePeriod(sel('week', '2026-11-24'))).toBe('23 Nov – 29 Nov 2026');
    expect(describePeriod(sel('month', '2026-11-24'))).toBe('November 2026');
    expect(describePeriod(sel('quarter', '2026-11-24'))).toBe('2026 Q4');
    expect(describePeriod(sel('custom', '2026-01-01', { from: '2026-03-01', to: '2026-03-10' }))).toBe(
      '1 Mar – 10 Mar 2026',
    );
    expect(describePeriod(sel('custom', '2026-01-01', { from: '2025-12-20', to: '2026-01-10' }))).toBe(
      '20 Dec 2025 – 10 Jan 2026',
    );
  });
});
