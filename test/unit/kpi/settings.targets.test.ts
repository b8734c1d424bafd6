import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KPI_REGISTRY, kpiUnit } from '../../../shared/kpi/registry';
import {
  DEFAULT_KPI_SETTINGS,
  applyKpiSettingsPatch,
  type KpiSettings,
  type KpiTarget,
} from '../../../shared/kpi/settings';
import {
  convertTarget,
  convertTargets,
  targetIssues,
  targetRange,
  targetUnit,
  type TargetUnit,
} from '../../../shared/kpi/targetUnits';

const SEED = 20260115;
const base = DEFAULT_KPI_SETTINGS;
const withCsat = (csat: Partial<KpiSettings['csat']>): KpiSettings => ({
  ...base,
  csat: { ...base.csat, ...csat },
});
const withCes = (ces: Partial<KpiSettings['ces']>): KpiSettings => ({
  ...base,
  ces: { ...base.ces, ...ces },
});
const entry = (team: number | null, teams = {}, agents = {}): KpiTarget => ({ team, teams, agents });
const mean5 = withCsat({ mode: 'mean', scale: 5 });
const mean10 = withCsat({ mode: 'mean', scale: 10 });

describe('the unit a target is in', () => {
  it('follows the KPI unit the registry reports under the same settings', () => {
    const kinds = { '%': ['percent'], score: ['nps', 'rating'], seconds: ['seconds'], count: ['count'] };
    for (const settings of [base, mean5, mean10, withCes({ scale: 5, direction: 'high_is_hard' })])
      for (const def of KPI_REGISTRY) {
        const unit = targetUnit(def.id, settings);
        const expected = (kinds as Record<string, string[]>)[kpiUnit(def, settings)] ?? ['per_hour'];
        expect(expected, def.id).toContain(unit.kind);
      }
    expect(targetUnit('csat', mean10)).toEqual({ kind: 'rating', scale: 10, highIsGood: true });
    expect(targetUnit('ces', withCes({ direction: 'high_is_hard' }))).toEqual({
      kind: 'rating',
      scale: 7,
      highIsGood: false,
    });
    expect(targetRange({ kind: 'nps' })).toEqual({ min: -100, max: 100 });
  });
});

describe('switching CSAT to mean rating', () => {
  it('clears % targets (default, team and agent) with a warning the user can read', () => {
    const targets = { csat: entry(80, { t1: 85 }, { a1: 90 }), fcr: entry(70) };
    const result = convertTargets(targets, base, mean5);
    expect(result.targets.csat).toBeUndefined();
    expect(result.targets.fcr).toEqual(entry(70));
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0]).toMatchObject({ kpiId: 'csat', action: 'cleared' });
    expect(result.changes[0]?.message).toBe(
      'The CSAT targets (80% and 2 overrides) are percentages; in mean-rating mode targets are ratings 1–5. They will be cleared.',
    );
    expect(convertTargets({ csat: entry(80) }, base, mean5).changes[0]?.message).toBe(
      'The CSAT target 80% is a percentage; in mean-rating mode targets are ratings 1–5. It will be cleared.',
    );
  });

  it('clears rating targets when switching back to % satisfied', () => {
    const result = convertTargets({ csat: entry(4.2) }, mean5, base);
    expect(result.targets.csat).toBeUndefined();
    expect(result.changes[0]?.message).toBe(
      'The CSAT target 4.2 is a rating 1–5; in % satisfied mode targets are percentages 0–100. It will be cleared.',
    );
  });

  it('leaves % targets alone when only the scale changes in threshold mode', () => {
    const result = convertTargets({ csat: entry(80) }, base, withCsat({ scale: 10 }));
    expect(result).toEqual({ targets: { csat: entry(80) }, changes: [] });
  });
});

describe('rating scale and direction changes convert linearly', () => {
  it('rescales CSAT mean targets 1..5 → 1..10 as the registry rescales ratings', () => {
    const result = convertTargets({ csat: entry(4.2, { t1: 5 }, { a1: 1 }) }, mean5, mean10);
    expect(result.targets.csat).toEqual(entry(8.2, { t1: 10 }, { a1: 1 }));
    expect(result.changes[0]).toMatchObject({ action: 'converted' });
    expect(result.changes[0]?.message).toBe(
      'The CSAT target 4.2 (rating 1–5) becomes 8.2 (rating 1–10). Its 2 overrides are converted the same way.',
    );
  });

  it('mirrors CES targets when high comes to mean hard, keeping the distance from the best end', () => {
    const result = convertTargets({ ces: entry(6) }, base, withCes({ direction: 'high_is_hard' }));
    expect(result.targets.ces).toEqual(entry(2));
    expect(result.changes[0]?.message).toBe(
      'The Customer effort target 6 (rating 1–7, high = easy) becomes 2 (rating 1–7, high = hard). It keeps its distance from the best end of the scale.',
    );
  });

  const ratingUnit = fc.record({
    scale: fc.constantFrom(5, 7, 10),
    highIsGood: fc.boolean(),
  });
  it('maps the ends of the scale onto the ends, stays in range and round-trips', () => {
    fc.assert(
      fc.property(ratingUnit, ratingUnit, fc.integer({ min: 1, max: 5 }), (a, b, t) => {
        const from: TargetUnit = { kind: 'rating', ...a };
        const to: TargetUnit = { kind: 'rating', ...b };
        const best = (u: typeof a) => (u.highIsGood ? u.scale : 1);
        expect(convertTarget(best(a), from, to)).toBe(best(b));
        expect(convertTarget(t, from, from)).toBe(t);
      }),
      { seed: SEED, numRuns: 100 },
    );
    fc.assert(
      fc.property(ratingUnit, ratingUnit, fc.integer({ min: 100, max: 1000 }), (a, b, centi) => {
        const from: TargetUnit = { kind: 'rating', ...a };
        const to: TargetUnit = { kind: 'rating', ...b };
        const value = 1 + ((centi - 100) / 900) * (a.scale - 1);
        const there = convertTarget(value, from, to);
        expect(there).not.toBeNull();
        expect(there).toBeGreaterThanOrEqual(1);
        expect(there).toBeLessThanOrEqual(b.scale);
        // Rounded to 2 decimals each way: back within the rounding of both steps.
        expect(Math.abs((convertTarget(there ?? 0, to, from) ?? 0) - value)).toBeLessThanOrEqual(0.02);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('never converts between different kinds of unit', () => {
    expect(convertTarget(80, { kind: 'percent' }, { kind: 'rating', scale: 5, highIsGood: true })).toBeNull();
    expect(convertTarget(4, { kind: 'rating', scale: 5, highIsGood: true }, { kind: 'percent' })).toBeNull();
    expect(convertTarget(600, { kind: 'seconds' }, { kind: 'seconds' })).toBe(600);
  });
});

describe('targets outside their unit are refused with a sentence', () => {
  it('names the KPI, the scope, the range and the value', () => {
    const settings: KpiSettings = {
      ...mean5,
      targets: {
        csat: entry(80),
        fcr: entry(70, {}, { a1: 120 }),
        nps: entry(150),
        art: entry(-5),
        ces: entry(6),
      },
    };
    const names = (kind: 'team' | 'agent', id: string) => (kind === 'agent' && id === 'a1' ? 'Ada' : null);
    expect(targetIssues(settings, names)).toEqual([
      {
        path: ['targets', 'csat', 'team'],
        message:
          'In mean-rating mode the CSAT target must be a rating from 1 to 5; 80 is outside that range.',
      },
      {
        path: ['targets', 'nps', 'team'],
        message: 'The NPS target must be a score from −100 to 100; 150 is outside that range.',
      },
      {
        path: ['targets', 'fcr', 'agents', 'a1'],
        message:
          'The First contact resolution target for Ada must be a percentage from 0 to 100; 120 is outside that range.',
      },
      {
        path: ['targets', 'art', 'team'],
        message: 'The Avg resolution time target must be a time from 0s to 720h; -5 is outside that range.',
      },
    ]);
  });
});

describe('saving settings (the merge the backend runs)', () => {
  it('converts or clears targets the patch does not restate, so none is saved in the wrong unit', () => {
    const current: KpiSettings = { ...base, targets: { ...base.targets, ces: entry(6) } };
    const result = applyKpiSettingsPatch(current, {
      csat: { mode: 'mean' },
      ces: { direction: 'high_is_hard' },
    });
    if (!result.ok) throw new Error(result.error.map((e) => e.message).join(' '));
    expect(result.value.targets.csat).toBeUndefined();
    expect(result.value.targets.ces).toEqual(entry(2));
    expect(result.value.targets.fcr).toEqual(base.targets.fcr);
  });

  it('takes a restated target as already in the new unit, and checks it', () => {
    const ok = applyKpiSettingsPatch(base, { csat: { mode: 'mean' }, targets: { csat: entry(4.3) } });
    expect(ok.ok && ok.value.targets.csat).toEqual(entry(4.3));
    const refused = applyKpiSettingsPatch(base, { csat: { mode: 'mean' }, targets: { csat: entry(80) } });
    expect(refused).toEqual({
      ok: false,
      error: [
        {
          path: ['targets', 'csat', 'team'],
          message:
            'In mean-rating mode the CSAT target must be a rating from 1 to 5; 80 is outside that range.',
        },
      ],
    });
  });

  it('refuses a % above 100 and an NPS outside −100…100', () => {
    const pct = applyKpiSettingsPatch(base, { targets: { fcr: entry(101) } });
    expect(!pct.ok && pct.error[0]?.message).toContain('percentage from 0 to 100; 101');
    const nps = applyKpiSettingsPatch(base, { targets: { nps: entry(null, { t1: -101 }) } });
    expect(!nps.ok && nps.error[0]?.path).toEqual(['targets', 'nps', 'teams', 't1']);
  });
});
