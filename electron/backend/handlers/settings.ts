import {
  DEFAULT_KPI_SETTINGS,
  affectsDerived,
  mergeKpiSettings,
  type KpiSettings,
} from '../../../shared/kpi/settings';
import { UserFacingError } from '../../../shared/ipc/result';
import { nowIso, type BackendContext } from '../core/context';
import { refreshDerived } from '../kpi/derive';
import { loadKpiSettings, saveKpiSettings } from '../kpi/settingsStore';
import type { Handlers } from './types';
import { ZodError } from 'zod';

/**
 * Saves settings; when the calendar or FCR window changed, recomputes every interaction's derived
 * columns in the same transaction. That rewrite is bulk (one checkpoint instead of a journal entry
 * per statement) because it touches every row.
 */
function apply(ctx: BackendContext, next: (current: KpiSettings) => KpiSettings): KpiSettings {
  const current = loadKpiSettings(ctx.db);
  let updated: KpiSettings;
  try {
    updated = next(current);
  } catch (error) {
    if (error instanceof ZodError)
      throw new UserFacingError(
        'invalid_input',
        error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      );
    throw error;
  }
  const rederive = affectsDerived(current, updated);
  ctx.db.transaction(
    () => {
      saveKpiSettings(ctx.db, updated, nowIso(ctx));
      if (rederive) refreshDerived(ctx.db, 'all');
    },
    { bulk: rederive },
  );
  return updated;
}

export const settingsHandlers: Handlers<
  'getKpiSettings' | 'updateKpiSettings' | 'setKpiTarget' | 'resetKpiSettings'
> = {
  getKpiSettings: (_input, ctx) => loadKpiSettings(ctx.db),
  updateKpiSettings: (patch, ctx) => apply(ctx, (current) => mergeKpiSettings(current, patch)),
  setKpiTarget: ({ kpiId, teamId, agentId, target }, ctx) =>
    apply(ctx, (current) => {
      const entry = current.targets[kpiId] ?? { team: null, teams: {}, agents: {} };
      const copy = { team: entry.team, teams: { ...entry.teams }, agents: { ...entry.agents } };
      if (agentId) {
        if (target === null) delete copy.agents[agentId];
        else copy.agents[agentId] = target;
      } else if (teamId) {
        if (target === null) delete copy.teams[teamId];
        else copy.teams[teamId] = target;
      } else copy.team = target;
      return mergeKpiSettings(current, { targets: { [kpiId]: copy } });
    }),
  resetKpiSettings: (_input, ctx) => apply(ctx, () => DEFAULT_KPI_SETTINGS),
};
