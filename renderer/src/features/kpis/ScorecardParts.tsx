import { useState } from 'react';
import type { AgentScorecard, KpiDefinitionDto } from '../../../../shared/ipc/contracts/kpi';
import { GRANULARITIES, type DayRange, type Granularity, type KpiId } from '../../../../shared/kpi/types';
import { useNavigation } from '../../app/navigation';
import { call } from '../../lib/api';
import { COLORS } from './chartData';
import { downloadText } from './download';
import { PeriodPicker } from './PeriodPicker';
import { QaCard } from './QaCard';
import { ScorecardCard } from './ScorecardCard';

const LABEL: Record<Granularity, string> = { day: 'Day', week: 'Week', month: 'Month', quarter: 'Quarter' };

/** Back link, the agent's name and team, and the CSV export of what the scorecard shows. */
export function ScorecardHead(props: {
  agentId: string;
  card: AgentScorecard | null;
  loading: boolean;
  range: DayRange;
  granularity: Granularity;
}) {
  const { agentId, card, loading, range, granularity } = props;
  const navigate = useNavigation((s) => s.navigate);
  const [exportError, setExportError] = useState<string | null>(null);

  async function exportCsv() {
    setExportError(null);
    try {
      const file = await call('exportScorecardCsv', { ...range, agentId, by: granularity });
      const name = card ? card.agent.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase() : agentId;
      downloadText(file.fileName.replace(/^scorecard-/, `scorecard-${name}-`), file.csv);
    } catch (e) {
      setExportError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <>
      <div className="scorecard-head">
        <button type="button" className="link back-link" onClick={() => navigate('dashboard')}>
          ← Dashboard
        </button>
        <h2 className="scorecard-agent" data-agent-id={agentId}>
          {card?.agent.name ?? '…'}
        </h2>
        {card?.agent.teamName && <span className="badge">{card.agent.teamName}</span>}
        <span className="spacer" />
        {loading && (
          <span className="loading-pill" role="status">
            Loading…
          </span>
        )}
        <button type="button" className="secondary" onClick={() => void exportCsv()} disabled={!card}>
          Export CSV
        </button>
      </div>
      {exportError && (
        <p className="error" role="alert">
          Export failed: {exportError}
        </p>
      )}
    </>
  );
}

/** Period, trend granularity and the legend of the cards' charts. */
export function ScorecardToolbar({
  granularity,
  onGranularity,
}: {
  granularity: Granularity;
  onGranularity(g: Granularity): void;
}) {
  return (
    <div className="kpi-toolbar">
      <PeriodPicker />
      <div className="segmented" role="group" aria-label="Scorecard granularity">
        <span className="segmented-label">Trend by</span>
        {GRANULARITIES.map((g) => (
          <button key={g} type="button" aria-pressed={granularity === g} onClick={() => onGranularity(g)}>
            {LABEL[g]}
          </button>
        ))}
      </div>
      <span className="legend-inline" aria-hidden="true">
        <i style={{ background: COLORS.value }} /> Agent <i style={{ background: COLORS.team }} /> Team
        (volume: average agent) <i className="dashed" style={{ borderColor: COLORS.target }} /> Target
      </span>
    </div>
  );
}

/** One card per KPI of the agent. */
export function ScorecardGrid(props: {
  card: AgentScorecard;
  range: DayRange;
  stale: boolean;
  minN: number | null;
  onExplain(kpiId: KpiId): void;
}) {
  const { card, range, minN, onExplain } = props;
  return (
    <div className={props.stale ? 'scorecard-grid stale' : 'scorecard-grid'}>
      <QaCard agentId={card.agent.id} agentName={card.agent.name} teamId={card.agent.teamId} range={range} />
      {card.rows.map((row) => {
        const def: KpiDefinitionDto | undefined = card.kpis.find((k) => k.id === row.kpiId);
        return def ? (
          <ScorecardCard
            key={row.kpiId}
            def={def}
            row={row}
            range={range}
            granularity={card.granularity}
            events={card.events}
            agentName={card.agent.name}
            minN={minN}
            onExplain={() => onExplain(row.kpiId)}
          />
        ) : null;
      })}
    </div>
  );
}
