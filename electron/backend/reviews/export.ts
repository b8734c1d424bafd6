import { zonedToEpochMs } from '../../../shared/kpi/businessTime';
import { toCsv, type CsvCell } from '../../../shared/kpi/csv';
import { addDays } from '../../../shared/kpi/periods';
import type { ReviewFormDefinition } from '../../../shared/reviews/form';
import type { Db } from '../db/database';
import { notBlindCondition } from '../calibration/blind';
import { loadKpiSettings } from '../kpi/settingsStore';

export interface ExportedAnswer {
  criterionId: string;
  label: string;
  rating: number | null;
  notApplicable: boolean;
  comment: string | null;
}

export interface ExportedReview {
  id: string;
  reviewedAt: string;
  submittedAt: string | null;
  agent: string;
  team: string | null;
  evaluator: string;
  interactionId: number | null;
  channel: string | null;
  form: string;
  formVersion: number;
  score: number | null;
  failedCritical: boolean;
  countsInQa: boolean;
  calibrationGroup: string | null;
  comment: string | null;
  amendments: number;
  answers: ExportedAnswer[];
}

interface Row {
  id: string;
  reviewedAt: string;
  submittedAt: string | null;
  agent: string;
  team: string | null;
  evaluator: string;
  interactionId: number | null;
  channel: string | null;
  form: string;
  formVersion: number;
  definitionJson: string;
  score: number | null;
  failedCritical: number;
  countsInQa: number;
  calibrationGroup: string | null;
  comment: string | null;
  amendments: number;
}

/**
 * Submitted reviews whose review date falls on the local days [from, to], oldest first; calibration
 * reviews of a session not yet revealed are left out (they are blind).
 */
export function exportReviews(db: Db, from: string, to: string): ExportedReview[] {
  const timeZone = loadKpiSettings(db).calendar.timeZone;
  const start = new Date(zonedToEpochMs(from, '00:00', timeZone)).toISOString();
  const end = new Date(zonedToEpochMs(addDays(to, 1), '00:00', timeZone)).toISOString();
  const rows = db.all<Row>(
    `SELECT r.id, r.reviewed_at AS reviewedAt, r.submitted_at AS submittedAt, a.name AS agent, t.name AS team,
            r.evaluator, r.interaction_id AS interactionId, i.channel, f.name AS form, v.version AS formVersion,
            v.definition_json AS definitionJson, r.score, r.failed_critical AS failedCritical,
            r.counts_in_qa AS countsInQa, r.calibration_group AS calibrationGroup, r.comment,
            (SELECT count(*) FROM review_amendments m WHERE m.review_id = r.id) AS amendments
       FROM reviews r
       JOIN agents a ON a.id = r.agent_id
       LEFT JOIN teams t ON t.id = a.team_id
       LEFT JOIN interactions i ON i.id = r.interaction_id
       JOIN review_form_versions v ON v.id = r.form_version_id
       JOIN review_forms f ON f.id = v.form_id
      WHERE r.status = 'submitted' AND r.reviewed_at >= ? AND r.reviewed_at < ? AND ${notBlindCondition('r')}
      ORDER BY r.reviewed_at, r.id`,
    [start, end],
  );
  const labels = new Map<string, Map<string, string>>();
  return rows.map(({ definitionJson, failedCritical, countsInQa, ...row }) => {
    let byId = labels.get(definitionJson);
    if (!byId) {
      const definition = JSON.parse(definitionJson) as ReviewFormDefinition;
      byId = new Map(definition.sections.flatMap((s) => s.criteria.map((c) => [c.id, c.label] as const)));
      labels.set(definitionJson, byId);
    }
    const order = [...byId.keys()];
    const answers = db
      .all<{ criterionId: string; rating: number | null; notApplicable: number; comment: string | null }>(
        `SELECT criterion_id AS criterionId, rating, not_applicable AS notApplicable, comment
           FROM review_answers WHERE review_id = ?`,
        [row.id],
      )
      .map((a) => ({
        ...a,
        label: byId.get(a.criterionId) ?? a.criterionId,
        notApplicable: a.notApplicable === 1,
      }))
      .sort((a, b) => order.indexOf(a.criterionId) - order.indexOf(b.criterionId));
    return { ...row, failedCritical: failedCritical === 1, countsInQa: countsInQa === 1, answers };
  });
}

const BASE_COLUMNS = [
  'review_id',
  'reviewed_at',
  'submitted_at',
  'agent',
  'team',
  'evaluator',
  'interaction_id',
  'channel',
  'form',
  'form_version',
  'score',
  'failed_critical',
  'counts_in_qa',
  'calibration_group',
  'amendments',
  'comment',
];

/**
 * One row per review, one column per criterion (the union over the form versions, in form order):
 * the rating, "N/A", or empty when unanswered. Cells are neutralised against formula injection.
 */
export function reviewsToCsv(reviews: readonly ExportedReview[]): string {
  const criteria: string[] = [];
  for (const review of reviews)
    for (const answer of review.answers)
      if (!criteria.includes(answer.criterionId)) criteria.push(answer.criterionId);
  const rows: CsvCell[][] = [[...BASE_COLUMNS, ...criteria]];
  for (const r of reviews) {
    const byId = new Map(r.answers.map((a) => [a.criterionId, a]));
    rows.push([
      r.id,
      r.reviewedAt,
      r.submittedAt,
      r.agent,
      r.team,
      r.evaluator,
      r.interactionId,
      r.channel,
      r.form,
      r.formVersion,
      r.score,
      r.failedCritical ? 'yes' : 'no',
      r.countsInQa ? 'yes' : 'no',
      r.calibrationGroup,
      r.amendments,
      r.comment,
      ...criteria.map((id) => {
        const answer = byId.get(id);
        return answer?.notApplicable ? 'N/A' : (answer?.rating ?? null);
      }),
    ]);
  }
  return toCsv(rows);
}
