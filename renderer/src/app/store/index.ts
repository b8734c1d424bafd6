import { create } from 'zustand';
import { onCallFailure, isUnexpected } from '../../lib/api';
import { createAppInfoSlice, type AppInfoSlice } from './appInfoSlice';
import { createNoticesSlice, type NoticesSlice } from './noticesSlice';

export type ShellState = AppInfoSlice & NoticesSlice;

/**
 * Shell-wide state. Select one field per hook call (`useShell((s) => s.appInfo)`), and wrap
 * derived arrays/objects in `useShallow` so components only re-render when what they read changes.
 */
export const useShell = create<ShellState>()((...a) => ({
  ...createAppInfoSlice(...a),
  ...createNoticesSlice(...a),
}));

/** For features: put an error in the global banner (e.g. one they cannot show in place). */
export const reportError = (title: string, error: unknown, context?: string) =>
  useShell.getState().reportError(title, error, context);
/** For features: a short-lived confirmation ("Import finished: 5,000 rows"). */
export const notify = (message: string, kind?: 'info' | 'success' | 'error') =>
  useShell.getState().notify(message, kind);
/** For features after they change data, so the header and status bar counts stay right. */
export const refreshAppInfo = () => useShell.getState().refreshAppInfo();

const STARTUP_CODES = new Set(['database_corrupt', 'database_too_new']);

// Failures no page can handle (bridge down, internal errors) surface in the banner. A damaged data
// file is not repeated per call: the recovery screen already says it.
onCallFailure(({ method, error }) => {
  if (!isUnexpected(error.code) || STARTUP_CODES.has(error.code)) return;
  const title = error.message.startsWith('Backend bridge unreachable')
    ? 'Cannot reach the backend'
    : 'Unexpected error';
  useShell.getState().reportError(title, error, `while calling ${method}`);
});
