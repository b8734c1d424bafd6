/**
 * KPI engine: maintained aggregates, rebuilt by refreshDerived (electron/backend/kpi/derive.ts) for
 * the days a bulk write touched. The measure columns mirror shared/kpi/aggregate.ts AGG_COLUMNS:
 * sums and counts every KPI needs, with rating histograms (csat/nps/ces) so thresholds, bands and
 * directions stay query-time settings.
 *
 * - agg_daily: per (day, agent, team). Channel is left out of the key on purpose: it multiplied
 *   the rows by the number of channels for the one report that groups by channel.
 * - agg_channel_daily: per (day, team, channel), for "by channel" reports (a few rows a day).
 * - kpi_retention: per calendar month and scope (an agent, a team, or all), the distinct customers
 *   in contact that month and how many of them were also in contact the month before. Retention
 *   is not additive; with these a month's value is two lookups instead of a scan of raw contacts.
 * - kpi_customer_months: per calendar month and scope, the set of those distinct customers as
 *   a sorted little-endian Int32 array of kpi_customer_keys.key (4 bytes a customer). A range of
 *   many months unions the sets in memory instead of reading every raw contact of the range.
 * - kpi_customer_keys: a dense integer per customer id for those sets. INTEGER PRIMARY KEY so
 *   the numbers survive VACUUM (a plain rowid does not); reassigned by a full refresh.
 */
/**
 * The sums and counts both aggregate tables carry (mirroring AGG_COLUMNS as of this migration).
 * Kept here as literal SQL, not generated from AGG_COLUMNS, so this migration never changes when
 * the registry does: a later column is a later migration.
 */
const MEASURES = `  n INTEGER NOT NULL DEFAULT 0,
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
  cex_7 INTEGER NOT NULL DEFAULT 0`;

export const migration002 = `
CREATE TABLE agg_daily (
  day TEXT NOT NULL,
  agent_id TEXT,
  team_id TEXT,
${MEASURES}
);
CREATE INDEX agg_daily_day ON agg_daily(day);
CREATE INDEX agg_daily_agent_day ON agg_daily(agent_id, day);
CREATE INDEX agg_daily_team_day ON agg_daily(team_id, day);

CREATE TABLE agg_channel_daily (
  day TEXT NOT NULL,
  team_id TEXT,
  channel TEXT NOT NULL,
${MEASURES}
);
CREATE INDEX agg_channel_daily_day ON agg_channel_daily(day, team_id);

CREATE TABLE kpi_retention (
  scope TEXT NOT NULL CHECK (scope IN ('agent', 'team', 'all')),
  scope_id TEXT NOT NULL,
  month TEXT NOT NULL,
  customers INTEGER NOT NULL,
  retained INTEGER NOT NULL,
  PRIMARY KEY (scope, scope_id, month)
) WITHOUT ROWID;

CREATE TABLE kpi_customer_months (
  scope TEXT NOT NULL CHECK (scope IN ('agent', 'team', 'all')),
  scope_id TEXT NOT NULL,
  month TEXT NOT NULL,
  n INTEGER NOT NULL,
  ids BLOB NOT NULL
);
CREATE UNIQUE INDEX kpi_customer_months_key ON kpi_customer_months(scope, scope_id, month);
CREATE INDEX kpi_customer_months_month ON kpi_customer_months(month);

CREATE TABLE kpi_customer_keys (
  key INTEGER PRIMARY KEY,
  customer_id TEXT NOT NULL UNIQUE
);

CREATE INDEX kpi_events_day ON kpi_events(day);
`;
