import { z } from 'zod';
import { kpiSettingsPatchSchema, type KpiSettings } from '../../kpi/settings';
import { KPI_IDS } from '../../kpi/types';
import { method } from '../define';

/**
 * KPI settings: CSAT scale/threshold/mode, NPS bands, CES direction, business calendar, FCR mode
 * and window, status tolerance, targets (team default, per-team and per-agent overrides).
 * Changing the calendar or the FCR window recomputes derived columns of every interaction (a
 * second or two on a million rows) in the same transaction.
 *
 * Targets follow their unit (shared/kpi/targetUnits.ts): a change of CSAT mode or scale or of the
 * CES scale or direction converts or clears the targets the same patch does not restate, and a
 * target outside its unit's range is refused. Refusals are `invalid_input` with one sentence per
 * problem as the message and `details: Array<{ path, message }>` naming the field of each.
 */
export const settingsContract = {
  getKpiSettings: method<KpiSettings>()(z.object({}).strict()),
  /**
   * Deep-ish merge: each section shallowly; a `targets` entry replaces that KPI's entry (in the
   * unit in force after the patch), null removes it.
   */
  updateKpiSettings: method<KpiSettings>()(kpiSettingsPatchSchema),
  /** Sets or clears (null) one target: the default (no ids), a team override or an agent override. */
  setKpiTarget: method<KpiSettings>()(
    z
      .object({
        kpiId: z.enum(KPI_IDS),
        teamId: z.string().min(1).optional(),
        agentId: z.string().min(1).optional(),
        target: z.number().finite().nullable(),
      })
      .strict()
      .refine((v) => !(v.teamId && v.agentId), 'give a team or an agent, not both'),
  ),
  resetKpiSettings: method<KpiSettings>()(z.object({}).strict()),
};
