import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReviewDetail, SavedReviewAnswer } from '../../../../../shared/ipc/contracts/reviewLifecycle';
import type { Result } from '../../../../../shared/ipc/result';
import { explainReviewScore } from '../../../../../shared/reviews/explain';
import { DEFAULT_REVIEW_FORM } from '../../../../../shared/reviews/form';
import { reviewPort, useReviewSession, type ReviewPort } from './session';

type Pending = {
  input: { criterionId: string; rating?: number | null };
  resolve(r: Result<SavedReviewAnswer>): void;
};

function draft(): ReviewDetail {
  return {
    id: 'rev-1',
    status: 'draft',
    formId: 'f',
    formName: 'Form',
    formVersionId: 'v',
    formVersion: 1,
    definition: DEFAULT_REVIEW_FORM,
    agentId: 'a',
    agentName: 'Ana',
    teamId: null,
    teamName: null,
    interactionId: 7,
    evaluator: 'Sam',
    score: null,
    failedCritical: false,
    comment: null,
    calibrationGroup: null,
    countsInQa: true,
    reviewedAt: null,
    submittedAt: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    answers: [],
    explanation: explainReviewScore(DEFAULT_REVIEW_FORM, []),
    amendments: [],
    disputes: [],
  };
}

const saved = (criterionId: string, rating: number): Result<SavedReviewAnswer> => ({
  ok: true,
  value: {
    reviewId: 'rev-1',
    answer: { criterionId, rating, notApplicable: false, comment: null },
    score: null,
    failedCritical: false,
    explanation: explainReviewScore(DEFAULT_REVIEW_FORM, []),
  },
});

/** Saves are answered by hand, so the test decides the order and outcome of each. */
let pending: Pending[] = [];
const flush = () => new Promise((r) => setTimeout(r, 0));
const criterion = DEFAULT_REVIEW_FORM.sections[0]?.criteria[1]?.id ?? '';

beforeEach(() => {
  pending = [];
  (globalThis as unknown as { window: unknown }).window = {
    scorecard: {
      saveReviewAnswer: (input: Pending['input']) =>
        new Promise<Result<SavedReviewAnswer>>((resolve) => pending.push({ input, resolve })),
    },
  };
  useReviewSession.getState().load(draft());
});
afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe('review session saves', () => {
  it('shows a rating at once, sends saves in order, and says Saved when the last is on disk', async () => {
    const { change } = useReviewSession.getState();
    change(criterion, { rating: 3 });
    change(criterion, { rating: 4 });
    expect(useReviewSession.getState().answers[criterion]?.rating).toBe(4);
    expect(useReviewSession.getState().saveState[criterion]).toBe('saving');
    await flush();
    expect(pending.map((p) => p.input.rating)).toEqual([3]);
    pending[0]?.resolve(saved(criterion, 3));
    await flush();
    // The first answer is on disk but the screen keeps the newer one still on its way.
    expect(useReviewSession.getState().answers[criterion]?.rating).toBe(4);
    expect(useReviewSession.getState().saveState[criterion]).toBe('saving');
    expect(pending.map((p) => p.input.rating)).toEqual([3, 4]);
    pending[1]?.resolve(saved(criterion, 4));
    await flush();
    expect(useReviewSession.getState().saveState[criterion]).toBe('saved');
    expect(useReviewSession.getState().saved[criterion]?.rating).toBe(4);
  });

  it('goes back to what is on disk and says why when a save fails', async () => {
    const { change } = useReviewSession.getState();
    change(criterion, { rating: 2 });
    await flush();
    pending[0]?.resolve(saved(criterion, 2));
    await flush();
    change(criterion, { rating: 5 });
    await flush();
    pending[1]?.resolve({
      ok: false,
      error: { code: 'conflict', message: 'This review was submitted and is final.' },
    });
    await flush();
    const state = useReviewSession.getState();
    expect(state.answers[criterion]?.rating).toBe(2);
    expect(state.saveState[criterion]).toBe('failed');
    expect(state.notice).toContain('This review was submitted and is final.');
  });

  it('changes nothing on disk while amending a submitted review', () => {
    useReviewSession.getState().load({ ...draft(), status: 'submitted' });
    useReviewSession.getState().startAmend();
    useReviewSession.getState().change(criterion, { rating: 1 });
    expect(useReviewSession.getState().answers[criterion]?.rating).toBe(1);
    expect(pending).toHaveLength(0);
    useReviewSession.getState().cancelAmend();
    expect(useReviewSession.getState().answers[criterion]).toBeUndefined();
  });
});

describe('review session ports', () => {
  it('sends changes and the submit of a review loaded with a port through that port, and keeps it on reload', async () => {
    const calls: string[] = [];
    const port: ReviewPort = {
      saveAnswer: async (review, criterionId, change) => {
        calls.push(`save ${review.id} ${criterionId} ${change.rating}`);
        return (saved(criterionId, change.rating ?? 0) as { value: SavedReviewAnswer }).value;
      },
      submit: async (review) => {
        calls.push(`submit ${review.id}`);
        return { ...review, status: 'submitted' };
      },
      setComment: async (review) => review,
    };
    useReviewSession.getState().load({ ...draft(), id: 'packet:s:7' }, port);
    useReviewSession.getState().change(criterion, { rating: 2 });
    expect(await useReviewSession.getState().submit()).toBe(true);
    expect(calls).toEqual([`save packet:s:7 ${criterion} 2`, 'submit packet:s:7']);
    expect(pending).toEqual([]);
    expect(useReviewSession.getState().port).toBe(port);
    // Another review without a port goes back to this data file's review calls.
    useReviewSession.getState().load(draft());
    expect(useReviewSession.getState().port).toBe(reviewPort);
  });
});
