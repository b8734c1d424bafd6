/**
 * Calibration sessions: several evaluators score the same interactions blind, then the session is
 * revealed and the lead records the agreed answer per criterion.
 *
 * The ratings themselves stay in `reviews` (calibration_group = the session id, counts_in_qa = 0),
 * so a calibration review is scored, stored and audited like every other review. The tables here
 * hold what a review cannot: the session (form version, state), its interactions and evaluators,
 * the agreed answers, which answers files were imported, and, in an evaluator's own copy, the
 * packets they opened with their answers (those interactions are not in that copy's data, so they
 * cannot be reviews there).
 *
 * Reviews grouped by calibration_group before this version become sessions: revealed when every
 * review is submitted, else still scoring.
 */
export const migration006 = `
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
CREATE INDEX calibration_sessions_state ON calibration_sessions(state, created_at);

CREATE TABLE calibration_session_interactions (
  session_id TEXT NOT NULL REFERENCES calibration_sessions(id) ON DELETE CASCADE,
  interaction_id INTEGER NOT NULL REFERENCES interactions(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (session_id, interaction_id)
);

CREATE TABLE calibration_session_evaluators (
  session_id TEXT NOT NULL REFERENCES calibration_sessions(id) ON DELETE CASCADE,
  evaluator TEXT NOT NULL CHECK (length(trim(evaluator)) > 0),
  position INTEGER NOT NULL,
  PRIMARY KEY (session_id, evaluator)
);

-- What the lead and the evaluators agreed after the reveal: a rating or N/A, and why.
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

-- Answers files imported by the lead, by content hash: the same file twice changes nothing.
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

-- An evaluator's copy: the packets opened here (the session lives in the lead's data file).
CREATE TABLE calibration_packets (
  session_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  packet_json TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  opened_by TEXT NOT NULL
);

-- Blind answers to a packet, per evaluator profile and interaction of the lead's data file.
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

-- A session's reviews are read together (progress, reveal, statistics).
CREATE INDEX reviews_calibration ON reviews(calibration_group, evaluator) WHERE calibration_group IS NOT NULL;

-- Earlier calibration groups become sessions (one form version and at least one interaction each).
INSERT INTO calibration_sessions (id, name, form_version_id, state, created_by, created_at, updated_at,
    scoring_at, revealed_at)
  SELECT calibration_group,
         'Calibration of ' || substr(min(coalesce(reviewed_at, created_at)), 1, 10),
         min(form_version_id),
         CASE WHEN sum(status = 'draft') = 0 THEN 'revealed' ELSE 'scoring' END,
         'earlier calibration reviews',
         min(created_at),
         max(updated_at),
         min(created_at),
         CASE WHEN sum(status = 'draft') = 0 THEN max(coalesce(submitted_at, reviewed_at, updated_at)) END
    FROM reviews
   WHERE calibration_group IS NOT NULL
   GROUP BY calibration_group
  HAVING count(DISTINCT form_version_id) = 1 AND count(interaction_id) > 0;

INSERT INTO calibration_session_interactions (session_id, interaction_id, position)
  SELECT calibration_group, interaction_id,
         row_number() OVER (PARTITION BY calibration_group ORDER BY interaction_id) - 1
    FROM (SELECT DISTINCT r.calibration_group, r.interaction_id FROM reviews r
           JOIN calibration_sessions s ON s.id = r.calibration_group WHERE r.interaction_id IS NOT NULL);

INSERT INTO calibration_session_evaluators (session_id, evaluator, position)
  SELECT calibration_group, evaluator,
         row_number() OVER (PARTITION BY calibration_group ORDER BY evaluator) - 1
    FROM (SELECT DISTINCT r.calibration_group, r.evaluator FROM reviews r
           JOIN calibration_sessions s ON s.id = r.calibration_group WHERE length(trim(r.evaluator)) > 0);
`;
