import { UserFacingError } from '../../../shared/ipc/result';
import type { KpiEventDto } from '../../../shared/ipc/contracts/kpi';
import { nowIso } from '../core/context';
import { getDashboard, listEvents } from '../kpi/dashboard';
import { getAgentScorecard } from '../kpi/scorecard';
import { ensureAggregates } from '../kpi/derive';
import { modesText, selectKpis, toDto } from '../kpi/engine';
import { explainKpi } from '../kpi/explain';
import { exportScorecardCsv, queryKpis } from '../kpi/report';
import { loadKpiSettings } from '../kpi/settingsStore';
import type { Handlers } from './types';

export const kpiHandlers: Handlers<
  | 'getKpiRegistry'
  | 'getDashboard'
  | 'getAgentScorecard'
  | 'queryKpis'
  | 'exportScorecardCsv'
  | 'explainKpi'
  | 'listKpiEvents'
  | 'addKpiEvent'
  | 'deleteKpiEvent'
> = {
  getKpiRegistry(_input, ctx) {
    const settings = loadKpiSettings(ctx.db);
    return { kpis: selectKpis(undefined).map((d) => toDto(d, settings)), modes: modesText(settings) };
  },
  getDashboard(input, ctx) {
    ensureAggregates(ctx.db);
    return getDashboard(ctx.db, input, ctx.clock.now());
  },
  getAgentScorecard(input, ctx) {
    ensureAggregates(ctx.db);
    return getAgentScorecard(ctx.db, input, ctx.clock.now());
  },
  queryKpis(input, ctx) {
    ensureAggregates(ctx.db);
    return queryKpis(ctx.db, input);
  },
  exportScorecardCsv(input, ctx) {
    ensureAggregates(ctx.db);
    return exportScorecardCsv(ctx.db, input);
  },
  explainKpi(input, ctx) {
    ensureAggregates(ctx.db);
    return explainKpi(ctx.db, input, ctx.clock.now());
  },
  listKpiEvents: (input, ctx) => listEvents(ctx.db, input, input.teamId),
  addKpiEvent(input, ctx) {
    const teamId = input.teamId ?? null;
    if (teamId && !ctx.db.get('SELECT 1 FROM teams WHERE id = ?', [teamId]))
      throw new UserFacingError('not_found', `No team with id ${teamId}`);
    const event: KpiEventDto = { id: ctx.ids.next('evt'), teamId, day: input.day, label: input.label };
    ctx.db.run('INSERT INTO kpi_events (id, team_id, day, label, created_at) VALUES (?, ?, ?, ?, ?)', [
      event.id,
      event.teamId,
      event.day,
      event.label,
      nowIso(ctx),
    ]);
    return event;
  },
  deleteKpiEvent: (input, ctx) => ({
    deleted: ctx.db.run('DELETE FROM kpi_events WHERE id = ?', [input.id]).changes > 0,
  }),
};
