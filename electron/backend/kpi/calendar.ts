import { calendarDay, localDay, type BusinessCalendar } from '../../../shared/kpi/businessTime';
import { addDays } from '../../../shared/kpi/periods';

/**
 * Business clock over a span of local dates: business seconds elapsed from the span's start up to
 * an instant, so business time between two instants is two binary searches (no per-day loop and
 * no SQL round trip per row). Built in memory per refresh; a few hundred days a year.
 */
export interface BusinessClock {
  /** Business seconds of [startS, endS] (epoch seconds); null when end precedes start. */
  between(startS: number, endS: number): number | null;
}

const cache = new Map<string, BusinessClock>();

export function businessClock(cal: BusinessCalendar, fromDay: string, toDay: string): BusinessClock {
  const key = `${JSON.stringify(cal)}|${fromDay}|${toDay}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const holidays = new Set(cal.holidays);
  const starts: number[] = [];
  const opens: number[] = [];
  const closes: number[] = [];
  const cums: number[] = [];
  let cum = 0;
  for (let day = fromDay; day <= toDay; day = addDays(day, 1)) {
    const d = calendarDay(day, cal, holidays);
    starts.push(d.startS);
    opens.push(d.openS);
    closes.push(d.closeS);
    cums.push(cum);
    cum += d.closeS - d.openS;
  }
  const clock = (x: number): number => {
    // Last day whose local midnight is at or before x.
    let lo = 0;
    let hi = starts.length - 1;
    if (hi < 0 || x < (starts[0] as number)) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= x) lo = mid;
      else hi = mid - 1;
    }
    const open = opens[lo] as number;
    return (cums[lo] as number) + Math.min(Math.max(x - open, 0), (closes[lo] as number) - open);
  };
  const built: BusinessClock = {
    between: (startS, endS) => (endS >= startS ? Math.max(0, clock(endS) - clock(startS)) : null),
  };
  // One calendar is in force at a time: keep the last few spans only.
  if (cache.size >= 4) cache.clear();
  cache.set(key, built);
  return built;
}

/** Local dates covering [startMs, endMs] in the calendar's zone, one day of margin each side. */
export function clockSpan(
  startMs: number,
  endMs: number,
  cal: BusinessCalendar,
): { from: string; to: string } {
  return {
    from: addDays(localDay(startMs, cal.timeZone), -1),
    to: addDays(localDay(endMs, cal.timeZone), 1),
  };
}
