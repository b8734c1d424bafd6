import type { DisputeStatus, ReviewDisputeView } from '../../../shared/ipc/contracts/reviewLifecycle';
import type { ReviewCriterion, ReviewFormDefinition } from '../../../shared/reviews/form';
import type { BackendContext } from '../core/context';

interface DisputeRow {
  id: string;
  reviewId: string;
  criterionId: string;
  agentId: string;
  agentName: string;
  agentReason: string;
  proposedRating: number | null;
  proposedNotApplicable: number;
  openedAt: string;
  openedBy: string;
  status: DisputeStatus;
  originalRating: number | null;
  originalNotApplicable: number;
  resolvedRating: number | null;
  resolvedNotApplicable: number | null;
  resolutionReason: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  reviewScore: number | null;
  scoreBefore: number | null;
  scoreAfter: number | null;
  definitionJson: string;
}

const DISPUTE_SELECT = `
  SELECT d.id, d.review_id AS reviewId, d.criterion_id AS criterionId, r.agent_id AS agentId, a.name AS agentName,
         d.agent_reason AS agentReason, d.proposed_rating AS proposedRating,
         d.proposed_not_applicable AS proposedNotApplicable, d.opened_at AS openedAt, d.opened_by AS openedBy,
         d.status, d.original_rating AS originalRating, d.original_not_applicable AS originalNotApplicable,
         d.resolved_rating AS resolvedRating, d.resolved_not_applicable AS resolvedNotApplicable,
         d.resolution_reason AS resolutionReason, d.resolved_at AS resolvedAt, d.resolved_by AS resolvedBy,
         r.score AS reviewScore, am.score_before AS scoreBefore, am.score_after AS scoreAfter,
         v.definition_json AS definitionJson
    FROM review_disputes d
    JOIN reviews r ON r.id = d.review_id
    LEFT JOIN review_amendments am ON am.review_id = d.review_id AND am.dispute_id = d.id
    JOIN agents a ON a.id = r.agent_id
    JOIN review_form_versions v ON v.id = r.form_version_id`;

/** Criteria per form version, parsed once per list. */
function criterionFinder(): (row: DisputeRow) => ReviewCriterion | undefined {
  const cache = new Map<string, Map<string, ReviewCriterion>>();
  return (row) => {
    let criteria = cache.get(row.definitionJson);
    if (!criteria) {
      const definition = JSON.parse(row.definitionJson) as ReviewFormDefinition;
      criteria = new Map(definition.sections.flatMap((s) => s.criteria.map((c) => [c.id, c] as const)));
      cache.set(row.definitionJson, criteria);
    }
    return criteria.get(row.criterionId);
  };
}

function toViews(rows: DisputeRow[]): ReviewDisputeView[] {
  const find = criterionFinder();
  return rows.map((row) => {
    const { definitionJson: _definition, ...rest } = row;
    const criterion = find(row);
    return {
      ...rest,
      criterionLabel: criterion?.label ?? row.criterionId,
      criterionScale: criterion?.scale ?? null,
      criterionMaxPoints: criterion?.scale === 'points' ? (criterion.maxPoints ?? 1) : null,
      proposedNotApplicable: row.proposedNotApplicable === 1,
      originalNotApplicable: row.originalNotApplicable === 1,
      resolvedNotApplicable: row.resolvedNotApplicable === null ? null : row.resolvedNotApplicable === 1,
    };
  });
}

export function listDisputesOfReview(ctx: Pick<BackendContext, 'db'>, reviewId: string): ReviewDisputeView[] {
  return toViews(
    ctx.db.all<DisputeRow>(`${DISPUTE_SELECT} WHERE d.review_id = ? ORDER BY d.opened_at, d.id`, [reviewId]),
  );
}

/** Open disputes oldest first (they wait longest); resolved ones newest first. */
export function listDisputes(
  ctx: Pick<BackendContext, 'db'>,
  input: { status?: DisputeStatus; limit: number },
): ReviewDisputeView[] {
  const rows =
    input.status === undefined
      ? ctx.db.all<DisputeRow>(
          `${DISPUTE_SELECT} ORDER BY d.status = 'open' DESC, d.opened_at DESC, d.id LIMIT ?`,
          [input.limit],
        )
      : ctx.db.all<DisputeRow>(
          `${DISPUTE_SELECT} WHERE d.status = ?
            ORDER BY CASE WHEN d.status = 'open' THEN d.opened_at END, d.resolved_at DESC, d.id LIMIT ?`,
          [input.status, input.limit],
        );
  return toViews(rows);
}

export function getDispute(
  ctx: Pick<BackendContext, 'db'>,
  disputeId: string,
): ReviewDisputeView | undefined {
  return toViews(ctx.db.all<DisputeRow>(`${DISPUTE_SELECT} WHERE d.id = ?`, [disputeId]))[0];
}
