import type { QuotaProgress, ReviewQueueItem } from '../../../../../shared/ipc/contracts/qa';
import type { Channel } from '../../../../../shared/domain/types';
import { channelLabel, formatDateTime } from '../../interactions/format';
import type { QueueStop } from '../store';

export const STRATEGIES = [
  { id: 'random', label: 'Random', help: 'Every unreviewed contact is equally likely.' },
  {
    id: 'stratified',
    label: 'Stratified',
    help: 'Picks in proportion to each channel and topic, so every kind of contact is heard.',
  },
  {
    id: 'risk',
    label: 'Risk-weighted',
    help: 'Low CSAT, complaints, escalations, long holds, negative sentiment and repeat contacts are drawn more often; calm contacts can still be drawn.',
  },
] as const;

/** "Dana Ruiz · Call · 12 Mar 2026, 14:05". */
export function pickLabel(item: Pick<ReviewQueueItem, 'agentName' | 'channel' | 'startedAt'>): string {
  return `${item.agentName} · ${channelLabel(item.channel as Channel)} · ${formatDateTime(item.startedAt)}`;
}

export function toStops(items: readonly ReviewQueueItem[]): QueueStop[] {
  return items.map((item) => ({
    interactionId: item.interactionId,
    label: pickLabel(item),
    reason: item.reason,
  }));
}

/** "3 of 4 this month", "no quota", with drafts when there are some. */
export function quotaText(agent: QuotaProgress, period: 'week' | 'month'): string {
  const when = period === 'week' ? 'this week' : 'this month';
  const done =
    agent.target > 0
      ? `${agent.submitted} of ${agent.target} ${when}`
      : `${agent.submitted} ${when}, no quota`;
  return agent.drafts > 0 ? `${done} · ${agent.drafts} draft${agent.drafts === 1 ? '' : 's'}` : done;
}

/** Share of the quota met, 0–1 (1 when there is no quota). */
export function quotaShare(agent: QuotaProgress): number {
  return agent.target > 0 ? Math.min(1, agent.submitted / agent.target) : 1;
}
