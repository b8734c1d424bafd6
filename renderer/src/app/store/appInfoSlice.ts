import type { StateCreator } from 'zustand';
import type { AppInfo } from '../../../../shared/ipc/contracts/app';
import type { AppError } from '../../../../shared/ipc/result';
import { callResult } from '../../lib/api';
import type { ShellState } from './index';

export interface AppInfoSlice {
  appInfo: AppInfo | null;
  appInfoStatus: 'loading' | 'ready' | 'failed';
  /**
   * Set when the backend could not open the data file (damaged, or written by a newer version):
   * the shell then shows the recovery screen instead of the pages.
   */
  startupError: AppError | null;
  refreshAppInfo(): Promise<void>;
}

const isStartupError = (error: AppError) =>
  error.code === 'database_corrupt' || error.code === 'database_too_new';

export const createAppInfoSlice: StateCreator<ShellState, [], [], AppInfoSlice> = (set) => ({
  appInfo: null,
  appInfoStatus: 'loading',
  startupError: null,
  async refreshAppInfo() {
    const result = await callResult('getAppInfo', {});
    if (result.ok) set({ appInfo: result.value, appInfoStatus: 'ready', startupError: null });
    else if (isStartupError(result.error))
      set({ appInfoStatus: 'failed', startupError: result.error, appInfo: null });
    else set({ appInfoStatus: 'failed' });
  },
});
