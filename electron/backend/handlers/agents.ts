import type { AgentSummary, Team } from '../../../shared/domain/types';
import type { Handlers } from './types';

export const agentHandlers: Handlers<'listTeams' | 'listAgents'> = {
  listTeams: (_input, ctx) => ctx.db.all<Team>('SELECT id, name FROM teams ORDER BY name'),

  listAgents({ teamId }, ctx) {
    const rows = ctx.db.all<{
      id: string;
      name: string;
      teamId: string | null;
      teamName: string | null;
      active: number;
      interactionCount: number;
      lastInteractionAt: string | null;
    }>(
      `SELECT a.id, a.name, a.team_id AS teamId, t.name AS teamName, a.active,
              (SELECT count(*) FROM interactions i WHERE i.agent_id = a.id) AS interactionCount,
              (SELECT max(started_at) FROM interactions i WHERE i.agent_id = a.id) AS lastInteractionAt
         FROM agents a LEFT JOIN teams t ON t.id = a.team_id
        WHERE (:teamId IS NULL OR a.team_id = :teamId)
        ORDER BY a.name`,
      { ':teamId': teamId ?? null },
    );
    return rows.map((row): AgentSummary => ({ ...row, active: row.active === 1 }));
  },
};
