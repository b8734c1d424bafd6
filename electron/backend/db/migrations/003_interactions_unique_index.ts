/**
 * Interactions without the table-level UNIQUE (source, external_id): the same rule as a named
 * unique index, which a big import can drop and rebuild by one sort like the other indexes.
 * Kept as an automatic index it had to be updated row by row in random key order: a fifth of
 * the insert time of a 1M-row import. The customer index becomes partial: most exports carry
 * no customer, and every reader of it asks for a customer (customer_id = ? or IS NOT NULL).
 *
 * Rebuilt the way SQLite documents for changes ALTER TABLE cannot make (new table, copy,
 * drop, rename); reviews.interaction_id refers to this table, so the migration runs with
 * foreign keys off and checks them before it commits (see migrate.ts).
 */
export const migration003 = `
CREATE TABLE interactions_v3 (
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

INSERT INTO interactions_v3 SELECT * FROM interactions;
DROP TABLE interactions;
ALTER TABLE interactions_v3 RENAME TO interactions;
CREATE UNIQUE INDEX interactions_source_external ON interactions(source, external_id);
CREATE INDEX interactions_started ON interactions(started_at);
CREATE INDEX interactions_agent_started ON interactions(agent_id, started_at);
CREATE INDEX interactions_customer_started ON interactions(customer_id, started_at) WHERE customer_id IS NOT NULL;
`;
