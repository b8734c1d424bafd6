import { create } from 'zustand';
import { rangeLength } from '../../../../../shared/kpi/periods';
import type { DayRange } from '../../../../../shared/kpi/types';
import { selectedRange, shiftSelection } from '../../kpis/period';

/** A QA score rests on a handful of reviews a month: a day or a week says too little. */
export type QaPeriodKind = 'month' | 'quarter' | 'custom';

export interface QaSelection {
  kind: QaPeriodKind;
  anchor: string;
  custom: DayRange;
  teamId: string | null;
}

interface QaReportState extends QaSelection {
  /** False until the period has been anchored on the data (or set by a link from the dashboard). */
  initialised: boolean;
  /** Bumped when reviews or review settings change, so the report loads again. */
  version: number;
  init(anchor: string): void;
  /** The dashboard's QA tile opens the report on its own period and team. */
  showPeriod(selection: QaSelection): void;
  setKind(kind: QaPeriodKind): void;
  setAnchor(anchor: string): void;
  setCustom(from: string, to: string): void;
  step(direction: -1 | 1): void;
  setTeam(teamId: string | null): void;
  invalidate(): void;
}

const today = new Date().toISOString().slice(0, 10);

export const useQaReport = create<QaReportState>()((set) => ({
  kind: 'month',
  anchor: today,
  custom: { from: today, to: today },
  teamId: null,
  initialised: false,
  version: 0,
  init: (anchor) =>
    set((s) =>
      s.initialised
        ? s
        : { anchor, custom: { from: `${anchor.slice(0, 7)}-01`, to: anchor }, initialised: true },
    ),
  showPeriod: (selection) => set({ ...selection, initialised: true }),
  setKind: (kind) => set({ kind }),
  setAnchor: (anchor) => set({ anchor }),
  setCustom: (from, to) => set({ custom: { from, to } }),
  step: (direction) =>
    set((s) => {
      const next = shiftSelection(s, direction);
      return { anchor: next.anchor, custom: next.custom };
    }),
  setTeam: (teamId) => set({ teamId }),
  invalidate: () => set((s) => ({ version: s.version + 1 })),
}));

export function qaRange(sel: Pick<QaSelection, 'kind' | 'anchor' | 'custom'>): DayRange {
  return selectedRange(sel);
}

/** Weeks up to a quarter; months beyond, where weekly points would be too thin to read. */
export function qaGranularity(range: DayRange): 'week' | 'month' {
  return rangeLength(range) > 100 ? 'month' : 'week';
}
