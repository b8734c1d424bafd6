import type { PeriodKind } from '../../../../shared/kpi/types';
import { useNavigation } from '../../app/navigation';
import { call } from '../../lib/api';
import { useLoad } from '../../lib/useLoad';
import { formatScore, reviewsN, scoreInterval, scoreTone, scoreWords } from '../reviews/report/qaFormat';
import { useQaReport, type QaSelection } from '../reviews/report/store';
import { useReviewsNav } from '../reviews/store';
import { useKpiDashboard } from './store';
import './qaTiles.css';

/** The report keeps month and quarter; a day or week becomes the same range as a custom period. */
export function reportSelection(
  kind: PeriodKind,
  anchor: string,
  range: { from: string; to: string },
  teamId: string | null,
): QaSelection {
  if (kind === 'month' || kind === 'quarter') return { kind, anchor, custom: range, teamId };
  return { kind: 'custom', anchor, custom: range, teamId };
}

/** Opens the Reviews page on its QA report for the given period and team. */
export function useOpenQaReport(): (selection: QaSelection) => void {
  const navigate = useNavigation((s) => s.navigate);
  const showTab = useReviewsNav((s) => s.showTab);
  const showPeriod = useQaReport((s) => s.showPeriod);
  return (selection) => {
    showPeriod(selection);
    showTab('report');
    navigate('reviews');
  };
}

/**
 * The team's QA score for the dashboard's period, beside the KPI tiles: n, interval and a too-few
 * mark; a score on too few reviews is never coloured. The tile opens the QA report.
 */
export function QaTile(props: {
  kind: PeriodKind;
  anchor: string;
  from: string;
  to: string;
  teamId: string | null;
}) {
  const { from, to, teamId } = props;
  const version = useQaReport((s) => s.version);
  // Imports and settings changes bump the dashboard's version; disputes and review settings the report's.
  const dataVersion = useKpiDashboard((s) => s.dataVersion);
  const input = { from, to, granularity: 'week' as const, ...(teamId ? { teamId } : {}) };
  const key = `${JSON.stringify(input)}:${dataVersion}:${version}`;
  const { data, error } = useLoad(key, () => call('getQaReport', input));
  const openReport = useOpenQaReport();
  const score = data?.overall.score ?? null;
  const tone = score && data ? scoreTone(score, data.settings.passScore) : 'none';
  const tooFew = Boolean(score && score.n > 0 && score.tooFew);
  const words = score && data ? scoreWords(score, data.settings) : null;
  const classes = ['kpi-tile', 'qa-tile', `status-${tone}`, tooFew && 'low-confidence'];

  return (
    <div className={classes.filter(Boolean).join(' ')} data-qa-tile>
      <button
        type="button"
        className="kpi-tile-main"
        title={[words, score ? scoreInterval(score) : null, 'Open the QA report'].filter(Boolean).join('\n')}
        onClick={() => openReport(reportSelection(props.kind, props.anchor, { from, to }, teamId))}
      >
        <span className="kpi-label">QA score (call reviews)</span>
        <span className="kpi-headline">
          <span
            className={score?.mean === null || score?.mean === undefined ? 'kpi-value empty' : 'kpi-value'}
          >
            {error
              ? 'not loaded'
              : score
                ? score.n === 0
                  ? 'no reviews'
                  : formatScore(score.mean)
                : 'Loading…'}
          </span>
        </span>
        <span className="kpi-target">
          {score && score.n > 1 ? scoreInterval(score).replace('interval ', '') : ''}
        </span>
        <span className="qa-tile-link">
          QA report<span aria-hidden="true"> →</span>
        </span>
        {data && score && score.n > 0 && !tooFew && (
          <span className={`kpi-status ${tone}`}>
            {tone === 'good' ? 'meets' : 'below'} pass line {data.settings.passScore}
          </span>
        )}
        <span className="kpi-n">
          {score ? reviewsN(score.n) : ''}
          {tooFew && <span className="low-n-badge">too few to judge</span>}
        </span>
      </button>
      {error && <span className="kpi-sr">Could not load the QA score: {error}</span>}
    </div>
  );
}
