/**
 * The whole data model. Times are ISO-8601 UTC text; `day` columns are local calendar dates in the
 * business time zone, precomputed so grouping by day needs no date maths at query time.
 * Small entities use TS-generated text ids; interactions use integer ids (also assigned in TS)
 * because a million text keys would double the table and its indexes.
 */
export const migration001 = `
CREATE TABLE teams (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  created_at TEXT NOT NULL
);

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
CREATE INDEX agents_team ON agents(team_id);

CREATE TABLE customers (
  id TEXT PRIMARY KEY,
  external_ref TEXT UNIQUE,
  name TEXT,
  email TEXT,
  first_seen_at TEXT,
  created_at TEXT NOT NULL
);

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

CREATE TABLE import_mappings (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  mapping_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Every KPI input of DOMAIN.md; all nullable because each export carries a different subset.
CREATE TABLE interactions (
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
  updated_at TEXT NOT NULL,
  UNIQUE (source, external_id)
);
CREATE INDEX interactions_started ON interactions(started_at);
CREATE INDEX interactions_agent_started ON interactions(agent_id, started_at);
CREATE INDEX interactions_customer_started ON interactions(customer_id, started_at);

-- Logged-in time per agent and day, for interactions per hour and idle time.
CREATE TABLE agent_shifts (
  agent_id TEXT NOT NULL REFERENCES agents(id),
  day TEXT NOT NULL,
  logged_in_seconds REAL NOT NULL CHECK (logged_in_seconds >= 0),
  PRIMARY KEY (agent_id, day)
);

-- Customer counts entered per period when interactions carry no customer ids (retention rate).
CREATE TABLE customer_counts (
  id TEXT PRIMARY KEY,
  team_id TEXT REFERENCES teams(id),
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  customers_at_start INTEGER NOT NULL CHECK (customers_at_start >= 0),
  customers_at_end INTEGER NOT NULL CHECK (customers_at_end >= 0),
  new_customers INTEGER NOT NULL CHECK (new_customers >= 0)
);

-- Chart marks that explain spikes (a product launch, an outage).
CREATE TABLE kpi_events (
  id TEXT PRIMARY KEY,
  team_id TEXT REFERENCES teams(id),
  day TEXT NOT NULL,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE review_forms (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at TEXT NOT NULL
);

-- A review keeps the exact version it was scored on; versions are immutable once used.
CREATE TABLE review_form_versions (
  id TEXT PRIMARY KEY,
  form_id TEXT NOT NULL REFERENCES review_forms(id),
  version INTEGER NOT NULL,
  definition_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (form_id, version)
);

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
);
CREATE INDEX reviews_agent ON reviews(agent_id, reviewed_at);
CREATE INDEX reviews_interaction ON reviews(interaction_id);

CREATE TABLE review_answers (
  review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
  criterion_id TEXT NOT NULL,
  rating REAL,
  not_applicable INTEGER NOT NULL DEFAULT 0 CHECK (not_applicable IN (0, 1)),
  comment TEXT,
  PRIMARY KEY (review_id, criterion_id)
);

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
CREATE INDEX performance_reviews_agent ON performance_reviews(agent_id, period_start);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  action TEXT NOT NULL,
  diff_json TEXT
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, at);
`;
