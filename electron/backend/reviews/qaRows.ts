import { localDay, zonedToEpochMs } from '../../../shared/kpi/businessTime';
import { addDays, eachDay } from '../../../shared/kpi/periods';
import type { ReviewAnswer, ReviewFormDefinition } from '../../../shared/reviews/form';
import { unpackRatings } from '../../../shared/reviews/packed';
import { notBlindCondition } from '../calibration/blind';
import type { BackendContext } from '../core/context';
import { loadKpiSettings } from '../kpi/settingsStore';

/** What every QA read shares: which submitted reviews are in scope, and their answers. */

export interface Scope {
  from: string;
  to: string;
  teamId?: string;
  agentId?: string;
}

export interface ReviewRow {
  id: string;
  agentId: string;
  agentName: string;
  teamId: string | null;
  teamName: string | null;
  evaluator: string;
  reviewedAt: string;
  score: number | null;
  failedCritical: number;
  formVersionId: string;
  interactionId: number | null;
  packed: string | null;
}

type AnswerTuple = [reviewId: string, criterionId: string, rating: number | null, notApplicable: number];

/** The review-date window of a range of local days, as ISO instants (end exclusive). */
export function window(ctx: Pick<BackendContext, 'db'>, from: string, to: string) {
  const timeZone = loadKpiSettings(ctx.db).calendar.timeZone;
  return {
    timeZone,
    start: new Date(zonedToEpochMs(from, '00:00', timeZone)).toISOString(),
    end: new Date(zonedToEpochMs(addDays(to, 1), '00:00', timeZone)).toISOString(),
  };
}

/** Shared WHERE of every QA read: submitted, in the window, in scope; `qaOnly` drops calibration reviews. */
export function filter(scope: Scope, start: string, end: string, qaOnly: boolean) {
  const where = [`r.status = 'submitted'`, 'r.reviewed_at >= ?', 'r.reviewed_at < ?'];
  const params: Array<string | number> = [start, end];
  if (qaOnly) where.splice(1, 0, 'r.counts_in_qa = 1');
  // Reads that take calibration reviews in (evaluator leniency) never see blind ones.
  else where.push(notBlindCondition('r'));
  if (scope.teamId) {
    // Through the agents of the team, so SQLite walks reviews_agent for each of them instead of
    // every review of the period.
    where.push('r.agent_id IN (SELECT id FROM agents WHERE team_id = ?)');
    params.push(scope.teamId);
  }
  if (scope.agentId) {
    where.push('r.agent_id = ?');
    params.push(scope.agentId);
  }
  return { sql: where.join(' AND '), params };
}

export function loadRows(ctx: Pick<BackendContext, 'db'>, scope: Scope, qaOnly: boolean) {
  const { timeZone, start, end } = window(ctx, scope.from, scope.to);
  const where = filter(scope, start, end, qaOnly);
  // Rows as arrays: sql.js builds objects a column at a time, a third of this read.
  const reviews = ctx.db
    .values(
      `SELECT r.id, r.agent_id, a.name, a.team_id, t.name, r.evaluator, r.reviewed_at, r.score, r.failed_critical,
              r.form_version_id, r.interaction_id, r.ratings_packed
         FROM reviews r JOIN agents a ON a.id = r.agent_id LEFT JOIN teams t ON t.id = a.team_id
        WHERE ${where.sql} ORDER BY r.reviewed_at, r.id`,
      where.params,
    )
    .map((v): ReviewRow => ({
      id: v[0] as string,
      agentId: v[1] as string,
      agentName: v[2] as string,
      teamId: v[3] as string | null,
      teamName: v[4] as string | null,
      evaluator: v[5] as string,
      reviewedAt: v[6] as string,
      score: v[7] as number | null,
      failedCritical: v[8] as number,
      formVersionId: v[9] as string,
      interactionId: v[10] as number | null,
      packed: v[11] as string | null,
    }));
  return { reviews, timeZone, where };
}

/**
 * Each review's answers: unpacked from `ratings_packed`, or read from review_answers for the few
 * reviews whose packed ratings were cleared by a write that did not repack them.
 */
export function answersOf(
  ctx: Pick<BackendContext, 'db'>,
  reviews: readonly ReviewRow[],
  definitionOf: (versionId: string) => ReviewFormDefinition,
): Map<string, ReviewAnswer[]> {
  const answers = new Map<string, ReviewAnswer[]>();
  const unpacked: string[] = [];
  for (const review of reviews) {
    if (review.packed === null) unpacked.push(review.id);
    else answers.set(review.id, unpackRatings(definitionOf(review.formVersionId), review.packed));
  }
  for (let i = 0; i < unpacked.length; i += 500) {
    const ids = unpacked.slice(i, i + 500);
    const rows = ctx.db.values(
      `SELECT review_id, criterion_id, rating, not_applicable FROM review_answers
        WHERE review_id IN (${ids.map(() => '?').join(', ')})`,
      ids,
    ) as AnswerTuple[];
    for (const [reviewId, criterionId, rating, na] of rows) {
      const list = answers.get(reviewId) ?? [];
      list.push({ criterionId, rating, notApplicable: na === 1 });
      answers.set(reviewId, list);
    }
  }
  return answers;
}

/**
 * Local day of an instant inside [from, to]: one zone conversion per day of the range and a binary
 * search per review, instead of an Intl call per review.
 */
export function localDayResolver(from: string, to: string, timeZone: string): (iso: string) => string {
  const days = eachDay({ from, to });
  const starts = days.map((day) => zonedToEpochMs(day, '00:00', timeZone));
  return (iso) => {
    const ms = Date.parse(iso);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= ms) lo = mid;
      else hi = mid - 1;
    }
    return days[lo] ?? localDay(ms, timeZone);
  };
}

/** Form definitions by version id, each parsed once. */
export function definitions(ctx: Pick<BackendContext, 'db'>) {
  const cache = new Map<string, ReviewFormDefinition>();
  return (versionId: string): ReviewFormDefinition => {
    let definition = cache.get(versionId);
    if (!definition) {
      const row = ctx.db.get<{ json: string }>(
        'SELECT definition_json AS json FROM review_form_versions WHERE id = ?',
        [versionId],
      );
      definition = row ? (JSON.parse(row.json) as ReviewFormDefinition) : { name: '', sections: [] };
      cache.set(versionId, definition);
    }
    return definition;
  };
}
