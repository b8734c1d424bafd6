import { useId, useState } from 'react';
import type { Team } from '../../../../shared/domain/types';
import type { KpiDefinitionDto } from '../../../../shared/ipc/contracts/kpi';
import type { KpiSettings, KpiTarget } from '../../../../shared/kpi/settings';
import { targetIssues, targetUnit } from '../../../../shared/kpi/targetUnits';
import type { KpiId } from '../../../../shared/kpi/types';
import { TargetInput } from './TargetInput';

interface AddOverrideProps {
  kpis: KpiDefinitionDto[];
  draft: KpiSettings;
  teams: Team[];
  agents: Array<{ id: string; name: string }>;
  onAdd(kpiId: KpiId, next: KpiTarget): void;
}

/** Adds a per-team or per-agent target; a value outside the KPI's unit is refused in place. */
export function AddOverride({ kpis, draft, teams, agents, onAdd }: AddOverrideProps) {
  const id = useId();
  const [adding, setAdding] = useState<{ kpiId: KpiId; scope: string; value: number | null }>({
    kpiId: 'csat',
    scope: agents[0] ? `agent:${agents[0].id}` : '',
    value: null,
  });
  const [error, setError] = useState<string | null>(null);
  const unit = targetUnit(adding.kpiId, draft);

  function add() {
    const [kind, scopeId] = adding.scope.split(':');
    if (!scopeId || adding.value === null) return;
    const entry = draft.targets[adding.kpiId] ?? { team: null, teams: {}, agents: {} };
    const next = { team: entry.team, teams: { ...entry.teams }, agents: { ...entry.agents } };
    if (kind === 'team') next.teams[scopeId] = adding.value;
    else next.agents[scopeId] = adding.value;
    const name = (k: 'team' | 'agent', x: string) =>
      (k === 'team' ? teams : agents).find((t) => t.id === x)?.name ?? null;
    const [issue] = targetIssues({ ...draft, targets: { [adding.kpiId]: next } }, name);
    setError(issue?.message ?? null);
    if (!issue) onAdd(adding.kpiId, next);
  }

  return (
    <div className="add-override" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="label">
        Add override
      </span>
      <select
        aria-label="Override KPI"
        value={adding.kpiId}
        onChange={(e) => setAdding((a) => ({ ...a, kpiId: e.target.value as KpiId, value: null }))}
      >
        {kpis.map((k) => (
          <option key={k.id} value={k.id}>
            {k.label}
          </option>
        ))}
      </select>
      <select
        aria-label="Override for"
        value={adding.scope}
        onChange={(e) => setAdding((a) => ({ ...a, scope: e.target.value }))}
      >
        <optgroup label="Agents">
          {agents.map((a) => (
            <option key={a.id} value={`agent:${a.id}`}>
              {a.name}
            </option>
          ))}
        </optgroup>
        <optgroup label="Teams">
          {teams.map((t) => (
            <option key={t.id} value={`team:${t.id}`}>
              {t.name}
            </option>
          ))}
        </optgroup>
      </select>
      <TargetInput
        key={`${adding.kpiId}:${unit.kind}`}
        unit={unit}
        ariaLabel="Override target"
        name="targets.new-override"
        error={error}
        holdsSave={false}
        value={adding.value}
        onChange={(value) => {
          setError(null);
          setAdding((a) => ({ ...a, value }));
        }}
      />
      <button
        type="button"
        className="secondary"
        onClick={add}
        disabled={adding.value === null || !adding.scope}
      >
        Add
      </button>
    </div>
  );
}
