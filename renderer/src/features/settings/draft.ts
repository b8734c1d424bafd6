import type { KpiSettings, KpiSettingsPatch, KpiTarget } from '../../../../shared/kpi/settings';
import { convertTargets, type TargetChange } from '../../../../shared/kpi/targetUnits';
import { KPI_IDS, type KpiId } from '../../../../shared/kpi/types';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what changed: sections whole (each is small), targets per KPI (null removes one). */
export function patchOf(saved: KpiSettings, draft: KpiSettings): KpiSettingsPatch {
  const patch: KpiSettingsPatch = {};
  if (!same(saved.csat, draft.csat)) patch.csat = draft.csat;
  if (!same(saved.nps, draft.nps)) patch.nps = draft.nps;
  if (!same(saved.ces, draft.ces)) patch.ces = draft.ces;
  if (!same(saved.calendar, draft.calendar)) patch.calendar = draft.calendar;
  if (!same(saved.fcr, draft.fcr)) patch.fcr = draft.fcr;
  if (!same(saved.status, draft.status)) patch.status = draft.status;
  const targets: Partial<Record<KpiId, KpiTarget | null>> = {};
  for (const id of KPI_IDS)
    if (!same(saved.targets[id] ?? null, draft.targets[id] ?? null)) targets[id] = draft.targets[id] ?? null;
  if (Object.keys(targets).length > 0) patch.targets = targets;
  return patch;
}

/**
 * The draft's targets after a calculation setting changes from `current` to `next`. A target the
 * user has not touched since it was loaded is derived from the saved one afresh, so switching
 * CSAT to mean rating and back brings the 80% back, and conversions never pile up rounding. A
 * target the user typed is in the current unit and is converted (or cleared) from there.
 */
export function retarget(
  saved: KpiSettings,
  current: KpiSettings,
  next: KpiSettings,
): KpiSettings['targets'] {
  const savedAsCurrent = convertTargets(saved.targets, saved, current).targets;
  const savedAsNext = convertTargets(saved.targets, saved, next).targets;
  const currentAsNext = convertTargets(current.targets, current, next).targets;
  const out: KpiSettings['targets'] = {};
  for (const id of KPI_IDS) {
    const untouched = same(current.targets[id], savedAsCurrent[id]);
    const entry = untouched ? savedAsNext[id] : currentAsNext[id];
    if (entry) out[id] = entry;
  }
  return out;
}

/**
 * What saving will do to the saved targets, in sentences shown before saving. A KPI whose
 * target the user has since typed anew is left out: the new value is theirs, not a conversion.
 */
export function pendingTargetChanges(saved: KpiSettings, draft: KpiSettings): TargetChange[] {
  const { targets, changes } = convertTargets(saved.targets, saved, draft);
  return changes.filter((c) => same(draft.targets[c.kpiId], targets[c.kpiId]));
}
