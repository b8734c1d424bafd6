import { useMemo } from 'react';
import type { QaReport } from '../../../../shared/ipc/contracts/qa';
import { rangeLength } from '../../../../shared/kpi/periods';
import type { DayRange } from '../../../../shared/kpi/types';
import { call } from '../../lib/api';
import { useLoad } from '../../lib/useLoad';
import { trendPoints } from '../reviews/report/QaTrend';
import { formatScore, reviewsN, scoreInterval, scoreTone, scoreWords } from '../reviews/report/qaFormat';
import { useQaReport } from '../reviews/report/store';
import { COLORS } from './chartData';
import { LineChart, type ChartSeries } from './LineChart';
import { shortDay } from './period';
import { useOpenQaReport } from './QaTile';
import { addDays } from '../../../../shared/kpi/periods';
import { useKpiDashboard } from './store';
import './qaTiles.css';

function teamLine(team: QaReport | null | undefined): string {
  if (!team) return 'Team …';
  const s = team.overall.score;
  return s.n === 0 ? 'Team: no reviews' : `Team ${formatScore(s.mean)} (${reviewsN(s.n)})`;
}

/**
 * The agent's QA score on the scorecard: n, interval and a too-few mark, against the team's score,
 * with the weekly (or monthly) trend of both.
 */
export function QaCard(props: {
  agentId: string;
  agentName: string;
  teamId: string | null;
  range: DayRange;
}) {
  const { agentId, teamId, range } = props;
  const version = useQaReport((s) => s.version);
  // Imports and settings changes bump the dashboard's version; disputes and review settings the report's.
  const dataVersion = useKpiDashboard((s) => s.dataVersion);
  const granularity = rangeLength(range) > 100 ? ('month' as const) : ('week' as const);
  const base = { ...range, granularity };
  const suffix = `${dataVersion}:${version}`;
  const own = useLoad(`qa-agent:${JSON.stringify(base)}:${agentId}:${suffix}`, () =>
    call('getQaReport', { ...base, agentId }),
  );
  const team = useLoad(teamId ? `qa-team:${JSON.stringify(base)}:${teamId}:${suffix}` : null, () =>
    call('getQaReport', { ...base, teamId: teamId ?? undefined }),
  );
  const openReport = useOpenQaReport();
  const report = own.data;
  const score = report?.overall.score ?? null;
  const tone = score && report ? scoreTone(score, report.settings.passScore) : 'none';
  const tooFew = Boolean(score && score.n > 0 && score.tooFew);
  const words = score && report ? scoreWords(score, report.settings) : null;
  const series = useMemo((): ChartSeries[] => {
    if (!report) return [];
    const out: ChartSeries[] = [
      { label: props.agentName, points: trendPoints(report, granularity), color: COLORS.value, dots: true },
    ];
    if (team.data)
      out.push({
        label: 'Team',
        points: trendPoints(team.data, granularity),
        color: COLORS.team,
        width: 1.5,
      });
    return out;
  }, [report, team.data, granularity, props.agentName]);
  const days = rangeLength(range);
  const classes = ['panel', 'scorecard-card', 'qa-card', `status-${tone}`, tooFew && 'low-confidence'];

  return (
    <article className={classes.filter(Boolean).join(' ')} data-qa-card aria-label="QA score">
      <header className="scorecard-card-head">
        <h3>QA score (call reviews)</h3>
        {words && !tooFew && score && score.n > 0 && <span className={`status-chip ${tone}`}>{words}</span>}
      </header>
      <div className="scorecard-figures">
        <span className={score?.mean === null || !score ? 'kpi-value empty' : 'kpi-value'}>
          {own.error
            ? 'not loaded'
            : score
              ? score.n === 0
                ? 'no reviews'
                : formatScore(score.mean)
              : 'Loading…'}
        </span>
      </div>
      <div className="scorecard-meta">
        <span className="qa-card-team">{teamId ? teamLine(team.data) : 'No team to compare with'}</span>
        {report && <span>Pass line {report.settings.passScore}</span>}
        <button
          type="button"
          className="link"
          onClick={() => openReport({ kind: 'custom', anchor: range.to, custom: range, teamId })}
        >
          QA report
        </button>
      </div>
      <div className="scorecard-evidence">
        <span className="kpi-n">{score ? reviewsN(score.n) : ''}</span>
        {score && score.n > 0 && <span className="kpi-interval">{scoreInterval(score)}</span>}
        {tooFew && <span className="low-n-badge">too few to judge</span>}
      </div>
      {own.error && (
        <p className="error" role="alert">
          Could not load the QA score: {own.error}
        </p>
      )}
      {report && (
        <LineChart
          series={series}
          xMin={0}
          xMax={Math.max(days - 1, 1)}
          xLabel={(x) => shortDay(addDays(range.from, Math.round(x)))}
          yLabel={(y) => y.toFixed(0)}
          valueLabel={(y) => y.toFixed(1)}
          yClamp={{ min: 0, max: 100 }}
          unit="score"
          height={130}
          legend={false}
          nLabel="reviews"
          minN={report.settings.minReviews}
          noDataText={`No submitted reviews of ${props.agentName} in this period`}
          ariaLabel={`QA score of ${props.agentName} against the team by ${granularity}`}
        />
      )}
    </article>
  );
}
