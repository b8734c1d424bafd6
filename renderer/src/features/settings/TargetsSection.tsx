import type { Team } from '../../../../shared/domain/types';
import type { KpiDefinitionDto } from '../../../../shared/ipc/contracts/kpi';
import type { KpiSettings, KpiTarget } from '../../../../shared/kpi/settings';
import { formatTarget, targetUnit } from '../../../../shared/kpi/targetUnits';
import type { KpiBetter, KpiId } from '../../../../shared/kpi/types';
import { AddOverride } from './AddOverride';
import { useFieldErrors } from './fieldErrors';
import { TargetInput, unitLabel } from './TargetInput';

interface TargetsSectionProps {
  kpis: KpiDefinitionDto[];
  /** The draft: targets, and the CSAT/CES settings that decide their units. */
  draft: KpiSettings;
  teams: Team[];
  agents: Array<{ id: string; name: string }>;
  onChange(kpiId: KpiId, target: KpiTarget | null): void;
}

const empty = (): KpiTarget => ({ team: null, teams: {}, agents: {} });
const isEmpty = (t: KpiTarget) =>
  t.team === null && Object.keys(t.teams).length === 0 && Object.keys(t.agents).length === 0;

/** Better direction under the draft (the registry's answer is for the saved settings). */
const betterOf = (k: KpiDefinitionDto, draft: KpiSettings): KpiBetter =>
  k.id === 'ces' ? (draft.ces.direction === 'high_is_easy' ? 'higher' : 'lower') : k.better;

/** Team default per KPI, plus per-team and per-agent overrides (an agent's wins). */
export function TargetsSection({ kpis, draft, teams, agents, onChange }: TargetsSectionProps) {
  const { errors } = useFieldErrors();
  const nameOf = (kind: 'team' | 'agent', id: string) =>
    (kind === 'team' ? teams : agents).find((x) => x.id === id)?.name ?? id;
  const setEntry = (kpiId: KpiId, next: KpiTarget) => onChange(kpiId, isEmpty(next) ? null : next);

  function removeOverride(kpiId: KpiId, kind: 'team' | 'agent', id: string) {
    const entry = draft.targets[kpiId] ?? empty();
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
        default. Type times like 15 min, 1:30:00 or 2h 30m.
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
            const entry = draft.targets[k.id] ?? empty();
            const unit = targetUnit(k.id, draft);
            const better = betterOf(k, draft);
            const overrides = [
              ...Object.entries(entry.teams).map(([id, v]) => ({ kind: 'team' as const, id, v })),
              ...Object.entries(entry.agents).map(([id, v]) => ({ kind: 'agent' as const, id, v })),
            ];
            const overrideErrors = overrides.flatMap(
              (o) => errors[`targets.${k.id}.${o.kind}s.${o.id}`] ?? [],
            );
            return (
              <tr key={k.id} data-kpi={k.id}>
                <th scope="row" className="row-head">
                  {k.label} <span className="muted">({unitLabel(unit)})</span>
                </th>
                <td className="muted">{better === 'neutral' ? '—' : better}</td>
                <td>
                  <TargetInput
                    unit={unit}
                    ariaLabel={`${k.label} default target`}
                    name={`targets.${k.id}.team`}
                    value={entry.team}
                    onChange={(team) => setEntry(k.id, { ...entry, team })}
                  />
                </td>
                <td>
                  {overrides.map((o) => (
                    <span key={`${o.kind}:${o.id}`} className="override-chip">
                      {nameOf(o.kind, o.id)}: {formatTarget(o.v, unit)}
                      <button
                        type="button"
                        aria-label={`Remove ${k.label} override for ${nameOf(o.kind, o.id)}`}
                        onClick={() => removeOverride(k.id, o.kind, o.id)}
                      >
                        ×
                      </button>
                    </span>
                  ))}
                  {overrideErrors.map((message) => (
                    <span key={message} className="field-error">
                      {message}
                    </span>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <AddOverride kpis={kpis} draft={draft} teams={teams} agents={agents} onAdd={setEntry} />
    </fieldset>
  );
}
