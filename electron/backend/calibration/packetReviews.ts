import type {
  AnswerChange,
  ReviewAnswerRecord,
  ReviewContext,
  ReviewDetail,
  SavedReviewAnswer,
} from '../../../shared/ipc/contracts/reviewLifecycle';
import { UserFacingError } from '../../../shared/ipc/result';
import { explainReviewScore } from '../../../shared/reviews/explain';
import { reviewHints } from '../../../shared/reviews/hints';
import { computeReviewScore } from '../../../shared/reviews/score';
import type { AuditTrail } from '../core/audit';
import { nowIso, type BackendContext } from '../core/context';
import { loadProfile } from '../core/profile';
import { applyChange, criteriaOf, dayOf, requireAllAnswered } from '../reviews/records';
import { loadPacket, type StoredPacket } from './packetStore';

/**
 * Blind scoring of a packet in an evaluator's own copy. The rules are the review workspace's: the
 * same answer check (`applyChange`), the same scoring, a review is submitted once every criterion
 * is answered and is final after that. Only the storage differs: the packet's interactions are not
 * in this copy's data, so the answers stay with the packet (never among this copy's reviews).
 */

interface Target {
  sessionId: string;
  interactionId: number;
}

interface PacketReviewRow {
  status: 'draft' | 'submitted';
  score: number | null;
  failedCritical: number;
  comment: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
}

/** The profile scoring, who must be one of the evaluators the lead listed. */
function scorer(ctx: BackendContext, packet: StoredPacket): string {
  const me = loadProfile(ctx).name;
  const listed = packet.file.session.evaluators;
  if (!me)
    throw new UserFacingError(
      'user_error',
      'Set your name in the profile first: the lead matches answers by name.',
    );
  if (!listed.includes(me))
    throw new UserFacingError(
      'conflict',
      `The lead listed ${listed.map((e) => `"${e}"`).join(', ')} for "${packet.file.session.name}", and your profile is "${me}". Switch the profile to your name as listed, or the lead cannot import your answers.`,
    );
  return me;
}

function packetInteraction(packet: StoredPacket, interactionId: number) {
  const entry = packet.file.interactions.find((i) => i.interaction.id === interactionId);
  if (!entry)
    throw new UserFacingError(
      'not_found',
      `Interaction ${interactionId} is not in the packet "${packet.file.session.name}".`,
    );
  return entry;
}

function loadRow(ctx: BackendContext, target: Target, evaluator: string): PacketReviewRow | undefined {
  return ctx.db.get<PacketReviewRow>(
    `SELECT status, score, failed_critical AS failedCritical, comment, created_at AS createdAt, updated_at AS updatedAt,
            submitted_at AS submittedAt
       FROM calibration_packet_reviews WHERE session_id = ? AND evaluator = ? AND interaction_id = ?`,
    [target.sessionId, evaluator, target.interactionId],
  );
}

function loadPacketAnswers(ctx: BackendContext, target: Target, evaluator: string): ReviewAnswerRecord[] {
  return ctx.db
    .all<{ criterionId: string; rating: number | null; na: number; comment: string | null }>(
      `SELECT criterion_id AS criterionId, rating, not_applicable AS na, comment FROM calibration_packet_answers
        WHERE session_id = ? AND evaluator = ? AND interaction_id = ? ORDER BY criterion_id`,
      [target.sessionId, evaluator, target.interactionId],
    )
    .map(({ na, ...a }) => ({ ...a, notApplicable: na === 1 }));
}

/** The packet review in the shape the review workspace shows. */
function detail(ctx: BackendContext, packet: StoredPacket, target: Target, evaluator: string): ReviewDetail {
  const row = loadRow(ctx, target, evaluator);
  if (!row) throw new UserFacingError('not_found', 'This interaction of the packet has not been started.');
  const { interaction } = packetInteraction(packet, target.interactionId);
  const { definition } = packet.file.form;
  const answers = loadPacketAnswers(ctx, target, evaluator);
  return {
    id: `packet:${target.sessionId}:${target.interactionId}`,
    status: row.status,
    formId: packet.file.form.id,
    formName: definition.name,
    formVersionId: packet.file.form.versionId,
    formVersion: packet.file.form.version,
    definition,
    agentId: interaction.agentId ?? '',
    agentName: interaction.agentName ?? '',
    teamId: interaction.teamId,
    teamName: interaction.teamName,
    interactionId: interaction.id,
    evaluator,
    score: row.score,
    failedCritical: row.failedCritical === 1,
    comment: row.comment,
    calibrationGroup: target.sessionId,
    countsInQa: false,
    reviewedAt: row.submittedAt,
    submittedAt: row.submittedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    answers,
    explanation: explainReviewScore(definition, answers),
    amendments: [],
    disputes: [],
  };
}

export function startPacketReview(ctx: BackendContext, target: Target, audit: AuditTrail): ReviewDetail {
  const packet = loadPacket(ctx, target.sessionId);
  const me = scorer(ctx, packet);
  packetInteraction(packet, target.interactionId);
  if (!loadRow(ctx, target, me)) {
    const now = nowIso(ctx);
    ctx.db.run(
      `INSERT INTO calibration_packet_reviews (session_id, evaluator, interaction_id, status, created_at, updated_at)
       VALUES (?, ?, ?, 'draft', ?, ?)`,
      [target.sessionId, me, target.interactionId, now, now],
    );
    audit.record({
      entityId: target.sessionId,
      action: 'packet review started',
      after: { interactionId: target.interactionId },
    });
  }
  return detail(ctx, packet, target, me);
}

function openDraft(ctx: BackendContext, target: Target) {
  const packet = loadPacket(ctx, target.sessionId);
  const me = scorer(ctx, packet);
  const row = loadRow(ctx, target, me);
  if (!row)
    throw new UserFacingError('not_found', 'Open the interaction first: its review has not been started.');
  if (row.status === 'submitted')
    throw new UserFacingError(
      'conflict',
      `This review was submitted on ${dayOf(row.submittedAt)} and is final.`,
    );
  return { packet, me };
}

function storeScore(ctx: BackendContext, packet: StoredPacket, target: Target, me: string) {
  const answers = loadPacketAnswers(ctx, target, me);
  const result = computeReviewScore(packet.file.form.definition, answers);
  ctx.db.run(
    `UPDATE calibration_packet_reviews SET score = ?, failed_critical = ?, updated_at = ?
      WHERE session_id = ? AND evaluator = ? AND interaction_id = ?`,
    [result.score, result.failedCritical ? 1 : 0, nowIso(ctx), target.sessionId, me, target.interactionId],
  );
  return { answers, result };
}

export function savePacketAnswer(
  ctx: BackendContext,
  input: Target & { change: AnswerChange },
  audit: AuditTrail,
): SavedReviewAnswer {
  const { packet, me } = openDraft(ctx, input);
  const { definition } = packet.file.form;
  const criterion = criteriaOf(definition).find((c) => c.id === input.change.criterionId);
  if (!criterion)
    throw new UserFacingError(
      'invalid_input',
      `Criterion "${input.change.criterionId}" is not on the packet's form.`,
    );
  const current = loadPacketAnswers(ctx, input, me).find((a) => a.criterionId === criterion.id);
  const answer = applyChange(criterion, current, input.change);
  const key = [input.sessionId, me, input.interactionId, criterion.id];
  if (answer.rating === null && !answer.notApplicable && answer.comment === null)
    ctx.db.run(
      'DELETE FROM calibration_packet_answers WHERE session_id = ? AND evaluator = ? AND interaction_id = ? AND criterion_id = ?',
      key,
    );
  else
    ctx.db.run(
      `INSERT INTO calibration_packet_answers (session_id, evaluator, interaction_id, criterion_id, rating, not_applicable, comment)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(session_id, evaluator, interaction_id, criterion_id) DO UPDATE SET rating = excluded.rating,
         not_applicable = excluded.not_applicable, comment = excluded.comment`,
      [...key, answer.rating, answer.notApplicable ? 1 : 0, answer.comment],
    );
  if (JSON.stringify(current ?? null) !== JSON.stringify(answer))
    audit.record({
      entityId: input.sessionId,
      action: 'packet answered',
      before: current ?? null,
      after: { interactionId: input.interactionId, ...answer },
    });
  const { answers, result } = storeScore(ctx, packet, input, me);
  return {
    reviewId: `packet:${input.sessionId}:${input.interactionId}`,
    answer,
    score: result.score,
    failedCritical: result.failedCritical,
    explanation: explainReviewScore(definition, answers),
  };
}

export function setPacketReviewComment(
  ctx: BackendContext,
  input: Target & { comment: string | null },
  audit: AuditTrail,
): ReviewDetail {
  const { packet, me } = openDraft(ctx, input);
  const comment = input.comment?.trim() ? input.comment.trim() : null;
  ctx.db.run(
    `UPDATE calibration_packet_reviews SET comment = ?, updated_at = ? WHERE session_id = ? AND evaluator = ? AND interaction_id = ?`,
    [comment, nowIso(ctx), input.sessionId, me, input.interactionId],
  );
  audit.record({
    entityId: input.sessionId,
    action: 'packet commented',
    after: { interactionId: input.interactionId, comment },
  });
  return detail(ctx, packet, input, me);
}

export function submitPacketReview(ctx: BackendContext, target: Target, audit: AuditTrail): ReviewDetail {
  const { packet, me } = openDraft(ctx, target);
  const { result } = storeScore(ctx, packet, target, me);
  requireAllAnswered(packet.file.form.definition, result.unanswered);
  const now = nowIso(ctx);
  ctx.db.run(
    `UPDATE calibration_packet_reviews SET status = 'submitted', submitted_at = ?, updated_at = ?
      WHERE session_id = ? AND evaluator = ? AND interaction_id = ?`,
    [now, now, target.sessionId, me, target.interactionId],
  );
  audit.record({
    entityId: target.sessionId,
    action: 'packet review submitted',
    after: { interactionId: target.interactionId, score: result.score },
  });
  return detail(ctx, packet, target, me);
}

/** The interaction as the packet carries it, with hints from its facts (never a rating). */
export function getPacketReviewContext(ctx: BackendContext, target: Target): ReviewContext {
  const packet = loadPacket(ctx, target.sessionId);
  const entry = packetInteraction(packet, target.interactionId);
  return {
    interaction: entry.interaction,
    earlierContacts: entry.earlierContacts,
    hints: reviewHints(entry.interaction, packet.file.form.definition),
    formVersionId: packet.file.form.versionId,
  };
}

/** The profile's submitted packet reviews, for the answers file. */
export function submittedPacketReviews(ctx: BackendContext, sessionId: string, evaluator: string) {
  return ctx.db
    .all<{ interactionId: number; submittedAt: string; comment: string | null }>(
      `SELECT interaction_id AS interactionId, submitted_at AS submittedAt, comment FROM calibration_packet_reviews
        WHERE session_id = ? AND evaluator = ? AND status = 'submitted' ORDER BY interaction_id`,
      [sessionId, evaluator],
    )
    .map((r) => ({
      ...r,
      answers: loadPacketAnswers(ctx, { sessionId, interactionId: r.interactionId }, evaluator),
    }));
}

export { scorer as packetScorer };
