import { calendarDay, type BusinessCalendar } from '../../../shared/kpi/businessTime';
import { addDays } from '../../../shared/kpi/periods';
import type { Db } from '../db/database';

const META_KEY = 'kpi.calendar';
/** Resolutions later than this after the last contact are capped at the table's end. */
const TAIL_DAYS = 400;

interface CalendarMeta {
  signature: string;
  from: string;
  to: string;
}

/**
 * Makes kpi_calendar cover every interaction (first day − 2 … last day + TAIL_DAYS) for the
 * calendar setting, rebuilding it when the setting or the span changed. A few hundred rows a year.
 */
export function ensureCalendar(db: Db, cal: BusinessCalendar, nowIso: string): void {
  const span = db.get<{ lo: string | null; hi: string | null }>(
    'SELECT min(started_at) AS lo, max(started_at) AS hi FROM interactions',
  );
  if (!span?.lo || !span.hi) return;
  const from = addDays(span.lo.slice(0, 10), -2);
  const to = addDays(span.hi.slice(0, 10), TAIL_DAYS);
  const signature = JSON.stringify(cal);
  const metaRow = db.get<{ value_json: string }>('SELECT value_json FROM settings WHERE key = ?', [META_KEY]);
  const meta = metaRow ? (JSON.parse(metaRow.value_json) as CalendarMeta) : null;
  if (
    meta &&
    meta.signature === signature &&
    meta.from <= from &&
    meta.to >= addDays(span.hi.slice(0, 10), 30)
  )
    return;

  const holidays = new Set(cal.holidays);
  db.transaction(() => {
    db.run('DELETE FROM kpi_calendar');
    const insert = db.prepareWrite(
      'INSERT INTO kpi_calendar (start_s, day, open_s, close_s, cum_s) VALUES (?, ?, ?, ?, ?)',
    );
    try {
      let cum = 0;
      for (let day = from; day <= to; day = addDays(day, 1)) {
        const d = calendarDay(day, cal, holidays);
        insert.run([d.startS, day, d.openS, d.closeS, cum]);
        cum += d.closeS - d.openS;
      }
    } finally {
      insert.free();
    }
    db.run(
      `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
      [META_KEY, JSON.stringify({ signature, from, to } satisfies CalendarMeta), nowIso],
    );
  });
}

/** Business seconds elapsed from the calendar's start up to instant `x` (SQL expression in epoch seconds). */
export function businessClockSql(x: string): string {
  return `COALESCE((SELECT c.cum_s + MIN(MAX(${x} - c.open_s, 0), c.close_s - c.open_s)
    FROM kpi_calendar c WHERE c.start_s <= ${x} ORDER BY c.start_s DESC LIMIT 1), 0)`;
}
