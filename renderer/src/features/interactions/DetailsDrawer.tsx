import { useEffect, useState, type ReactNode } from 'react';
import type { InteractionDetail } from '../../../../shared/ipc/contracts/interactions';
import { useNavigation } from '../../app/navigation';
import { call } from '../../lib/api';
import { useReviewsNav } from '../reviews/store';
import {
  channelLabel,
  enumLabel,
  formatDateTime,
  formatDay,
  formatDuration,
  formatFlag,
  formatScore,
  orDash,
} from './format';
import { rowAt, useInteractions } from './store';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="ix-section">
      <h3>{title}</h3>
      <dl>{children}</dl>
    </section>
  );
}

const SENTIMENT = { '-1': 'Negative', '0': 'Neutral', '1': 'Positive' } as const;

/** What every interaction has: who, what, how it ended, how long it took, what the customer said. */
function CoreSections({ d }: { d: InteractionDetail }) {
  return (
    <>
      <Section title="Overview">
        <Field label="Started">{formatDateTime(d.startedAt)}</Field>
        <Field label="Day">{formatDay(d.day)}</Field>
        <Field label="Channel">{channelLabel(d.channel)}</Field>
        <Field label="Agent">{orDash(d.agentName)}</Field>
        <Field label="Team">{orDash(d.teamName)}</Field>
        <Field label="Customer">
          {orDash(d.customerName)}
          {d.customerRef ? <span className="muted"> ({d.customerRef})</span> : null}
        </Field>
        <Field label="Topic">{orDash(d.topic)}</Field>
        <Field label="Subject">{orDash(d.subject)}</Field>
        <Field label="Status">{enumLabel(d.status)}</Field>
        <Field label="Priority">{enumLabel(d.priority)}</Field>
      </Section>
      <Section title="Outcome">
        <Field label="Answered">{formatFlag(d.answered)}</Field>
        <Field label="Abandoned">{formatFlag(d.abandoned)}</Field>
        <Field label="Resolved">{formatFlag(d.resolved)}</Field>
        <Field label="First contact resolution">{formatFlag(d.fcr)}</Field>
        <Field label="Repeat contact">{formatFlag(d.repeatContact)}</Field>
        <Field label="Escalated">
          {formatFlag(d.escalated)}
          {d.escalationLevel ? <span className="muted"> ({enumLabel(d.escalationLevel)})</span> : null}
        </Field>
      </Section>
      <Section title="Timing">
        <Field label="Wait / first response">{formatDuration(d.firstResponseSeconds)}</Field>
        <Field label="Talk">{formatDuration(d.talkSeconds)}</Field>
        <Field label="Hold">{formatDuration(d.holdSeconds)}</Field>
        <Field label="Wrap-up">{formatDuration(d.wrapSeconds)}</Field>
        <Field label="Handle time">{formatDuration(d.handleSeconds)}</Field>
        <Field label="Resolution">{formatDuration(d.resolutionSeconds)}</Field>
        <Field label="Resolution (business)">{formatDuration(d.resolutionBusinessSeconds)}</Field>
        <Field label="Resolved at">{formatDateTime(d.resolvedAt)}</Field>
      </Section>
      <Section title="Customer feedback">
        <Field label="CSAT">{formatScore(d.csat, d.csatScale)}</Field>
        <Field label="NPS">{formatScore(d.nps, 10)}</Field>
        <Field label="CES">{formatScore(d.cesScore, d.cesScale)}</Field>
        <Field label="Sentiment">{d.sentiment === null ? '—' : SENTIMENT[d.sentiment]}</Field>
      </Section>
    </>
  );
}

/** Sections shown only when the interaction has their data, then reviews and provenance. */
function MoreSections({ d }: { d: InteractionDetail }) {
  return (
    <>
      {(d.isComplaint || d.complaintCategory || d.complaintDetails) && (
        <Section title="Complaint">
          <Field label="Complaint">{formatFlag(d.isComplaint)}</Field>
          <Field label="Category">{enumLabel(d.complaintCategory)}</Field>
          <Field label="Details">{orDash(d.complaintDetails)}</Field>
        </Section>
      )}
      {(d.crossSellEligible !== null || d.crossSellOffered !== null) && (
        <Section title="Cross-sell">
          <Field label="Eligible">{formatFlag(d.crossSellEligible)}</Field>
          <Field label="Offered">{formatFlag(d.crossSellOffered)}</Field>
          <Field label="Converted">{formatFlag(d.crossSellConverted)}</Field>
        </Section>
      )}
      {(d.customerComment || d.notes) && (
        <section className="ix-section">
          <h3>Comments</h3>
          {d.customerComment && <blockquote className="ix-quote">{d.customerComment}</blockquote>}
          {d.notes && <p className="ix-notes">{d.notes}</p>}
        </section>
      )}
      <ReviewsSection d={d} />
      <Section title="Source">
        <Field label="Source">{enumLabel(d.source)}</Field>
        <Field label="External id">{orDash(d.externalId)}</Field>
        <Field label="Imported from">{orDash(d.importFileName)}</Field>
        <Field label="Internal id">{d.id}</Field>
      </Section>
    </>
  );
}

/** Existing reviews open in the workspace; an unreviewed interaction offers to start one. */
function ReviewsSection({ d }: { d: InteractionDetail }) {
  const navigate = useNavigation((s) => s.navigate);
  const beginReview = useReviewsNav((s) => s.beginReview);
  const openReview = useReviewsNav((s) => s.openReview);
  const go = (open: () => void) => {
    open();
    navigate('reviews');
  };
  return (
    <section className="ix-section">
      <h3>Reviews</h3>
      {d.reviews.length === 0 ? (
        <p className="ix-review-start">
          <span className="muted">Not reviewed yet.</span>{' '}
          <button type="button" className="secondary" onClick={() => go(() => beginReview(d.id))}>
            Start a review
          </button>
        </p>
      ) : (
        <ul className="ix-reviews">
          {d.reviews.map((r) => (
            <li key={r.id}>
              <span className="num">{r.score === null ? '—' : `${r.score.toFixed(0)}%`}</span> {r.evaluator}{' '}
              <span className="muted">
                {r.status === 'draft' ? 'Draft' : formatDateTime(r.reviewedAt)}
                {r.failedCritical ? ' · failed a critical criterion' : ''}
              </span>{' '}
              <button type="button" className="link" onClick={() => go(() => openReview(r.id))}>
                Open review
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DetailBody({ d }: { d: InteractionDetail }) {
  return (
    <>
      <CoreSections d={d} />
      <MoreSections d={d} />
    </>
  );
}

/** Side drawer for the selected row; follows the selection while it is open. */
export function DetailsDrawer() {
  const open = useInteractions((s) => s.detailsOpen);
  const selectedIndex = useInteractions((s) => s.selectedIndex);
  const pages = useInteractions((s) => s.pages);
  const closeDetails = useInteractions((s) => s.closeDetails);
  const id = open && selectedIndex !== null ? rowAt(pages, selectedIndex)?.id : undefined;
  const [detail, setDetail] = useState<InteractionDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (id === undefined) return;
    let current = true;
    call('getInteraction', { id })
      .then((d) => {
        if (current) {
          setDetail(d);
          setError(null);
        }
      })
      .catch((e: unknown) => {
        if (current) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      current = false;
    };
  }, [id]);

  if (!open) return null;
  // The drawer unmounts on close; focus goes back to the rows it described instead of the page top.
  const close = () => {
    closeDetails();
    document.querySelector<HTMLElement>('[data-testid="interactions-grid"]')?.focus();
  };
  const shown = detail && detail.id === id ? detail : null;
  return (
    <aside
      className="ix-drawer"
      aria-label="Interaction details"
      data-testid="interaction-details"
      onKeyDown={(event) => {
        if (event.key === 'Escape') close();
      }}
    >
      <header className="ix-drawer-head">
        <h2>
          {shown ? `${channelLabel(shown.channel)} · ${formatDateTime(shown.startedAt)}` : 'Interaction'}
        </h2>
        <button type="button" className="ghost" onClick={close} aria-label="Close details (Esc)">
          ✕
        </button>
      </header>
      {/* A Tab stop of its own: most fields are plain text, so arrow keys must be able to scroll them. */}
      <div className="ix-drawer-body" tabIndex={0} role="region" aria-label="Interaction fields">
        {error && <p className="error">{error}</p>}
        {shown ? <DetailBody d={shown} /> : !error && <p className="muted">Loading…</p>}
      </div>
    </aside>
  );
}
