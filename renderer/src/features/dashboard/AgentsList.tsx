import type { MouseEvent } from 'react';
import { useNavigation } from '../../app/navigation';
import { call } from '../../lib/api';
import { formatCount, formatDate } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';

interface AgentsListProps {
  /** The dashboard's team filter; null: every team. */
  teamId: string | null;
  teamName: string | null;
  /** Bumped when data may have changed (an import, settings saved). */
  dataVersion: number;
}

/**
 * Every agent of the team filter with all-time interaction counts, including those the period's
 * ranking leaves out (no interactions in the period, inactive). Names open the agent's scorecard.
 * The last answer stays on screen while the next loads, so a team change does not collapse it.
 */
export function AgentsList({ teamId, teamName, dataVersion }: AgentsListProps) {
  const navigate = useNavigation((s) => s.navigate);
  const input = teamId ? { teamId } : {};
  const {
    data: agents,
    loading,
    error,
  } = useLoad(`${teamId ?? ''}:${dataVersion}`, () => call('listAgents', input));
  const open = (e: MouseEvent, agentId: string) => {
    e.preventDefault();
    navigate('agent', agentId);
  };

  return (
    <section className="panel agents-list" aria-labelledby="agents-title">
      <div className="panel-header">
        <h2 id="agents-title">Agents</h2>
        <span className="muted">
          {agents
            ? `${formatCount(agents.length)} ${agents.length === 1 ? 'agent' : 'agents'} in ${teamName ?? 'all teams'} · all-time interactions`
            : '\u00a0'}
        </span>
      </div>
      {!agents && !error && (
        <p className="muted" role="status">
          {loading ? 'Loading agents…' : ''}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          Could not load agents: {error}
        </p>
      )}
      {agents && agents.length === 0 && (
        <p className="empty-state">
          No agents in {teamName ?? 'any team'} yet. Import interactions to add them.
        </p>
      )}
      {agents && agents.length > 0 && (
        <table className={loading ? 'data stale' : 'data'} aria-label="Agents" aria-busy={loading}>
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col">Team</th>
              <th scope="col" className="num">
                Interactions
              </th>
              <th scope="col">Last interaction</th>
            </tr>
          </thead>
          <tbody>
            {agents.map((a) => (
              <tr key={a.id} data-agent-id={a.id}>
                <th scope="row" className="row-head">
                  <a href={`#agent/${a.id}`} className="agent-link" onClick={(e) => open(e, a.id)}>
                    {a.name}
                  </a>
                  {!a.active && <span className="badge muted">inactive</span>}
                </th>
                <td>{a.teamName ?? '—'}</td>
                <td className="num" data-label="interactions">
                  {formatCount(a.interactionCount)}
                </td>
                <td>{formatDate(a.lastInteractionAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
