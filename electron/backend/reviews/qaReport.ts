import type { EvaluatorLeniencyReport, QaReport } from '../../../shared/ipc/contracts/qa';
import { bucketStart, listBuckets } from '../../../shared/kpi/periods';
import { maxPointsOf, type ReviewAnswer, type ReviewFormDefinition } from '../../../shared/reviews/form';
import { evaluatorLeniency } from '../../../shared/reviews/leniency';
import {
  summariseQa,
  type QaCriterionInfo,
  type QaReviewInput,
  type QaSectionInfo,
} from '../../../shared/reviews/qaSummary';
import { computeReviewScore } from '../../../shared/reviews/score';
import type { BackendContext } from '../core/context';
import { answersOf, definitions, loadRows, localDayResolver, type ReviewRow, type Scope } from './qaRows';
import { loadReviewSettings } from './settingsStore';

interface VersionInfo {
  sections: QaSectionInfo[];
  criteria: Array<{ info: QaCriterionInfo; maxPoints: number }>;
}

/** Labels and maxima of a form version, built once per report and shared by its reviews. */
function versionInfo(definition: ReviewFormDefinition): VersionInfo {
  return {
    sections: definition.sections.map((s) => ({ id: s.id, label: s.label })),
    criteria: definition.sections.flatMap((s) =>
      s.criteria.map((c) => ({
        info: {
          id: c.id,
          label: c.label,
          sectionId: s.id,
          sectionLabel: s.label,
          critical: c.critical === true,
        },
        maxPoints: maxPointsOf(c),
      })),
    ),
  };
}

function toQaInput(
  review: ReviewRow,
  definition: ReviewFormDefinition,
  info: VersionInfo,
  answers: ReviewAnswer[],
  day: string,
): QaReviewInput {
  const byId = new Map(answers.map((a) => [a.criterionId, a]));
  const result = computeReviewScore(definition, byId);
  return {
    id: review.id,
    agentId: review.agentId,
    agentName: review.agentName,
    teamId: review.teamId,
    teamName: review.teamName,
    evaluator: review.evaluator,
    day,
    score: review.score,
    failedCritical: review.failedCritical === 1,
    sections: info.sections.map((section, i) => ({
      info: section,
      score: result.sections[i]?.score ?? null,
    })),
    criteria: info.criteria.map(({ info: criterion, maxPoints }) => {
      const answer = byId.get(criterion.id);
      const rating = answer && !answer.notApplicable ? answer.rating : null;
      return {
        info: criterion,
        earned: rating === null ? null : Math.min(1, Math.max(0, rating / maxPoints)),
        notApplicable: answer?.notApplicable === true,
      };
    }),
  };
}

export function getQaReport(ctx: BackendContext, input: Scope & { granularity: 'week' | 'month' }): QaReport {
  const settings = loadReviewSettings(ctx);
  const { reviews, timeZone } = loadRows(ctx, input, true);
  const definitionOf = definitions(ctx);
  const answers = answersOf(ctx, reviews, definitionOf);
  const dayOf = localDayResolver(input.from, input.to, timeZone);
  const infos = new Map<string, VersionInfo>();
  const inputs = reviews.map((r) => {
    const definition = definitionOf(r.formVersionId);
    let info = infos.get(r.formVersionId);
    if (!info) {
      info = versionInfo(definition);
      infos.set(r.formVersionId, info);
    }
    return toQaInput(r, definition, info, answers.get(r.id) ?? [], dayOf(r.reviewedAt));
  });
  // date-fns per review was a tenth of a team-month report: a month has at most 31 days.
  const buckets = new Map<string, string>();
  const bucketOf = (day: string) => {
    let bucket = buckets.get(day);
    if (bucket === undefined) {
      bucket = bucketStart(day, input.granularity);
      buckets.set(day, bucket);
    }
    return bucket;
  };
  const summary = summariseQa(inputs, {
    minReviews: settings.minReviews,
    passScore: settings.passScore,
    bucketOf,
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
