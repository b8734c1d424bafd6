import { DEFAULT_REVIEW_FORM, ratingValues, type ReviewCriterion } from '../../shared/reviews/form';
import type { TestBackend } from './backend';
import { buildAgent, buildFormVersion, buildInteraction, buildTeam } from './builders';

export const EVALUATORS = ['Sabine', 'Marco', 'Katrin'];
export const CRITERIA = DEFAULT_REVIEW_FORM.sections.flatMap((s) => s.criteria);

/** A team, an agent, the default form and `count` interactions of that agent (calls with holds). */
export function buildCalibrationScene(backend: Pick<TestBackend, 'ctx'>, count = 5) {
  const { ctx } = backend;
  const team = buildTeam(ctx, { name: 'Blue' });
  const agent = buildAgent(ctx, { name: 'Ann Agent', teamId: team.id });
  const form = buildFormVersion(ctx);
  const interactionIds = Array.from({ length: count }, (_, i) =>
    Number(
      buildInteraction(ctx, {
        agentId: agent.id,
        teamId: team.id,
        channel: 'call',
        startedAt: `2026-01-1${i}T10:00:00.000Z`,
        subject: `Call ${i + 1}`,
        hold_seconds: 30 + 60 * i,
        csat_score: 1 + (i % 5),
        csat_scale: 5,
      }).id,
    ),
  );
  return { team, agent, form, interactionIds };
}

/** A rating for every criterion: the best one, lowered by `harshness` steps, N/A where `na` says. */
export function plannedAnswer(c: ReviewCriterion, harshness: number, na = false) {
  if (na && c.allowNa) return { notApplicable: true as const };
  const values = ratingValues(c);
  return { rating: values[Math.max(0, values.length - 1 - harshness)] as number };
}

/** Scores one interaction of a session as the current profile and submits it. */
export async function scoreInteraction(
  backend: Pick<TestBackend, 'call'>,
  sessionId: string,
  interactionId: number,
  harshness: (c: ReviewCriterion, index: number) => number,
) {
  const review = await backend.call('startCalibrationReview', { sessionId, interactionId });
  for (const [index, c] of CRITERIA.entries())
    await backend.call('saveReviewAnswer', {
      reviewId: review.id,
      criterionId: c.id,
      ...plannedAnswer(c, harshness(c, index)),
    });
  return backend.call('submitReview', { reviewId: review.id });
}

/** Creates a session of every interaction with the three evaluators and starts scoring. */
export async function startedSession(
  backend: Pick<TestBackend, 'call'>,
  interactionIds: number[],
  expert: string | null = null,
) {
  const created = await backend.call('createCalibrationSession', {
    name: 'January calibration',
    interactionIds,
    evaluators: EVALUATORS,
    expert,
  });
  return backend.call('setCalibrationSessionState', { sessionId: created.id, state: 'scoring' });
}
