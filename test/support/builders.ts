import type { Channel } from '../../shared/domain/types';
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
