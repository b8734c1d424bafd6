import { useMemo, useState } from 'react';
import type { ReviewDisputeView } from '../../../../../shared/ipc/contracts/reviewLifecycle';
import { call } from '../../../lib/api';
import { useLoad } from '../../../lib/useLoad';
import { useQaReport } from '../report/store';
import { useReviewsNav } from '../store';
import { OUTCOME_WORDS, ratingHistory, scoreHistory } from './disputeFormat';
import { OpenDisputesTable, ResolvedDisputesTable } from './DisputeTables';
import { OpenDisputeDialog } from './OpenDisputeDialog';
import { ResolveDisputeDialog } from './ResolveDisputeDialog';
import '../report/report.css';
import '../../kpis/tiles.css';
import './disputes.css';

/** One line after a change, for the status region: what happened and what it did to the score. */
function doneText(view: ReviewDisputeView): string {
  if (view.status === 'open') return `Dispute recorded for ${view.agentName} on "${view.criterionLabel}".`;
  return `${OUTCOME_WORDS[view.status]} for ${view.agentName} on "${view.criterionLabel}": rating ${ratingHistory(
    view,
  )}, review score ${scoreHistory(view)}.`;
}

/** Open disputes to resolve, a way to record a new one, and the history of resolved ones. */
export function DisputesTab() {
  const openReview = useReviewsNav((s) => s.openReview);
  const invalidateReport = useQaReport((s) => s.invalidate);
  const version = useQaReport((s) => s.version);
  const [resolving, setResolving] = useState<ReviewDisputeView | null>(null);
  const [recording, setRecording] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const list = useLoad(`disputes:${version}`, () => call('listDisputes', { limit: 500 }));
  const all = list.data;
  const open = useMemo(() => (all ?? []).filter((d) => d.status === 'open'), [all]);
  const resolved = useMemo(() => (all ?? []).filter((d) => d.status !== 'open'), [all]);
  const now = new Date();

  const changed = (view: ReviewDisputeView) => {
    setResolving(null);
    setRecording(false);
    setDone(doneText(view));
    // Resolving may amend a review: the QA report and this list both read it again.
    invalidateReport();
  };

  return (
    <div className="disputes-tab">
      <div className="disputes-bar">
        <p className="muted">
          An agent disputes one criterion of a submitted review; resolving it keeps the rating, accepts the
          agent&apos;s view or sets another, always with a reason. A changed rating amends the review and
          keeps its score history.
        </p>
        <button type="button" className="button" onClick={() => setRecording(true)}>
          Record a dispute…
        </button>
      </div>
      <p className="muted disputes-done" role="status">
        {done ?? ''}
      </p>
      {list.error && (
        <p className="error" role="alert">
          Could not load the disputes: {list.error}
        </p>
      )}
      {!all && !list.error && <p className="muted">Loading…</p>}
      {all && (
        <>
          <section className="panel" aria-labelledby="disputes-open-title">
            <div className="panel-header">
              <h2 id="disputes-open-title">Open disputes</h2>
              <span className="muted">{open.length} waiting · oldest first</span>
            </div>
            <OpenDisputesTable disputes={open} now={now} onOpenReview={openReview} onResolve={setResolving} />
          </section>
          <section className="panel" aria-labelledby="disputes-resolved-title">
            <div className="panel-header">
              <h2 id="disputes-resolved-title">Resolved disputes</h2>
              <span className="muted">newest first · rating and review score before → after</span>
            </div>
            <ResolvedDisputesTable disputes={resolved} onOpenReview={openReview} />
          </section>
        </>
      )}
      {resolving && (
        <ResolveDisputeDialog dispute={resolving} onClose={() => setResolving(null)} onResolved={changed} />
      )}
      {recording && <OpenDisputeDialog onClose={() => setRecording(false)} onOpened={changed} />}
    </div>
  );
}
