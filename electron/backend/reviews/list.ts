import type { ReviewListPage, ReviewListRow } from '../../../shared/ipc/contracts/reviewLifecycle';
import { visibleReviewCondition } from '../calibration/blind';
import type { BackendContext } from '../core/context';

export interface ReviewListInput {
  agentId?: string;
  teamId?: string;
  evaluator?: string;
  status?: 'draft' | 'submitted';
  /** ISO instants bounding the review date (drafts: their start). */
  since?: string;
  until?: string;
  limit: number;
  offset: number;
}

/** Reviews newest first (drafts by their start), with their open disputes. */
export function listReviews(ctx: Pick<BackendContext, 'db'>, input: ReviewListInput): ReviewListPage {
  const where: string[] = [];
  const params: Array<string | number> = [];
  const add = (sql: string, value: string | undefined) => {
    if (value === undefined) return;
    where.push(sql);
    params.push(value);
  };
  add('r.agent_id = ?', input.agentId);
  add('a.team_id = ?', input.teamId);
  add('r.evaluator = ?', input.evaluator);
  add('r.status = ?', input.status);
  add('coalesce(r.reviewed_at, r.created_at) >= ?', input.since);
  add('coalesce(r.reviewed_at, r.created_at) < ?', input.until);
  // Another evaluator's blind calibration review stays out until its session is revealed.
  const visible = visibleReviewCondition(ctx, 'r');
  where.push(visible.sql);
  params.push(...visible.params);
  const from = `FROM reviews r JOIN agents a ON a.id = r.agent_id LEFT JOIN teams t ON t.id = a.team_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const total = ctx.db.get<{ n: number }>(`SELECT count(*) AS n ${from}`, params)?.n ?? 0;
  const rows = ctx.db
    .all<
      Omit<ReviewListRow, 'failedCritical' | 'countsInQa'> & { failedCritical: number; countsInQa: number }
    >(
      `SELECT r.id, r.status, r.agent_id AS agentId, a.name AS agentName, t.name AS teamName, r.evaluator,
              r.interaction_id AS interactionId, r.score, r.failed_critical AS failedCritical,
              r.counts_in_qa AS countsInQa, r.calibration_group AS calibrationGroup, r.reviewed_at AS reviewedAt,
              r.created_at AS createdAt,
              (SELECT count(*) FROM review_disputes d WHERE d.review_id = r.id AND d.status = 'open') AS openDisputes,
              (SELECT count(*) FROM review_amendments m WHERE m.review_id = r.id) AS amendments
         ${from}
        ORDER BY coalesce(r.reviewed_at, r.created_at) DESC, r.id DESC LIMIT ? OFFSET ?`,
      [...params, input.limit, input.offset],
    )
    .map((r) => ({ ...r, failedCritical: r.failedCritical === 1, countsInQa: r.countsInQa === 1 }));
  return { rows, total, offset: input.offset };
}
