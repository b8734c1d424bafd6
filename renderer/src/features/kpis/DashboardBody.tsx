import { useMemo } from 'react';
import type { Team } from '../../../../shared/domain/types';
import type { Dashboard, KpiRegistryInfo } from '../../../../shared/ipc/contracts/kpi';
import type { KpiId } from '../../../../shared/kpi/types';
import { AgentsList } from '../dashboard/AgentsList';
import { ExceptionList } from './ExceptionList';
import { KpiTile } from './KpiTile';
import { NoDataActions, NoDataNotice } from './NoData';
import { QaTile } from './QaTile';
import { RankingTable } from './RankingTable';
import { useKpiDashboard } from './store';
import { TrendPanel } from './TrendPanel';
import { useUnmeasurable } from './useUnmeasurable';

const MODE_KPIS: Partial<Record<KpiId, 'csat' | 'fcr' | 'ces'>> = { csat: 'csat', fcr: 'fcr', ces: 'ces' };

interface DashboardBodyProps {
  dashboard: Dashboard;
  modes: KpiRegistryInfo['modes'] | null;
  teams: Team[];
  /** The latest day with data, for "go to the latest data"; null in an empty file. */
  lastDay: string | null;
  onOpenAgent(agentId: string): void;
  onExplain(kpiId: KpiId): void;
}

/**
 * In a period without interactions every tile is "no data": a retention of 0% (customers at start,
 * none seen since) or a volume of 0 in a month that has not happened yet is not news.
 */
function shownTiles(d: Dashboard): Dashboard['tiles'] {
  if (d.interactionCount > 0) return d.tiles;
  return d.tiles.map((t) => ({
    ...t,
    value: null,
    status: 'none' as const,
    evidence: null,
    delta: null,
    direction: null,
    improving: null,
  }));
}

/** Misses the exceptions leave out because too little stands behind them: said, not hidden. */
function countLowConfidenceMisses(d: Dashboard): number {
  let n = 0;
  for (const row of d.agentRanking)
    for (const [kpiId, ev] of Object.entries(row.evidence)) {
      const status = row.status[kpiId as KpiId];
      if (ev?.lowConfidence && (status === 'bad' || status === 'warn')) n++;
    }
  return n;
}

function ModesLine({ modes, dashboard }: { modes: DashboardBodyProps['modes']; dashboard: Dashboard }) {
  // Always rendered, so the registry answering after the dashboard does not push the tiles down.
  return (
    <p className="kpi-modes">
      {modes && (
        <>
          <span>
            <b>CSAT</b> {modes.csat}
          </span>
          <span>
            <b>FCR</b> {modes.fcr}
          </span>
          <span>
            <b>Customer effort</b> {modes.ces}
          </span>
        </>
      )}
      <span className="muted">
        Compared with {dashboard.previous.from} – {dashboard.previous.to} · values on fewer than{' '}
        {dashboard.minN} are marked <span className="low-n-badge">low n</span>
      </span>
    </p>
  );
}

/** Everything under the toolbar: tiles, trend and exceptions, ranking, and the team's agents. */
export function DashboardBody({
  dashboard,
  modes,
  teams,
  lastDay,
  onOpenAgent,
  onExplain,
}: DashboardBodyProps) {
  const trendKpi = useKpiDashboard((s) => s.trendKpi);
  const setTrendKpi = useKpiDashboard((s) => s.setTrendKpi);
  const dataVersion = useKpiDashboard((s) => s.dataVersion);
  const kind = useKpiDashboard((s) => s.kind);
  const anchor = useKpiDashboard((s) => s.anchor);
  const unmeasurable = useUnmeasurable(dashboard);
  const lowConfidenceMisses = useMemo(() => countLowConfidenceMisses(dashboard), [dashboard]);
  const teamName = teams.find((t) => t.id === dashboard.teamId)?.name ?? null;
  const empty = dashboard.interactionCount === 0;
  const tiles = useMemo(() => shownTiles(dashboard), [dashboard]);

  return (
    <>
      <ModesLine modes={modes} dashboard={dashboard} />
      {empty && <NoDataNotice teamName={teamName} lastDay={lastDay} />}
      <div className="kpi-tiles" role="group" aria-label="KPI tiles">
        {tiles.map((tile) => {
          const def = dashboard.kpis.find((k) => k.id === tile.kpiId);
          const modeKey = MODE_KPIS[tile.kpiId];
          return def ? (
            <KpiTile
              key={tile.kpiId}
              def={def}
              tile={tile}
              mode={modeKey && modes ? modes[modeKey] : undefined}
              minN={dashboard.minN}
              unmeasurable={unmeasurable[tile.kpiId] ?? null}
              selected={tile.kpiId === trendKpi}
              onSelect={() => setTrendKpi(tile.kpiId)}
              onExplain={() => onExplain(tile.kpiId)}
            />
          ) : null;
        })}
        <QaTile
          kind={kind}
          anchor={anchor}
          from={dashboard.from}
          to={dashboard.to}
          teamId={dashboard.teamId}
        />
      </div>
      <div className="kpi-row">
        <TrendPanel dashboard={dashboard} teams={teams} />
        <section className="panel exceptions-panel" aria-labelledby="exceptions-title">
          <div className="panel-header">
            <h2 id="exceptions-title">Exceptions</h2>
            <span className="muted">
              {empty ? 'no data' : `${dashboard.exceptions.length} worse than target`}
            </span>
          </div>
          <ExceptionList
            exceptions={dashboard.exceptions}
            kpis={dashboard.kpis}
            interactionCount={dashboard.interactionCount}
            minN={dashboard.minN}
            lowConfidenceMisses={lowConfidenceMisses}
            noDataActions={<NoDataActions lastDay={lastDay} />}
            onOpenAgent={onOpenAgent}
          />
        </section>
      </div>
      <section className="panel" aria-labelledby="ranking-title">
        <div className="panel-header">
          <h2 id="ranking-title">Agent ranking</h2>
          <span className="muted">
            {dashboard.agentRanking.length} agents with interactions · colours against each agent&apos;s
            target · dashed: fewer than {dashboard.minN} behind the value
          </span>
        </div>
        {dashboard.agentRanking.length === 0 ? (
          <p className="empty-state">No agent has interactions in this period.</p>
        ) : (
          <RankingTable
            rows={dashboard.agentRanking}
            kpis={dashboard.kpis}
            minN={dashboard.minN}
            onOpenAgent={onOpenAgent}
          />
        )}
      </section>
      <AgentsList teamId={dashboard.teamId} teamName={teamName} dataVersion={dataVersion} />
    </>
  );
}
