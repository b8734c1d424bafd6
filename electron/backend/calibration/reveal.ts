import type {
  AgreedAnswer,
  CalibrationReveal,
  RevealCell,
  RevealCriterion,
} from '../../../shared/ipc/contracts/calibration';
import type { SavedReviewForm } from '../../../shared/ipc/contracts/reviews';
import { UserFacingError } from '../../../shared/ipc/result';
import { byDisagreement, cellAgreement, criterionDisagreement } from '../../../shared/calibration/reveal';
import { maxPointsOf, type ReviewCriterion, type ReviewFormDefinition } from '../../../shared/reviews/form';
import { currentActor, type AuditTrail } from '../core/audit';
import { nowIso, type BackendContext } from '../core/context';
import { getFormVersion, saveForm } from '../reviews/forms';
import { applyChange } from '../reviews/records';
import { loadSessionRatings, type SessionRatings } from './ratings';
import { loadSession, sessionInteractions, sessionSummary, type SessionRow } from './sessionRead';

type Ctx = Pick<BackendContext, 'db'>;

export function requireRevealed(session: SessionRow): void {
  if (session.state === 'revealed' || session.state === 'closed') return;
  throw new UserFacingError(
    'conflict',
    `The session "${session.name}" is ${session.state === 'draft' ? 'still a draft' : 'being scored'}: nobody sees another evaluator's answers before it is revealed.`,
  );
}

function agreedAnswers(ctx: Ctx, sessionId: string): Map<string, AgreedAnswer> {
  const rows = ctx.db.all<{
    interactionId: number;
    criterionId: string;
    rating: number | null;
    na: number;
    note: string | null;
    decidedBy: string;
    decidedAt: string;
    anchorFormVersionId: string | null;
    anchorFormVersion: number | null;
  }>(
    `SELECT g.interaction_id AS interactionId, g.criterion_id AS criterionId, g.rating, g.not_applicable AS na, g.note,
            g.decided_by AS decidedBy, g.decided_at AS decidedAt, g.anchor_form_version_id AS anchorFormVersionId,
            v.version AS anchorFormVersion
       FROM calibration_agreed_answers g LEFT JOIN review_form_versions v ON v.id = g.anchor_form_version_id
      WHERE g.session_id = ?`,
    [sessionId],
  );
  return new Map(
    rows.map(({ interactionId, criterionId, na, ...rest }) => [
      `${interactionId}:${criterionId}`,
      { ...rest, notApplicable: na === 1 },
    ]),
  );
}

function revealCriterion(
  ratings: SessionRatings,
  criterion: SessionRatings['criteria'][number],
  agreed: Map<string, AgreedAnswer>,
): RevealCriterion & { relativeSpread: number; index: number } {
  const expert = ratings.session.expert === null ? -1 : ratings.evaluators.indexOf(ratings.session.expert);
  const cells: RevealCell[] = ratings.interactionIds.map((interactionId, i) => {
    const given = ratings.reviews.map((line) => {
      const review = line[i];
      const answer = review?.answers.get(criterion.id);
      return review ? { review, answer } : null;
    });
    const agreement = cellAgreement(
      given.map((g) =>
        g?.answer ? { rating: g.answer.rating, notApplicable: g.answer.notApplicable } : null,
      ),
      expert < 0 ? null : expert,
    );
    return {
      interactionId,
      ratings: ratings.evaluators.map((evaluator, e) => ({
        evaluator,
        answered: given[e] !== null,
        rating: given[e]?.answer?.rating ?? null,
        notApplicable: given[e]?.answer?.notApplicable ?? false,
        comment: given[e]?.answer?.comment ?? null,
      })),
      ...agreement,
      agreed: agreed.get(`${interactionId}:${criterion.id}`) ?? null,
    };
  });
  const range = criterion.scale === '1-5' ? 4 : maxPointsOf(criterion);
  const spreads = cells.map((c) => c.spread).filter((s): s is number => s !== null);
  return {
    criterionId: criterion.id,
    label: criterion.label,
    sectionLabel: criterion.sectionLabel,
    scale: criterion.scale,
    maxPoints: criterion.scale === 'points' ? maxPointsOf(criterion) : null,
    allowNa: criterion.allowNa ?? false,
    anchors: criterion.anchors,
    disagreement: criterionDisagreement(cells),
    cells,
    relativeSpread: spreads.length === 0 ? 0 : spreads.reduce((a, b) => a + b, 0) / spreads.length / range,
    index: ratings.criteria.indexOf(criterion),
  };
}

/** Every evaluator's rating side by side per criterion and interaction, most disagreement first. */
export function getReveal(ctx: Ctx, sessionId: string): CalibrationReveal {
  const session = loadSession(ctx, sessionId);
  requireRevealed(session);
  const ratings = loadSessionRatings(ctx, sessionId);
  const agreed = agreedAnswers(ctx, sessionId);
  const criteria = ratings.criteria
    .map((c) => revealCriterion(ratings, c, agreed))
    .sort(byDisagreement)
    .map(({ relativeSpread: _s, index: _i, ...criterion }) => criterion);
  const latest = ctx.db.get<{ v: number }>(
    'SELECT max(version) AS v FROM review_form_versions WHERE form_id = ?',
    [session.formId],
  );
  return {
    session: sessionSummary(ctx, session),
    interactions: sessionInteractions(ctx, sessionId),
    criteria,
    latestFormVersion: latest?.v ?? session.formVersion,
  };
}

function findSessionCriterion(definition: ReviewFormDefinition, criterionId: string): ReviewCriterion {
  const criterion = definition.sections.flatMap((s) => s.criteria).find((c) => c.id === criterionId);
  if (!criterion)
    throw new UserFacingError('invalid_input', `Criterion "${criterionId}" is not on this session's form.`);
  return criterion;
}

function requireSessionInteraction(ctx: Ctx, session: SessionRow, interactionId: number): void {
  const row = ctx.db.get(
    'SELECT 1 AS x FROM calibration_session_interactions WHERE session_id = ? AND interaction_id = ?',
    [session.id, interactionId],
  );
  if (!row)
    throw new UserFacingError('not_found', `Interaction ${interactionId} is not part of "${session.name}".`);
}

/** The answer the evaluators agreed on after the reveal, with the lead's note. */
export function recordAgreement(
  ctx: BackendContext,
  input: {
    sessionId: string;
    interactionId: number;
    criterionId: string;
    rating?: number | null;
    notApplicable?: boolean;
    note?: string | null;
  },
  audit: AuditTrail,
): CalibrationReveal {
  const session = loadSession(ctx, input.sessionId);
  requireRevealed(session);
  if (session.state === 'closed')
    throw new UserFacingError(
      'conflict',
      `The session "${session.name}" is closed: its agreed answers are final.`,
    );
  requireSessionInteraction(ctx, session, input.interactionId);
  const { definition } = loadSessionRatings(ctx, session.id);
  const criterion = findSessionCriterion(definition, input.criterionId);
  const answer = applyChange(criterion, undefined, {
    criterionId: criterion.id,
    ...(input.notApplicable ? { notApplicable: true } : { rating: input.rating ?? null }),
  });
  const note = input.note?.trim() ? input.note.trim() : null;
  const key = `${input.interactionId}:${criterion.id}`;
  const before = agreedAnswers(ctx, session.id).get(key) ?? null;
  ctx.db.run(
    `INSERT INTO calibration_agreed_answers (session_id, interaction_id, criterion_id, rating, not_applicable, note,
       decided_by, decided_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(session_id, interaction_id, criterion_id) DO UPDATE SET rating = excluded.rating,
       not_applicable = excluded.not_applicable, note = excluded.note, decided_by = excluded.decided_by,
       decided_at = excluded.decided_at`,
    [
      session.id,
      input.interactionId,
      criterion.id,
      answer.rating,
      answer.notApplicable ? 1 : 0,
      note,
      currentActor(ctx),
      nowIso(ctx),
    ],
  );
  audit.record({
    entityId: session.id,
    action: 'agreed answer',
    before: before && { interactionId: input.interactionId, criterionId: criterion.id, ...before },
    after: {
      interactionId: input.interactionId,
      criterionId: criterion.id,
      rating: answer.rating,
      notApplicable: answer.notApplicable,
      note,
    },
  });
  return getReveal(ctx, session.id);
}

/**
 * The note of an agreed answer, written as the behaviour anchor of that rating in the form's
 * latest version through the versioned save: a used version stays as it is and the edit becomes
 * the next version. The agreed answer remembers the version its note went into.
 */
export function applyNoteToForm(
  ctx: BackendContext,
  input: { sessionId: string; interactionId: number; criterionId: string; anchorText: string },
  audit: AuditTrail,
): SavedReviewForm {
  const session = loadSession(ctx, input.sessionId);
  requireRevealed(session);
  const agreed = agreedAnswers(ctx, session.id).get(`${input.interactionId}:${input.criterionId}`);
  if (!agreed)
    throw new UserFacingError(
      'user_error',
      'Record the agreed answer first: the anchor describes that rating.',
    );
  const latest = getFormVersion(ctx as BackendContext, { formId: session.formId });
  const criterion = latest.definition.sections
    .flatMap((s) => s.criteria)
    .find((c) => c.id === input.criterionId);
  if (!criterion)
    throw new UserFacingError(
      'conflict',
      `The criterion is no longer on the latest version (${latest.version}) of "${latest.definition.name}".`,
    );
  const anchorKey = agreed.notApplicable ? 'na' : String(agreed.rating);
  const text = input.anchorText.trim();
  if ((criterion.anchors[anchorKey] ?? '').trim() === text)
    throw new UserFacingError('user_error', 'The anchor already says exactly this; nothing to save.');
  const definition: ReviewFormDefinition = {
    ...latest.definition,
    sections: latest.definition.sections.map((s) => ({
      ...s,
      criteria: s.criteria.map((c) =>
        c.id === criterion.id ? { ...c, anchors: { ...c.anchors, [anchorKey]: text } } : c,
      ),
    })),
  };
  const saved = saveForm(ctx, { formId: session.formId, definition }, audit);
  ctx.db.run(
    `UPDATE calibration_agreed_answers SET anchor_form_version_id = ?
      WHERE session_id = ? AND interaction_id = ? AND criterion_id = ?`,
    [saved.versionId, session.id, input.interactionId, input.criterionId],
  );
  return saved;
}
