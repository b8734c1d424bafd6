import { useState } from 'react';
import type { KpiDefinitionDto } from '../../../../shared/ipc/contracts/kpi';
import type { Team } from '../../../../shared/domain/types';
import type { KpiSettings, KpiTarget } from '../../../../shared/kpi/settings';
import type { KpiId } from '../../../../shared/kpi/types';
import { formatKpiValue } from '../kpis/format';
import { NumberField } from './fields';

interface TargetsSectionProps {
  kpis: KpiDefinitionDto[];
  targets: KpiSettings['targets'];
  teams: Team[];
  agents: Array<{ id: string; name: string }>;
  onChange(kpiId: KpiId, target: KpiTarget | null): void;
}

const UNIT: Record<KpiDefinitionDto['unit'], string> = {
  '%': '%',
  score: 'score',
  seconds: 'seconds',
  count: 'count',
  per_hour: 'per hour',
};
const empty = (): KpiTarget => ({ team: null, teams: {}, agents: {} });
const isEmpty = (t: KpiTarget) =>
  t.team === null && Object.keys(t.teams).length === 0 && Object.keys(t.agents).length === 0;

/** Team default per KPI, plus per-team and per-agent overrides (an agent's wins). */
export function TargetsSection({ kpis, targets, teams, agents, onChange }: TargetsSectionProps) {
  const [adding, setAdding] = useState<{ kpiId: KpiId; scope: string; value: number | null }>({
    kpiId: 'csat',
    scope: agents[0] ? `agent:${agents[0].id}` : '',
    value: null,
  });
  const nameOf = (kind: 'team' | 'agent', id: string) =>
    (kind === 'team' ? teams : agents).find((x) => x.id === id)?.name ?? id;

  function setEntry(kpiId: KpiId, next: KpiTarget) {
    onChange(kpiId, isEmpty(next) ? null : next);
  }

  function addOverride() {
    const [kind, id] = adding.scope.split(':');
    if (!id || adding.value === null) return;
    const entry = targets[adding.kpiId] ?? empty();
    const next = { team: entry.team, teams: { ...entry.teams }, agents: { ...entry.agents } };
    if (kind === 'team') next.teams[id] = adding.value;
    else next.agents[id] = adding.value;
    setEntry(adding.kpiId, next);
  }

  function removeOverride(kpiId: KpiId, kind: 'team' | 'agent', id: string) {
    const entry = targets[kpiId] ?? empty();
    const next = { team: entry.team, teams: { ...entry.teams }, agents: { ...entry.agents } };
    if (kind === 'team') delete next.teams[id];
    else delete next.agents[id];
    setEntry(kpiId, next);
  }

  return (
    <fieldset className="panel settings-section targets">
      <legend>Targets</legend>
      <p className="hint">
        Leave a target empty for none. An agent&apos;s override wins over the team&apos;s, which wins over the
        default.
      </p>
      <table className="data targets-table" aria-label="Targets">
        <thead>
          <tr>
            <th scope="col">KPI</th>
            <th scope="col">Better</th>
            <th scope="col">Default target</th>
            <th scope="col">Overrides</th>
          </tr>
        </thead>
        <tbody>
          {kpis.map((k) => {
            const entry = targets[k.id] ?? empty();
            const overrides = [
              ...Object.entries(entry.teams).map(([id, v]) => ({ kind: 'team' as const, id, v })),
              ...Object.entries(entry.agents).map(([id, v]) => ({ kind: 'agent' as const, id, v })),
            ];
            return (
              <tr key={k.id} data-kpi={k.id}>
                <th scope="row" className="row-head">
                  {k.label} <span className="muted">({UNIT[k.unit]})</span>
                </th>
                <td className="muted">{k.better === 'neutral' ? '—' : k.better}</td>
                <td>
                  <NumberField
                    label=""
                    ariaLabel={`${k.label} default target`}
                    className="field compact"
                    value={entry.team}
                    optional
                    onChange={(team) => setEntry(k.id, { ...entry, team })}
                  />
                </td>
                <td>
                  {overrides.map((o) => (
                    <span key={`${o.kind}:${o.id}`} className="override-chip">
                      {nameOf(o.kind, o.id)}: {formatKpiValue(o.v, k.unit, k.decimals)}
                      <button
                        type="button"
                        aria-label={`Remove ${k.label} override for ${nameOf(o.kind, o.id)}`}
                        onClick={() => removeOverride(k.id, o.kind, o.id)}
                      >
                        ×
                      </button>
                    </span>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="add-override" role="group" aria-label="Add a target override">
        <span className="label">Add override</span>
        <select
          aria-label="Override KPI"
          value={adding.kpiId}
          onChange={(e) => setAdding((a) => ({ ...a, kpiId: e.target.value as KpiId }))}
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
        <NumberField
          label=""
          ariaLabel="Override target"
          className="field compact"
          value={adding.value}
          optional
          onChange={(value) => setAdding((a) => ({ ...a, value }))}
        />
        <button
          type="button"
          className="secondary"
          onClick={addOverride}
          disabled={adding.value === null || !adding.scope}
        >
          Add
        </button>
      </div>
    </fieldset>
  );
}
