import { create } from 'zustand';
import type { SamplingStrategy } from '../../../../../shared/reviews/sampling';

export type QueuePeriod = 'week' | 'month';

interface QueueState {
  period: QueuePeriod;
  /** Any day of the period; null until the data's latest day is known. */
  anchor: string | null;
  teamId: string | null;
  strategy: SamplingStrategy;
  seed: number;
  /** Index of the highlighted pick. */
  selected: number;
  setPeriod(period: QueuePeriod): void;
  setAnchor(anchor: string): void;
  /** Sets the anchor only if none is set yet (the first answer about the data's range). */
  initAnchor(anchor: string): void;
  setTeam(teamId: string | null): void;
  setStrategy(strategy: SamplingStrategy): void;
  setSeed(seed: number): void;
  select(index: number): void;
}

/** The queue's choices survive tab changes, so "back to the queue" shows the same picks. */
export const useQueueSettings = create<QueueState>()((set) => ({
  period: 'month',
  anchor: null,
  teamId: null,
  strategy: 'risk',
  seed: 1,
  selected: 0,
  setPeriod: (period) => set({ period, selected: 0 }),
  setAnchor: (anchor) => set({ anchor, selected: 0 }),
  initAnchor: (anchor) => set((s) => (s.anchor === null ? { anchor } : s)),
  setTeam: (teamId) => set({ teamId, selected: 0 }),
  setStrategy: (strategy) => set({ strategy, selected: 0 }),
  setSeed: (seed) => set({ seed, selected: 0 }),
  select: (selected) => set({ selected }),
}));
