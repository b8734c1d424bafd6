import { create } from 'zustand';

export const PAGES = [
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'interactions', label: 'Interactions' },
  { id: 'reviews', label: 'Reviews' },
  { id: 'goals', label: 'Goals' },
  { id: 'performance', label: 'Performance reviews' },
  { id: 'settings', label: 'Settings' },
] as const;

export type PageId = (typeof PAGES)[number]['id'];

interface NavigationState {
  page: PageId;
  /** Page-specific parameter, e.g. the agent id of a scorecard drill-down. */
  param: string | null;
  navigate(page: PageId, param?: string | null): void;
}

export const useNavigation = create<NavigationState>()((set) => ({
  page: 'dashboard',
  param: null,
  navigate: (page, param = null) => set({ page, param }),
}));
