import { describe, expect, it } from 'vitest';
import { draftProblem } from './ReviewSettingsPanel';
import { qaGranularity } from './store';

describe('review settings draft', () => {
  const ok = { perAgent: '4', period: 'month' as const, minReviews: '5', passScore: '80' };
  it('accepts sensible values and explains the wrong ones in words', () => {
    expect(draftProblem(ok)).toBeNull();
    expect(draftProblem({ ...ok, perAgent: '2.5' })).toMatch(/whole number from 0 to 500/);
    expect(draftProblem({ ...ok, minReviews: '0' })).toMatch(/from 1 to 500/);
    expect(draftProblem({ ...ok, passScore: '120' })).toBe('The pass line is a score from 0 to 100.');
    expect(draftProblem({ ...ok, passScore: '' })).toBe('The pass line is a score from 0 to 100.');
  });
});

describe('QA trend granularity', () => {
  it('uses weeks up to a quarter and months beyond', () => {
    expect(qaGranularity({ from: '2026-10-01', to: '2026-12-31' })).toBe('week');
    expect(qaGranularity({ from: '2026-01-01', to: '2026-12-31' })).toBe('month');
  });
});
