import { create } from 'zustand';
import type { Granularity, KpiId, PeriodKind } from '../../../../shared/kpi/types';
import { shiftSelection, suggestedGranularity, type PeriodSelection } from './period';

export type RollingWindow = 'off' | '7' | '30';

interface KpiDashboardState extends PeriodSelection {
  /** null: every team. */
  teamId: string | null;
  granularity: Granularity;
  /** The KPI the large trend chart shows. */
  trendKpi: KpiId;
  rolling: RollingWindow;
  /** False until the default anchor (latest month with data) has been set. */
  initialised: boolean;
  /** Bumped when data the dashboard shows may have changed (settings saved, import). */
  dataVersion: number;
  init(anchor: string): void;
  setTeam(teamId: string | null): void;
  setKind(kind: PeriodKind): void;
  setAnchor(anchor: string): void;
  setCustom(from: string, to: string): void;
  step(direction: -1 | 1): void;
  setGranularity(granularity: Granularity): void;
  setTrendKpi(kpiId: KpiId): void;
  setRolling(rolling: RollingWindow): void;
  invalidate(): void;
}

const today = new Date().toISOString().slice(0, 10);

/** The dashboard's selection survives page changes, so a drill-down and back keeps the period. */
export const useKpiDashboard = create<KpiDashboardState>()((set) => ({
  kind: 'month',
  anchor: today,
  custom: { from: today, to: today },
  teamId: null,
  granularity: 'day',
  trendKpi: 'csat',
  rolling: 'off',
  initialised: false,
  dataVersion: 0,
  init: (anchor) =>
    set((s) =>
      s.initialised
        ? s
        : { anchor, custom: { from: `${anchor.slice(0, 7)}-01`, to: anchor }, initialised: true },
    ),
  setTeam: (teamId) => set({ teamId }),
  setKind: (kind) =>
    set((s) => {
      const next = { ...s, kind };
      return { kind, granularity: suggestedGranularity(next) };
    }),
  setAnchor: (anchor) => set({ anchor }),
  setCustom: (from, to) =>
    set((s) => {
      const custom = { from, to };
      return { custom, granularity: suggestedGranularity({ ...s, kind: 'custom', custom }) };
    }),
  step: (direction) => set((s) => shiftSelection(s, direction)),
  setGranularity: (granularity) => set({ granularity }),
  setTrendKpi: (trendKpi) => set({ trendKpi }),
  setRolling: (rolling) => set({ rolling }),
  invalidate: () => set((s) => ({ dataVersion: s.dataVersion + 1 })),
}));
