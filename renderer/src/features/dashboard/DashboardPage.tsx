import { useEffect, useState } from 'react';
import type { AgentSummary } from '../../../../shared/domain/types';
import { call } from '../../lib/api';
import { formatCount, formatDate } from '../../lib/format';

type Load =
  { state: 'loading' } | { state: 'ready'; agents: AgentSummary[] } | { state: 'failed'; message: string };

/** Issue-2 first dashboard: every agent with their interaction count. */
export function DashboardPage() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    call('listAgents', {}).then(
      (agents) => live && setLoad({ state: 'ready', agents }),
      (e: Error) => live && setLoad({ state: 'failed', message: e.message }),
    );
    return () => {
      live = false;
    };
  }, []);

  return (
    <section className="dashboard">
      <div className="panel">
        <div className="panel-header">
          <h2>Agents</h2>
          {load.state === 'ready' && <span className="muted">{load.agents.length} agents</span>}
        </div>
        {load.state === 'loading' && (
          <p className="muted" role="status">
            Loading agents…
          </p>
        )}
        {load.state === 'failed' && (
          <p className="error" role="alert">
            Could not load agents: {load.message}
          </p>
        )}
        {load.state === 'ready' && load.agents.length === 0 && (
          <p className="empty-state">
            No agents yet. Import interactions from a CSV or Excel export to get started.
          </p>
        )}
        {load.state === 'ready' && load.agents.length > 0 && (
          <table className="data" aria-label="Agents">
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
              {load.agents.map((a) => (
                <tr key={a.id} data-agent-id={a.id}>
                  <th scope="row" className="row-head">
                    {a.name}
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
      </div>
    </section>
  );
}
