import { useState } from 'react';
import type { Dashboard } from '../../../../shared/ipc/contracts/kpi';
import type { KpiId } from '../../../../shared/kpi/types';
import { useNavigation } from '../../app/navigation';
import { call } from '../../lib/api';
import { useLoad } from '../../lib/useLoad';
import { DashboardBody } from './DashboardBody';
import { DashboardToolbar } from './DashboardToolbar';
import { ExplainDialog } from './ExplainDialog';
import { NoDataActions } from './NoData';
import { selectedRange } from './period';
import { ScrollHint } from './ScrollHint';
import { useKpiDashboard } from './store';
import { useFacets, useModes } from './useFacets';
import './kpis.css';
import './tiles.css';
import './ranking.css';
import './explain.css';

/** The fold hint names what waits below, with the count a lead scrolls for. */
function scrollLabel(d: Dashboard | null): string {
  if (!d || d.interactionCount === 0) return 'Trend, exceptions and ranking below';
  const n = d.exceptions.length;
  return `Trend, ${n} ${n === 1 ? 'exception' : 'exceptions'} and the ranking below`;
}

/** Team KPI dashboard: tiles, trend, exceptions, the agent ranking and the agents of the selected team. */
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
  const navigate = useNavigation((s) => s.navigate);
  const [explaining, setExplaining] = useState<KpiId | null>(null);

  const range = selectedRange({ kind, anchor, custom });
  const lastDay = facets?.dayRange?.to ?? null;
  const hasData = lastDay !== null;
  const input = { ...range, granularity, ...(teamId ? { teamId } : {}) };
  const key = initialised && hasData ? `${JSON.stringify(input)}:${dataVersion}` : null;
  const { data: dashboard, loading, error } = useLoad(key, () => call('getDashboard', input));
  const explainDef = dashboard?.kpis.find((k) => k.id === explaining);
  const teamName = facets?.teams.find((t) => t.id === dashboard?.teamId)?.name ?? null;

  return (
    <section className="kpi-dashboard" aria-label="Team dashboard">
      {facets && hasData && (
        <DashboardToolbar teams={facets.teams} range={range} teamId={teamId} loading={loading} />
      )}
      {(facetsError ?? error) && (
        <p className="error" role="alert">
          Could not load the dashboard: {facetsError ?? error}
        </p>
      )}
      {((!facets && !facetsError) || (hasData && !dashboard && !error)) && (
        <p className="muted" role="status">
          Loading…
        </p>
      )}
      {facets && !hasData && (
        <div className="empty-state" data-state="empty-file">
          <p>
            No interactions yet, so there are no KPIs to show. Import a CSV or Excel export to see them here.
          </p>
          <NoDataActions lastDay={null} />
        </div>
      )}
      {dashboard && (
        <div className={loading ? 'kpi-content stale' : 'kpi-content'} aria-busy={loading}>
          <DashboardBody
            dashboard={dashboard}
            modes={modes}
            teams={facets?.teams ?? []}
            lastDay={lastDay}
            onOpenAgent={(agentId) => navigate('agent', agentId)}
            onExplain={setExplaining}
          />
        </div>
      )}
      {dashboard && explaining && explainDef && (
        <ExplainDialog
          target={{
            kpiId: explaining,
            from: dashboard.from,
            to: dashboard.to,
            ...(dashboard.teamId ? { teamId: dashboard.teamId } : {}),
            scopeLabel: teamName ?? 'All teams',
          }}
          def={explainDef}
          minN={dashboard.minN}
          onClose={() => setExplaining(null)}
        />
      )}
      <ScrollHint label={scrollLabel(dashboard)} />
    </section>
  );
}
