/**
 * KPI engine: maintained daily aggregates and the business calendar.
 *
 * agg_daily holds, per (day, agent, team, channel), the sums and counts every KPI needs, with
 * rating histograms (csat/nps/ces) so thresholds, bands and directions stay query-time settings.
 * Rebuilt by refreshDerived (electron/backend/kpi/derive.ts) for the days a bulk write touched.
 * The column list mirrors shared/kpi/aggregate.ts AGG_COLUMNS; a new column needs a new migration.
 *
 * kpi_calendar has one row per local date of the business calendar setting: local midnight,
 * opening and closing instants (epoch seconds; closed days have an empty window) and the business
 * seconds before that day, so business time between two instants is two indexed lookups in SQL.
 */
export const migration002 = `
CREATE TABLE agg_daily (
  day TEXT NOT NULL,
  agent_id TEXT,
  team_id TEXT,
  channel TEXT NOT NULL,
  n INTEGER NOT NULL DEFAULT 0,
  handled_n INTEGER NOT NULL DEFAULT 0,
  ab_n INTEGER NOT NULL DEFAULT 0,
  ab_yes INTEGER NOT NULL DEFAULT 0,
  res_n INTEGER NOT NULL DEFAULT 0,
  res_yes INTEGER NOT NULL DEFAULT 0,
  art_n INTEGER NOT NULL DEFAULT 0,
  art_sum REAL NOT NULL DEFAULT 0,
  frt_n INTEGER NOT NULL DEFAULT 0,
  frt_sum REAL NOT NULL DEFAULT 0,
  aht_n INTEGER NOT NULL DEFAULT 0,
  aht_sum REAL NOT NULL DEFAULT 0,
  esc_n INTEGER NOT NULL DEFAULT 0,
  esc_yes INTEGER NOT NULL DEFAULT 0,
  fcrf_n INTEGER NOT NULL DEFAULT 0,
  fcrf_yes INTEGER NOT NULL DEFAULT 0,
  fcrw_n INTEGER NOT NULL DEFAULT 0,
  fcrw_yes INTEGER NOT NULL DEFAULT 0,
  xo_n INTEGER NOT NULL DEFAULT 0,
  xo_yes INTEGER NOT NULL DEFAULT 0,
  xc_n INTEGER NOT NULL DEFAULT 0,
  xc_yes INTEGER NOT NULL DEFAULT 0,
  sent_n INTEGER NOT NULL DEFAULT 0,
  sent_pos INTEGER NOT NULL DEFAULT 0,
  sent_neg INTEGER NOT NULL DEFAULT 0,
  cs5_1 INTEGER NOT NULL DEFAULT 0,
  cs5_2 INTEGER NOT NULL DEFAULT 0,
  cs5_3 INTEGER NOT NULL DEFAULT 0,
  cs5_4 INTEGER NOT NULL DEFAULT 0,
  cs5_5 INTEGER NOT NULL DEFAULT 0,
  cs10_1 INTEGER NOT NULL DEFAULT 0,
  cs10_2 INTEGER NOT NULL DEFAULT 0,
  cs10_3 INTEGER NOT NULL DEFAULT 0,
  cs10_4 INTEGER NOT NULL DEFAULT 0,
  cs10_5 INTEGER NOT NULL DEFAULT 0,
  cs10_6 INTEGER NOT NULL DEFAULT 0,
  cs10_7 INTEGER NOT NULL DEFAULT 0,
  cs10_8 INTEGER NOT NULL DEFAULT 0,
  cs10_9 INTEGER NOT NULL DEFAULT 0,
  cs10_10 INTEGER NOT NULL DEFAULT 0,
  csx_1 INTEGER NOT NULL DEFAULT 0,
  csx_2 INTEGER NOT NULL DEFAULT 0,
  csx_3 INTEGER NOT NULL DEFAULT 0,
  csx_4 INTEGER NOT NULL DEFAULT 0,
  csx_5 INTEGER NOT NULL DEFAULT 0,
  csx_6 INTEGER NOT NULL DEFAULT 0,
  csx_7 INTEGER NOT NULL DEFAULT 0,
  csx_8 INTEGER NOT NULL DEFAULT 0,
  csx_9 INTEGER NOT NULL DEFAULT 0,
  csx_10 INTEGER NOT NULL DEFAULT 0,
  nps_0 INTEGER NOT NULL DEFAULT 0,
  nps_1 INTEGER NOT NULL DEFAULT 0,
  nps_2 INTEGER NOT NULL DEFAULT 0,
  nps_3 INTEGER NOT NULL DEFAULT 0,
  nps_4 INTEGER NOT NULL DEFAULT 0,
  nps_5 INTEGER NOT NULL DEFAULT 0,
  nps_6 INTEGER NOT NULL DEFAULT 0,
  nps_7 INTEGER NOT NULL DEFAULT 0,
  nps_8 INTEGER NOT NULL DEFAULT 0,
  nps_9 INTEGER NOT NULL DEFAULT 0,
  nps_10 INTEGER NOT NULL DEFAULT 0,
  ce5_1 INTEGER NOT NULL DEFAULT 0,
  ce5_2 INTEGER NOT NULL DEFAULT 0,
  ce5_3 INTEGER NOT NULL DEFAULT 0,
  ce5_4 INTEGER NOT NULL DEFAULT 0,
  ce5_5 INTEGER NOT NULL DEFAULT 0,
  ce7_1 INTEGER NOT NULL DEFAULT 0,
  ce7_2 INTEGER NOT NULL DEFAULT 0,
  ce7_3 INTEGER NOT NULL DEFAULT 0,
  ce7_4 INTEGER NOT NULL DEFAULT 0,
  ce7_5 INTEGER NOT NULL DEFAULT 0,
  ce7_6 INTEGER NOT NULL DEFAULT 0,
  ce7_7 INTEGER NOT NULL DEFAULT 0,
  cex_1 INTEGER NOT NULL DEFAULT 0,
  cex_2 INTEGER NOT NULL DEFAULT 0,
  cex_3 INTEGER NOT NULL DEFAULT 0,
  cex_4 INTEGER NOT NULL DEFAULT 0,
  cex_5 INTEGER NOT NULL DEFAULT 0,
  cex_6 INTEGER NOT NULL DEFAULT 0,
  cex_7 INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX agg_daily_day ON agg_daily(day);
CREATE INDEX agg_daily_team_day ON agg_daily(team_id, day);
CREATE INDEX agg_daily_agent_day ON agg_daily(agent_id, day);

CREATE TABLE kpi_calendar (
  start_s INTEGER PRIMARY KEY,
  day TEXT NOT NULL,
  open_s INTEGER NOT NULL,
  close_s INTEGER NOT NULL,
  cum_s INTEGER NOT NULL
);

CREATE INDEX kpi_events_day ON kpi_events(day);
`;
