import { z } from 'zod';
import type { AgentSummary, Team } from '../../domain/types';
import { method } from '../define';

export const agentsContract = {
  listTeams: method<Team[]>()(z.object({}).strict()),
  listAgents: method<AgentSummary[]>()(z.object({ teamId: z.string().min(1).optional() }).strict()),
};
