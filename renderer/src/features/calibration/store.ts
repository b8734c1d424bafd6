import { create } from 'zustand';

/** What the Calibration tab shows. */
export type CalibrationView =
  | { kind: 'list' }
  | { kind: 'new' }
  | { kind: 'session'; sessionId: string }
  /** The profile's own blind review of a session interaction, in the review workspace. */
  | { kind: 'score'; sessionId: string; reviewId: string }
  | { kind: 'packet'; sessionId: string }
  | { kind: 'packetScore'; sessionId: string; interactionId: number }
  | { kind: 'history' };

interface CalibrationNavState {
  view: CalibrationView;
  /** Bumped after a change elsewhere (an import, a profile switch) so open views load again. */
  version: number;
  show(view: CalibrationView): void;
  refresh(): void;
}

export const useCalibrationNav = create<CalibrationNavState>()((set) => ({
  view: { kind: 'list' },
  version: 0,
  show: (view) => set({ view }),
  refresh: () => set((s) => ({ version: s.version + 1 })),
}));

export const showCalibration = (view: CalibrationView) => useCalibrationNav.getState().show(view);
