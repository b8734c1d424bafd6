import { describe, expect, it } from 'vitest';
import { resolutionRating } from './ResolveDisputeDialog';

describe('what a resolution sends', () => {
  const proposed = { proposedRating: 3, proposedNotApplicable: false };
  const none = { proposedRating: null, proposedNotApplicable: false };

  it('keeps, or accepts a named proposal, with no rating of its own', () => {
    expect(resolutionRating('kept', proposed, { kind: 'rating', rating: 4 })).toEqual({});
    expect(resolutionRating('accepted', proposed, { kind: 'none' })).toEqual({});
  });

  it('asks for the rating when the agent named none, or when setting another', () => {
    expect(resolutionRating('accepted', none, { kind: 'none' })).toMatch(/named no rating/);
    expect(resolutionRating('changed', proposed, { kind: 'none' })).toBe('Choose the new rating.');
    expect(resolutionRating('changed', proposed, { kind: 'na' })).toEqual({ notApplicable: true });
    expect(resolutionRating('accepted', none, { kind: 'rating', rating: 2 })).toEqual({ rating: 2 });
  });
});
