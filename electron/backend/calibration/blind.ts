import { UserFacingError } from '../../../shared/ipc/result';
import type { BackendContext } from '../core/context';
import { loadProfile } from '../core/profile';

/**
 * Blind scoring, enforced where the data leaves the backend: until a session is revealed, a
 * calibration review is visible only to its own evaluator (the profile using this copy), and no
 * list, export or report shows its answers or score to anyone else.
 *
 * The profile is a name, not a login: on a shared machine this keeps colleagues from seeing each
 * other's answers by accident, which is what a calibration session needs; it is not access control
 * against someone who opens the data file with other tools.
 */

/** Sessions whose reviews are still blind. */
const BLIND_SESSIONS = `SELECT id FROM calibration_sessions WHERE state IN ('draft', 'scoring')`;

/**
 * SQL condition on a reviews alias: true for reviews the profile may see (every review that is not
 * a blind calibration review of someone else). Params go after the query's own at this place.
 */
export function visibleReviewCondition(
  ctx: Pick<BackendContext, 'db'>,
  alias = 'r',
): { sql: string; params: string[] } {
  const me = loadProfile(ctx).name ?? '';
  return {
    sql: `(${alias}.calibration_group IS NULL OR ${alias}.evaluator = ? OR ${alias}.calibration_group NOT IN (${BLIND_SESSIONS}))`,
    params: [me],
  };
}

/** SQL condition for exports and reports: no blind calibration review at all, whoever asks. */
export function notBlindCondition(alias = 'r'): string {
  return `(${alias}.calibration_group IS NULL OR ${alias}.calibration_group NOT IN (${BLIND_SESSIONS}))`;
}

interface CalibrationRef {
  calibrationGroup: string | null;
  evaluator: string;
}

function sessionOf(ctx: Pick<BackendContext, 'db'>, review: CalibrationRef) {
  if (review.calibrationGroup === null) return null;
  return (
    ctx.db.get<{ name: string; state: string }>('SELECT name, state FROM calibration_sessions WHERE id = ?', [
      review.calibrationGroup,
    ]) ?? null
  );
}

const blind = (state: string) => state === 'draft' || state === 'scoring';

/** Refuses to show someone else's calibration review before its session is revealed. */
export function assertReviewVisible(ctx: Pick<BackendContext, 'db'>, review: CalibrationRef): void {
  const session = sessionOf(ctx, review);
  if (!session || !blind(session.state)) return;
  if (loadProfile(ctx).name === review.evaluator) return;
  throw new UserFacingError(
    'conflict',
    `This is ${review.evaluator}'s blind calibration review. Nobody sees another evaluator's answers before the session "${session.name}" is revealed.`,
  );
}

export type CalibrationWrite = 'answer' | 'amend' | 'dispute';

/**
 * What may change a calibration review: only its own evaluator answers, and only while the
 * session is scoring; once revealed, answers stay as they were given (the agreed answer is
 * recorded beside them). Agents do not dispute calibration reviews: they do not count in QA.
 */
export function assertCalibrationWrite(
  ctx: Pick<BackendContext, 'db'>,
  review: CalibrationRef,
  intent: CalibrationWrite,
): void {
  if (review.calibrationGroup === null) return;
  if (intent === 'dispute')
    throw new UserFacingError(
      'conflict',
      'This is a calibration review: it scores the evaluators, not the agent, and does not count in QA, so it cannot be disputed.',
    );
  const session = sessionOf(ctx, review);
  if (!session) return;
  if (session.state !== 'scoring')
    throw new UserFacingError(
      'conflict',
      session.state === 'draft'
        ? `The calibration session "${session.name}" has not started scoring yet.`
        : `The calibration session "${session.name}" was revealed: its answers stay as they were given. Record the agreed answer in the reveal instead.`,
    );
  const me = loadProfile(ctx).name;
  if (me !== review.evaluator)
    throw new UserFacingError(
      'conflict',
      `This is ${review.evaluator}'s calibration review; only ${review.evaluator} can change it. Switch the profile to score as someone else.`,
    );
}
