import { create } from 'zustand';

export const PAGES = [
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'interactions', label: 'Interactions' },
  { id: 'reviews', label: 'Reviews' },
  { id: 'goals', label: 'Goals' },
  { id: 'performance', label: 'Performance reviews' },
  { id: 'settings', label: 'Settings' },
  // Reached by drilling down, not from the sidebar; the sidebar highlights the parent.
  { id: 'agent', label: 'Agent scorecard', parent: 'dashboard' },
] as const;

export type PageId = (typeof PAGES)[number]['id'];

/** Pages listed in the sidebar (drill-down pages have a parent instead). */
export const SIDEBAR_PAGES = PAGES.filter((p) => !('parent' in p));

/** The sidebar entry that stands for a page: itself, or the page it drills down from. */
export function sidebarPage(page: PageId): PageId {
  const entry = PAGES.find((p) => p.id === page);
  return entry && 'parent' in entry ? entry.parent : page;
}

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
