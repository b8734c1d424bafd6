import { useMemo } from 'react';
import type { Team } from '../../../../shared/domain/types';
import type { Dashboard, KpiDefinitionDto } from '../../../../shared/ipc/contracts/kpi';
import { GRANULARITIES, type Granularity, type KpiId } from '../../../../shared/kpi/types';
import {
  axisFor,
  chartNoDataText,
  COLORS,
  dayIndex,
  eventMarkers,
  pointsOf,
  targetSeries,
} from './chartData';
import { EventsPanel } from './EventsPanel';
import { LineChart, type ChartSeries } from './LineChart';
import { useKpiDashboard, type RollingWindow } from './store';
import { useKpiEvents } from './useKpiEvents';

const GRANULARITY_LABEL: Record<Granularity, string> = {
  day: 'Day',
  week: 'Week',
  month: 'Month',
  quarter: 'Quarter',
};
const ROLLING: Array<{ id: RollingWindow; label: string }> = [
  { id: 'off', label: 'Off' },
  { id: '7', label: '7-day' },
  { id: '30', label: '30-day' },
];

/** What n counts for a KPI ("responses"), from whichever value of the dashboard carries evidence. */
function nLabelOf(dashboard: Dashboard, def: KpiDefinitionDto | undefined): string | undefined {
  if (!def) return undefined;
  const tile = dashboard.tiles.find((t) => t.kpiId === def.id);
  const fromTile = tile?.evidence?.nLabel ?? tile?.previousEvidence?.nLabel;
  if (fromTile) return fromTile;
  for (const row of dashboard.agentRanking) {
    const label = row.evidence?.[def.id]?.nLabel;
    if (label) return label;
  }
  return undefined;
}

/** The large trend chart of one KPI: values by bucket, optional rolling window, target line, event marks. */
export function TrendPanel({ dashboard, teams }: { dashboard: Dashboard; teams: Team[] }) {
  const trendKpi = useKpiDashboard((s) => s.trendKpi);
  const setTrendKpi = useKpiDashboard((s) => s.setTrendKpi);
  const granularity = useKpiDashboard((s) => s.granularity);
  const setGranularity = useKpiDashboard((s) => s.setGranularity);
  const rolling = useKpiDashboard((s) => s.rolling);
  const eventsApi = useKpiEvents(dashboard);
  const events = eventsApi.events;
  const setRolling = useKpiDashboard((s) => s.setRolling);

  const def = dashboard.kpis.find((k) => k.id === trendKpi) ?? dashboard.kpis[0];
  const trend = dashboard.trends.find((t) => t.kpiId === def?.id);
  const range = useMemo(() => ({ from: dashboard.from, to: dashboard.to }), [dashboard.from, dashboard.to]);

  const series = useMemo((): ChartSeries[] => {
    if (!def || !trend) return [];
    const out: ChartSeries[] = [
      {
        label: `${def.label} by ${trend.granularity}`,
        points: pointsOf(trend.points, range),
        color: COLORS.value,
        dots: trend.granularity !== 'day' || trend.points.length < 20,
      },
    ];
    const windowed = rolling === '7' ? trend.rolling7 : rolling === '30' ? trend.rolling30 : null;
    if (windowed)
      out.push({
        label: `Rolling ${rolling}-day`,
        points: windowed.map((p) => ({ x: dayIndex(p.day, range), y: p.value })),
        color: COLORS.rolling,
        width: 2.5,
      });
    return [...out, ...targetSeries(trend.target, range)];
  }, [def, trend, rolling, range]);
  const markers = useMemo(() => eventMarkers(events, range), [events, range]);

  if (!def || !trend) return null;
  const axis = axisFor(range, def);
  const nLabel = nLabelOf(dashboard, def);
  return (
    <section className="panel trend-panel" aria-label="Trend">
      <div className="panel-header trend-controls">
        <h2>Trend</h2>
        <select aria-label="Trend KPI" value={def.id} onChange={(e) => setTrendKpi(e.target.value as KpiId)}>
          {dashboard.kpis.map((k) => (
            <option key={k.id} value={k.id}>
              {k.label}
            </option>
          ))}
        </select>
        <div className="segmented" role="group" aria-label="Trend granularity">
          {GRANULARITIES.map((g) => (
            <button key={g} type="button" aria-pressed={granularity === g} onClick={() => setGranularity(g)}>
              {GRANULARITY_LABEL[g]}
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label="Rolling window">
          <span className="segmented-label">Rolling</span>
          {ROLLING.map((r) => (
            <button key={r.id} type="button" aria-pressed={rolling === r.id} onClick={() => setRolling(r.id)}>
              {r.label}
            </button>
          ))}
        </div>
      </div>
      <LineChart
        series={series}
        markers={markers}
        {...axis}
        nLabel={nLabel}
        minN={dashboard.minN}
        noDataText={chartNoDataText(def.label, {
          periodValue: dashboard.tiles.find((t) => t.kpiId === def.id)?.value ?? null,
          nLabel,
          granularity: trend.granularity,
        })}
        height={240}
        ariaLabel={`${def.label} trend by ${trend.granularity}${trend.target === null ? '' : ' with target line'}${
          markers.length === 0 ? '' : `, ${markers.length} event marker${markers.length === 1 ? '' : 's'}`
        }`}
      />
      <EventsPanel api={eventsApi} range={range} teams={teams} teamId={dashboard.teamId} />
    </section>
  );
}
