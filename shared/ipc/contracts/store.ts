import { z } from 'zod';
import { method } from '../define';

export interface BackupInfo {
  path: string;
  fileName: string;
  /** Local calendar date the backup was taken, YYYY-MM-DD. */
  date: string;
  sizeBytes: number;
}

export interface RestoreResult {
  restored: BackupInfo;
  /** Where the replaced data file (and its change log) were moved: never deleted. */
  movedAside: string[];
}

/**
 * Rolling daily backups of the data file. Both also answer when the data file could not be opened
 * (the backend worker's recovery mode), which is when they matter most.
 */
export const storeContract = {
  listBackups: method<BackupInfo[]>()(z.object({}).strict()),
  restoreBackup: method<RestoreResult>()(z.object({ backupPath: z.string().min(1).max(4096) }).strict()),
};
