import { UserFacingError } from '../../../shared/ipc/result';
import type { ReviewAnswer } from '../../../shared/reviews/form';
import { formWhatIf, type FormWhatIf, type WhatIfReview } from '../../../shared/reviews/whatIf';
import type { BackendContext } from '../core/context';
import { parseDefinition } from './forms';
import { loadReviewSettings } from './settingsStore';

const DAY_MS = 86_400_000;

/**
 * What-if before publishing: rescores the form's submitted QA reviews of the last `days` days
 * (any version) under the draft definition. Nothing is written.
 */
export function previewReviewForm(
  ctx: BackendContext,
  input: { formId: string; definition?: unknown; days: number },
): FormWhatIf & { days: number; since: string } {
  const draft = parseDefinition(input.definition);
  if (!ctx.db.get('SELECT 1 FROM review_forms WHERE id = ?', [input.formId]))
    throw new UserFacingError('not_found', 'That review form no longer exists.');
  const since = new Date(ctx.clock.now().getTime() - input.days * DAY_MS).toISOString();
  const rows = ctx.db.all<{
    id: string;
    agentName: string;
    reviewedAt: string;
    score: number | null;
    failedCritical: number;
  }>(
    `SELECT r.id, a.name AS agentName, r.reviewed_at AS reviewedAt, r.score, r.failed_critical AS failedCritical
       FROM reviews r
       JOIN review_form_versions v ON v.id = r.form_version_id
       JOIN agents a ON a.id = r.agent_id
      WHERE v.form_id = ? AND r.status = 'submitted' AND r.counts_in_qa = 1 AND r.reviewed_at >= ?`,
    [input.formId, since],
  );
  const answers = new Map<string, ReviewAnswer[]>();
  for (const a of ctx.db.all<{ reviewId: string; criterionId: string; rating: number | null; na: number }>(
    `SELECT ans.review_id AS reviewId, ans.criterion_id AS criterionId, ans.rating, ans.not_applicable AS na
       FROM reviews r JOIN review_form_versions v ON v.id = r.form_version_id
       JOIN review_answers ans ON ans.review_id = r.id
      WHERE v.form_id = ? AND r.status = 'submitted' AND r.counts_in_qa = 1 AND r.reviewed_at >= ?`,
    [input.formId, since],
  )) {
    const list = answers.get(a.reviewId) ?? [];
    list.push({ criterionId: a.criterionId, rating: a.rating, notApplicable: a.na === 1 });
    answers.set(a.reviewId, list);
  }
  const reviews: WhatIfReview[] = rows.map((r) => ({
    ...r,
    failedCritical: r.failedCritical === 1,
    answers: answers.get(r.id) ?? [],
  }));
  return { ...formWhatIf(reviews, draft, loadReviewSettings(ctx).passScore), days: input.days, since };
}
