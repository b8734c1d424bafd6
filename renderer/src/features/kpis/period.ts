import { addMonths, format, parseISO } from 'date-fns';
import { addDays, defaultGranularity, periodRange, rangeLength } from '../../../../shared/kpi/periods';
import type { DayRange, Granularity, PeriodKind } from '../../../../shared/kpi/types';

export interface PeriodSelection {
  kind: PeriodKind;
  /** Any day inside the period (day/week/month/quarter). */
  anchor: string;
  /** Used when kind is custom. */
  custom: DayRange;
}

export function selectedRange(sel: PeriodSelection): DayRange {
  if (sel.kind === 'custom')
    return sel.custom.from <= sel.custom.to ? sel.custom : { from: sel.custom.to, to: sel.custom.from };
  return periodRange(sel.kind, sel.anchor);
}

/** The neighbouring period: one step back (-1) or forward (+1) of the same kind and length. */
export function shiftSelection(sel: PeriodSelection, step: -1 | 1): PeriodSelection {
  const month = (day: string, n: number) => format(addMonths(parseISO(day), n), 'yyyy-MM-dd');
  switch (sel.kind) {
    case 'day':
      return { ...sel, anchor: addDays(sel.anchor, step) };
    case 'week':
      return { ...sel, anchor: addDays(sel.anchor, 7 * step) };
    case 'month':
      return { ...sel, anchor: month(periodRange('month', sel.anchor).from, step) };
    case 'quarter':
      return { ...sel, anchor: month(periodRange('quarter', sel.anchor).from, 3 * step) };
    case 'custom': {
      const range = selectedRange(sel);
      const n = rangeLength(range) * step;
      return { ...sel, custom: { from: addDays(range.from, n), to: addDays(range.to, n) } };
    }
  }
}

/** Trend granularity that gives a readable number of points for the period. */
export function suggestedGranularity(sel: PeriodSelection): Granularity {
  switch (sel.kind) {
    case 'day':
    case 'week':
    case 'month':
      return 'day';
    case 'quarter':
      return 'week';
    case 'custom':
      return defaultGranularity(selectedRange(sel));
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Short day label "3 Nov" (with the year when asked), independent of the machine's locale. */
export function shortDay(day: string, withYear = false): string {
  const [y, m, d] = day.split('-');
  const label = `${Number(d)} ${MONTHS[Number(m) - 1] ?? m}`;
  return withYear ? `${label} ${y}` : label;
}

/** "November 2026", "2026 Q4", "Week 45, 2026", "3 Nov – 9 Nov 2026". */
export function describePeriod(sel: PeriodSelection): string {
  const range = selectedRange(sel);
  switch (sel.kind) {
    case 'day':
      return shortDay(range.from, true);
    case 'week':
      return `${shortDay(range.from)} – ${shortDay(range.to, true)}`;
    case 'month':
      return format(parseISO(range.from), 'MMMM yyyy');
    case 'quarter':
      return format(parseISO(range.from), "yyyy 'Q'q");
    case 'custom':
      return `${shortDay(range.from, range.from.slice(0, 4) !== range.to.slice(0, 4))} – ${shortDay(range.to, true)}`;
  }
}
