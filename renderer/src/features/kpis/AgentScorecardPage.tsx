import { useMemo, useState } from 'react';
import { rangeLength } from '../../../../shared/kpi/periods';
import { GRANULARITIES, type Granularity, type KpiId } from '../../../../shared/kpi/types';
import { useNavigation } from '../../app/navigation';
import { call } from '../../lib/api';
import { COLORS } from './chartData';
import { downloadText } from './download';
import { ExplainDialog } from './ExplainDialog';
import { selectedRange } from './period';
import { PeriodPicker } from './PeriodPicker';
import { ScorecardCard } from './ScorecardCard';
import { ScrollHint } from './ScrollHint';
import { useKpiDashboard } from './store';
import { useFacets } from './useFacets';
import { useLoad } from '../../lib/useLoad';
import './kpis.css';
import './tiles.css';
import './ranking.css';
import './explain.css';

const LABEL: Record<Granularity, string> = { day: 'Day', week: 'Week', month: 'Month', quarter: 'Quarter' };

/** One agent's KPIs over time against the team average, for the dashboard's period. */
export function AgentScorecardPage() {
  const agentId = useNavigation((s) => s.param);
  const navigate = useNavigation((s) => s.navigate);
  useFacets();
  const initialised = useKpiDashboard((s) => s.initialised);
  const kind = useKpiDashboard((s) => s.kind);
  const anchor = useKpiDashboard((s) => s.anchor);
  const custom = useKpiDashboard((s) => s.custom);
  const [chosen, setChosen] = useState<Granularity | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [explaining, setExplaining] = useState<KpiId | null>(null);
  const dataVersion = useKpiDashboard((s) => s.dataVersion);
  // The low-confidence reason names the threshold ("at least 20 needed"); the scorecard answer has no minN.
  const minN = useLoad(`settings:${dataVersion}`, () => call('getKpiSettings', {})).data?.status.minN ?? null;

  const range = selectedRange({ kind, anchor, custom });
  // Daily values of one agent are mostly noise over a month: weeks unless the lead asks otherwise.
  const granularity = chosen ?? (rangeLength(range) > 14 ? 'week' : 'day');
  const input = { ...range, granularity, agentId: agentId ?? '' };
  const key = initialised && agentId ? JSON.stringify(input) : null;
  const { data, loading, error } = useLoad(key, () => call('getAgentScorecard', input));
  const card = data && data.agent.id === agentId ? data : null;
  const cardRange = useMemo(() => (data ? { from: data.from, to: data.to } : null), [data]);
  const explainDef = card?.kpis.find((k) => k.id === explaining);

  async function exportCsv() {
    if (!agentId) return;
    setExportError(null);
    try {
      const file = await call('exportScorecardCsv', { ...range, agentId, by: granularity });
      const name = card ? card.agent.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase() : agentId;
      downloadText(file.fileName.replace(/^scorecard-/, `scorecard-${name}-`), file.csv);
    } catch (e) {
      setExportError(e instanceof Error ? e.message : String(e));
    }
  }

  if (!agentId)
    return (
      <p className="empty-state">
        No agent selected.{' '}
        <button type="button" className="link" onClick={() => navigate('dashboard')}>
          Back to the dashboard
        </button>
      </p>
    );

  return (
    <section className="kpi-scorecard" aria-label="Agent scorecard">
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
      <div className="kpi-toolbar">
        <PeriodPicker />
        <div className="segmented" role="group" aria-label="Scorecard granularity">
          <span className="segmented-label">Trend by</span>
          {GRANULARITIES.map((g) => (
            <button key={g} type="button" aria-pressed={granularity === g} onClick={() => setChosen(g)}>
              {LABEL[g]}
            </button>
          ))}
        </div>
        <span className="legend-inline" aria-hidden="true">
          <i style={{ background: COLORS.value }} /> Agent <i style={{ background: COLORS.team }} /> Team
          (volume: average agent) <i className="dashed" style={{ borderColor: COLORS.target }} /> Target
        </span>
      </div>
      {(error ?? exportError) && (
        <p className="error" role="alert">
          {error ? `Could not load the scorecard: ${error}` : `Export failed: ${exportError}`}
        </p>
      )}
      {!card && !error && (
        <p className="muted" role="status">
          Loading…
        </p>
      )}
      {card && cardRange && (
        <div className={loading ? 'scorecard-grid stale' : 'scorecard-grid'}>
          {card.rows.map((row) => {
            const def = card.kpis.find((k) => k.id === row.kpiId);
            return def ? (
              <ScorecardCard
                key={row.kpiId}
                def={def}
                row={row}
                range={cardRange}
                granularity={card.granularity}
                events={card.events}
                agentName={card.agent.name}
                minN={minN}
                onExplain={() => setExplaining(row.kpiId)}
              />
            ) : null;
          })}
        </div>
      )}
      {card && explaining && explainDef && (
        <ExplainDialog
          target={{
            kpiId: explaining,
            from: card.from,
            to: card.to,
            agentId: card.agent.id,
            scopeLabel: card.agent.name,
          }}
          def={explainDef}
          minN={minN}
          onClose={() => setExplaining(null)}
        />
      )}
      <ScrollHint label="More KPIs below" />
    </section>
  );
}
