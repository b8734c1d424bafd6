import { describe, expect, it } from 'vitest';
import { formatAxis, formatDuration, formatKpiDelta, formatKpiValue } from './format';

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [38, '38s'],
    [59.4, '59s'],
    [59.6, '1m 00s'],
    [252, '4m 12s'],
    [3599, '59m 59s'],
    [3600, '1h 00m'],
    [3900, '1h 05m'],
    [4200, '1h 10m'],
    [47 * 3600 + 59 * 60, '47h 59m'],
    [48 * 3600, '2d 0h'],
    [3 * 86400 + 5 * 3600, '3d 5h'],
  ])('%s s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('never shows 60 minutes when rounding up to the next hour', () => {
    expect(formatDuration(7170)).toBe('2h 00m'); // 1h 59m 30s
    expect(formatDuration(3599.6)).toBe('1h 00m');
  });

  it('signs negative durations with a real minus, but not a zero', () => {
    expect(formatDuration(-30)).toBe('−30s');
    expect(formatDuration(-3900)).toBe('−1h 05m');
    expect(formatDuration(-0)).toBe('0s');
    expect(formatDuration(-0.4)).toBe('0s');
  });
});

describe('formatKpiValue', () => {
  it('shows an em dash for no data', () => {
    expect(formatKpiValue(null, '%', 1)).toBe('—');
    expect(formatKpiValue(undefined, 'seconds', 0)).toBe('—');
  });

  it('formats each unit', () => {
    expect(formatKpiValue(83.04, '%', 1)).toBe('83.0%');
    expect(formatKpiValue(100, '%', 1)).toBe('100.0%');
    expect(formatKpiValue(490, 'seconds', 0)).toBe('8m 10s');
    expect(formatKpiValue(1603, 'count', 2)).toBe('1,603');
    expect(formatKpiValue(4.849, 'per_hour', 2)).toBe('4.85/h');
    expect(formatKpiValue(5.234, 'score', 2)).toBe('5.23');
    expect(formatKpiValue(34, 'score', 0)).toBe('34');
  });

  it('keeps the sign of negative scores (NPS)', () => {
    expect(formatKpiValue(-20, 'score', 0)).toBe('-20');
    expect(formatKpiValue(-100, 'score', 0)).toBe('-100');
  });

  it('prints negative zero and values that round to zero without a sign', () => {
    expect(formatKpiValue(-0, 'score', 0)).toBe('0');
    expect(formatKpiValue(-0, '%', 1)).toBe('0.0%');
    expect(formatKpiValue(-0.04, '%', 1)).toBe('0.0%');
    expect(formatKpiValue(-0.4, 'score', 0)).toBe('0');
    expect(formatKpiValue(-0.5, 'score', 0)).toBe('-1');
  });

  it('rounds half away from zero at the KPI decimals', () => {
    expect(formatKpiValue(0.05, '%', 1)).toBe('0.1%');
    expect(formatKpiValue(12.345, 'score', 0)).toBe('12');
  });
});

describe('formatKpiDelta', () => {
  it('shows an em dash without a previous value', () => {
    expect(formatKpiDelta(null, '%', 1)).toBe('—');
  });

  it('uses percentage points for percentages and real minus signs', () => {
    expect(formatKpiDelta(2.5, '%', 1)).toBe('+2.5 pp');
    expect(formatKpiDelta(-11.7, '%', 1)).toBe('−11.7 pp');
  });

  it('formats durations, counts, rates and scores', () => {
    expect(formatKpiDelta(-500, 'seconds', 0)).toBe('−8m 20s');
    expect(formatKpiDelta(11, 'seconds', 0)).toBe('+11s');
    expect(formatKpiDelta(-789, 'count', 0)).toBe('−789');
    expect(formatKpiDelta(-0.24, 'per_hour', 2)).toBe('−0.24/h');
    expect(formatKpiDelta(11, 'score', 0)).toBe('+11');
  });

  it('shows a sub-unit change on a whole-number KPI with one decimal instead of "−0"', () => {
    expect(formatKpiDelta(-0.4, 'score', 0)).toBe('−0.4');
    expect(formatKpiDelta(0.4, 'score', 0)).toBe('+0.4');
  });

  it('marks zero and changes too small to show as ±0', () => {
    expect(formatKpiDelta(0, '%', 1)).toBe('±0.0 pp');
    expect(formatKpiDelta(-0, 'score', 0)).toBe('±0');
    expect(formatKpiDelta(0.04, '%', 1)).toBe('±0.0 pp');
    expect(formatKpiDelta(-0.02, 'score', 0)).toBe('±0.0');
    expect(formatKpiDelta(-0.3, 'seconds', 0)).toBe('±0s');
    expect(formatKpiDelta(0.4, 'count', 0)).toBe('±0');
  });
});

describe('formatAxis', () => {
  it('keeps ticks compact in the value unit', () => {
    expect(formatAxis(80, '%')).toBe('80%');
    expect(formatAxis(82.46, '%')).toBe('82.5%');
    expect(formatAxis(550, 'seconds')).toBe('9m 10s');
    expect(formatAxis(4.857, 'per_hour')).toBe('4.86');
    expect(formatAxis(-20, 'score')).toBe('-20');
  });

  it('never labels a tick "-0"', () => {
    expect(formatAxis(-0, '%')).toBe('0%');
    expect(formatAxis(-0.001, 'score')).toBe('0');
    expect(formatAxis(-0.2, 'seconds')).toBe('0s');
  });
});
