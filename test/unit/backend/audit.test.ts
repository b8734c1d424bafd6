import { beforeEach, describe, expect, it } from 'vitest';
import { audited, auditHistory, currentActor } from '../../../electron/backend/core/audit';
import { createTestBackend, TEST_NOW, type TestBackend } from '../../support/backend';

/** A stand-in mutation: any contract method will do, the wrapper only sees input and ctx. */
const addEvent = (label: string) => ({ day: '2026-01-10', label });

describe('audited(entity, handler)', () => {
  let t: TestBackend;
  const events = () => t.db.all<{ label: string }>('SELECT label FROM kpi_events');
  const auditRows = () => t.db.all<{ entity_id: string }>('SELECT entity_id FROM audit_log');

  beforeEach(async () => {
    t = await createTestBackend();
  });

  it('writes who, when and before → after with the change', () => {
    const handler = audited<'addKpiEvent'>('goal', (input, ctx, audit) => {
      ctx.db.run(
        `INSERT INTO kpi_events (id, team_id, day, label, created_at) VALUES ('e1', NULL, ?, ?, '2026-01-15')`,
        [input.day, input.label],
      );
      audit.record({ entityId: 'e1', action: 'created', before: null, after: { label: input.label } });
      return { id: 'e1', teamId: null, day: input.day, label: input.label };
    });
    handler(addEvent('Launch'), t.ctx);
    expect(auditHistory(t.ctx, 'goal', 'e1')).toEqual([
      {
        at: TEST_NOW,
        actor: 'local user',
        entity: 'goal',
        entityId: 'e1',
        action: 'created',
        diff: { before: null, after: { label: 'Launch' } },
      },
    ]);
  });

  it('leaves no audit row when the change rolls back', () => {
    const handler = audited<'addKpiEvent'>('goal', (input, ctx, audit) => {
      ctx.db.run(
        `INSERT INTO kpi_events (id, team_id, day, label, created_at) VALUES ('e1', NULL, ?, ?, '2026-01-15')`,
        [input.day, input.label],
      );
      audit.record({ entityId: 'e1', action: 'created' });
      throw new Error('validation failed after the write');
    });
    expect(() => handler(addEvent('Launch'), t.ctx)).toThrow('validation failed');
    expect(events()).toEqual([]);
    expect(auditRows()).toEqual([]);
  });

  it('undoes the change when its audit row cannot be written', () => {
    const handler = audited<'addKpiEvent'>('goal', (input, ctx, audit) => {
      ctx.db.run(
        `INSERT INTO kpi_events (id, team_id, day, label, created_at) VALUES ('e1', NULL, ?, ?, '2026-01-15')`,
        [input.day, input.label],
      );
      // entity_id is NOT NULL: the audit insert fails, and so must the whole change.
      audit.record({ entityId: null as unknown as string, action: 'created' });
      return { id: 'e1', teamId: null, day: input.day, label: input.label };
    });
    expect(() => handler(addEvent('Launch'), t.ctx)).toThrow();
    expect(events()).toEqual([]);
    expect(auditRows()).toEqual([]);
  });

  it('names the actor from the profile', async () => {
    expect(currentActor(t.ctx)).toBe('local user');
    expect(await t.call('getProfile', {})).toEqual({ name: null });
    expect(await t.call('setProfile', { name: '  Dana Evaluator ' })).toEqual({ name: 'Dana Evaluator' });
    expect(currentActor(t.ctx)).toBe('Dana Evaluator');
  });

  it('refuses an empty profile name with a sentence', async () => {
    const result = await t.backend.call('setProfile', { name: '   ' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!result.ok) expect(result.error.message).toContain('Enter a name');
  });
});
