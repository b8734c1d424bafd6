import { describe, expect, it } from 'vitest';
import { DEFAULT_KPI_SETTINGS, type KpiSettings } from '../../../shared/kpi/settings';
import { patchOf, pendingTargetChanges, retarget } from '../../../renderer/src/features/settings/draft';

const saved: KpiSettings = {
  ...DEFAULT_KPI_SETTINGS,
  targets: { ...DEFAULT_KPI_SETTINGS.targets, ces: { team: 6, teams: {}, agents: {} } },
};
const withCsat = (s: KpiSettings, csat: Partial<KpiSettings['csat']>): KpiSettings => {
  const next = { ...s, csat: { ...s.csat, ...csat } };
  return { ...next, targets: retarget(saved, s, next) };
};

describe('the settings draft follows target units', () => {
  it('clears the CSAT % target on mean mode, warns, and sends the removal', () => {
    const mean = withCsat(saved, { mode: 'mean' });
    expect(mean.targets.csat).toBeUndefined();
    expect(pendingTargetChanges(saved, mean).map((c) => c.message)).toEqual([
      'The CSAT target 80% is a percentage; in mean-rating mode targets are ratings 1–5. It will be cleared.',
    ]);
    expect(patchOf(saved, mean)).toEqual({ csat: mean.csat, targets: { csat: null } });
  });

  it('brings an untouched target back when the mode goes back', () => {
    const back = withCsat(withCsat(saved, { mode: 'mean' }), { mode: 'threshold' });
    expect(back.targets.csat).toEqual(saved.targets.csat);
    expect(pendingTargetChanges(saved, back)).toEqual([]);
    expect(patchOf(saved, back)).toEqual({});
  });

  it('converts a target typed in the new unit when the scale changes, and drops the stale warning', () => {
    const mean = withCsat(saved, { mode: 'mean' });
    const typed = { ...mean, targets: { ...mean.targets, csat: { team: 4.2, teams: {}, agents: {} } } };
    expect(pendingTargetChanges(saved, typed)).toEqual([]);
    const ten = withCsat(typed, { scale: 10 });
    expect(ten.targets.csat?.team).toBe(8.2);
  });
});
