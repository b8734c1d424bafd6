import { useEffect } from 'react';
import { formatCount } from '../../../lib/format';
import { call } from '../../../lib/api';
import { useLoad } from '../../../lib/useLoad';
import { periodRange } from '../../../../../shared/kpi/periods';
import { ProfilePrompt } from '../workspace/ProfilePrompt';
import { useReviewsNav } from '../store';
import { PickList } from './PickList';
import { QueueToolbar } from './QueueToolbar';
import { QuotaPanel } from './QuotaPanel';
import { toStops } from './queueText';
import { useQueueSettings } from './store';
import './queue.css';

/** Most picks the queue shows at once; a lead reviews a handful a day. */
const QUEUE_LIMIT = 50;

/** The review queue: proposed interactions with the reason for each, and quota progress per agent. */
export function QueueTab() {
  const facets = useLoad('facets', () => call('getInteractionFacets', {}));
  const anchor = useQueueSettings((s) => s.anchor);
  const initAnchor = useQueueSettings((s) => s.initAnchor);
  const lastDay = facets.data?.dayRange?.to ?? null;

  useEffect(() => {
    if (lastDay) initAnchor(lastDay);
  }, [lastDay, initAnchor]);

  if (facets.error) return <p className="error">The teams could not be loaded: {facets.error}</p>;
  if (!facets.data) return <p className="muted">Loading…</p>;
  if (!facets.data.dayRange || !anchor)
    return <p className="empty-state">There are no interactions to review yet. Import some first.</p>;
  return (
    <div className="rq-tab">
      <ProfilePrompt />
      <QueueToolbar teams={facets.data.teams} anchor={anchor} />
      <QueueBody anchor={anchor} />
    </div>
  );
}

function QueueBody({ anchor }: { anchor: string }) {
  const period = useQueueSettings((s) => s.period);
  const teamId = useQueueSettings((s) => s.teamId);
  const strategy = useQueueSettings((s) => s.strategy);
  const seed = useQueueSettings((s) => s.seed);
  const selected = useQueueSettings((s) => s.selected);
  const select = useQueueSettings((s) => s.select);
  const setQueue = useReviewsNav((s) => s.setQueue);
  const beginReview = useReviewsNav((s) => s.beginReview);
  const range = periodRange(period, anchor);
  const input = { ...range, strategy, seed, limit: QUEUE_LIMIT, ...(teamId ? { teamId } : {}) };
  const queue = useLoad(JSON.stringify(input), () => call('getReviewQueue', input));
  const items = queue.data?.items ?? null;

  useEffect(() => {
    if (items) setQueue(toStops(items));
  }, [items, setQueue]);

  if (queue.error) return <p className="error">The queue could not be drawn: {queue.error}</p>;
  if (!queue.data) return <p className="muted">Loading…</p>;
  const { candidates, quota } = queue.data;
  const list = queue.data.items;
  const index = Math.min(selected, Math.max(0, list.length - 1));
  const start = (i: number) => {
    const item = list[i];
    if (item) beginReview(item.interactionId);
  };

  return (
    <div className="rq-body">
      <section className="panel rq-list" aria-labelledby="rq-list-title">
        <div className="panel-header">
          <h2 id="rq-list-title">Proposed for review</h2>
          <span className="muted" data-testid="queue-count">
            {list.length} of {formatCount(candidates)} unreviewed interactions
          </span>
          <span className="spacer" />
          <button type="button" className="primary" disabled={list.length === 0} onClick={() => start(index)}>
            Start review <kbd>Enter</kbd>
          </button>
        </div>
        {list.length === 0 ? (
          <p className="empty-state">
            Nothing left to review in this period: every interaction with an agent has a review.
          </p>
        ) : (
          <>
            <p className="muted rq-keys">
              <kbd>↑</kbd> <kbd>↓</kbd> move, <kbd>Enter</kbd> starts a review of the highlighted pick.
            </p>
            <PickList items={list} selected={index} onSelect={select} onStart={start} />
          </>
        )}
      </section>
      <QuotaPanel quota={quota} />
    </div>
  );
}
