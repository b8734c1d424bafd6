/**
 * Call reviews beyond the form: when a review was submitted, whether it counts toward an agent's
 * QA results (calibration reviews score the evaluators, not the agent), the amendment trail of
 * submitted reviews and agents' disputes of single criteria.
 *
 * ALTER TABLE keeps the reviews table (and the references to it) in place; the CHECK on the new
 * column is enforced for new writes, and the backfill below only writes 0 or 1.
 */
export const migration004 = `
ALTER TABLE reviews ADD COLUMN submitted_at TEXT;
ALTER TABLE reviews ADD COLUMN counts_in_qa INTEGER NOT NULL DEFAULT 1 CHECK (counts_in_qa IN (0, 1));

-- Submitted before this version: the review date is the best record of when it was submitted.
UPDATE reviews SET submitted_at = coalesce(reviewed_at, updated_at) WHERE status = 'submitted';
UPDATE reviews SET counts_in_qa = 0 WHERE calibration_group IS NOT NULL;

-- QA reports read submitted, counting reviews of a period.
CREATE INDEX reviews_qa_time ON reviews(status, counts_in_qa, reviewed_at);

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
CREATE INDEX review_disputes_status ON review_disputes(status, opened_at);
CREATE INDEX review_disputes_review ON review_disputes(review_id, criterion_id);
-- One open dispute per criterion of a review: a second one would be resolved twice.
CREATE UNIQUE INDEX review_disputes_one_open ON review_disputes(review_id, criterion_id) WHERE status = 'open';

-- Every change to a submitted review: submitted reviews are final, so the score history lives here.
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
CREATE INDEX review_amendments_review ON review_amendments(review_id, amended_at);
`;
