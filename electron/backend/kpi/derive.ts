import { AGG_COLUMN_NAMES, rawSumSelectList } from '../../../shared/kpi/aggregate';
import { addDays } from '../../../shared/kpi/periods';
import { lexiconSentiment } from '../../../shared/kpi/sentiment';
import type { Db } from '../db/database';
import { businessClockSql, ensureCalendar } from './calendar';
import { loadKpiSettings } from './settingsStore';

export type DeriveRange = { from: string; to: string } | 'all';

/** `day` is local and started_at UTC: a two-day margin lets the started_at index narrow the scan. */
function rowFilter(
  range: { from: string; to: string } | null,
  alias = 'i',
): { sql: string; params: Record<string, string> } {
  if (!range) return { sql: '1 = 1', params: {} };
  return {
    sql: `${alias}.started_at >= :lo AND ${alias}.started_at < :hi AND ${alias}.day BETWEEN :from AND :to`,
    params: {
      ':lo': addDays(range.from, -2),
      ':hi': addDays(range.to, 2),
      ':from': range.from,
      ':to': range.to,
    },
  };
}

const START_S = "unixepoch(i.started_at, 'subsec')";
const END_S = `COALESCE(unixepoch(i.resolved_at, 'subsec'), ${START_S} + i.resolution_seconds)`;

/**
 * Recomputes per-interaction derived columns and the maintained KPI aggregates for the given
 * days (`day` column, inclusive), inside the caller's transaction:
 * - resolution_business_seconds: business time from start to resolution (resolved_at, else
 *   start + resolution_seconds) under the calendar setting; null when resolution precedes start;
 * - repeat_contact: the same customer contacted again on the same topic within the FCR window
 *   (only where customer and topic are known; otherwise an imported value is kept);
 * - sentiment: lexicon score of customer_comment where no sentiment was given;
 * - agg_daily rows of those days.
 * A contact on day D changes repeat_contact of earlier contacts, so the range is widened back by
 * the window.
 */
export function refreshDerived(db: Db, range: DeriveRange): void {
  const settings = loadKpiSettings(db);
  const window = settings.fcr.windowDays;
  const span = range === 'all' ? null : { from: addDays(range.from, -(window + 1)), to: range.to };
  db.transaction(() => {
    ensureCalendar(db, settings.calendar, new Date().toISOString());
    const f = rowFilter(span);

    db.run(
      `UPDATE interactions AS i SET resolution_business_seconds = (
         SELECT CASE WHEN e.t >= e.s THEN max(0, ${businessClockSql('e.t')} - ${businessClockSql('e.s')}) END
           FROM (SELECT ${START_S} AS s, ${END_S} AS t) AS e)
       WHERE (i.resolved_at IS NOT NULL OR i.resolution_seconds IS NOT NULL) AND ${f.sql}`,
      f.params,
    );

    db.run(
      `UPDATE interactions AS i SET repeat_contact = EXISTS (
         SELECT 1 FROM interactions j
          WHERE j.customer_id = i.customer_id
            AND j.started_at >= i.started_at
            AND j.started_at <= strftime('%Y-%m-%dT%H:%M:%fZ', i.started_at, '+${window} days')
            AND j.topic = i.topic
            AND j.id <> i.id
            AND (j.started_at > i.started_at OR j.id > i.id))
       WHERE i.customer_id IS NOT NULL AND i.topic IS NOT NULL AND ${f.sql}`,
      f.params,
    );

    const comments = db.values(
      `SELECT i.id, i.customer_comment FROM interactions i
        WHERE i.sentiment IS NULL AND i.customer_comment IS NOT NULL AND ${f.sql}`,
      f.params,
    );
    if (comments.length > 0) {
      const update = db.prepareWrite('UPDATE interactions SET sentiment = ? WHERE id = ?');
      try {
        for (const [id, comment] of comments) {
          const s = lexiconSentiment(typeof comment === 'string' ? comment : null);
          if (s !== null) update.run([s, id as number]);
        }
      } finally {
        update.free();
      }
    }

    rebuildAggregates(db, span);
  });
}

/** Replaces agg_daily rows of the days in range with one INSERT … SELECT … GROUP BY. */
export function rebuildAggregates(db: Db, range: { from: string; to: string } | null): void {
  const f = rowFilter(range);
  if (range) db.run('DELETE FROM agg_daily WHERE day BETWEEN ? AND ?', [range.from, range.to]);
  else db.run('DELETE FROM agg_daily');
  db.run(
    `INSERT INTO agg_daily (day, agent_id, team_id, channel, ${AGG_COLUMN_NAMES.join(', ')})
     SELECT i.day, i.agent_id, COALESCE(i.team_id, a.team_id), i.channel,
       ${rawSumSelectList()}
       FROM interactions i LEFT JOIN agents a ON a.id = i.agent_id
      WHERE ${f.sql}
      GROUP BY i.day, i.agent_id, COALESCE(i.team_id, a.team_id), i.channel`,
    f.params,
  );
}

/**
 * A file migrated from before agg_daily existed (or never refreshed) has interactions but no
 * aggregates: build them once, as a bulk change.
 */
export function ensureAggregates(db: Db): void {
  const state = db.get<{ agg: number; rows: number }>(
    'SELECT EXISTS (SELECT 1 FROM agg_daily) AS agg, EXISTS (SELECT 1 FROM interactions) AS rows',
  );
  if (state && state.agg === 0 && state.rows === 1)
    db.transaction(() => refreshDerived(db, 'all'), { bulk: true });
}
