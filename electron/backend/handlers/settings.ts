import {
  DEFAULT_KPI_SETTINGS,
  affectsDerived,
  applyKpiSettingsPatch,
  type KpiSettings,
  type SettingsResult,
} from '../../../shared/kpi/settings';
import type { NameOf } from '../../../shared/kpi/targetUnits';
import { UserFacingError } from '../../../shared/ipc/result';
import { nowIso, type BackendContext } from '../core/context';
import { refreshDerived } from '../kpi/derive';
import { loadKpiSettings, saveKpiSettings } from '../kpi/settingsStore';
import type { Handlers } from './types';

/** Team and agent names for messages about their targets. */
function namesFrom(ctx: BackendContext): NameOf {
  return (kind, id) =>
    ctx.db.get<{ name: string }>(`SELECT name FROM ${kind === 'team' ? 'teams' : 'agents'} WHERE id = ?`, [
      id,
    ])?.name ?? null;
}

/**
 * Saves settings; when the calendar or FCR window changed, recomputes every interaction's derived
 * columns in the same transaction. That rewrite is bulk (one checkpoint instead of a journal entry
 * per statement) because it touches every row. Invalid settings are refused before anything is
 * written, with one sentence per problem and the field each is about in `details`.
 */
function apply(ctx: BackendContext, next: (current: KpiSettings) => SettingsResult): KpiSettings {
  const current = loadKpiSettings(ctx.db);
  const result = next(current);
  if (!result.ok)
    throw new UserFacingError('invalid_input', result.error.map((i) => i.message).join(' '), result.error);
  const updated = result.value;
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
  updateKpiSettings: (patch, ctx) =>
    apply(ctx, (current) => applyKpiSettingsPatch(current, patch, namesFrom(ctx))),
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
      return applyKpiSettingsPatch(current, { targets: { [kpiId]: copy } }, namesFrom(ctx));
    }),
  resetKpiSettings: (_input, ctx) => apply(ctx, () => ({ ok: true, value: DEFAULT_KPI_SETTINGS })),
};
