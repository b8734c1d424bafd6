import { describe, expect, it } from 'vitest';
import { createTestBackend } from '../support/backend';
import { buildAgent, buildTeam } from '../support/builders';

const storedJson = (db: Awaited<ReturnType<typeof createTestBackend>>['db']) =>
  db.get<{ value_json: string }>("SELECT value_json FROM settings WHERE key = 'kpi'")?.value_json ?? null;

describe('KPI settings through dispatch', () => {
  it('clears CSAT % targets when CSAT switches to mean rating, and rescales them with the scale', async () => {
    const { call, ctx } = await createTestBackend();
    const team = buildTeam(ctx, { name: 'North' });
    const ada = buildAgent(ctx, { name: 'Ada', teamId: team.id });
    await call('updateKpiSettings', {
      targets: { csat: { team: 80, teams: { [team.id]: 85 }, agents: { [ada.id]: 90 } } },
    });

    const mean = await call('updateKpiSettings', { csat: { mode: 'mean' } });
    expect(mean.targets.csat).toBeUndefined();
    expect(mean.targets.fcr?.team).toBe(70);

    await call('setKpiTarget', { kpiId: 'csat', target: 4.2 });
    const ten = await call('updateKpiSettings', { csat: { scale: 10 } });
    expect(ten.targets.csat?.team).toBe(8.2);
    expect((await call('getKpiSettings', {})).targets.csat?.team).toBe(8.2);
  });

  it('refuses a target in the wrong unit with a sentence naming the field, and writes nothing', async () => {
    const { backend, call, ctx, db } = await createTestBackend();
    const team = buildTeam(ctx, { name: 'North' });
    await call('updateKpiSettings', { csat: { mode: 'mean' } });
    const before = storedJson(db);

    const result = await backend.call('updateKpiSettings', {
      targets: {
        csat: { team: 80, teams: {}, agents: {} },
        nps: { team: null, teams: { [team.id]: 150 }, agents: {} },
      },
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message:
          'In mean-rating mode the CSAT target must be a rating from 1 to 5; 80 is outside that range. The NPS target for North must be a score from −100 to 100; 150 is outside that range.',
        details: [
          {
            path: ['targets', 'csat', 'team'],
            message:
              'In mean-rating mode the CSAT target must be a rating from 1 to 5; 80 is outside that range.',
          },
          {
            path: ['targets', 'nps', 'teams', team.id],
            message: 'The NPS target for North must be a score from −100 to 100; 150 is outside that range.',
          },
        ],
      },
    });
    const pct = await backend.call('setKpiTarget', { kpiId: 'fcr', target: 140 });
    expect(!pct.ok && pct.error.message).toBe(
      'The First contact resolution target must be a percentage from 0 to 100; 140 is outside that range.',
    );
    expect(storedJson(db)).toBe(before);
  });

  it('answers a bad time zone with a plain sentence and field details', async () => {
    const { backend } = await createTestBackend();
    const result = await backend.call('updateKpiSettings', { calendar: { timeZone: 'Europe/Berln' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.details).toMatchObject([
      {
        path: ['calendar', 'timeZone'],
        message: 'Unknown time zone "Europe/Berln". Did you mean Europe/Berlin?',
      },
    ]);
  });

  it('drops stored targets outside their unit when loading an older file', async () => {
    const { call, db } = await createTestBackend();
    await call('updateKpiSettings', { status: { minN: 30 } });
    const stored = JSON.parse(storedJson(db) ?? '{}') as Record<string, unknown>;
    db.run("UPDATE settings SET value_json = ? WHERE key = 'kpi'", [
      JSON.stringify({
        ...stored,
        csat: { scale: 5, satisfiedMin5: 4, satisfiedMin10: 8, mode: 'mean' },
        targets: { csat: { team: 80, teams: {}, agents: {} }, fcr: { team: 70, teams: {}, agents: {} } },
      }),
    ]);
    const loaded = await call('getKpiSettings', {});
    expect(loaded.status.minN).toBe(30);
    expect(loaded.targets.csat).toBeUndefined();
    expect(loaded.targets.fcr?.team).toBe(70);
  });
});
