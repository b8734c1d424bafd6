import { describe, expect, it } from 'vitest';
import { createTestBackend } from '../support/backend';
import { buildAgent, buildInteraction, buildTeam } from '../support/builders';

describe('backend dispatch', () => {
  it('lists agents with their interaction counts', async () => {
    const { ctx, call } = await createTestBackend();
    const team = buildTeam(ctx, { name: 'Billing' });
    const ada = buildAgent(ctx, { name: 'Ada', teamId: team.id });
    buildAgent(ctx, { name: 'Bo', teamId: team.id });
    buildInteraction(ctx, { agentId: ada.id, startedAt: '2026-01-02T10:00:00.000Z' });
    buildInteraction(ctx, { agentId: ada.id, startedAt: '2026-01-03T10:00:00.000Z' });

    const agents = await call('listAgents', {});
    expect(agents.map((a) => [a.name, a.interactionCount, a.teamName])).toEqual([
      ['Ada', 2, 'Billing'],
      ['Bo', 0, 'Billing'],
    ]);
    expect(agents[0]?.lastInteractionAt).toBe('2026-01-03T10:00:00.000Z');
  });

  it('rejects malformed input with a clear error instead of throwing', async () => {
    const { backend } = await createTestBackend();
    const result = await backend.call('listAgents', { teamId: 42 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.message).toContain('teamId');
    }
    const unknown = await backend.call('dropDatabase', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
