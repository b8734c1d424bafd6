import type { ReviewDetail } from '../../../shared/ipc/contracts/reviewLifecycle';
import { UserFacingError } from '../../../shared/ipc/result';
import type { AuditTrail } from '../core/audit';
import type { BackendContext } from '../core/context';
import { loadProfile } from '../core/profile';
import { getReviewDetail, insertDraft } from '../reviews/lifecycle';
import { evaluatorsFromFiles, loadSession, sessionEvaluators } from './sessionRead';

/**
 * Starts (or resumes) the profile's own calibration review of one of a session's interactions: an
 * ordinary review on the session's form version, grouped under the session and kept out of QA.
 * From here on the review workspace scores it like any other (saveReviewAnswer, submitReview).
 */
export function startCalibrationReview(
  ctx: BackendContext,
  input: { sessionId: string; interactionId: number },
  audit: AuditTrail,
): ReviewDetail {
  const session = loadSession(ctx, input.sessionId);
  if (session.state !== 'scoring')
    throw new UserFacingError(
      'conflict',
      session.state === 'draft'
        ? `The session "${session.name}" has not started scoring yet.`
        : `The session "${session.name}" was revealed: blind scoring is over.`,
    );
  const me = loadProfile(ctx).name;
  if (!me)
    throw new UserFacingError(
      'user_error',
      'Set your name in the profile first: calibration compares evaluators by name.',
    );
  const evaluators = sessionEvaluators(ctx, session.id);
  if (!evaluators.includes(me))
    throw new UserFacingError(
      'conflict',
      `${me} is not an evaluator of "${session.name}". Switch the profile to one of ${evaluators.map((e) => `"${e}"`).join(', ')}, or add ${me} to the session.`,
    );
  if (evaluatorsFromFiles(ctx, session.id).has(me))
    throw new UserFacingError(
      'conflict',
      `${me}'s answers to "${session.name}" came from an answers file: ${me} scores in their own copy, not here.`,
    );
  const interaction = ctx.db.get<{ agentId: string | null }>(
    `SELECT i.agent_id AS agentId FROM calibration_session_interactions c JOIN interactions i ON i.id = c.interaction_id
      WHERE c.session_id = ? AND c.interaction_id = ?`,
    [session.id, input.interactionId],
  );
  if (!interaction)
    throw new UserFacingError(
      'not_found',
      `Interaction ${input.interactionId} is not part of "${session.name}".`,
    );
  if (!interaction.agentId)
    throw new UserFacingError(
      'user_error',
      `Interaction ${input.interactionId} has no agent any more, so it cannot be reviewed.`,
    );
  const own = ctx.db.get<{ id: string }>(
    `SELECT id FROM reviews WHERE calibration_group = ? AND interaction_id = ? AND evaluator = ?
      ORDER BY created_at LIMIT 1`,
    [session.id, input.interactionId, me],
  );
  if (own) return getReviewDetail(ctx, own.id);
  const id = insertDraft(
    ctx,
    {
      interactionId: input.interactionId,
      agentId: interaction.agentId,
      versionId: session.formVersionId,
      evaluator: me,
      calibrationGroup: session.id,
    },
    audit,
  );
  return getReviewDetail(ctx, id);
}
