import type { ReviewDisputeView } from '../../../../../shared/ipc/contracts/reviewLifecycle';
import { formatDate } from '../../../lib/format';
import {
  ageText,
  OUTCOME_WORDS,
  proposalText,
  ratingHistory,
  ratingText,
  scaleOf,
  scoreHistory,
} from './disputeFormat';

function OpenReviewButton({ d, onOpenReview }: { d: ReviewDisputeView; onOpenReview(id: string): void }) {
  return (
    <button type="button" className="link" onClick={() => onOpenReview(d.reviewId)}>
      Open review ({d.reviewScore === null ? 'no score' : `score ${d.reviewScore.toFixed(1)}`})
      <span className="kpi-sr">
        , {d.agentName}, {d.criterionLabel}
      </span>
    </button>
  );
}

/** Disputes waiting for the lead, oldest first: who, which review and criterion, why, and for how long. */
export function OpenDisputesTable(props: {
  disputes: ReviewDisputeView[];
  now: Date;
  onOpenReview(reviewId: string): void;
  onResolve(dispute: ReviewDisputeView): void;
}) {
  if (props.disputes.length === 0) return <p className="empty-state">No open disputes.</p>;
  return (
    <div className="qa-scroll">
      <table className="data dispute-table" aria-label="Open disputes">
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Review</th>
            <th scope="col">Criterion</th>
            <th scope="col">Agent&apos;s reason</th>
            <th scope="col">Rating now</th>
            <th scope="col">Asks for</th>
            <th scope="col">Age</th>
            <th scope="col">
              <span className="kpi-sr">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.disputes.map((d) => (
            <tr key={d.id} data-dispute={d.id}>
              <th scope="row" className="row-head">
                {d.agentName}
              </th>
              <td>
                <OpenReviewButton d={d} onOpenReview={props.onOpenReview} />
              </td>
              <td>{d.criterionLabel}</td>
              <td className="dispute-reason">{d.agentReason}</td>
              <td>{ratingText(scaleOf(d), d.originalRating, d.originalNotApplicable)}</td>
              <td>{proposalText(d)}</td>
              <td title={`Opened ${formatDate(d.openedAt)} by ${d.openedBy}`}>
                {ageText(d.openedAt, props.now)}
              </td>
              <td>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => props.onResolve(d)}
                  aria-label={`Resolve the dispute of ${d.agentName} on ${d.criterionLabel}`}
                >
                  Resolve…
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Resolved disputes, newest first, with the rating and the review score before → after. */
export function ResolvedDisputesTable(props: {
  disputes: ReviewDisputeView[];
  onOpenReview(reviewId: string): void;
}) {
  if (props.disputes.length === 0) return <p className="empty-state">No resolved disputes yet.</p>;
  return (
    <div className="qa-scroll">
      <table className="data dispute-table" aria-label="Resolved disputes">
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Criterion</th>
            <th scope="col">Outcome</th>
            <th scope="col">Rating</th>
            <th scope="col">Review score</th>
            <th scope="col">Reason</th>
            <th scope="col">Resolved</th>
            <th scope="col">Review</th>
          </tr>
        </thead>
        <tbody>
          {props.disputes.map((d) => (
            <tr key={d.id} data-dispute={d.id}>
              <th scope="row" className="row-head">
                {d.agentName}
              </th>
              <td>
                {d.criterionLabel}
                <span className="qa-sub">Agent: {d.agentReason}</span>
              </td>
              <td>{d.status === 'open' ? 'open' : OUTCOME_WORDS[d.status]}</td>
              <td className="dispute-history">{ratingHistory(d)}</td>
              <td className="dispute-history">{scoreHistory(d)}</td>
              <td className="dispute-reason">{d.resolutionReason}</td>
              <td>
                {formatDate(d.resolvedAt)}
                {d.resolvedBy && <span className="qa-sub">{d.resolvedBy}</span>}
              </td>
              <td>
                <OpenReviewButton d={d} onOpenReview={props.onOpenReview} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
