import { useEffect, useState } from 'react';
import type { AgentSummary } from '../../../../shared/domain/types';
import { call } from '../../lib/api';

export function DashboardPage() {
  const [agents, setAgents] = useState<AgentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('listAgents', {}).then(setAgents, (e: Error) => setError(e.message));
  }, []);
  return (
    <section>
      <h1>Dashboard</h1>
      {error && <p className="error">{error}</p>}
      <div className="panel">
        <table className="data" aria-label="Agents">
          <thead>
            <tr>
              <th>Agent</th>
              <th>Team</th>
              <th className="num">Interactions</th>
            </tr>
          </thead>
          <tbody>
            {agents?.map((a) => (
              <tr key={a.id}>
                <td>{a.name}</td>
                <td>{a.teamName ?? '—'}</td>
                <td className="num">{a.interactionCount.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
