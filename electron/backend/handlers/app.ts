import { schemaVersion } from '../db/migrate';
import type { Handlers } from './types';

export const appHandlers: Handlers<'getAppInfo' | 'getJob' | 'cancelJob'> = {
  getAppInfo(_input, ctx) {
    const count = (table: string) => ctx.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)?.n ?? 0;
    return {
      version: ctx.appVersion,
      dataFile: ctx.dataFile,
      schemaVersion: schemaVersion(ctx.db),
      counts: {
        teams: count('teams'),
        agents: count('agents'),
        interactions: count('interactions'),
        reviews: count('reviews'),
      },
    };
  },
  getJob: ({ jobId }, ctx) => ctx.jobs.get(jobId),
  cancelJob: ({ jobId }, ctx) => ctx.jobs.cancel(jobId),
};
