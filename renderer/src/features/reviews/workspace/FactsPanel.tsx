import type { ReactNode } from 'react';
import type { ReviewContext } from '../../../../../shared/ipc/contracts/reviewLifecycle';
import type { Channel } from '../../../../../shared/domain/types';
import {
  channelLabel,
  enumLabel,
  formatDateTime,
  formatDuration,
  formatFlag,
  formatScore,
  orDash,
} from '../../interactions/format';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

const SENTIMENT = { '-1': 'Negative', '0': 'Neutral', '1': 'Positive' } as const;

/** The interaction beside the form: what happened, how long it took, what the customer said. */
export function FactsPanel({ context }: { context: ReviewContext }) {
  const d = context.interaction;
  const general = context.hints.filter((h) => h.criterionIds.length === 0);
  return (
    <section className="panel rw-facts" aria-labelledby="rw-facts-title" tabIndex={0}>
      <h2 id="rw-facts-title">Interaction</h2>
      <dl className="rw-dl">
        <Fact label="Channel">{channelLabel(d.channel)}</Fact>
        <Fact label="Started">{formatDateTime(d.startedAt)}</Fact>
        <Fact label="Customer">{orDash(d.customerName ?? d.customerRef)}</Fact>
        <Fact label="Topic">{orDash(d.topic)}</Fact>
        <Fact label="Subject">{orDash(d.subject)}</Fact>
        <Fact label="Wait">{formatDuration(d.firstResponseSeconds)}</Fact>
        <Fact label="Talk">{formatDuration(d.talkSeconds)}</Fact>
        <Fact label="Hold">{formatDuration(d.holdSeconds)}</Fact>
        <Fact label="Wrap-up">{formatDuration(d.wrapSeconds)}</Fact>
        <Fact label="Handle time">{formatDuration(d.handleSeconds)}</Fact>
        <Fact label="Resolved">{formatFlag(d.resolved)}</Fact>
        <Fact label="CSAT">{formatScore(d.csat, d.csatScale)}</Fact>
        <Fact label="NPS">{formatScore(d.nps, 10)}</Fact>
        <Fact label="CES">{formatScore(d.cesScore, d.cesScale)}</Fact>
        <Fact label="Sentiment">{d.sentiment === null ? '—' : SENTIMENT[d.sentiment]}</Fact>
        {(d.isComplaint || d.complaintCategory) && (
          <Fact label="Complaint">
            {enumLabel(d.complaintCategory) === '—' ? 'Yes' : enumLabel(d.complaintCategory)}
            {d.complaintDetails && <span className="rw-detail">{d.complaintDetails}</span>}
          </Fact>
        )}
        {d.escalated && (
          <Fact label="Escalated">{d.escalationLevel ? enumLabel(d.escalationLevel) : 'Yes'}</Fact>
        )}
        {(d.crossSellEligible !== null || d.crossSellOffered !== null) && (
          <Fact label="Cross-sell">
            eligible {formatFlag(d.crossSellEligible).toLowerCase()}, offered{' '}
            {formatFlag(d.crossSellOffered).toLowerCase()}
          </Fact>
        )}
      </dl>
      {d.customerComment && (
        <>
          <h3>Customer comment</h3>
          <blockquote className="rw-quote">{d.customerComment}</blockquote>
        </>
      )}
      {d.notes && (
        <>
          <h3>Notes</h3>
          <p className="rw-notes">{d.notes}</p>
        </>
      )}
      {general.length > 0 && (
        <ul className="rw-hints">
          {general.map((h) => (
            <li key={h.kind} className={`rw-hint ${h.tone}`}>
              {h.text}
            </li>
          ))}
        </ul>
      )}
      <EarlierContacts context={context} />
    </section>
  );
}

function EarlierContacts({ context }: { context: ReviewContext }) {
  const list = context.earlierContacts;
  return (
    <>
      <h3>Earlier contacts of this customer</h3>
      {list.length === 0 ? (
        <p className="muted">
          {context.interaction.customerId ? 'None before this one.' : 'No customer id in the data.'}
        </p>
      ) : (
        <ul className="rw-earlier">
          {list.map((c) => (
            <li key={c.id}>
              <span>
                {formatDateTime(c.startedAt)} · {channelLabel(c.channel as Channel)}
                {c.agentName ? ` · ${c.agentName}` : ''}
              </span>
              <span className="muted">
                {[
                  c.topic ?? c.subject,
                  c.resolved === null ? null : c.resolved ? 'resolved' : 'not resolved',
                  c.csat === null ? null : `CSAT ${formatScore(c.csat, c.csatScale)}`,
                  c.isComplaint ? 'complaint' : null,
                ]
                  .filter(Boolean)
                  .join(' · ') || '—'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
