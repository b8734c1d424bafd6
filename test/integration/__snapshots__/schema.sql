-- user_version 6

-- index agents_team on agents
CREATE INDEX agents_team ON agents(team_id);

-- index agg_channel_daily_day on agg_channel_daily
CREATE INDEX agg_channel_daily_day ON agg_channel_daily(day, team_id);

-- index agg_daily_agent_day on agg_daily
CREATE INDEX agg_daily_agent_day ON agg_daily(agent_id, day);

-- index agg_daily_day on agg_daily
CREATE INDEX agg_daily_day ON agg_daily(day);

-- index agg_daily_team_day on agg_daily
CREATE INDEX agg_daily_team_day ON agg_daily(team_id, day);

-- index audit_log_entity on audit_log
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, at);

-- index calibration_sessions_state on calibration_sessions
CREATE INDEX calibration_sessions_state ON calibration_sessions(state, created_at);

-- index interactions_agent_started on interactions
CREATE INDEX interactions_agent_started ON interactions(agent_id, started_at);

-- index interactions_customer_started on interactions
CREATE INDEX interactions_customer_started ON interactions(customer_id, started_at) WHERE customer_id IS NOT NULL;

-- index interactions_source_external on interactions
CREATE UNIQUE INDEX interactions_source_external ON interactions(source, external_id);

-- index interactions_started on interactions
CREATE INDEX interactions_started ON interactions(started_at);

-- index kpi_customer_months_key on kpi_customer_months
CREATE UNIQUE INDEX kpi_customer_months_key ON kpi_customer_months(scope, scope_id, month);

-- index kpi_customer_months_month on kpi_customer_months
CREATE INDEX kpi_customer_months_month ON kpi_customer_months(month);

-- index kpi_events_day on kpi_events
CREATE INDEX kpi_events_day ON kpi_events(day);

-- index performance_reviews_agent on performance_reviews
CREATE INDEX performance_reviews_agent ON performance_reviews(agent_id, period_start);

-- index review_amendments_review on review_amendments
CREATE INDEX review_amendments_review ON review_amendments(review_id, amended_at);

-- index review_disputes_one_open on review_disputes
CREATE UNIQUE INDEX review_disputes_one_open ON review_disputes(review_id, criterion_id) WHERE status = 'open';

-- index review_disputes_review on review_disputes
CREATE INDEX review_disputes_review ON review_disputes(review_id, criterion_id);

-- index review_disputes_status on review_disputes
CREATE INDEX review_disputes_status ON review_disputes(status, opened_at);

-- index reviews_agent on reviews
CREATE INDEX reviews_agent ON reviews(agent_id, reviewed_at);

-- index reviews_calibration on reviews
CREATE INDEX reviews_calibration ON reviews(calibration_group, evaluator) WHERE calibration_group IS NOT NULL;

-- index reviews_interaction on reviews
CREATE INDEX reviews_interaction ON reviews(interaction_id);

-- index reviews_qa_time on reviews
CREATE INDEX reviews_qa_time ON reviews(status, counts_in_qa, reviewed_at);

-- index sqlite_autoindex_agent_shifts_1 on agent_shifts
(automatic);

-- index sqlite_autoindex_agents_1 on agents
(automatic);

-- index sqlite_autoindex_agents_2 on agents
(automatic);

-- index sqlite_autoindex_calibration_agreed_answers_1 on calibration_agreed_answers
(automatic);

-- index sqlite_autoindex_calibration_answer_imports_1 on calibration_answer_imports
(automatic);

-- index sqlite_autoindex_calibration_packet_answers_1 on calibration_packet_answers
(automatic);

-- index sqlite_autoindex_calibration_packet_reviews_1 on calibration_packet_reviews
(automatic);

-- index sqlite_autoindex_calibration_packets_1 on calibration_packets
(automatic);

-- index sqlite_autoindex_calibration_session_evaluators_1 on calibration_session_evaluators
(automatic);

-- index sqlite_autoindex_calibration_session_interactions_1 on calibration_session_interactions
(automatic);

-- index sqlite_autoindex_calibration_sessions_1 on calibration_sessions
(automatic);

-- index sqlite_autoindex_customer_counts_1 on customer_counts
(automatic);

-- index sqlite_autoindex_customers_1 on customers
(automatic);

-- index sqlite_autoindex_customers_2 on customers
(automatic);

-- index sqlite_autoindex_goals_1 on goals
(automatic);

-- index sqlite_autoindex_import_batches_1 on import_batches
(automatic);

-- index sqlite_autoindex_import_mappings_1 on import_mappings
(automatic);

-- index sqlite_autoindex_import_mappings_2 on import_mappings
(automatic);

-- index sqlite_autoindex_kpi_customer_keys_1 on kpi_customer_keys
(automatic);

-- index sqlite_autoindex_kpi_events_1 on kpi_events
(automatic);

-- index sqlite_autoindex_performance_reviews_1 on performance_reviews
(automatic);

-- index sqlite_autoindex_review_amendments_1 on review_amendments
(automatic);

-- index sqlite_autoindex_review_answers_1 on review_answers
(automatic);

-- index sqlite_autoindex_review_disputes_1 on review_disputes
(automatic);

-- index sqlite_autoindex_review_form_versions_1 on review_form_versions
(automatic);

-- index sqlite_autoindex_review_form_versions_2 on review_form_versions
(automatic);

-- index sqlite_autoindex_review_forms_1 on review_forms
(automatic);

-- index sqlite_autoindex_reviews_1 on reviews
(automatic);

-- index sqlite_autoindex_settings_1 on settings
(automatic);

-- index sqlite_autoindex_teams_1 on teams
(automatic);

-- index sqlite_autoindex_teams_2 on teams
(automatic);

-- table agent_shifts on agent_shifts
CREATE TABLE agent_shifts (
  agent_id TEXT NOT NULL REFERENCES agents(id),
  day TEXT NOT NULL,
  logged_in_seconds REAL NOT NULL CHECK (logged_in_seconds >= 0),
  PRIMARY KEY (agent_id, day)
);

-- table agents on agents
CREATE TABLE agents (
  id TEXT PRIMARY KEY,
  team_id TEXT REFERENCES teams(id) ON DELETE SET NULL,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  email TEXT,
  external_ref TEXT,
  hired_on TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
);

-- table agg_channel_daily on agg_channel_daily
CREATE TABLE agg_channel_daily (
  day TEXT NOT NULL,
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

-- table agg_daily on agg_daily
CREATE TABLE agg_daily (
  day TEXT NOT NULL,
  agent_id TEXT,
  team_id TEXT,
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

-- table audit_log on audit_log
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  action TEXT NOT NULL,
  diff_json TEXT
);

-- table calibration_agreed_answers on calibration_agreed_answers
CREATE TABLE calibration_agreed_answers (
  session_id TEXT NOT NULL,
  interaction_id INTEGER NOT NULL,
  criterion_id TEXT NOT NULL,
  rating REAL,
  not_applicable INTEGER NOT NULL DEFAULT 0 CHECK (not_applicable IN (0, 1)),
  note TEXT,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  -- The form version the note went into as a behaviour anchor, once it did.
  anchor_form_version_id TEXT REFERENCES review_form_versions(id),
  CHECK ((rating IS NULL) = (not_applicable = 1)),
  PRIMARY KEY (session_id, interaction_id, criterion_id),
  FOREIGN KEY (session_id, interaction_id)
    REFERENCES calibration_session_interactions(session_id, interaction_id) ON DELETE CASCADE
);

-- table calibration_answer_imports on calibration_answer_imports
CREATE TABLE calibration_answer_imports (
  session_id TEXT NOT NULL REFERENCES calibration_sessions(id) ON DELETE CASCADE,
  content_hash TEXT NOT NULL,
  evaluator TEXT NOT NULL,
  reviews INTEGER NOT NULL CHECK (reviews >= 0),
  exported_at TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  PRIMARY KEY (session_id, content_hash)
);

-- table calibration_packet_answers on calibration_packet_answers
CREATE TABLE calibration_packet_answers (
  session_id TEXT NOT NULL,
  evaluator TEXT NOT NULL,
  interaction_id INTEGER NOT NULL,
  criterion_id TEXT NOT NULL,
  rating REAL,
  not_applicable INTEGER NOT NULL DEFAULT 0 CHECK (not_applicable IN (0, 1)),
  comment TEXT,
  PRIMARY KEY (session_id, evaluator, interaction_id, criterion_id),
  FOREIGN KEY (session_id, evaluator, interaction_id)
    REFERENCES calibration_packet_reviews(session_id, evaluator, interaction_id) ON DELETE CASCADE
);

-- table calibration_packet_reviews on calibration_packet_reviews
CREATE TABLE calibration_packet_reviews (
  session_id TEXT NOT NULL REFERENCES calibration_packets(session_id) ON DELETE CASCADE,
  evaluator TEXT NOT NULL,
  interaction_id INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
  score REAL CHECK (score BETWEEN 0 AND 100),
  failed_critical INTEGER NOT NULL DEFAULT 0 CHECK (failed_critical IN (0, 1)),
  comment TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  submitted_at TEXT,
  CHECK ((status = 'submitted') = (submitted_at IS NOT NULL)),
  PRIMARY KEY (session_id, evaluator, interaction_id)
);

-- table calibration_packets on calibration_packets
CREATE TABLE calibration_packets (
  session_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  packet_json TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  opened_by TEXT NOT NULL
);

-- table calibration_session_evaluators on calibration_session_evaluators
CREATE TABLE calibration_session_evaluators (
  session_id TEXT NOT NULL REFERENCES calibration_sessions(id) ON DELETE CASCADE,
  evaluator TEXT NOT NULL CHECK (length(trim(evaluator)) > 0),
  position INTEGER NOT NULL,
  PRIMARY KEY (session_id, evaluator)
);

-- table calibration_session_interactions on calibration_session_interactions
CREATE TABLE calibration_session_interactions (
  session_id TEXT NOT NULL REFERENCES calibration_sessions(id) ON DELETE CASCADE,
  interaction_id INTEGER NOT NULL REFERENCES interactions(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (session_id, interaction_id)
);

-- table calibration_sessions on calibration_sessions
CREATE TABLE calibration_sessions (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  form_version_id TEXT NOT NULL REFERENCES review_form_versions(id),
  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'scoring', 'revealed', 'closed')),
  -- The evaluator whose answers are the benchmark (one of the session's evaluators), if any.
  expert TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  scoring_at TEXT,
  revealed_at TEXT,
  closed_at TEXT,
  CHECK ((state = 'draft') = (scoring_at IS NULL)),
  CHECK ((state IN ('revealed', 'closed')) = (revealed_at IS NOT NULL)),
  CHECK ((state = 'closed') = (closed_at IS NOT NULL))
);

-- table customer_counts on customer_counts
CREATE TABLE customer_counts (
  id TEXT PRIMARY KEY,
  team_id TEXT REFERENCES teams(id),
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  customers_at_start INTEGER NOT NULL CHECK (customers_at_start >= 0),
  customers_at_end INTEGER NOT NULL CHECK (customers_at_end >= 0),
  new_customers INTEGER NOT NULL CHECK (new_customers >= 0)
);

-- table customers on customers
CREATE TABLE customers (
  id TEXT PRIMARY KEY,
  external_ref TEXT UNIQUE,
  name TEXT,
  email TEXT,
  first_seen_at TEXT,
  created_at TEXT NOT NULL
);

-- table goals on goals
CREATE TABLE goals (
  id TEXT PRIMARY KEY,
  scope TEXT NOT NULL CHECK (scope IN ('team', 'agent')),
  team_id TEXT REFERENCES teams(id),
  agent_id TEXT REFERENCES agents(id),
  kpi_id TEXT NOT NULL,
  title TEXT NOT NULL,
  baseline REAL,
  target REAL NOT NULL,
  start_date TEXT NOT NULL,
  deadline TEXT NOT NULL,
  milestones_json TEXT NOT NULL DEFAULT '[]',
  owner TEXT,
  check_frequency TEXT,
  worksheet_json TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (deadline >= start_date)
);

-- table import_batches on import_batches
CREATE TABLE import_batches (
  id TEXT PRIMARY KEY,
  file_name TEXT NOT NULL,
  file_sha256 TEXT,
  source TEXT NOT NULL,
  mapping_json TEXT,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  inserted INTEGER NOT NULL DEFAULT 0,
  updated INTEGER NOT NULL DEFAULT 0,
  duplicates INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0
);

-- table import_mappings on import_mappings
CREATE TABLE import_mappings (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  mapping_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- table interactions on interactions
CREATE TABLE "interactions" (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL DEFAULT 'manual',
  external_id TEXT,
  channel TEXT NOT NULL CHECK (channel IN ('call', 'chat', 'email', 'ticket', 'social', 'other')),
  agent_id TEXT REFERENCES agents(id),
  team_id TEXT REFERENCES teams(id),
  customer_id TEXT REFERENCES customers(id),
  started_at TEXT NOT NULL,
  day TEXT NOT NULL,
  topic TEXT,
  subject TEXT,
  priority TEXT,
  status TEXT,
  answered INTEGER CHECK (answered IN (0, 1)),
  abandoned INTEGER CHECK (abandoned IN (0, 1)),
  resolved INTEGER CHECK (resolved IN (0, 1)),
  first_response_at TEXT,
  resolved_at TEXT,
  first_response_seconds REAL CHECK (first_response_seconds >= 0),
  resolution_seconds REAL CHECK (resolution_seconds >= 0),
  resolution_business_seconds REAL CHECK (resolution_business_seconds >= 0),
  talk_seconds REAL CHECK (talk_seconds >= 0),
  hold_seconds REAL CHECK (hold_seconds >= 0),
  wrap_seconds REAL CHECK (wrap_seconds >= 0),
  fcr INTEGER CHECK (fcr IN (0, 1)),
  repeat_contact INTEGER CHECK (repeat_contact IN (0, 1)),
  csat_score REAL,
  csat_scale INTEGER CHECK (csat_scale IN (5, 10)),
  nps_score INTEGER CHECK (nps_score BETWEEN 0 AND 10),
  ces_score REAL,
  ces_scale INTEGER CHECK (ces_scale IN (5, 7)),
  is_complaint INTEGER CHECK (is_complaint IN (0, 1)),
  escalated INTEGER CHECK (escalated IN (0, 1)),
  escalation_level TEXT,
  complaint_category TEXT,
  complaint_details TEXT,
  cross_sell_eligible INTEGER CHECK (cross_sell_eligible IN (0, 1)),
  cross_sell_offered INTEGER CHECK (cross_sell_offered IN (0, 1)),
  cross_sell_converted INTEGER CHECK (cross_sell_converted IN (0, 1)),
  customer_comment TEXT,
  sentiment INTEGER CHECK (sentiment IN (-1, 0, 1)),
  notes TEXT,
  import_batch_id TEXT REFERENCES import_batches(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- table kpi_customer_keys on kpi_customer_keys
CREATE TABLE kpi_customer_keys (
  key INTEGER PRIMARY KEY,
  customer_id TEXT NOT NULL UNIQUE
);

-- table kpi_customer_months on kpi_customer_months
CREATE TABLE kpi_customer_months (
  scope TEXT NOT NULL CHECK (scope IN ('agent', 'team', 'all')),
  scope_id TEXT NOT NULL,
  month TEXT NOT NULL,
  n INTEGER NOT NULL,
  ids BLOB NOT NULL
);

-- table kpi_events on kpi_events
CREATE TABLE kpi_events (
  id TEXT PRIMARY KEY,
  team_id TEXT REFERENCES teams(id),
  day TEXT NOT NULL,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- table kpi_retention on kpi_retention
CREATE TABLE kpi_retention (
  scope TEXT NOT NULL CHECK (scope IN ('agent', 'team', 'all')),
  scope_id TEXT NOT NULL,
  month TEXT NOT NULL,
  customers INTEGER NOT NULL,
  retained INTEGER NOT NULL,
  PRIMARY KEY (scope, scope_id, month)
) WITHOUT ROWID;

-- table performance_reviews on performance_reviews
CREATE TABLE performance_reviews (
  id TEXT PRIMARY KEY,
  agent_id TEXT NOT NULL REFERENCES agents(id),
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'final')),
  content_json TEXT NOT NULL DEFAULT '{}',
  finalized_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- table review_amendments on review_amendments
CREATE TABLE review_amendments (
  id TEXT PRIMARY KEY,
  review_id TEXT NOT NULL REFERENCES reviews(id),
  dispute_id TEXT REFERENCES review_disputes(id),
  amended_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  score_before REAL,
  score_after REAL,
  failed_critical_before INTEGER NOT NULL CHECK (failed_critical_before IN (0, 1)),
  failed_critical_after INTEGER NOT NULL CHECK (failed_critical_after IN (0, 1)),
  answers_before_json TEXT NOT NULL,
  answers_after_json TEXT NOT NULL
);

-- table review_answers on review_answers
CREATE TABLE review_answers (
  review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
  criterion_id TEXT NOT NULL,
  rating REAL,
  not_applicable INTEGER NOT NULL DEFAULT 0 CHECK (not_applicable IN (0, 1)),
  comment TEXT,
  PRIMARY KEY (review_id, criterion_id)
);

-- table review_disputes on review_disputes
CREATE TABLE review_disputes (
  id TEXT PRIMARY KEY,
  review_id TEXT NOT NULL REFERENCES reviews(id),
  criterion_id TEXT NOT NULL,
  agent_reason TEXT NOT NULL CHECK (length(trim(agent_reason)) > 0),
  -- The rating the agent asks for, when they name one ("accepted" applies it).
  proposed_rating REAL,
  proposed_not_applicable INTEGER NOT NULL DEFAULT 0 CHECK (proposed_not_applicable IN (0, 1)),
  opened_at TEXT NOT NULL,
  opened_by TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'kept', 'accepted', 'changed')),
  original_rating REAL,
  original_not_applicable INTEGER NOT NULL CHECK (original_not_applicable IN (0, 1)),
  resolved_rating REAL,
  resolved_not_applicable INTEGER CHECK (resolved_not_applicable IN (0, 1)),
  resolution_reason TEXT,
  resolved_at TEXT,
  resolved_by TEXT,
  CHECK ((status = 'open') = (resolved_at IS NULL)),
  CHECK (status = 'open' OR (resolved_by IS NOT NULL AND length(trim(coalesce(resolution_reason, ''))) > 0))
);

-- table review_form_versions on review_form_versions
CREATE TABLE review_form_versions (
  id TEXT PRIMARY KEY,
  form_id TEXT NOT NULL REFERENCES review_forms(id),
  version INTEGER NOT NULL,
  definition_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (form_id, version)
);

-- table review_forms on review_forms
CREATE TABLE review_forms (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at TEXT NOT NULL
);

-- table reviews on reviews
CREATE TABLE reviews (
  id TEXT PRIMARY KEY,
  form_version_id TEXT NOT NULL REFERENCES review_form_versions(id),
  agent_id TEXT NOT NULL REFERENCES agents(id),
  interaction_id INTEGER REFERENCES interactions(id),
  evaluator TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
  score REAL CHECK (score BETWEEN 0 AND 100),
  failed_critical INTEGER NOT NULL DEFAULT 0 CHECK (failed_critical IN (0, 1)),
  comment TEXT,
  calibration_group TEXT,
  reviewed_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
, submitted_at TEXT, counts_in_qa INTEGER NOT NULL DEFAULT 1 CHECK (counts_in_qa IN (0, 1)), ratings_packed TEXT);

-- table settings on settings
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- table teams on teams
CREATE TABLE teams (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  created_at TEXT NOT NULL
);

-- trigger review_answers_unpack_delete on review_answers
CREATE TRIGGER review_answers_unpack_delete AFTER DELETE ON review_answers BEGIN
  UPDATE reviews SET ratings_packed = NULL WHERE id = OLD.review_id AND ratings_packed IS NOT NULL;
END;

-- trigger review_answers_unpack_insert on review_answers
CREATE TRIGGER review_answers_unpack_insert AFTER INSERT ON review_answers BEGIN
  UPDATE reviews SET ratings_packed = NULL WHERE id = NEW.review_id AND ratings_packed IS NOT NULL;
END;

-- trigger review_answers_unpack_update on review_answers
CREATE TRIGGER review_answers_unpack_update AFTER UPDATE ON review_answers BEGIN
  UPDATE reviews SET ratings_packed = NULL WHERE id IN (OLD.review_id, NEW.review_id) AND ratings_packed IS NOT NULL;
END;
