import { useState, type ReactNode } from 'react';
import type { KpiDefinitionDto, KpiException } from '../../../../shared/ipc/contracts/kpi';
import { formatCount } from '../../lib/format';
import { exceptionEvidence } from './evidence';
import { formatKpiDelta, formatKpiValue } from './format';

const SHOWN = 5;

interface ExceptionListProps {
  exceptions: KpiException[];
  kpis: KpiDefinitionDto[];
  /** Interactions in scope: 0 is "no data", which must never read as "everyone is on target". */
  interactionCount: number;
  minN: number;
  /** Values worse than target but on fewer than minN: left out of the list, and said so. */
  lowConfidenceMisses: number;
  /** What to do about an empty period (pick another, import a file). */
  noDataActions: ReactNode;
  onOpenAgent(agentId: string): void;
}

function Empty({ interactionCount, minN, lowConfidenceMisses, noDataActions }: ExceptionListProps) {
  if (interactionCount === 0)
    return (
      <div className="empty-state exceptions-empty" data-state="no-data">
        <p>No data in this period, so there is nothing to judge.</p>
        {noDataActions}
      </div>
    );
  return (
    <p className="empty-state exceptions-empty" data-state="none">
      No agent is clearly worse than target.
      {lowConfidenceMisses > 0 &&
        ` ${formatCount(lowConfidenceMisses)} ${lowConfidenceMisses === 1 ? 'value looks' : 'values look'} worse but ${
          lowConfidenceMisses === 1 ? 'rests' : 'rest'
        } on fewer than ${formatCount(minN)} and ${lowConfidenceMisses === 1 ? 'is' : 'are'} left out (see the dashed cells in the ranking).`}
    </p>
  );
}

/** Who is worse than target on what, surest first (the backend's order); a click opens the agent's scorecard. */
export function ExceptionList(props: ExceptionListProps) {
  const { exceptions, kpis, onOpenAgent } = props;
  const [all, setAll] = useState(false);
  if (props.interactionCount === 0 || exceptions.length === 0) return <Empty {...props} />;
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
                  {formatKpiDelta(e.gap, def.unit, def.decimals).replace('+', '')} worse
                </span>
                <span className="exception-evidence">{exceptionEvidence(e, def)}</span>
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
