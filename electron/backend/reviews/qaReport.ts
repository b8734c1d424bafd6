import type {
  CriterionValidityReport,
  EvaluatorLeniencyReport,
  QaReport,
} from '../../../shared/ipc/contracts/qa';
import { localDay, zonedToEpochMs } from '../../../shared/kpi/businessTime';
import { addDays, bucketStart, listBuckets } from '../../../shared/kpi/periods';
import { maxPointsOf, passMinimumOf, type ReviewFormDefinition } from '../../../shared/reviews/form';
import { evaluatorLeniency } from '../../../shared/reviews/leniency';
import { summariseQa, type QaReviewInput } from '../../../shared/reviews/qaSummary';
import { computeReviewScore } from '../../../shared/reviews/score';
import { criterionValidity, type ValidityInput } from '../../../shared/reviews/validity';
import type { BackendContext } from '../core/context';
import { loadKpiSettings } from '../kpi/settingsStore';
import { loadReviewSettings } from './settingsStore';

interface Scope {
  from: string;
  to: string;
  teamId?: string;
  agentId?: string;
}

interface ReviewRow {
  id: string;
  agentId: string;
  agentName: string;
  teamId: string | null;
  teamName: string | null;
  evaluator: string;
  reviewedAt: string;
  score: number | null;
  failedCritical: number;
  formVersionId: string;
  interactionId: number | null;
}

type AnswerTuple = [reviewId: string, criterionId: string, rating: number | null, notApplicable: number];

/** The review-date window of a range of local days, as ISO instants (end exclusive). */
function window(ctx: Pick<BackendContext, 'db'>, from: string, to: string) {
  const timeZone = loadKpiSettings(ctx.db).calendar.timeZone;
  return {
    timeZone,
    start: new Date(zonedToEpochMs(from, '00:00', timeZone)).toISOString(),
    end: new Date(zonedToEpochMs(addDays(to, 1), '00:00', timeZone)).toISOString(),
  };
}

/** Shared WHERE of every QA read: submitted, in the window, in scope; `qaOnly` drops calibration reviews. */
function filter(scope: Scope, start: string, end: string, qaOnly: boolean) {
  const where = [`r.status = 'submitted'`, 'r.reviewed_at >= ?', 'r.reviewed_at < ?'];
  const params: Array<string | number> = [start, end];
  if (qaOnly) where.splice(1, 0, 'r.counts_in_qa = 1');
  if (scope.teamId) {
    where.push('a.team_id = ?');
    params.push(scope.teamId);
  }
  if (scope.agentId) {
    where.push('r.agent_id = ?');
    params.push(scope.agentId);
  }
  return { sql: where.join(' AND '), params };
}

function loadRows(ctx: Pick<BackendContext, 'db'>, scope: Scope, qaOnly: boolean) {
  const { timeZone, start, end } = window(ctx, scope.from, scope.to);
  const where = filter(scope, start, end, qaOnly);
  const reviews = ctx.db.all<ReviewRow>(
    `SELECT r.id, r.agent_id AS agentId, a.name AS agentName, a.team_id AS teamId, t.name AS teamName, r.evaluator,
            r.reviewed_at AS reviewedAt, r.score, r.failed_critical AS failedCritical,
            r.form_version_id AS formVersionId, r.interaction_id AS interactionId
       FROM reviews r JOIN agents a ON a.id = r.agent_id LEFT JOIN teams t ON t.id = a.team_id
      WHERE ${where.sql} ORDER BY r.reviewed_at, r.id`,
    where.params,
  );
  return { reviews, timeZone, where };
}

function loadAnswers(
  ctx: Pick<BackendContext, 'db'>,
  where: { sql: string; params: Array<string | number> },
) {
  const answers = new Map<string, AnswerTuple[]>();
  const rows = ctx.db.values(
    `SELECT ans.review_id, ans.criterion_id, ans.rating, ans.not_applicable
       FROM reviews r JOIN agents a ON a.id = r.agent_id JOIN review_answers ans ON ans.review_id = r.id
      WHERE ${where.sql}`,
    where.params,
  ) as AnswerTuple[];
  for (const row of rows) {
    const list = answers.get(row[0]);
    if (list) list.push(row);
    else answers.set(row[0], [row]);
  }
  return answers;
}

/** Form definitions by version id, each parsed once. */
function definitions(ctx: Pick<BackendContext, 'db'>) {
  const cache = new Map<string, ReviewFormDefinition>();
  return (versionId: string): ReviewFormDefinition => {
    let definition = cache.get(versionId);
    if (!definition) {
      const row = ctx.db.get<{ json: string }>(
        'SELECT definition_json AS json FROM review_form_versions WHERE id = ?',
        [versionId],
      );
      definition = row ? (JSON.parse(row.json) as ReviewFormDefinition) : { name: '', sections: [] };
      cache.set(versionId, definition);
    }
    return definition;
  };
}

const toAnswers = (tuples: AnswerTuple[]) =>
  tuples.map(([, criterionId, rating, notApplicable]) => ({
    criterionId,
    rating,
    notApplicable: notApplicable === 1,
  }));

function toQaInput(
  review: ReviewRow,
  definition: ReviewFormDefinition,
  tuples: AnswerTuple[],
  timeZone: string,
) {
  const answers = toAnswers(tuples);
  const byId = new Map(answers.map((a) => [a.criterionId, a]));
  const result = computeReviewScore(definition, answers);
  const input: QaReviewInput = {
    id: review.id,
    agentId: review.agentId,
    agentName: review.agentName,
    teamId: review.teamId,
    teamName: review.teamName,
    evaluator: review.evaluator,
    day: localDay(Date.parse(review.reviewedAt), timeZone),
    score: review.score,
    failedCritical: review.failedCritical === 1,
    sections: definition.sections.map((s) => ({
      id: s.id,
      label: s.label,
      score: result.sections.find((r) => r.id === s.id)?.score ?? null,
    })),
    criteria: definition.sections.flatMap((s) =>
      s.criteria.map((c) => {
        const answer = byId.get(c.id);
        const rating = answer && !answer.notApplicable ? answer.rating : null;
        return {
          id: c.id,
          label: c.label,
          sectionId: s.id,
          sectionLabel: s.label,
          critical: c.critical === true,
          earned: rating === null ? null : Math.min(1, Math.max(0, rating / maxPointsOf(c))),
          notApplicable: answer?.notApplicable === true,
        };
      }),
    ),
  };
  return input;
}

export function getQaReport(ctx: BackendContext, input: Scope & { granularity: 'week' | 'month' }): QaReport {
  const settings = loadReviewSettings(ctx);
  const { reviews, timeZone, where } = loadRows(ctx, input, true);
  const answers = loadAnswers(ctx, where);
  const definitionOf = definitions(ctx);
  const inputs = reviews.map((r) =>
    toQaInput(r, definitionOf(r.formVersionId), answers.get(r.id) ?? [], timeZone),
  );
  const summary = summariseQa(inputs, {
    minReviews: settings.minReviews,
    passScore: settings.passScore,
    bucketOf: (day) => bucketStart(day, input.granularity),
    periods: listBuckets({ from: input.from, to: input.to }, input.granularity).map((b) => b.period),
  });
  return {
    ...summary,
    from: input.from,
    to: input.to,
    teamId: input.teamId ?? null,
    agentId: input.agentId ?? null,
    settings: { minReviews: settings.minReviews, passScore: settings.passScore },
  };
}

interface OutcomeRow {
  csat: number | null;
  csatScale: number | null;
  fcr: number | null;
  repeatContact: number | null;
}

export function getCriterionValidity(ctx: BackendContext, input: Scope): CriterionValidityReport {
  const settings = loadReviewSettings(ctx);
  const kpi = loadKpiSettings(ctx.db);
  const { reviews, where } = loadRows(ctx, input, true);
  const answers = loadAnswers(ctx, where);
  const definitionOf = definitions(ctx);
  // One review per interaction (the latest), so a twice-reviewed contact is not counted twice.
  const latest = new Map<number, ReviewRow>();
  for (const review of reviews) if (review.interactionId !== null) latest.set(review.interactionId, review);
  const outcomes = new Map(
    ctx.db
      .all<OutcomeRow & { id: number }>(
        `SELECT DISTINCT i.id, i.csat_score AS csat, i.csat_scale AS csatScale, i.fcr, i.repeat_contact AS repeatContact
           FROM reviews r JOIN agents a ON a.id = r.agent_id JOIN interactions i ON i.id = r.interaction_id
          WHERE ${where.sql}`,
        where.params,
      )
      .map((row) => [row.id, row]),
  );
  const flag = (v: number | null) => (v === null ? null : v === 1);
  const inputs: ValidityInput[] = [];
  for (const [interactionId, review] of latest) {
    const facts = outcomes.get(interactionId);
    if (!facts) continue;
    const definition = definitionOf(review.formVersionId);
    const byId = new Map(toAnswers(answers.get(review.id) ?? []).map((a) => [a.criterionId, a]));
    const scale = facts.csatScale ?? kpi.csat.scale;
    inputs.push({
      criteria: definition.sections.flatMap((s) =>
        s.criteria.map((c) => {
          const a = byId.get(c.id);
          const passed = !a || a.notApplicable || a.rating === null ? null : a.rating >= passMinimumOf(c);
          return { id: c.id, label: c.label, sectionLabel: s.label, passed };
        }),
      ),
      outcomes: {
        csat_satisfied:
          facts.csat === null
            ? null
            : facts.csat >= (scale === 10 ? kpi.csat.satisfiedMin10 : kpi.csat.satisfiedMin5),
        fcr: flag(facts.fcr),
        repeat_contact: flag(facts.repeatContact),
      },
    });
  }
  return {
    from: input.from,
    to: input.to,
    interactions: inputs.length,
    minReviews: settings.minReviews,
    criteria: criterionValidity(inputs, settings.minReviews),
  };
}

/** Calibration reviews count here: they are the purest comparison of evaluators. */
export function getEvaluatorLeniency(
  ctx: BackendContext,
  input: { from: string; to: string; teamId?: string },
): EvaluatorLeniencyReport {
  const settings = loadReviewSettings(ctx);
  const { reviews } = loadRows(ctx, input, false);
  const scored = reviews.flatMap((r) =>
    r.score === null ? [] : [{ evaluator: r.evaluator, agentId: r.agentId, score: r.score }],
  );
  return {
    from: input.from,
    to: input.to,
    minReviews: settings.minReviews,
    evaluators: evaluatorLeniency(scored, settings.minReviews),
  };
}
