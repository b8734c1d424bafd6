import { useNavigation } from '../../app/navigation';
import { useInteractions } from '../interactions/store';
import { describePeriod } from './period';
import { useKpiDashboard } from './store';

/**
 * What to do about an empty period: jump to the latest period with data (same kind of period),
 * or import a file. `lastDay` is null when the data file has no interactions at all.
 */
export function NoDataActions({ lastDay }: { lastDay: string | null }) {
  const kind = useKpiDashboard((s) => s.kind);
  const setKind = useKpiDashboard((s) => s.setKind);
  const setAnchor = useKpiDashboard((s) => s.setAnchor);
  const navigate = useNavigation((s) => s.navigate);
  const setImportOpen = useInteractions((s) => s.setImportOpen);

  const toLatest = () => {
    if (!lastDay) return;
    // A custom range has no "latest" of the same length: the month of the last day reads best.
    if (kind === 'custom') setKind('month');
    setAnchor(lastDay);
  };
  const importFile = () => {
    setImportOpen(true);
    navigate('interactions');
  };
  const latest = lastDay
    ? describePeriod({
        kind: kind === 'custom' ? 'month' : kind,
        anchor: lastDay,
        custom: { from: lastDay, to: lastDay },
      })
    : null;
  return (
    <div className="no-data-actions">
      {latest && (
        <button type="button" className="primary" onClick={toLatest}>
          Go to {latest}, the latest data
        </button>
      )}
      <button type="button" className="secondary" onClick={importFile}>
        Import a file…
      </button>
    </div>
  );
}

/** The banner over an empty period: says there is no data, so empty tiles are not read as good news. */
export function NoDataNotice({ teamName, lastDay }: { teamName: string | null; lastDay: string | null }) {
  const kind = useKpiDashboard((s) => s.kind);
  const anchor = useKpiDashboard((s) => s.anchor);
  const custom = useKpiDashboard((s) => s.custom);
  return (
    <section className="panel no-data-notice" aria-labelledby="no-data-title">
      <h2 id="no-data-title">No data for {describePeriod({ kind, anchor, custom })}</h2>
      <p>
        {teamName ? `${teamName} has no interactions` : 'No team has any interactions'} in this period, so
        there is nothing to measure and nothing is better or worse than target. Pick another period, or import
        a file with this period&apos;s interactions.
      </p>
      <NoDataActions lastDay={lastDay} />
    </section>
  );
}
