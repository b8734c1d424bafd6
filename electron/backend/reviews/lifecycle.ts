import type {
  AnswerChange,
  ReviewAmendmentView,
  ReviewDetail,
  SavedReviewAnswer,
} from '../../../shared/ipc/contracts/reviewLifecycle';
import { UserFacingError } from '../../../shared/ipc/result';
import { explainReviewScore } from '../../../shared/reviews/explain';
import { computeReviewScore } from '../../../shared/reviews/score';
import { assertCalibrationWrite, assertReviewVisible } from '../calibration/blind';
import type { AuditTrail } from '../core/audit';
import { nowIso, type BackendContext } from '../core/context';
import { loadProfile } from '../core/profile';
import { listDisputesOfReview } from './disputeViews';
import {
  applyChange,
  requireAllAnswered,
  dayOf,
  findCriterion,
  loadAnswers,
  loadReview,
  storeScore,
  writeAnswer,
  type ReviewRecord,
} from './records';

/** The version a new review is scored on: the latest version of the newest active form. */
export function activeFormVersionId(ctx: Pick<BackendContext, 'db'>): string | null {
  const row = ctx.db.get<{ id: string }>(
    `SELECT v.id FROM review_form_versions v JOIN review_forms f ON f.id = v.form_id
      WHERE f.archived = 0
        AND v.version = (SELECT max(version) FROM review_form_versions w WHERE w.form_id = v.form_id)
      ORDER BY v.created_at DESC, v.id DESC LIMIT 1`,
  );
  return row?.id ?? null;
}

/** The given form version (refused when archived or gone), else the active form's latest. */
export function chooseVersion(ctx: BackendContext, formVersionId: string | undefined): string {
  if (formVersionId === undefined) {
    const active = activeFormVersionId(ctx);
    if (!active)
      throw new UserFacingError(
        'user_error',
        'There is no active review form. Create one (or restore an archived one) under Reviews ▸ Forms first.',
      );
    return active;
  }
  const row = ctx.db.get<{ archived: number; name: string }>(
    `SELECT f.archived, f.name FROM review_form_versions v JOIN review_forms f ON f.id = v.form_id WHERE v.id = ?`,
    [formVersionId],
  );
  if (!row) throw new UserFacingError('not_found', 'That review form version no longer exists.');
  if (row.archived === 1)
    throw new UserFacingError(
      'conflict',
      `The form "${row.name}" is archived. Restore it to review with it.`,
    );
  return formVersionId;
}

/**
 * Starts a draft review of an interaction, or resumes the evaluator's own draft of it. The
 * evaluator is the profile name: a review without a name could not be calibrated or disputed.
 */
export function startReview(
  ctx: BackendContext,
  input: { interactionId: number; formVersionId?: string },
  audit: AuditTrail,
): ReviewDetail {
  const evaluator = loadProfile(ctx).name;
  if (!evaluator)
    throw new UserFacingError(
      'user_error',
      'Set your name in the profile first: every review records who evaluated it.',
    );
  const interaction = ctx.db.get<{ agentId: string | null }>(
    'SELECT agent_id AS agentId FROM interactions WHERE id = ?',
    [input.interactionId],
  );
  if (!interaction)
    throw new UserFacingError('not_found', `Interaction ${input.interactionId} does not exist.`);
  if (!interaction.agentId)
    throw new UserFacingError(
      'user_error',
      `Interaction ${input.interactionId} has no agent, so there is nobody to review. Import it with its agent first.`,
    );
  const own = ctx.db.get<{ id: string; status: string; reviewedAt: string | null; score: number | null }>(
    `SELECT id, status, reviewed_at AS reviewedAt, score FROM reviews
      WHERE interaction_id = ? AND evaluator = ? AND calibration_group IS NULL
      ORDER BY status = 'draft' DESC, created_at DESC LIMIT 1`,
    [input.interactionId, evaluator],
  );
  if (own?.status === 'draft') return getReviewDetail(ctx, own.id);
  if (own)
    throw new UserFacingError(
      'conflict',
      `You already reviewed interaction ${input.interactionId} on ${dayOf(own.reviewedAt)}. To change that review, amend it with a reason.`,
    );
  const versionId = chooseVersion(ctx, input.formVersionId);
  const id = insertDraft(
    ctx,
    {
      interactionId: input.interactionId,
      agentId: interaction.agentId,
      versionId,
      evaluator,
      calibrationGroup: null,
    },
    audit,
  );
  return getReviewDetail(ctx, id);
}

/**
 * Writes a new draft review. A calibration review (with its session as the group) never counts in
 * QA: it scores the evaluators, not the agent.
 */
export function insertDraft(
  ctx: BackendContext,
  draft: {
    interactionId: number;
    agentId: string;
    versionId: string;
    evaluator: string;
    calibrationGroup: string | null;
  },
  audit: AuditTrail,
): string {
  const id = ctx.ids.next('rev');
  const now = nowIso(ctx);
  ctx.db.run(
    `INSERT INTO reviews (id, form_version_id, agent_id, interaction_id, evaluator, status, failed_critical,
       calibration_group, counts_in_qa, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'draft', 0, ?, ?, ?, ?)`,
    [
      id,
      draft.versionId,
      draft.agentId,
      draft.interactionId,
      draft.evaluator,
      draft.calibrationGroup,
      draft.calibrationGroup === null ? 1 : 0,
      now,
      now,
    ],
  );
  audit.record({
    entityId: id,
    action: 'started',
    after: {
      interactionId: draft.interactionId,
      formVersionId: draft.versionId,
      agentId: draft.agentId,
      ...(draft.calibrationGroup === null ? {} : { calibrationSession: draft.calibrationGroup }),
    },
  });
  return id;
}

/** Submitted reviews are final: the refusal says how to change one. */
function requireDraft(review: ReviewRecord): void {
  if (review.status === 'submitted')
    throw new UserFacingError(
      'conflict',
      `This review was submitted on ${dayOf(review.submittedAt ?? review.reviewedAt)} and is final. To change it, amend it and give a reason.`,
    );
}

/** Saves one answer of a draft; the call returns once the change is journaled on disk. */
export function saveReviewAnswer(
  ctx: BackendContext,
  input: { reviewId: string } & AnswerChange,
  audit: AuditTrail,
): SavedReviewAnswer {
  const review = loadReview(ctx, input.reviewId);
  requireDraft(review);
  assertCalibrationWrite(ctx, review, 'answer');
  const criterion = findCriterion(review, input.criterionId);
  const current = loadAnswers(ctx, review.id).find((a) => a.criterionId === criterion.id);
  const answer = applyChange(criterion, current, input);
  const blank = answer.rating === null && !answer.notApplicable && answer.comment === null;
  const unchanged = current === undefined ? blank : JSON.stringify(current) === JSON.stringify(answer);
  if (!unchanged) {
    writeAnswer(ctx, review.id, answer);
    audit.record({ entityId: review.id, action: 'answered', before: current ?? null, after: answer });
  }
  const { answers, result } = unchanged
    ? { answers: loadAnswers(ctx, review.id), result: null }
    : storeScore(ctx, review);
  const explanation = explainReviewScore(review.definition, answers);
  return {
    reviewId: review.id,
    answer,
    score: result?.score ?? explanation.score,
    failedCritical: result?.failedCritical ?? explanation.failedCritical,
    explanation,
  };
}

export function setReviewComment(
  ctx: BackendContext,
  input: { reviewId: string; comment: string | null },
  audit: AuditTrail,
): ReviewDetail {
  const review = loadReview(ctx, input.reviewId);
  requireDraft(review);
  assertCalibrationWrite(ctx, review, 'answer');
  const comment = input.comment?.trim() ? input.comment.trim() : null;
  if (comment !== review.comment) {
    ctx.db.run('UPDATE reviews SET comment = ?, updated_at = ? WHERE id = ?', [
      comment,
      nowIso(ctx),
      review.id,
    ]);
    audit.record({ entityId: review.id, action: 'commented', before: review.comment, after: comment });
  }
  return getReviewDetail(ctx, review.id);
}

export function submitReview(ctx: BackendContext, reviewId: string, audit: AuditTrail): ReviewDetail {
  const review = loadReview(ctx, reviewId);
  if (review.status === 'submitted')
    throw new UserFacingError(
      'conflict',
      `This review was already submitted on ${dayOf(review.submittedAt)}.`,
    );
  assertCalibrationWrite(ctx, review, 'answer');
  const result = computeReviewScore(review.definition, loadAnswers(ctx, review.id));
  requireAllAnswered(review.definition, result.unanswered);
  const now = nowIso(ctx);
  ctx.db.run(
    `UPDATE reviews SET status = 'submitted', submitted_at = ?, reviewed_at = ?, score = ?, failed_critical = ?,
       updated_at = ? WHERE id = ?`,
    [now, now, result.score, result.failedCritical ? 1 : 0, now, review.id],
  );
  audit.record({
    entityId: review.id,
    action: 'submitted',
    before: { status: 'draft' },
    after: { status: 'submitted', score: result.score, failedCritical: result.failedCritical },
  });
  return getReviewDetail(ctx, review.id);
}

export function listAmendments(ctx: Pick<BackendContext, 'db'>, reviewId: string): ReviewAmendmentView[] {
  return ctx.db
    .all<{
      id: string;
      amendedAt: string;
      actor: string;
      reason: string;
      disputeId: string | null;
      scoreBefore: number | null;
      scoreAfter: number | null;
      failedCriticalBefore: number;
      failedCriticalAfter: number;
      answersBefore: string;
      answersAfter: string;
    }>(
      `SELECT id, amended_at AS amendedAt, actor, reason, dispute_id AS disputeId, score_before AS scoreBefore,
              score_after AS scoreAfter, failed_critical_before AS failedCriticalBefore,
              failed_critical_after AS failedCriticalAfter, answers_before_json AS answersBefore,
              answers_after_json AS answersAfter
         FROM review_amendments WHERE review_id = ? ORDER BY amended_at, id`,
      [reviewId],
    )
    .map((a) => ({
      ...a,
      failedCriticalBefore: a.failedCriticalBefore === 1,
      failedCriticalAfter: a.failedCriticalAfter === 1,
      answersBefore: JSON.parse(a.answersBefore) as ReviewAmendmentView['answersBefore'],
      answersAfter: JSON.parse(a.answersAfter) as ReviewAmendmentView['answersAfter'],
    }));
}

export function getReviewDetail(ctx: BackendContext, reviewId: string): ReviewDetail {
  const review = loadReview(ctx, reviewId);
  assertReviewVisible(ctx, review);
  const agent = ctx.db.get<{ name: string; teamId: string | null; teamName: string | null }>(
    `SELECT a.name, a.team_id AS teamId, t.name AS teamName FROM agents a LEFT JOIN teams t ON t.id = a.team_id
      WHERE a.id = ?`,
    [review.agentId],
  );
  const answers = loadAnswers(ctx, review.id);
  return {
    ...review,
    agentName: agent?.name ?? '',
    teamId: agent?.teamId ?? null,
    teamName: agent?.teamName ?? null,
    answers,
    explanation: explainReviewScore(review.definition, answers),
    amendments: listAmendments(ctx, review.id),
    disputes: listDisputesOfReview(ctx, review.id),
  };
}
