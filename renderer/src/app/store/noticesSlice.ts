import type { StateCreator } from 'zustand';
import type { ShellState } from './index';

export interface ErrorNotice {
  id: number;
  /** What the user was doing, e.g. "Loading agents". */
  title: string;
  message: string;
  code?: string;
  /** Where it happened, shown small (e.g. "while calling listAgents"). */
  context?: string;
  /** Identical errors repeat (polling, retries): counted instead of stacked. */
  count: number;
}

export interface Toast {
  id: number;
  message: string;
  kind: 'info' | 'success' | 'error';
}

export interface NoticesSlice {
  errors: ErrorNotice[];
  toasts: Toast[];
  reportError(title: string, error: unknown, context?: string): void;
  dismissError(id: number): void;
  clearErrors(): void;
  /** Returns the toast's id, so a page can take back a message a later failure contradicts. */
  notify(message: string, kind?: Toast['kind']): number;
  dismissToast(id: number): void;
}

const MAX_ERRORS = 4;
const TOAST_MS = 5000;
let nextId = 1;

function describe(error: unknown): { message: string; code?: string } {
  if (error && typeof error === 'object' && 'message' in error) {
    const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
    return { message: String(error.message), ...(code ? { code } : {}) };
  }
  return { message: String(error) };
}

export const createNoticesSlice: StateCreator<ShellState, [], [], NoticesSlice> = (set, get) => ({
  errors: [],
  toasts: [],
  reportError(title, error, context) {
    const { message, code } = describe(error);
    const same = get().errors.find((e) => e.title === title && e.message === message);
    if (same) {
      set({ errors: get().errors.map((e) => (e === same ? { ...e, count: e.count + 1 } : e)) });
      return;
    }
    const notice: ErrorNotice = {
      id: nextId++,
      title,
      message,
      count: 1,
      ...(code ? { code } : {}),
      ...(context ? { context } : {}),
    };
    set({ errors: [...get().errors, notice].slice(-MAX_ERRORS) });
  },
  dismissError: (id) => set({ errors: get().errors.filter((e) => e.id !== id) }),
  clearErrors: () => set({ errors: [] }),
  notify(message, kind = 'info') {
    const id = nextId++;
    set({ toasts: [...get().toasts, { id, message, kind }] });
    setTimeout(() => get().dismissToast(id), TOAST_MS);
    return id;
  },
  dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
});
