import type { Channel } from '../../shared/domain/types';
import {
  DEFAULT_REVIEW_FORM,
  ratingValues,
  type ReviewAnswer,
  type ReviewFormDefinition,
} from '../../shared/reviews/form';
import { packRatings } from '../../shared/reviews/packed';
import { computeReviewScore } from '../../shared/reviews/score';
import type { BackendContext } from '../../electron/backend/core/context';

type Ctx = Pick<BackendContext, 'db' | 'ids' | 'clock'>;

export function buildTeam(ctx: Ctx, overrides: Partial<{ id: string; name: string }> = {}) {
  const team = {
    id: overrides.id ?? ctx.ids.next('team'),
    name: overrides.name ?? `Team ${ctx.ids.next('n')}`,
  };
  ctx.db.run('INSERT INTO teams (id, name, created_at) VALUES (?, ?, ?)', [
    team.id,
    team.name,
    ctx.clock.now().toISOString(),
  ]);
  return team;
}

export function buildAgent(
  ctx: Ctx,
  overrides: Partial<{ id: string; name: string; teamId: string | null; active: boolean }> = {},
) {
  const agent = {
    id: overrides.id ?? ctx.ids.next('agt'),
    name: overrides.name ?? `Agent ${ctx.ids.next('n')}`,
    teamId: overrides.teamId ?? null,
    active: overrides.active ?? true,
  };
  ctx.db.run('INSERT INTO agents (id, team_id, name, active, created_at) VALUES (?, ?, ?, ?, ?)', [
    agent.id,
    agent.teamId,
    agent.name,
    agent.active ? 1 : 0,
    ctx.clock.now().toISOString(),
  ]);
  return agent;
}

export interface InteractionOverrides {
  id?: number;
  agentId?: string | null;
  teamId?: string | null;
  customerId?: string | null;
  channel?: Channel;
  startedAt?: string;
  day?: string;
  source?: string;
  externalId?: string | null;
  [column: string]: string | number | null | undefined;
}

let nextInteractionId = 1;

/** Inserts an interaction; extra keys are raw column names (e.g. `csat_score: 5`). */
export function buildInteraction(ctx: Ctx, overrides: InteractionOverrides = {}) {
  const {
    id = nextInteractionId++,
    agentId = null,
    teamId = null,
    customerId = null,
    channel = 'call',
    startedAt = ctx.clock.now().toISOString(),
    day,
    source = 'test',
    externalId = null,
    ...columns
  } = overrides;
  const now = ctx.clock.now().toISOString();
  const values: Record<string, string | number | null> = {
    id,
    agent_id: agentId,
    team_id: teamId,
    customer_id: customerId,
    channel,
    started_at: startedAt,
    day: day ?? startedAt.slice(0, 10),
    source,
    external_id: externalId,
    created_at: now,
    updated_at: now,
  };
  for (const [key, value] of Object.entries(columns)) if (value !== undefined) values[key] = value;
  const keys = Object.keys(values);
  ctx.db.run(
    `INSERT INTO interactions (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`,
    keys.map((key) => values[key] ?? null),
  );
  return { id, ...values };
}

export function buildCustomer(ctx: Ctx, overrides: Partial<{ id: string; name: string | null }> = {}) {
  const customer = { id: overrides.id ?? ctx.ids.next('cus'), name: overrides.name ?? null };
  ctx.db.run('INSERT INTO customers (id, name, created_at) VALUES (?, ?, ?)', [
    customer.id,
    customer.name,
    ctx.clock.now().toISOString(),
  ]);
  return customer;
}

/** A form (new unless formId is given) with one version holding `definition`. */
export function buildFormVersion(
  ctx: Ctx,
  overrides: Partial<{
    formId: string;
    version: number;
    definition: ReviewFormDefinition;
    archived: boolean;
  }> = {},
) {
  const now = ctx.clock.now().toISOString();
  const definition = overrides.definition ?? DEFAULT_REVIEW_FORM;
  const formId = overrides.formId ?? ctx.ids.next('form');
  if (!overrides.formId)
    ctx.db.run('INSERT INTO review_forms (id, name, archived, created_at) VALUES (?, ?, ?, ?)', [
      formId,
      definition.name,
      overrides.archived ? 1 : 0,
      now,
    ]);
  const versionId = ctx.ids.next('fver');
  const version = overrides.version ?? 1;
  ctx.db.run(
    'INSERT INTO review_form_versions (id, form_id, version, definition_json, created_at) VALUES (?, ?, ?, ?, ?)',
    [versionId, formId, version, JSON.stringify(definition), now],
  );
  return { formId, versionId, version, definition };
}

export interface ReviewOverrides {
  id?: string;
  formVersionId: string;
  agentId: string;
  interactionId?: number | null;
  evaluator?: string;
  status?: 'draft' | 'submitted';
  /** Ratings by criterion id; 'na' for N/A. Criteria left out stay unanswered. */
  ratings?: Record<string, number | 'na'>;
  reviewedAt?: string | null;
  calibrationGroup?: string | null;
  countsInQa?: boolean;
}

/**
 * Inserts a review with its answers; the score is computed from them on the version's
 * definition, as the backend stores it.
 */
export function buildReview(ctx: Ctx, overrides: ReviewOverrides) {
  const row = ctx.db.get<{ json: string }>(
    'SELECT definition_json AS json FROM review_form_versions WHERE id = ?',
    [overrides.formVersionId],
  );
  if (!row) throw new Error(`buildReview: no form version ${overrides.formVersionId}`);
  const definition = JSON.parse(row.json) as ReviewFormDefinition;
  const answers: ReviewAnswer[] = Object.entries(overrides.ratings ?? {}).map(([criterionId, value]) =>
    value === 'na'
      ? { criterionId, rating: null, notApplicable: true }
      : { criterionId, rating: value, notApplicable: false },
  );
  const result = computeReviewScore(definition, answers);
  const id = overrides.id ?? ctx.ids.next('rev');
  const status = overrides.status ?? 'submitted';
  const now = ctx.clock.now().toISOString();
  const reviewedAt =
    overrides.reviewedAt === undefined ? (status === 'submitted' ? now : null) : overrides.reviewedAt;
  const group = overrides.calibrationGroup ?? null;
  ctx.db.run(
    `INSERT INTO reviews (id, form_version_id, agent_id, interaction_id, evaluator, status, score, failed_critical,
       calibration_group, counts_in_qa, reviewed_at, submitted_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
      overrides.formVersionId,
      overrides.agentId,
      overrides.interactionId ?? null,
      overrides.evaluator ?? 'QA Lead',
      status,
      result.score,
      result.failedCritical ? 1 : 0,
      group,
      (overrides.countsInQa ?? group === null) ? 1 : 0,
      reviewedAt,
      status === 'submitted' ? reviewedAt : null,
      now,
      now,
    ],
  );
  for (const answer of answers)
    ctx.db.run(
      'INSERT INTO review_answers (review_id, criterion_id, rating, not_applicable) VALUES (?, ?, ?, ?)',
      [id, answer.criterionId, answer.rating, answer.notApplicable ? 1 : 0],
    );
  ctx.db.run('UPDATE reviews SET ratings_packed = ? WHERE id = ?', [packRatings(definition, answers), id]);
  return { id, score: result.score, failedCritical: result.failedCritical, answers, definition };
}

/** Best rating on every criterion of a definition, with overrides ('na' for N/A). */
export function fullMarks(
  definition: ReviewFormDefinition,
  overrides: Record<string, number | 'na'> = {},
): Record<string, number | 'na'> {
  const ratings: Record<string, number | 'na'> = {};
  for (const criterion of definition.sections.flatMap((s) => s.criteria))
    ratings[criterion.id] = Math.max(...ratingValues(criterion));
  return { ...ratings, ...overrides };
}
