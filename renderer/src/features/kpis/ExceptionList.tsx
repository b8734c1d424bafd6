import { useState } from 'react';
import type { KpiDefinitionDto, KpiException } from '../../../../shared/ipc/contracts/kpi';
import { formatKpiDelta, formatKpiValue } from './format';

const SHOWN = 5;

/** Who is off target on what, worst first (the backend's order); a click opens the agent's scorecard. */
export function ExceptionList({
  exceptions,
  kpis,
  onOpenAgent,
}: {
  exceptions: KpiException[];
  kpis: KpiDefinitionDto[];
  onOpenAgent(agentId: string): void;
}) {
  const [all, setAll] = useState(false);
  if (exceptions.length === 0)
    return <p className="empty-state">Every agent is on target. Nothing to chase.</p>;
  const shown = all ? exceptions : exceptions.slice(0, SHOWN);
  return (
    <>
      <ul className="exceptions" aria-label="Exceptions">
        {shown.map((e) => {
          const def = kpis.find((k) => k.id === e.kpiId);
          if (!def) return null;
          return (
            <li key={`${e.agentId}-${e.kpiId}`} className={`exception status-${e.status}`}>
              <button type="button" onClick={() => onOpenAgent(e.agentId)}>
                <span className="exception-name">{e.name}</span>
                <span className="exception-kpi">{def.label}</span>
                <span className="exception-value">
                  {formatKpiValue(e.value, def.unit, def.decimals)}
                  <span className="muted"> / {formatKpiValue(e.target, def.unit, def.decimals)}</span>
                </span>
                <span className="exception-gap">
                  {formatKpiDelta(e.gap, def.unit, def.decimals).replace('+', '')} off
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {exceptions.length > SHOWN && (
        <button type="button" className="link show-all" onClick={() => setAll((v) => !v)}>
          {all ? 'Show fewer' : `Show all ${exceptions.length}`}
        </button>
      )}
    </>
  );
}
