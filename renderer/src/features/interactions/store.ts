import { create } from 'zustand';
import type {
  InteractionFacets,
  InteractionFilters,
  InteractionRow,
  InteractionSort,
} from '../../../../shared/ipc/contracts/interactions';

export const PAGE_SIZE = 200;
/** Pages kept in memory; the ones farthest from the viewport are dropped first. */
const MAX_CACHED_PAGES = 40;

export type FlagKey = 'answered' | 'abandoned' | 'resolved' | 'escalated' | 'fcr' | 'hasCsat';

export const DEFAULT_SORT: InteractionSort = { column: 'startedAt', direction: 'desc' };

interface InteractionsState {
  filters: InteractionFilters;
  sort: InteractionSort;
  /** Bumped whenever filters, sort or the data change; responses for an older version are dropped. */
  version: number;
  total: number | null;
  pages: Readonly<Record<number, InteractionRow[]>>;
  facets: InteractionFacets | null;
  selectedIndex: number | null;
  detailsOpen: boolean;
  importOpen: boolean;
  error: string | null;
  setFilters(patch: Partial<InteractionFilters>): void;
  clearFilters(): void;
  toggleSort(column: InteractionSort['column']): void;
  select(index: number | null): void;
  openDetails(index?: number): void;
  closeDetails(): void;
  setImportOpen(open: boolean): void;
  setFacets(facets: InteractionFacets): void;
  receivePage(version: number, page: number, rows: InteractionRow[], total: number, around: number): void;
  fail(version: number, message: string): void;
  /** After an import: same filters, fresh data. */
  refresh(): void;
}

const reset = { total: null, pages: {}, selectedIndex: null, detailsOpen: false, error: null } as const;

export const useInteractions = create<InteractionsState>()((set) => ({
  filters: {},
  sort: DEFAULT_SORT,
  version: 0,
  ...reset,
  facets: null,
  importOpen: false,
  setFilters: (patch) =>
    set((s) => {
      const filters: InteractionFilters = { ...s.filters, ...patch };
      for (const key of Object.keys(filters) as Array<keyof InteractionFilters>) {
        const value = filters[key];
        if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
          delete filters[key];
      }
      return { filters, version: s.version + 1, ...reset };
    }),
  clearFilters: () => set((s) => ({ filters: {}, version: s.version + 1, ...reset })),
  toggleSort: (column) =>
    set((s) => {
      // First click sorts text ascending and numbers/dates descending (largest first), like most tables.
      const firstDirection = ['agentName', 'teamName', 'topic', 'status', 'channel'].includes(column)
        ? 'asc'
        : 'desc';
      const sort: InteractionSort =
        s.sort.column === column
          ? { column, direction: s.sort.direction === 'asc' ? 'desc' : 'asc' }
          : { column, direction: firstDirection };
      return { sort, version: s.version + 1, ...reset };
    }),
  select: (index) => set({ selectedIndex: index }),
  openDetails: (index) =>
    set((s) => ({ detailsOpen: true, selectedIndex: index ?? s.selectedIndex ?? (s.total ? 0 : null) })),
  closeDetails: () => set({ detailsOpen: false }),
  setImportOpen: (open) => set({ importOpen: open }),
  setFacets: (facets) => set({ facets }),
  receivePage: (version, page, rows, total, around) =>
    set((s) => {
      if (version !== s.version) return {};
      const pages: Record<number, InteractionRow[]> = { ...s.pages, [page]: rows };
      const keys = Object.keys(pages).map(Number);
      if (keys.length > MAX_CACHED_PAGES) {
        keys.sort((a, b) => Math.abs(b - around) - Math.abs(a - around));
        for (const key of keys.slice(0, keys.length - MAX_CACHED_PAGES)) delete pages[key];
      }
      return { pages, total, error: null };
    }),
  fail: (version, message) => set((s) => (version === s.version ? { error: message } : {})),
  refresh: () => set((s) => ({ version: s.version + 1, ...reset })),
}));

export function rowAt(
  pages: Readonly<Record<number, InteractionRow[]>>,
  index: number,
): InteractionRow | undefined {
  return pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}
