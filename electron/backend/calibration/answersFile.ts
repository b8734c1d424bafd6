import path from 'node:path';
import {
  ANSWERS_EXTENSION,
  ANSWERS_FORMAT,
  CALIBRATION_FILE_VERSION,
  type AnswersFile,
} from '../../../shared/calibration/files';
import type { CalibrationAnswersImported } from '../../../shared/ipc/contracts/calibration';
import type { CalibrationAnswersFile } from '../../../shared/ipc/contracts/calibrationPacket';
import type { ReviewAnswerRecord } from '../../../shared/ipc/contracts/reviewLifecycle';
import { UserFacingError } from '../../../shared/ipc/result';
import { computeReviewScore } from '../../../shared/reviews/score';
import { currentActor, type AuditTrail } from '../core/audit';
import { nowIso, type BackendContext } from '../core/context';
import { insertDraft } from '../reviews/lifecycle';
import {
  applyChange,
  criteriaOf,
  loadAnswers,
  storeScore,
  loadReview,
  writeAnswer,
} from '../reviews/records';
import { parseAnswers, readChosenFile } from './fileRead';
import { contentHashOf, definitionHash } from './hash';
import { fileSlug } from './packetExport';
import { packetScorer, submittedPacketReviews } from './packetReviews';
import { loadPacket } from './packetStore';
import {
  loadSession,
  sessionDefinition,
  sessionDetail,
  sessionEvaluators,
  sessionInteractionIds,
  type SessionRow,
} from './sessionRead';

/** The profile's submitted answers to a packet, as the file the lead imports. Drafts stay here. */
export function exportAnswers(
  ctx: BackendContext,
  sessionId: string,
  audit: AuditTrail,
): CalibrationAnswersFile {
  const packet = loadPacket(ctx, sessionId);
  const me = packetScorer(ctx, packet);
  const reviews = submittedPacketReviews(ctx, sessionId, me);
  if (reviews.length === 0)
    throw new UserFacingError(
      'user_error',
      'Submit at least one interaction of the packet first: the answers file carries submitted reviews only.',
    );
  const body: Omit<AnswersFile, 'contentHash'> = {
    format: ANSWERS_FORMAT,
    formatVersion: CALIBRATION_FILE_VERSION,
    sessionId,
    sessionName: packet.file.session.name,
    formVersionId: packet.file.form.versionId,
    formHash: definitionHash(packet.file.form.definition),
    packetHash: packet.contentHash,
    evaluator: me,
    exportedAt: nowIso(ctx),
    reviews: reviews.map((r) => ({
      interactionId: r.interactionId,
      submittedAt: r.submittedAt,
      comment: r.comment,
      answers: r.answers.map((a) => ({
        criterionId: a.criterionId,
        rating: a.rating,
        notApplicable: a.notApplicable,
        comment: a.comment,
      })),
    })),
  };
  const contentHash = contentHashOf(body);
  audit.record({
    entityId: sessionId,
    action: 'answers exported',
    after: { contentHash, reviews: reviews.length },
  });
  return {
    fileName: `${fileSlug(packet.file.session.name)}-${fileSlug(me)}.${ANSWERS_EXTENSION}`,
    json: `${JSON.stringify({ ...body, contentHash }, null, 2)}\n`,
    reviews: reviews.length,
    of: packet.file.interactions.length,
  };
}

/** Everything the file claims is checked against the session before anything is written. */
function checkAgainstSession(ctx: BackendContext, file: AnswersFile, name: string): SessionRow {
  const session = ctx.db.get('SELECT 1 AS x FROM calibration_sessions WHERE id = ?', [file.sessionId])
    ? loadSession(ctx, file.sessionId)
    : null;
  if (!session)
    throw new UserFacingError(
      'not_found',
      `${name} answers the session "${file.sessionName}", which is not in this data file. Import it into the data file the packet was exported from.`,
    );
  if (session.state !== 'scoring')
    throw new UserFacingError(
      'conflict',
      session.state === 'draft'
        ? `"${session.name}" is a draft again? Answers can only come in while it is being scored.`
        : `"${session.name}" was already revealed: answers that come in after the reveal would change what everyone discussed, so nothing was imported.`,
    );
  if (
    file.formVersionId !== session.formVersionId ||
    file.formHash !== definitionHash(sessionDefinition(ctx, session))
  )
    throw new UserFacingError(
      'conflict',
      `${name} was scored on another version of the form than "${session.name}" uses (${session.formName} v${session.formVersion}), so nothing was imported.`,
    );
  const evaluators = sessionEvaluators(ctx, session.id);
  if (!evaluators.includes(file.evaluator))
    throw new UserFacingError(
      'conflict',
      `${name} is from "${file.evaluator}", who is not an evaluator of "${session.name}" (${evaluators.map((e) => `"${e}"`).join(', ')}). Add them to the session first if they should be.`,
    );
  const ids = sessionInteractionIds(ctx, session.id);
  const seen = new Set<number>();
  for (const review of file.reviews) {
    if (!ids.includes(review.interactionId))
      throw new UserFacingError(
        'conflict',
        `${name} answers interaction ${review.interactionId}, which is not part of "${session.name}"; nothing was imported.`,
      );
    if (seen.has(review.interactionId))
      throw new UserFacingError(
        'invalid_input',
        `${name} answers interaction ${review.interactionId} twice; nothing was imported.`,
      );
    seen.add(review.interactionId);
  }
  return session;
}

/** The file's answers to one interaction, each checked against the criterion's scale, all answered. */
function checkedAnswers(
  definition: ReturnType<typeof sessionDefinition>,
  review: AnswersFile['reviews'][number],
  name: string,
): ReviewAnswerRecord[] {
  const criteria = criteriaOf(definition);
  const answers = review.answers.map((a) => {
    const criterion = criteria.find((c) => c.id === a.criterionId);
    if (!criterion)
      throw new UserFacingError(
        'invalid_input',
        `${name}: criterion "${a.criterionId}" is not on the session's form; nothing was imported.`,
      );
    return applyChange(criterion, undefined, {
      criterionId: criterion.id,
      ...(a.notApplicable ? { notApplicable: true } : { rating: a.rating }),
      comment: a.comment,
    });
  });
  const { unanswered } = computeReviewScore(definition, answers);
  if (unanswered.length > 0)
    throw new UserFacingError(
      'invalid_input',
      `${name}: interaction ${review.interactionId} leaves ${unanswered.length === 1 ? '1 criterion' : `${unanswered.length} criteria`} unanswered; nothing was imported.`,
    );
  return answers;
}

const sameAnswers = (a: ReviewAnswerRecord[], b: ReviewAnswerRecord[]) => {
  const norm = (x: ReviewAnswerRecord[]) =>
    JSON.stringify([...x].sort((p, q) => p.criterionId.localeCompare(q.criterionId)));
  return norm(a) === norm(b);
};

/**
 * Imports one evaluator's answers file into the session. Idempotent and order-free: a review already
 * here with the same answers is left alone, so files can come in any order and any number of times;
 * a review here with other answers is a conflict, and so is an evaluator who scored in this data
 * file. Runs in one transaction with its audit rows: any refusal changes nothing.
 */
export function importAnswers(
  ctx: BackendContext,
  input: { path: string },
  audit: AuditTrail,
): CalibrationAnswersImported {
  const name = path.basename(input.path);
  const file = parseAnswers(readChosenFile(input.path, 'answers'), name);
  const session = checkAgainstSession(ctx, file, name);
  const known = ctx.db.get<{ importedAt: string }>(
    'SELECT imported_at AS importedAt FROM calibration_answer_imports WHERE session_id = ? AND content_hash = ?',
    [session.id, file.contentHash],
  );
  const result = { sessionId: session.id, sessionName: session.name, evaluator: file.evaluator };
  if (known)
    return {
      ...result,
      added: 0,
      unchanged: file.reviews.length,
      alreadyImported: true,
      session: sessionDetail(ctx, session.id),
    };
  const fromFiles = ctx.db.get(
    'SELECT 1 AS x FROM calibration_answer_imports WHERE session_id = ? AND evaluator = ?',
    [session.id, file.evaluator],
  );
  const existing = ctx.db.all<{ id: string; interactionId: number; status: string }>(
    'SELECT id, interaction_id AS interactionId, status FROM reviews WHERE calibration_group = ? AND evaluator = ?',
    [session.id, file.evaluator],
  );
  if (existing.length > 0 && !fromFiles)
    throw new UserFacingError(
      'conflict',
      `${file.evaluator} already scored "${session.name}" in this data file; an answers file cannot replace that. Nothing was imported.`,
    );
  const definition = sessionDefinition(ctx, session);
  let added = 0;
  let unchanged = 0;
  for (const review of file.reviews) {
    const answers = checkedAnswers(definition, review, name);
    const here = existing.find((e) => e.interactionId === review.interactionId);
    if (here) {
      if (!sameAnswers(loadAnswers(ctx, here.id), answers))
        throw new UserFacingError(
          'conflict',
          `${name} gives other answers to interaction ${review.interactionId} than ${file.evaluator}'s answers imported before (from another copy of the packet?). Nothing was imported.`,
        );
      unchanged += 1;
      continue;
    }
    addReview(ctx, session, file, review, answers, audit);
    added += 1;
  }
  ctx.db.run(
    `INSERT INTO calibration_answer_imports (session_id, content_hash, evaluator, reviews, exported_at, imported_at, imported_by)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [
      session.id,
      file.contentHash,
      file.evaluator,
      file.reviews.length,
      file.exportedAt,
      nowIso(ctx),
      currentActor(ctx),
    ],
  );
  return { ...result, added, unchanged, alreadyImported: false, session: sessionDetail(ctx, session.id) };
}

function addReview(
  ctx: BackendContext,
  session: SessionRow,
  file: AnswersFile,
  review: AnswersFile['reviews'][number],
  answers: ReviewAnswerRecord[],
  audit: AuditTrail,
): void {
  const agent = ctx.db.get<{ agentId: string | null }>(
    'SELECT agent_id AS agentId FROM interactions WHERE id = ?',
    [review.interactionId],
  );
  if (!agent?.agentId)
    throw new UserFacingError(
      'conflict',
      `Interaction ${review.interactionId} has no agent any more, so its review cannot be stored. Nothing was imported.`,
    );
  const id = insertDraft(
    ctx,
    {
      interactionId: review.interactionId,
      agentId: agent.agentId,
      versionId: session.formVersionId,
      evaluator: file.evaluator,
      calibrationGroup: session.id,
    },
    audit,
  );
  for (const answer of answers) writeAnswer(ctx, id, answer);
  const stored = storeScore(ctx, loadReview(ctx, id));
  const comment = review.comment?.trim() ? review.comment.trim() : null;
  ctx.db.run(
    `UPDATE reviews SET status = 'submitted', submitted_at = ?, reviewed_at = ?, comment = ?, updated_at = ? WHERE id = ?`,
    [review.submittedAt, review.submittedAt, comment, nowIso(ctx), id],
  );
  audit.record({
    entityId: id,
    action: 'imported from answers file',
    after: {
      calibrationSession: session.id,
      score: stored.result.score,
      failedCritical: stored.result.failedCritical,
      contentHash: file.contentHash,
    },
  });
}
