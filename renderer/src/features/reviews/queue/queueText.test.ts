import { describe, expect, it } from 'vitest';
import type { QuotaProgress } from '../../../../../shared/ipc/contracts/qa';
import { nextStop, type QueueStop } from '../store';
import { quotaShare, quotaText } from './queueText';

const agent = (patch: Partial<QuotaProgress>): QuotaProgress => ({
  agentId: 'a',
  agentName: 'Ana',
  teamId: null,
  teamName: null,
  target: 4,
  submitted: 3,
  drafts: 0,
  remaining: 1,
  ...patch,
});

describe('quota progress', () => {
  it('says how far each agent is, in the quota period', () => {
    expect(quotaText(agent({}), 'month')).toBe('3 of 4 this month');
    expect(quotaText(agent({ drafts: 2 }), 'week')).toBe('3 of 4 this week · 2 drafts');
    expect(quotaText(agent({ target: 0, submitted: 1 }), 'month')).toBe('1 this month, no quota');
    expect(quotaShare(agent({}))).toBe(0.75);
    expect(quotaShare(agent({ submitted: 6 }))).toBe(1);
  });
});

describe('next in queue', () => {
  const stops: QueueStop[] = [1, 2, 3].map((id) => ({ interactionId: id, label: `#${id}`, reason: 'r' }));
  it('follows the current pick, starts at the top from elsewhere, and ends', () => {
    expect(nextStop(stops, 1)?.interactionId).toBe(2);
    expect(nextStop(stops, 99)?.interactionId).toBe(1);
    expect(nextStop(stops, null)?.interactionId).toBe(1);
    expect(nextStop(stops, 3)).toBeNull();
  });
});
