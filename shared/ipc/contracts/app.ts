import { z } from 'zod';
import type { JobStatus } from '../../domain/types';
import { method } from '../define';

export interface AppInfo {
  version: string;
  dataFile: string | null;
  schemaVersion: number;
  counts: { teams: number; agents: number; interactions: number; reviews: number };
}

export const appContract = {
  getAppInfo: method<AppInfo>()(z.object({}).strict()),
  getJob: method<JobStatus>()(z.object({ jobId: z.string().min(1) }).strict()),
  cancelJob: method<JobStatus>()(z.object({ jobId: z.string().min(1) }).strict()),
};
