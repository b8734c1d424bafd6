import { describe, expect, it } from 'vitest';
import {
  addBusinessSeconds,
  dayNumberOf,
  holidaysBetween,
  instantMs,
  isoDay,
  localDayOf,
  utcOffsetHours,
  workdaysBetween,
} from './calendar';

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayNumberOf(y ?? 0, (m ?? 1) - 1, d ?? 1);
};

describe('demo calendar (Europe/Berlin)', () => {
  it('switches to summer time on the last Sundays of March and October', () => {
    expect(utcOffsetHours(day('2025-03-28'))).toBe(1);
    expect(utcOffsetHours(day('2025-03-31'))).toBe(2);
    expect(utcOffsetHours(day('2025-10-24'))).toBe(2);
    expect(utcOffsetHours(day('2025-10-27'))).toBe(1);
  });

  it('converts local working times to UTC and back', () => {
    expect(new Date(instantMs(day('2025-07-01'), 8 * 3600)).toISOString()).toBe('2025-07-01T06:00:00.000Z');
    expect(new Date(instantMs(day('2025-12-01'), 8 * 3600)).toISOString()).toBe('2025-12-01T07:00:00.000Z');
    expect(isoDay(localDayOf(new Date('2025-07-01T22:30:00Z')))).toBe('2025-07-02');
    expect(isoDay(localDayOf(new Date('2025-12-31T23:30:00Z')))).toBe('2026-01-01');
    expect(isoDay(localDayOf(new Date('2025-12-31T22:30:00Z')))).toBe('2025-12-31');
  });

  it('knows German national holidays including the Easter-based ones', () => {
    expect(holidaysBetween(day('2025-01-01'), day('2026-01-01'))).toEqual([
      '2025-01-01',
      '2025-04-18',
      '2025-04-21',
      '2025-05-01',
      '2025-05-29',
      '2025-06-09',
      '2025-10-03',
      '2025-12-25',
      '2025-12-26',
    ]);
    const december = workdaysBetween(day('2025-12-22'), day('2025-12-29')).map(isoDay);
    expect(december).toEqual(['2025-12-22', '2025-12-23', '2025-12-24']);
  });

  it('adds business seconds across evenings and weekends', () => {
    const workdays = workdaysBetween(day('2025-09-01'), day('2025-09-15'));
    // Friday 17:00 + 2 h of opening hours = Monday 09:00.
    const friday = workdays.indexOf(day('2025-09-05'));
    const result = addBusinessSeconds(workdays, friday, 17 * 3600, 7200);
    expect(result && isoDay(workdays[result.index] ?? 0)).toBe('2025-09-08');
    expect(result?.secondOfDay).toBe(9 * 3600);
    expect(addBusinessSeconds(workdays, friday, 7 * 3600, 600)).toEqual({
      index: friday,
      secondOfDay: 8 * 3600 + 600,
    });
    expect(addBusinessSeconds(workdays, workdays.length - 1, 17 * 3600, 7200)).toBeNull();
  });
});
