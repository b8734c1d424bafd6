import type { CalibrationSessionDetail, CalibrationState } from '../../../shared/ipc/contracts/calibration';
import { UserFacingError } from '../../../shared/ipc/result';
import { currentActor, type AuditTrail } from '../core/audit';
import { nowIso, type BackendContext } from '../core/context';
import { chooseVersion } from '../reviews/lifecycle';
import {
  loadSession,
  sessionDetail,
  sessionEvaluators,
  sessionInteractionIds,
  sessionSummary,
  type SessionRow,
} from './sessionRead';

export interface SessionFields {
  name?: string;
  interactionIds?: number[];
  evaluators?: string[];
  expert?: string | null;
}

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/** Interactions a session can hold: distinct, existing, and with an agent (reviews belong to one). */
function checkInteractions(ctx: BackendContext, ids: readonly number[]): void {
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (repeated.length > 0)
    throw new UserFacingError('invalid_input', `Interaction ${repeated[0]} is in the list twice.`);
  const rows = ctx.db.all<{ id: number; agentId: string | null }>(
    `SELECT id, agent_id AS agentId FROM interactions WHERE id IN (${ids.map(() => '?').join(', ')})`,
    [...ids],
  );
  const found = new Map(rows.map((r) => [r.id, r.agentId]));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0)
    throw new UserFacingError('not_found', `Interaction ${missing.join(', ')} does not exist.`);
  const agentless = ids.filter((id) => found.get(id) === null);
  if (agentless.length > 0)
    throw new UserFacingError(
      'invalid_input',
      `Interaction ${agentless.join(', ')} has no agent, so it cannot be reviewed. Choose interactions with an agent.`,
    );
}

/** Evaluator names as typed, without repeats (the same name in another case is the same person). */
function checkEvaluators(evaluators: readonly string[], expert: string | null): string[] {
  const names = evaluators.map((e) => e.trim());
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name.toLowerCase()))
      throw new UserFacingError('invalid_input', `"${name}" is in the evaluator list twice.`);
    seen.add(name.toLowerCase());
  }
  if (expert !== null && !names.includes(expert))
    throw new UserFacingError(
      'invalid_input',
      `The expert "${expert}" must be one of the session's evaluators (${quoted(names) || 'none yet'}).`,
    );
  return names;
}

function writeMembers(ctx: BackendContext, sessionId: string, fields: SessionFields): void {
  if (fields.interactionIds) {
    ctx.db.run('DELETE FROM calibration_session_interactions WHERE session_id = ?', [sessionId]);
    fields.interactionIds.forEach((id, position) =>
      ctx.db.run(
        'INSERT INTO calibration_session_interactions (session_id, interaction_id, position) VALUES (?, ?, ?)',
        [sessionId, id, position],
      ),
    );
  }
  if (fields.evaluators) {
    ctx.db.run('DELETE FROM calibration_session_evaluators WHERE session_id = ?', [sessionId]);
    fields.evaluators.forEach((name, position) =>
      ctx.db.run(
        'INSERT INTO calibration_session_evaluators (session_id, evaluator, position) VALUES (?, ?, ?)',
        [sessionId, name, position],
      ),
    );
  }
}

const snapshot = (ctx: BackendContext, session: SessionRow) => ({
  name: session.name,
  state: session.state,
  formVersionId: session.formVersionId,
  expert: session.expert,
  interactionIds: sessionInteractionIds(ctx, session.id),
  evaluators: sessionEvaluators(ctx, session.id),
});

export function createSession(
  ctx: BackendContext,
  input: {
    name: string;
    formVersionId?: string;
    interactionIds: number[];
    evaluators: string[];
    expert?: string | null;
  },
  audit: AuditTrail,
): CalibrationSessionDetail {
  const versionId = chooseVersion(ctx, input.formVersionId);
  checkInteractions(ctx, input.interactionIds);
  const expert = input.expert?.trim() || null;
  const evaluators = checkEvaluators(input.evaluators, expert);
  const id = ctx.ids.next('cal');
  const now = nowIso(ctx);
  ctx.db.run(
    `INSERT INTO calibration_sessions (id, name, form_version_id, state, expert, created_by, created_at, updated_at)
     VALUES (?, ?, ?, 'draft', ?, ?, ?, ?)`,
    [id, input.name.trim(), versionId, expert, currentActor(ctx), now, now],
  );
  writeMembers(ctx, id, { interactionIds: input.interactionIds, evaluators });
  audit.record({ entityId: id, action: 'created', before: null, after: snapshot(ctx, loadSession(ctx, id)) });
  return sessionDetail(ctx, id);
}

/** Evaluators who have started or sent answers: they cannot be taken off the list. */
function evaluatorsWithAnswers(ctx: BackendContext, sessionId: string): string[] {
  return ctx.db
    .all<{ evaluator: string }>('SELECT DISTINCT evaluator FROM reviews WHERE calibration_group = ?', [
      sessionId,
    ])
    .map((r) => r.evaluator);
}

function checkUpdate(ctx: BackendContext, session: SessionRow, fields: SessionFields): void {
  if (session.state === 'closed')
    throw new UserFacingError(
      'conflict',
      `The session "${session.name}" is closed and can no longer change.`,
    );
  if (fields.interactionIds && session.state !== 'draft')
    throw new UserFacingError(
      'conflict',
      'The interactions are fixed once scoring has started: the evaluators and packets refer to them.',
    );
  if (fields.evaluators && session.state !== 'draft' && session.state !== 'scoring')
    throw new UserFacingError('conflict', 'The evaluators are fixed once the session is revealed.');
  if (fields.evaluators) {
    const kept = new Set(fields.evaluators.map((e) => e.trim()));
    const dropped = evaluatorsWithAnswers(ctx, session.id).filter((e) => !kept.has(e));
    if (dropped.length > 0)
      throw new UserFacingError(
        'conflict',
        `${quoted(dropped)} already scored in this session and cannot be taken off the list.`,
      );
  }
}

export function updateSession(
  ctx: BackendContext,
  input: SessionFields & { sessionId: string },
  audit: AuditTrail,
): CalibrationSessionDetail {
  const session = loadSession(ctx, input.sessionId);
  checkUpdate(ctx, session, input);
  if (input.interactionIds) checkInteractions(ctx, input.interactionIds);
  const expert = input.expert === undefined ? session.expert : input.expert?.trim() || null;
  const evaluators = checkEvaluators(input.evaluators ?? sessionEvaluators(ctx, session.id), expert);
  const before = snapshot(ctx, session);
  ctx.db.run('UPDATE calibration_sessions SET name = ?, expert = ?, updated_at = ? WHERE id = ?', [
    input.name?.trim() ?? session.name,
    expert,
    nowIso(ctx),
    session.id,
  ]);
  writeMembers(ctx, session.id, { interactionIds: input.interactionIds, evaluators });
  const after = snapshot(ctx, loadSession(ctx, session.id));
  if (JSON.stringify(before) !== JSON.stringify(after))
    audit.record({ entityId: session.id, action: 'updated', before, after });
  return sessionDetail(ctx, session.id);
}

export function deleteSession(ctx: BackendContext, sessionId: string, audit: AuditTrail): { deleted: true } {
  const session = loadSession(ctx, sessionId);
  if (session.state !== 'draft')
    throw new UserFacingError(
      'conflict',
      `Only a draft session can be deleted; "${session.name}" is ${session.state === 'scoring' ? 'being scored' : session.state}. Sessions with answers are kept.`,
    );
  const before = snapshot(ctx, session);
  ctx.db.run('DELETE FROM calibration_sessions WHERE id = ?', [sessionId]);
  audit.record({ entityId: sessionId, action: 'deleted', before, after: null });
  return { deleted: true };
}

const NEXT: Record<CalibrationState, CalibrationState | null> = {
  draft: 'scoring',
  scoring: 'revealed',
  revealed: 'closed',
  closed: null,
};

const ACTION = { scoring: 'scoring started', revealed: 'revealed', closed: 'closed' } as const;

function checkTransition(ctx: BackendContext, session: SessionRow, state: 'scoring' | 'revealed' | 'closed') {
  if (NEXT[session.state] !== state) {
    const now =
      session.state === 'draft' ? 'a draft' : session.state === 'scoring' ? 'being scored' : session.state;
    throw new UserFacingError(
      'conflict',
      `The session "${session.name}" is ${now}; it goes draft → scoring → revealed → closed, one step at a time.`,
    );
  }
  const summary = sessionSummary(ctx, session);
  if (state === 'scoring') {
    if (summary.evaluators.length < 2)
      throw new UserFacingError(
        'user_error',
        'List at least two evaluators before scoring starts: calibration compares them.',
      );
    chooseVersion(ctx, session.formVersionId);
  }
  if (state === 'revealed') {
    const scored = summary.evaluators.filter((e) => e.submitted > 0);
    if (scored.length < 2)
      throw new UserFacingError(
        'user_error',
        `Nothing to compare yet: ${scored.length === 0 ? 'no evaluator has' : `only ${scored[0]?.name ?? 'one evaluator'} has`} submitted a review. Reveal once at least two evaluators have.`,
      );
  }
}

/** draft → scoring → revealed → closed. Revealing ends blind scoring for good: drafts stay unsubmitted. */
export function setSessionState(
  ctx: BackendContext,
  input: { sessionId: string; state: 'scoring' | 'revealed' | 'closed' },
  audit: AuditTrail,
): CalibrationSessionDetail {
  const session = loadSession(ctx, input.sessionId);
  checkTransition(ctx, session, input.state);
  const now = nowIso(ctx);
  const column =
    input.state === 'scoring' ? 'scoring_at' : input.state === 'revealed' ? 'revealed_at' : 'closed_at';
  ctx.db.run(`UPDATE calibration_sessions SET state = ?, ${column} = ?, updated_at = ? WHERE id = ?`, [
    input.state,
    now,
    now,
    session.id,
  ]);
  audit.record({
    entityId: session.id,
    action: ACTION[input.state],
    before: { state: session.state },
    after: { state: input.state },
  });
  return sessionDetail(ctx, session.id);
}
