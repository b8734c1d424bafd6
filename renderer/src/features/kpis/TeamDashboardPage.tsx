import { useState } from 'react';
import type { KpiId } from '../../../../shared/kpi/types';
import { useNavigation } from '../../app/navigation';
import { call } from '../../lib/api';
import { DashboardPage as AgentsList } from '../dashboard/DashboardPage';
import { downloadText } from './download';
import { ExceptionList } from './ExceptionList';
import { KpiTile } from './KpiTile';
import { selectedRange } from './period';
import { PeriodPicker } from './PeriodPicker';
import { RankingTable } from './RankingTable';
import { useKpiDashboard } from './store';
import { TrendPanel } from './TrendPanel';
import { useFacets, useModes } from './useFacets';
import { useLoad } from '../../lib/useLoad';
import './kpis.css';

const MODE_KPIS: Partial<Record<KpiId, 'csat' | 'fcr' | 'ces'>> = { csat: 'csat', fcr: 'fcr', ces: 'ces' };

/** Team KPI dashboard: tiles, trend, exceptions and the agent ranking for the selected period. */
export function TeamDashboardPage() {
  const { facets, error: facetsError } = useFacets();
  const modes = useModes();
  const initialised = useKpiDashboard((s) => s.initialised);
  const kind = useKpiDashboard((s) => s.kind);
  const anchor = useKpiDashboard((s) => s.anchor);
  const custom = useKpiDashboard((s) => s.custom);
  const teamId = useKpiDashboard((s) => s.teamId);
  const granularity = useKpiDashboard((s) => s.granularity);
  const dataVersion = useKpiDashboard((s) => s.dataVersion);
  const trendKpi = useKpiDashboard((s) => s.trendKpi);
  const setTrendKpi = useKpiDashboard((s) => s.setTrendKpi);
  const navigate = useNavigation((s) => s.navigate);
  const [exportState, setExportState] = useState<{ busy: boolean; error: string | null }>({
    busy: false,
    error: null,
  });

  const range = selectedRange({ kind, anchor, custom });
  const hasData = Boolean(facets?.dayRange);
  const input = { ...range, granularity, ...(teamId ? { teamId } : {}) };
  const key = initialised && hasData ? `${JSON.stringify(input)}:${dataVersion}` : null;
  const { data: dashboard, loading, error } = useLoad(key, () => call('getDashboard', input));

  const openAgent = (agentId: string) => navigate('agent', agentId);

  async function exportCsv() {
    setExportState({ busy: true, error: null });
    try {
      const file = await call('exportScorecardCsv', { ...range, by: 'agent', ...(teamId ? { teamId } : {}) });
      downloadText(file.fileName, file.csv);
      setExportState({ busy: false, error: null });
    } catch (e) {
      setExportState({ busy: false, error: e instanceof Error ? e.message : String(e) });
    }
  }

  return (
    <section className="kpi-dashboard" aria-label="Team dashboard">
      {facets && hasData && (
        <div className="kpi-toolbar">
          <PeriodPicker teams={facets.teams} />
          <span className="spacer" />
          {loading && (
            <span className="loading-pill" role="status">
              Loading…
            </span>
          )}
          <button
            type="button"
            className="secondary"
            onClick={() => void exportCsv()}
            disabled={exportState.busy}
          >
            Export CSV
          </button>
        </div>
      )}
      {exportState.error && (
        <p className="error" role="alert">
          Export failed: {exportState.error}
        </p>
      )}
      {(facetsError ?? error) && (
        <p className="error" role="alert">
          Could not load the dashboard: {facetsError ?? error}
        </p>
      )}
      {!facets && !facetsError && (
        <p className="muted" role="status">
          Loading…
        </p>
      )}
      {facets && !hasData && (
        <p className="empty-state">No interactions yet. Import a CSV or Excel export to see KPIs here.</p>
      )}
      {dashboard && (
        <div className={loading ? 'kpi-content stale' : 'kpi-content'} aria-busy={loading}>
          {modes && (
            <p className="kpi-modes">
              <span>
                <b>CSAT</b> {modes.csat}
              </span>
              <span>
                <b>FCR</b> {modes.fcr}
              </span>
              <span>
                <b>Customer effort</b> {modes.ces}
              </span>
              <span className="muted">
                Compared with {dashboard.previous.from} – {dashboard.previous.to}
              </span>
            </p>
          )}
          <div className="kpi-tiles" role="group" aria-label="KPI tiles">
            {dashboard.tiles.map((tile) => {
              const def = dashboard.kpis.find((k) => k.id === tile.kpiId);
              const modeKey = MODE_KPIS[tile.kpiId];
              return def ? (
                <KpiTile
                  key={tile.kpiId}
                  def={def}
                  tile={tile}
                  mode={modeKey && modes ? modes[modeKey] : undefined}
                  selected={tile.kpiId === trendKpi}
                  onSelect={() => setTrendKpi(tile.kpiId)}
                />
              ) : null;
            })}
          </div>
          <div className="kpi-row">
            <TrendPanel dashboard={dashboard} teams={facets?.teams ?? []} />
            <section className="panel exceptions-panel" aria-labelledby="exceptions-title">
              <div className="panel-header">
                <h2 id="exceptions-title">Exceptions</h2>
                <span className="muted">{dashboard.exceptions.length} off target</span>
              </div>
              <ExceptionList
                exceptions={dashboard.exceptions}
                kpis={dashboard.kpis}
                onOpenAgent={openAgent}
              />
            </section>
          </div>
          <section className="panel" aria-labelledby="ranking-title">
            <div className="panel-header">
              <h2 id="ranking-title">Agent ranking</h2>
              <span className="muted">
                {dashboard.agentRanking.length} agents with interactions · colours against each agent&apos;s
                target
              </span>
            </div>
            {dashboard.agentRanking.length === 0 ? (
              <p className="empty-state">No agent has interactions in this period.</p>
            ) : (
              <RankingTable rows={dashboard.agentRanking} kpis={dashboard.kpis} onOpenAgent={openAgent} />
            )}
          </section>
        </div>
      )}
      <div className="all-agents">
        <AgentsList />
      </div>
    </section>
  );
}
