import { useMemo } from 'react';
import type { KpiDefinitionDto, KpiEventDto, ScorecardKpi } from '../../../../shared/ipc/contracts/kpi';
import type { DayRange, Granularity } from '../../../../shared/kpi/types';
import { axisFor, chartNoDataText, COLORS, eventMarkers, pointsOf, targetSeries } from './chartData';
import {
  describeValue,
  formatInterval,
  formatN,
  lowConfidenceReason,
  shownStatus,
  statusText,
} from './evidence';
import { ExplainButton } from './ExplainDialog';
import { formatKpiValue } from './format';
import { DeltaBadge, valueText } from './KpiTile';
import { LineChart, type ChartSeries } from './LineChart';

interface ScorecardCardProps {
  def: KpiDefinitionDto;
  row: ScorecardKpi;
  range: DayRange;
  granularity: Granularity;
  events: KpiEventDto[];
  agentName: string;
  /** The smallest trusted n (settings.status.minN); null until the settings have loaded. */
  minN: number | null;
  onExplain(): void;
}

/**
 * What the agent is compared with: the team pooled over all its interactions, except for
 * additive counts (volume), where a team total would dwarf any one agent.
 */
export function teamLabel(basis: ScorecardKpi['teamBasis']): string {
  return basis === 'average_agent' ? 'Average agent' : 'Team';
}

/** One KPI of an agent: value, change, target, the team's value, n, and the series against the team's. */
export function ScorecardCard(props: ScorecardCardProps) {
  const { def, row, range, events, agentName, minN, onExplain } = props;
  const team = teamLabel(row.teamBasis);
  const series = useMemo(
    (): ChartSeries[] => [
      { label: agentName, points: pointsOf(row.series, range), color: COLORS.value, dots: true },
      {
        label: team,
        points: pointsOf(row.series, range, (p) => p.teamValue),
        color: COLORS.team,
        width: 1.5,
      },
      ...targetSeries(row.target, range),
    ],
    [row, range, agentName, team],
  );
  const markers = useMemo(() => eventMarkers(events, range), [events, range]);
  const axis = axisFor(range, def);
  const shown = shownStatus(row.status, row.value);
  const words = row.value === null ? null : statusText(row.status, row.value, row.target);
  const low = row.value !== null ? lowConfidenceReason(row.evidence, minN) : null;
  const interval = formatInterval(row.evidence, def);
  const classes = ['panel', 'scorecard-card', `status-${shown}`, low && 'low-confidence'];
  return (
    <article className={classes.filter(Boolean).join(' ')} data-kpi={def.id} aria-label={def.label}>
      <header className="scorecard-card-head">
        <h3 title={def.description}>{def.label}</h3>
        {words && <span className={`status-chip ${shown}`}>{words}</span>}
      </header>
      <div className="scorecard-figures">
        <span
          className={row.value === null ? 'kpi-value empty' : 'kpi-value'}
          title={describeValue(def, row, minN).join('\n')}
        >
          {valueText(def, row.value)}
        </span>
        {row.value !== null && (
          <DeltaBadge delta={row.delta} direction={row.direction} improving={row.improving} def={def} />
        )}
      </div>
      <div className="scorecard-meta">
        <span className="scorecard-team" data-basis={row.teamBasis}>
          {team} {formatKpiValue(row.teamValue, def.unit, def.decimals)}
        </span>
        {row.target !== null && <span>Target {formatKpiValue(row.target, def.unit, def.decimals)}</span>}
        {row.target === null && words !== 'no target' && <span>No target</span>}
        <ExplainButton label={def.label} onClick={onExplain} />
      </div>
      <div className="scorecard-evidence">
        <span className="kpi-n">{row.evidence ? formatN(row.evidence) : 'n = 0'}</span>
        {interval && <span className="kpi-interval">{interval}</span>}
        {low && (
          <span className="low-n-badge" title={`Low confidence: ${low}`}>
            low n<span className="kpi-sr">: {low}</span>
          </span>
        )}
      </div>
      <LineChart
        series={series}
        markers={markers}
        {...axis}
        height={130}
        legend={false}
        kpiLabel={def.label}
        nLabel={row.evidence?.nLabel ?? row.previousEvidence?.nLabel}
        {...(minN === null ? {} : { minN })}
        noDataText={chartNoDataText(def.label, {
          periodValue: row.value,
          nLabel: row.evidence?.nLabel,
          granularity: props.granularity,
        })}
        ariaLabel={`${def.label} of ${agentName} against the ${team === 'Team' ? 'team' : 'average agent of the team'}`}
      />
    </article>
  );
}
