import { useMemo } from 'react';
import type { KpiDefinitionDto, KpiEventDto, ScorecardKpi } from '../../../../shared/ipc/contracts/kpi';
import type { DayRange } from '../../../../shared/kpi/types';
import { axisFor, COLORS, eventMarkers, pointsOf, targetSeries } from './chartData';
import { formatKpiValue, STATUS_TEXT } from './format';
import { DeltaBadge } from './KpiTile';
import { LineChart, type ChartSeries } from './LineChart';

interface ScorecardCardProps {
  def: KpiDefinitionDto;
  row: ScorecardKpi;
  range: DayRange;
  events: KpiEventDto[];
  agentName: string;
}

/** One KPI of an agent: value, change, target, team average, and the series against the team's. */
export function ScorecardCard({ def, row, range, events, agentName }: ScorecardCardProps) {
  const series = useMemo(
    (): ChartSeries[] => [
      { label: agentName, points: pointsOf(row.series, range), color: COLORS.value, dots: true },
      {
        label: 'Team',
        points: pointsOf(row.series, range, (p) => p.teamValue),
        color: COLORS.team,
        width: 1.5,
      },
      ...targetSeries(row.target, range),
    ],
    [row, range, agentName],
  );
  const markers = useMemo(() => eventMarkers(events, range), [events, range]);
  const axis = axisFor(range, def);
  return (
    <article className={`panel scorecard-card status-${row.status}`} data-kpi={def.id} aria-label={def.label}>
      <header className="scorecard-card-head">
        <h3 title={def.description}>{def.label}</h3>
        <span className={`status-chip ${row.status}`}>{STATUS_TEXT[row.status]}</span>
      </header>
      <div className="scorecard-figures">
        <span className="kpi-value">{formatKpiValue(row.value, def.unit, def.decimals)}</span>
        <DeltaBadge delta={row.delta} direction={row.direction} improving={row.improving} def={def} />
      </div>
      <div className="scorecard-meta">
        <span>Team {formatKpiValue(row.teamValue, def.unit, def.decimals)}</span>
        <span>
          {row.target === null ? 'No target' : `Target ${formatKpiValue(row.target, def.unit, def.decimals)}`}
        </span>
      </div>
      <LineChart
        series={series}
        markers={markers}
        {...axis}
        height={130}
        legend={false}
        ariaLabel={`${def.label} of ${agentName} against the team average`}
      />
    </article>
  );
}
