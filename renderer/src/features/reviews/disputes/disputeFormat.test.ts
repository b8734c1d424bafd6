import { describe, expect, it } from 'vitest';
import type { ReviewDisputeView } from '../../../../../shared/ipc/contracts/reviewLifecycle';
import { ageText, proposalText, ratingHistory, ratingText, scoreHistory } from './disputeFormat';

const dispute = (patch: Partial<ReviewDisputeView>): ReviewDisputeView => ({
  id: 'd1',
  reviewId: 'r1',
  criterionId: 'c1',
  criterionLabel: 'Explains clearly',
  criterionScale: '1-5',
  criterionMaxPoints: null,
  agentId: 'a1',
  agentName: 'Marta',
  agentReason: 'The customer asked for details.',
  proposedRating: null,
  proposedNotApplicable: false,
  openedAt: '2026-11-16T16:26:59.000Z',
  openedBy: 'Lead',
  status: 'open',
  originalRating: 2,
  originalNotApplicable: false,
  resolvedRating: null,
  resolvedNotApplicable: null,
  resolutionReason: null,
  resolvedAt: null,
  resolvedBy: null,
  reviewScore: 77.6,
  scoreBefore: null,
  scoreAfter: null,
  ...patch,
});

describe('dispute wording', () => {
  it('reads ratings on their scale', () => {
    expect(ratingText({ scale: 'yes_no_na', maxPoints: null }, 0, false)).toBe('no');
    expect(ratingText({ scale: 'yes_no_na', maxPoints: null }, 1, false)).toBe('yes');
    expect(ratingText({ scale: '1-5', maxPoints: null }, 3, false)).toBe('3 of 5');
    expect(ratingText({ scale: 'points', maxPoints: 2 }, 1, false)).toBe('1 of 2 points');
    expect(ratingText({ scale: 'points', maxPoints: 2 }, null, true)).toBe('N/A');
  });

  it('says when the agent named no rating', () => {
    expect(proposalText(dispute({}))).toBe('no rating named');
    expect(proposalText(dispute({ proposedRating: 3 }))).toBe('3 of 5');
  });

  it('gives the age in whole days', () => {
    const now = new Date('2026-11-24T10:00:00Z');
    expect(ageText('2026-11-24T08:00:00Z', now)).toBe('today');
    expect(ageText('2026-11-23T08:00:00Z', now)).toBe('1 day');
    expect(ageText('2026-11-16T16:26:59Z', now)).toBe('7 days');
  });

  it('shows the history before → after, and unchanged when kept', () => {
    const accepted = dispute({
      status: 'accepted',
      resolvedRating: 3,
      resolvedNotApplicable: false,
      reviewScore: 80,
      scoreBefore: 77.6,
      scoreAfter: 80,
    });
    expect(ratingHistory(accepted)).toBe('2 of 5 → 3 of 5');
    expect(scoreHistory(accepted)).toBe('77.6 → 80.0');
    const kept = dispute({
      status: 'kept',
      resolvedRating: 2,
      resolvedNotApplicable: false,
      reviewScore: 80,
    });
    expect(ratingHistory(kept)).toBe('2 of 5 (unchanged)');
    expect(scoreHistory(kept)).toBe('80.0 (unchanged)');
  });
});
