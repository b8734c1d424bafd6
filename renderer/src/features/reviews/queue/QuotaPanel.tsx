import type { ReviewQueue } from '../../../../../shared/ipc/contracts/qa';
import { shortDay } from '../../kpis/period';
import { quotaShare, quotaText } from './queueText';

/** Each agent's submitted reviews against the quota of the period that holds the queue's last day. */
export function QuotaPanel({ quota }: { quota: ReviewQueue['quota'] }) {
  const behind = quota.agents.filter((a) => a.remaining > 0).length;
  return (
    <section className="panel rq-quota" aria-labelledby="rq-quota-title">
      <div className="panel-header">
        <h2 id="rq-quota-title">Quota</h2>
        <span className="muted">
          {quota.perAgent > 0
            ? `${quota.perAgent} per agent per ${quota.period}, ${shortDay(quota.from)} – ${shortDay(quota.to, true)}`
            : 'No quota set'}
        </span>
      </div>
      {quota.agents.length === 0 ? (
        <p className="muted">No active agents in this team.</p>
      ) : (
        <>
          <p className="muted rq-quota-sum">
            {behind === 0
              ? 'Every agent has met the quota.'
              : `${behind} of ${quota.agents.length} agents still need reviews.`}
          </p>
          <ul className="rq-quota-list">
            {quota.agents.map((a) => (
              <li key={a.agentId} data-agent={a.agentName}>
                <span className="rq-quota-name">{a.agentName}</span>
                <span className="rq-quota-text num">{quotaText(a, quota.period)}</span>
                <span className="rq-bar" aria-hidden="true">
                  <span
                    className={a.remaining === 0 ? 'rq-bar-fill done' : 'rq-bar-fill'}
                    style={{ width: `${Math.round(quotaShare(a) * 100)}%` }}
                  />
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
