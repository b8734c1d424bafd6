import type {
  CalibrationAnswerImport,
  CalibrationEvaluatorProgress,
  CalibrationInteractionRow,
  CalibrationSessionDetail,
  CalibrationSessionList,
  CalibrationSessionSummary,
  CalibrationState,
} from '../../../shared/ipc/contracts/calibration';
import { UserFacingError } from '../../../shared/ipc/result';
import type { ReviewFormDefinition } from '../../../shared/reviews/form';
import type { BackendContext } from '../core/context';
import { loadProfile } from '../core/profile';

type Ctx = Pick<BackendContext, 'db'>;

export type SessionRow = Omit<CalibrationSessionSummary, 'interactionCount' | 'evaluators'>;

const SESSION_SELECT = `
  SELECT s.id, s.name, s.state, v.form_id AS formId, f.name AS formName, s.form_version_id AS formVersionId,
         v.version AS formVersion, s.expert, s.created_by AS createdBy, s.created_at AS createdAt,
         s.scoring_at AS scoringAt, s.revealed_at AS revealedAt, s.closed_at AS closedAt
    FROM calibration_sessions s
    JOIN review_form_versions v ON v.id = s.form_version_id
    JOIN review_forms f ON f.id = v.form_id`;

export function loadSession(ctx: Ctx, sessionId: string): SessionRow {
  const row = ctx.db.get<SessionRow>(`${SESSION_SELECT} WHERE s.id = ?`, [sessionId]);
  if (!row) throw new UserFacingError('not_found', 'That calibration session no longer exists.');
  return row;
}

export function sessionDefinition(
  ctx: Ctx,
  session: Pick<SessionRow, 'formVersionId'>,
): ReviewFormDefinition {
  const row = ctx.db.get<{ json: string }>(
    'SELECT definition_json AS json FROM review_form_versions WHERE id = ?',
    [session.formVersionId],
  );
  return JSON.parse(row?.json ?? '{"name":"","sections":[]}') as ReviewFormDefinition;
}

export const sessionEvaluators = (ctx: Ctx, sessionId: string): string[] =>
  ctx.db
    .all<{ evaluator: string }>(
      'SELECT evaluator FROM calibration_session_evaluators WHERE session_id = ? ORDER BY position',
      [sessionId],
    )
    .map((r) => r.evaluator);

export const sessionInteractionIds = (ctx: Ctx, sessionId: string): number[] =>
  ctx.db
    .all<{ id: number }>(
      'SELECT interaction_id AS id FROM calibration_session_interactions WHERE session_id = ? ORDER BY position',
      [sessionId],
    )
    .map((r) => r.id);

export function sessionInteractions(ctx: Ctx, sessionId: string): CalibrationInteractionRow[] {
  return ctx.db.all<CalibrationInteractionRow>(
    `SELECT i.id AS interactionId, a.name AS agentName, t.name AS teamName, i.channel, i.started_at AS startedAt,
            i.topic, i.subject
       FROM calibration_session_interactions c
       JOIN interactions i ON i.id = c.interaction_id
       LEFT JOIN agents a ON a.id = i.agent_id
       LEFT JOIN teams t ON t.id = coalesce(i.team_id, a.team_id)
      WHERE c.session_id = ? ORDER BY c.position`,
    [sessionId],
  );
}

/** Evaluators who sent an answers file for the session (their reviews came from it). */
export const evaluatorsFromFiles = (ctx: Ctx, sessionId: string): Set<string> =>
  new Set(
    ctx.db
      .all<{ evaluator: string }>(
        'SELECT DISTINCT evaluator FROM calibration_answer_imports WHERE session_id = ?',
        [sessionId],
      )
      .map((r) => r.evaluator),
  );

function progress(ctx: Ctx, session: SessionRow): CalibrationEvaluatorProgress[] {
  const counts = new Map(
    ctx.db
      .all<{ evaluator: string; submitted: number; drafts: number }>(
        `SELECT r.evaluator, sum(r.status = 'submitted') AS submitted, sum(r.status = 'draft') AS drafts
           FROM reviews r
           JOIN calibration_session_interactions c ON c.session_id = r.calibration_group AND c.interaction_id = r.interaction_id
          WHERE r.calibration_group = ? GROUP BY r.evaluator`,
        [session.id],
      )
      .map((r) => [r.evaluator, r]),
  );
  const fromFile = evaluatorsFromFiles(ctx, session.id);
  return sessionEvaluators(ctx, session.id).map((name) => ({
    name,
    isExpert: name === session.expert,
    submitted: counts.get(name)?.submitted ?? 0,
    drafts: counts.get(name)?.drafts ?? 0,
    fromFile: fromFile.has(name),
  }));
}

export function sessionSummary(ctx: Ctx, session: SessionRow): CalibrationSessionSummary {
  const interactionCount =
    ctx.db.get<{ n: number }>(
      'SELECT count(*) AS n FROM calibration_session_interactions WHERE session_id = ?',
      [session.id],
    )?.n ?? 0;
  return { ...session, interactionCount, evaluators: progress(ctx, session) };
}

export function listSessions(
  ctx: Ctx,
  states: readonly CalibrationState[] | undefined,
): CalibrationSessionList {
  const where = states && states.length > 0 ? `WHERE s.state IN (${states.map(() => '?').join(', ')})` : '';
  const rows = ctx.db.all<SessionRow>(
    `${SESSION_SELECT} ${where}
      ORDER BY CASE s.state WHEN 'scoring' THEN 0 WHEN 'draft' THEN 1 WHEN 'revealed' THEN 2 ELSE 3 END,
               coalesce(s.revealed_at, s.scoring_at, s.created_at) DESC, s.id`,
    [...(states ?? [])],
  );
  return { sessions: rows.map((row) => sessionSummary(ctx, row)), me: loadProfile(ctx).name };
}

function imports(ctx: Ctx, sessionId: string): CalibrationAnswerImport[] {
  return ctx.db.all<CalibrationAnswerImport>(
    `SELECT evaluator, reviews, exported_at AS exportedAt, imported_at AS importedAt, imported_by AS importedBy,
            content_hash AS contentHash
       FROM calibration_answer_imports WHERE session_id = ? ORDER BY imported_at, rowid`,
    [sessionId],
  );
}

export function sessionDetail(ctx: Ctx, sessionId: string): CalibrationSessionDetail {
  const summary = sessionSummary(ctx, loadSession(ctx, sessionId));
  const me = loadProfile(ctx).name;
  const reviews =
    me === null
      ? []
      : ctx.db.all<{ interactionId: number; reviewId: string; status: 'draft' | 'submitted' }>(
          `SELECT interaction_id AS interactionId, id AS reviewId, status FROM reviews
            WHERE calibration_group = ? AND evaluator = ? AND interaction_id IS NOT NULL
            ORDER BY created_at, id`,
          [sessionId, me],
        );
  return {
    ...summary,
    interactions: sessionInteractions(ctx, sessionId),
    me: { name: me, isEvaluator: me !== null && summary.evaluators.some((e) => e.name === me), reviews },
    imports: imports(ctx, sessionId),
  };
}
