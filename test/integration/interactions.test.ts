import { describe, expect, it } from 'vitest';
import type { InteractionFilters, InteractionSort } from '../../shared/ipc/contracts/interactions';
import { createTestBackend, type TestBackend } from '../support/backend';
import { buildAgent, buildInteraction, buildTeam } from '../support/builders';

async function seed() {
  const backend = await createTestBackend();
  const { ctx } = backend;
  const billing = buildTeam(ctx, { name: 'Billing' });
  const tech = buildTeam(ctx, { name: 'Tech' });
  const ada = buildAgent(ctx, { name: 'Ada', teamId: billing.id });
  const bo = buildAgent(ctx, { name: 'Bo', teamId: tech.id });
  const cy = buildAgent(ctx, { name: 'Cy', teamId: tech.id });
  buildInteraction(ctx, {
    id: 1,
    agentId: ada.id,
    teamId: billing.id,
    channel: 'call',
    startedAt: '2026-01-01T09:00:00.000Z',
    answered: 1,
    resolved: 1,
    talk_seconds: 120,
    hold_seconds: 30,
    csat_score: 5,
    csat_scale: 5,
    topic: 'Invoice',
    notes: '100% refund promised',
  });
  buildInteraction(ctx, {
    id: 2,
    agentId: bo.id,
    teamId: tech.id,
    channel: 'chat',
    startedAt: '2026-01-02T10:00:00.000Z',
    answered: 1,
    resolved: 0,
    escalated: 1,
    talk_seconds: 300,
    topic: 'Router',
    customer_comment: 'my_router is broken',
  });
  buildInteraction(ctx, {
    id: 3,
    agentId: bo.id,
    teamId: tech.id,
    channel: 'call',
    startedAt: '2026-01-03T11:00:00.000Z',
    answered: 0,
    abandoned: 1,
    topic: 'Router',
    notes: '100 percent',
  });
  // No team on the interaction: the agent's team applies.
  buildInteraction(ctx, {
    id: 4,
    agentId: cy.id,
    channel: 'email',
    startedAt: '2026-01-03T23:30:00.000Z',
    day: '2026-01-04',
    answered: 1,
    resolved: 1,
    fcr: 1,
    csat_score: 2,
    csat_scale: 5,
    subject: 'Myrouter question',
  });
  buildInteraction(ctx, {
    id: 5,
    channel: 'ticket',
    startedAt: '2026-01-05T08:00:00.000Z',
    subject: 'Unassigned',
  });
  return { ...backend, billing, tech, ada, bo, cy };
}

const ids = (page: { rows: Array<{ id: number }> }) => page.rows.map((row) => row.id);

async function query(call: TestBackend['call'], filters: InteractionFilters, sort?: InteractionSort) {
  return call('queryInteractions', { filters, ...(sort ? { sort } : {}) });
}

describe('queryInteractions', () => {
  it('returns newest first by default with the total and compact rows', async () => {
    const { call } = await seed();
    const page = await call('queryInteractions', {});
    expect(ids(page)).toEqual([5, 4, 3, 2, 1]);
    expect(page.total).toBe(5);
    const first = page.rows.find((row) => row.id === 1);
    expect(first).toMatchObject({
      agentName: 'Ada',
      teamName: 'Billing',
      channel: 'call',
      answered: true,
      resolved: true,
      escalated: null,
      handleSeconds: 150,
      csat: 5,
      day: '2026-01-01',
    });
    expect(page.rows.find((row) => row.id === 4)?.teamName).toBe('Tech');
    expect(page.rows.find((row) => row.id === 5)?.handleSeconds).toBeNull();
  });

  it('filters by agent, team, channel, day range, flags and CSAT presence', async () => {
    const { call, ada, bo, tech } = await seed();
    expect(ids(await query(call, { agentIds: [bo.id] }))).toEqual([3, 2]);
    expect(ids(await query(call, { agentIds: [ada.id, bo.id], channels: ['call'] }))).toEqual([3, 1]);
    expect(ids(await query(call, { teamIds: [tech.id] }))).toEqual([4, 3, 2]);
    expect(ids(await query(call, { channels: ['chat', 'email'] }))).toEqual([4, 2]);
    expect(ids(await query(call, { from: '2026-01-02', to: '2026-01-03' }))).toEqual([3, 2]);
    // The local day, not the UTC date of started_at, decides.
    expect(ids(await query(call, { from: '2026-01-04', to: '2026-01-04' }))).toEqual([4]);
    expect(ids(await query(call, { answered: false }))).toEqual([3]);
    expect(ids(await query(call, { abandoned: true }))).toEqual([3]);
    expect(ids(await query(call, { resolved: true }))).toEqual([4, 1]);
    expect(ids(await query(call, { escalated: true }))).toEqual([2]);
    expect(ids(await query(call, { fcr: true }))).toEqual([4]);
    expect(ids(await query(call, { hasCsat: true }))).toEqual([4, 1]);
    expect((await query(call, { hasCsat: false })).total).toBe(3);
    expect(ids(await query(call, { agentIds: [], channels: [], text: '  ' }))).toEqual([5, 4, 3, 2, 1]);
  });

  it('searches notes, comment, subject and topic, treating % and _ literally', async () => {
    const { call } = await seed();
    expect(ids(await query(call, { text: 'router' }))).toEqual([4, 3, 2]);
    expect(ids(await query(call, { text: '100%' }))).toEqual([1]);
    expect(ids(await query(call, { text: 'my_router' }))).toEqual([2]);
    expect(ids(await query(call, { text: '%' }))).toEqual([1]);
    expect(ids(await query(call, { text: '_' }))).toEqual([2]);
    expect(ids(await query(call, { text: "' OR 1=1 --" }))).toEqual([]);
    expect(ids(await query(call, { text: '\\' }))).toEqual([]);
  });

  it('sorts by whitelisted columns with id as a stable tie-break', async () => {
    const { call } = await seed();
    expect(ids(await query(call, {}, { column: 'startedAt', direction: 'asc' }))).toEqual([1, 2, 3, 4, 5]);
    expect(ids(await query(call, {}, { column: 'agentName', direction: 'asc' }))).toEqual([1, 2, 3, 4, 5]);
    expect(ids(await query(call, {}, { column: 'teamName', direction: 'desc' }))).toEqual([4, 3, 2, 1, 5]);
    expect(ids(await query(call, {}, { column: 'handleSeconds', direction: 'desc' }))).toEqual([
      2, 1, 5, 4, 3,
    ]);
    expect(ids(await query(call, {}, { column: 'csat', direction: 'desc' }))).toEqual([1, 4, 5, 3, 2]);
    expect(ids(await query(call, {}, { column: 'channel', direction: 'asc' }))).toEqual([1, 3, 2, 4, 5]);
  });

  it('sorts blank values last in both directions', async () => {
    const { call } = await seed();
    const sorted = async (column: InteractionSort['column'], direction: InteractionSort['direction']) =>
      ids(await query(call, {}, { column, direction }));
    // Interaction 5 has no agent and no team; 3, 4 and 5 have no handle time; only 1 and 4 have CSAT.
    expect(await sorted('agentName', 'asc')).toEqual([1, 2, 3, 4, 5]);
    expect(await sorted('agentName', 'desc')).toEqual([4, 3, 2, 1, 5]);
    expect(await sorted('teamName', 'asc')).toEqual([1, 2, 3, 4, 5]);
    expect(await sorted('handleSeconds', 'asc')).toEqual([1, 2, 3, 4, 5]);
    expect(await sorted('handleSeconds', 'desc')).toEqual([2, 1, 5, 4, 3]);
    expect(await sorted('csat', 'asc')).toEqual([4, 1, 2, 3, 5]);
    expect(await sorted('csat', 'desc')).toEqual([1, 4, 5, 3, 2]);
  });

  it('sorts the topic column by what it shows: the topic, else the subject, blank text last', async () => {
    const { call, ctx } = await seed();
    buildInteraction(ctx, { id: 6, startedAt: '2026-01-06T08:00:00.000Z', topic: '', subject: '' });
    const sorted = async (direction: InteractionSort['direction']) =>
      ids(await query(call, {}, { column: 'topic', direction }));
    // Invoice, Myrouter question (subject), Router, Router, Unassigned (subject), then the blank row.
    expect(await sorted('asc')).toEqual([1, 4, 2, 3, 5, 6]);
    expect(await sorted('desc')).toEqual([5, 3, 2, 4, 1, 6]);
  });

  it('rejects sort columns and directions outside the whitelist', async () => {
    const { backend } = await seed();
    for (const sort of [
      { column: 'started_at; DROP TABLE interactions', direction: 'asc' },
      { column: 'notes', direction: 'asc' },
      { column: 'startedAt', direction: 'asc, (SELECT 1)' },
    ]) {
      const result = await backend.call('queryInteractions', { sort });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    const tooMany = await backend.call('queryInteractions', { limit: 501 });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknownFilter = await backend.call('queryInteractions', { filters: { sql: '1=1' } });
    expect(unknownFilter).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('pages with offsets and keyset anchors consistently, also after writes', async () => {
    const { call, ctx } = await createTestBackend();
    const agent = buildAgent(ctx, { name: 'Pat' });
    // Many rows share a timestamp so the id tie-break matters for paging.
    for (let n = 1; n <= 57; n += 1) {
      const minute = String(Math.floor(n / 3)).padStart(2, '0');
      buildInteraction(ctx, { id: n, agentId: agent.id, startedAt: `2026-01-01T10:${minute}:00.000Z` });
    }
    for (const direction of ['asc', 'desc'] as const) {
      for (const column of ['startedAt', 'id', 'agentName'] as const) {
        const all = await call('queryInteractions', { sort: { column, direction }, limit: 500 });
        const paged: number[] = [];
        for (let offset = 0; offset < 57; offset += 10) {
          const page = await call('queryInteractions', { sort: { column, direction }, offset, limit: 10 });
          expect(page.total).toBe(57);
          paged.push(...ids(page));
        }
        expect(paged).toEqual(ids(all));
        expect(new Set(paged).size).toBe(57);
        // Jumping back and re-reading a window gives the same rows.
        const again = await call('queryInteractions', { sort: { column, direction }, offset: 20, limit: 10 });
        expect(ids(again)).toEqual(ids(all).slice(20, 30));
      }
    }
    const beyond = await call('queryInteractions', { offset: 57 });
    expect(beyond.rows).toEqual([]);

    // A write invalidates the cached count and anchors.
    buildInteraction(ctx, { id: 100, agentId: agent.id, startedAt: '2026-01-01T09:00:00.000Z' });
    const page = await call('queryInteractions', {
      sort: { column: 'startedAt', direction: 'desc' },
      offset: 50,
    });
    expect(page.total).toBe(58);
    expect(ids(page).at(-1)).toBe(100);
  });
});

describe('getInteraction and getInteractionFacets', () => {
  it('returns the full row with names and its reviews', async () => {
    const { call, ctx, ada } = await seed();
    ctx.db.run(
      "INSERT INTO customers (id, external_ref, name, created_at) VALUES ('cus_1', 'C-9', 'Zoe', 'x')",
    );
    ctx.db.run("UPDATE interactions SET customer_id = 'cus_1' WHERE id = 1");
    ctx.db.run("INSERT INTO review_forms (id, name, created_at) VALUES ('f1', 'Form', 'x')");
    ctx.db.run(
      "INSERT INTO review_form_versions (id, form_id, version, definition_json, created_at) VALUES ('fv1', 'f1', 1, '{}', 'x')",
    );
    ctx.db.run(
      `INSERT INTO reviews (id, form_version_id, agent_id, interaction_id, evaluator, status, score, reviewed_at, created_at, updated_at)
       VALUES ('rev1', 'fv1', ?, 1, 'Sam', 'submitted', 87.5, '2026-01-10T10:00:00.000Z', 'x', 'x')`,
      [ada.id],
    );
    const detail = await call('getInteraction', { id: 1 });
    expect(detail).toMatchObject({
      id: 1,
      agentName: 'Ada',
      teamName: 'Billing',
      customerName: 'Zoe',
      customerRef: 'C-9',
      notes: '100% refund promised',
      reviews: [{ id: 'rev1', evaluator: 'Sam', score: 87.5, failedCritical: false, status: 'submitted' }],
    });
  });

  it('reports a missing interaction as not_found', async () => {
    const { backend } = await seed();
    const result = await backend.call('getInteraction', { id: 999 });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('lists agents, teams, channels and the day range', async () => {
    const { call } = await seed();
    const facets = await call('getInteractionFacets', {});
    expect(facets.agents.map((agent) => agent.name)).toEqual(['Ada', 'Bo', 'Cy']);
    expect(facets.teams.map((team) => team.name)).toEqual(['Billing', 'Tech']);
    expect(facets.channels).toContain('call');
    expect(facets.dayRange).toEqual({ from: '2026-01-01', to: '2026-01-05' });
    const empty = await createTestBackend();
    expect((await empty.call('getInteractionFacets', {})).dayRange).toBeNull();
  });
});
