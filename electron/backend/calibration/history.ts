import type {
  CalibrationHistory,
  CalibrationStats,
  CriterionHistory,
  EvaluatorDrift,
  HistorySession,
} from '../../../shared/calibration/types';
import { agreementTrend } from '../../../shared/calibration/trend';
import type { BackendContext } from '../core/context';
import { loadSession, type SessionRow } from './sessionRead';
import { revealedSessionStats, statsMethod } from './stats';

type Ctx = Pick<BackendContext, 'db'>;

interface Run {
  session: SessionRow;
  stats: CalibrationStats;
}

function formsWithHistory(ctx: Ctx) {
  return ctx.db.all<{ id: string; name: string; sessions: number; newest: string }>(
    `SELECT f.id, f.name, count(*) AS sessions, max(s.revealed_at) AS newest
       FROM calibration_sessions s
       JOIN review_form_versions v ON v.id = s.form_version_id
       JOIN review_forms f ON f.id = v.form_id
      WHERE s.state IN ('revealed', 'closed')
      GROUP BY f.id ORDER BY newest DESC, f.name`,
  );
}

function criteriaHistory(runs: ReadonlyArray<Run>): CriterionHistory[] {
  // Criterion ids are stable across form versions: labels and order come from the newest session,
  // then criteria only older versions had.
  const known = new Map<string, Pick<CriterionHistory, 'label' | 'scale'>>();
  for (const { stats } of [...runs].reverse())
    for (const c of stats.criteria)
      if (!known.has(c.criterionId)) known.set(c.criterionId, { label: c.label, scale: c.scale });
  return [...known.entries()].map(([criterionId, { label, scale }]) => {
    const points = runs.flatMap(({ session, stats }) => {
      const c = stats.criteria.find((x) => x.criterionId === criterionId);
      return c
        ? [
            {
              sessionId: session.id,
              name: session.name,
              alpha: c.alpha,
              ac: c.ac,
              exact: c.exact,
            },
          ]
        : [];
    });
    return {
      criterionId,
      label,
      scale,
      points: points.map(({ name: _name, ...p }) => p),
      trend: agreementTrend(
        points.map((p) => ({ label: p.name, estimate: p.alpha })),
        "Krippendorff's α",
      ),
    };
  });
}

function drift(runs: ReadonlyArray<Run>): EvaluatorDrift[] {
  const names: string[] = [];
  for (const { stats } of runs) for (const e of stats.evaluators) if (!names.includes(e)) names.push(e);
  return names.map((evaluator) => ({
    evaluator,
    points: runs.flatMap(({ stats }) => {
      const d = stats.deviations.find((x) => x.evaluator === evaluator);
      return d && !d.isExpert
        ? [
            {
              sessionId: stats.sessionId,
              n: d.n,
              meanSigned: d.meanSigned,
              meanAbsolute: d.meanAbsolute,
              insufficient: d.insufficient,
            },
          ]
        : [];
    }),
  }));
}

/**
 * Agreement per criterion and for the whole form across a form's revealed sessions, oldest first,
 * whether the team is converging, and each evaluator's deviation session by session (drift).
 */
export function getCalibrationHistory(ctx: Ctx, input: { formId?: string }): CalibrationHistory {
  const forms = formsWithHistory(ctx);
  const formId = input.formId ?? forms[0]?.id ?? null;
  const form = forms.find((f) => f.id === formId) ?? null;
  const ids = formId
    ? ctx.db
        .all<{ id: string }>(
          `SELECT s.id FROM calibration_sessions s JOIN review_form_versions v ON v.id = s.form_version_id
            WHERE v.form_id = ? AND s.state IN ('revealed', 'closed') ORDER BY s.revealed_at, s.id`,
          [formId],
        )
        .map((r) => r.id)
    : [];
  const runs: Run[] = ids.map((id) => {
    const session = loadSession(ctx, id);
    return { session, stats: revealedSessionStats(ctx, session) };
  });
  const sessions: HistorySession[] = runs.map(({ session, stats }) => ({
    sessionId: session.id,
    name: session.name,
    revealedAt: session.revealedAt ?? session.createdAt,
    formVersion: session.formVersion,
    evaluators: stats.evaluators.length,
    interactions: stats.interactions,
    exact: stats.form.exact,
    alpha: stats.form.alpha,
    icc: stats.form.icc,
  }));
  return {
    formId,
    formName: form?.name ?? null,
    forms: forms.map(({ id, name, sessions: count }) => ({ id, name, sessions: count })),
    sessions,
    formTrend: agreementTrend(
      sessions.map((s) => ({ label: s.name, estimate: s.alpha })),
      "the form's Krippendorff's α",
    ),
    criteria: criteriaHistory(runs),
    drift: drift(runs),
    method: statsMethod('mixed'),
  };
}
