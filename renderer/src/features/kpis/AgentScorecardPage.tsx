import { useMemo, useState } from 'react';
import { rangeLength } from '../../../../shared/kpi/periods';
import type { Granularity, KpiId } from '../../../../shared/kpi/types';
import { useNavigation } from '../../app/navigation';
import { call } from '../../lib/api';
import { useLoad } from '../../lib/useLoad';
import { ExplainDialog } from './ExplainDialog';
import { selectedRange } from './period';
import { ScorecardGrid, ScorecardHead, ScorecardToolbar } from './ScorecardParts';
import { ScrollHint } from './ScrollHint';
import { useKpiDashboard } from './store';
import { useFacets } from './useFacets';
import './kpis.css';
import './tiles.css';
import './ranking.css';
import './explain.css';

/** One agent's KPIs over time against the team (or the average agent), for the dashboard's period. */
export function AgentScorecardPage() {
  const agentId = useNavigation((s) => s.param);
  const navigate = useNavigation((s) => s.navigate);
  useFacets();
  const initialised = useKpiDashboard((s) => s.initialised);
  const kind = useKpiDashboard((s) => s.kind);
  const anchor = useKpiDashboard((s) => s.anchor);
  const custom = useKpiDashboard((s) => s.custom);
  const dataVersion = useKpiDashboard((s) => s.dataVersion);
  const [chosen, setChosen] = useState<Granularity | null>(null);
  const [explaining, setExplaining] = useState<KpiId | null>(null);
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
      <ScorecardHead
        agentId={agentId}
        card={card}
        loading={loading}
        range={range}
        granularity={granularity}
      />
      <ScorecardToolbar granularity={granularity} onGranularity={setChosen} />
      {error && (
        <p className="error" role="alert">
          Could not load the scorecard: {error}
        </p>
      )}
      {!card && !error && (
        <p className="muted" role="status">
          Loading…
        </p>
      )}
      {card && cardRange && (
        <ScorecardGrid card={card} range={cardRange} stale={loading} minN={minN} onExplain={setExplaining} />
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
