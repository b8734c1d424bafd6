/**
 * `reviews.ratings_packed`: the review's ratings in its form version's criterion order ("1,4,n,,2";
 * see shared/reviews/packed.ts), so QA reports read one column per review instead of thirty answer
 * rows (a quarter's criterion validity touched 375k of them). It is a cache: any write to a
 * review's answers clears it (the triggers), the backend writes it again with the score, and a
 * reader falls back to review_answers while it is NULL. Backfilled from the answers here.
 */
export const migration005 = `
ALTER TABLE reviews ADD COLUMN ratings_packed TEXT;

-- Ordered through a subquery, not group_concat(… ORDER BY …): that form needs SQLite 3.44, and the
-- file must stay readable by older sqlite3 shells (Debian 12 ships 3.40). An aggregate over an
-- ordered subquery is never flattened, so the parts arrive in form order.
UPDATE reviews SET ratings_packed = (
  SELECT group_concat(part, ',') FROM (
    SELECT CASE WHEN a.not_applicable = 1 THEN 'n' WHEN a.rating IS NULL THEN '' ELSE printf('%g', a.rating) END AS part
      FROM review_form_versions v, json_each(v.definition_json, '$.sections') s, json_each(s.value, '$.criteria') c
      LEFT JOIN review_answers a ON a.review_id = reviews.id AND a.criterion_id = json_extract(c.value, '$.id')
     WHERE v.id = reviews.form_version_id
     ORDER BY s.key, c.key
  )
);

CREATE TRIGGER review_answers_unpack_insert AFTER INSERT ON review_answers BEGIN
  UPDATE reviews SET ratings_packed = NULL WHERE id = NEW.review_id AND ratings_packed IS NOT NULL;
END;
CREATE TRIGGER review_answers_unpack_update AFTER UPDATE ON review_answers BEGIN
  UPDATE reviews SET ratings_packed = NULL WHERE id IN (OLD.review_id, NEW.review_id) AND ratings_packed IS NOT NULL;
END;
CREATE TRIGGER review_answers_unpack_delete AFTER DELETE ON review_answers BEGIN
  UPDATE reviews SET ratings_packed = NULL WHERE id = OLD.review_id AND ratings_packed IS NOT NULL;
END;
`;
