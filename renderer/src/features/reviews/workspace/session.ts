import { create } from 'zustand';
import type {
  AnswerChange,
  ReviewAnswerRecord,
  ReviewDetail,
  SavedReviewAnswer,
} from '../../../../../shared/ipc/contracts/reviewLifecycle';
import { call } from '../../../lib/api';
import { amendmentChanges, applyLocal, byCriterion, firstOpen, flattenCriteria } from './model';

export type SaveState = 'saving' | 'saved' | 'failed';
type Change = Omit<AnswerChange, 'criterionId'>;

/**
 * Where a review's changes go. A review of this data file goes through the review calls; a
 * calibration packet opened in an evaluator's own copy keeps its answers with the packet, so its
 * screen loads the workspace with a port of its own and everything else stays the same.
 */
export interface ReviewPort {
  saveAnswer(review: ReviewDetail, criterionId: string, change: Change): Promise<SavedReviewAnswer>;
  submit(review: ReviewDetail): Promise<ReviewDetail>;
  setComment(review: ReviewDetail, comment: string | null): Promise<ReviewDetail>;
}

export const reviewPort: ReviewPort = {
  saveAnswer: (review, criterionId, change) =>
    call('saveReviewAnswer', { reviewId: review.id, criterionId, ...change }),
  submit: (review) => call('submitReview', { reviewId: review.id }),
  setComment: (review, comment) => call('setReviewComment', { reviewId: review.id, comment }),
};

interface SessionState {
  review: ReviewDetail | null;
  port: ReviewPort;
  /** What the form shows: acknowledged answers plus changes still on their way to disk. */
  answers: Record<string, ReviewAnswerRecord>;
  /** What the backend acknowledged (on disk). */
  saved: Record<string, ReviewAnswerRecord>;
  saveState: Record<string, SaveState>;
  /** The last refusal or failure, as a sentence. */
  notice: string | null;
  current: number;
  /** Editing a submitted review: changes stay local until amendReview with a reason. */
  amending: boolean;
  busy: boolean;
  /** Opens a review; the port says where its changes go (default: this data file's reviews). */
  load(review: ReviewDetail, port?: ReviewPort): void;
  clear(): void;
  setCurrent(index: number): void;
  move(by: 1 | -1): void;
  change(criterionId: string, change: Change): void;
  setNotice(notice: string | null): void;
  /** Resolves true once the review is submitted (and on disk). */
  submit(): Promise<boolean>;
  startAmend(): void;
  cancelAmend(): void;
  /** Resolves with an error sentence, or null once the amendment is stored. */
  amend(reason: string): Promise<string | null>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Saves go out one at a time in the order they were made, so the last key pressed is the last
 * write; `latest` tells whether an answer is still the newest change to its criterion.
 */
let chain: Promise<unknown> = Promise.resolve();
const latest = new Map<string, number>();
let sequence = 0;

/** The review open in the workspace and its save state. */
export const useReviewSession = create<SessionState>()((set, get) => ({
  review: null,
  port: reviewPort,
  answers: {},
  saved: {},
  saveState: {},
  notice: null,
  current: 0,
  amending: false,
  busy: false,
  load: (review, port) => {
    latest.clear();
    const answers = byCriterion(review.answers);
    const flat = flattenCriteria(review.definition);
    const keep = get().review?.id === review.id;
    set({
      review,
      port: port ?? (keep ? get().port : reviewPort),
      answers,
      saved: answers,
      saveState: {},
      notice: null,
      amending: false,
      busy: false,
      current: keep ? Math.min(get().current, flat.length - 1) : firstOpen(flat, answers),
    });
  },
  clear: () => set({ review: null, answers: {}, saved: {}, saveState: {}, notice: null, amending: false }),
  setCurrent: (current) => set({ current }),
  move: (by) => {
    const review = get().review;
    if (!review) return;
    const count = flattenCriteria(review.definition).length;
    set({ current: Math.max(0, Math.min(count - 1, get().current + by)) });
  },
  setNotice: (notice) => set({ notice }),
  change: (criterionId, change) => {
    const { review, answers, amending } = get();
    if (!review) return;
    const next = applyLocal(answers[criterionId], criterionId, change);
    if (amending) {
      set({ answers: { ...answers, [criterionId]: next }, notice: null });
      return;
    }
    if (review.status !== 'draft') return;
    const seq = ++sequence;
    latest.set(criterionId, seq);
    set((s) => ({
      answers: { ...s.answers, [criterionId]: next },
      saveState: { ...s.saveState, [criterionId]: 'saving' },
      notice: null,
    }));
    chain = chain.then(() => saveOne(review, criterionId, change, seq));
  },
  submit: async () => {
    const review = get().review;
    if (!review || review.status !== 'draft' || get().busy) return false;
    set({ busy: true, notice: null });
    await chain;
    try {
      get().load(await get().port.submit(review));
      return true;
    } catch (error) {
      set({ busy: false, notice: message(error) });
      return false;
    }
  },
  startAmend: () => set({ amending: true, notice: null }),
  cancelAmend: () => set((s) => ({ amending: false, answers: s.saved, notice: null })),
  amend: (reason) => amendWith(reason),
}));

/** Sends the edited answers of a submitted review as one amendment with its reason. */
async function amendWith(reason: string): Promise<string | null> {
  const { review, saved, answers, load } = useReviewSession.getState();
  if (!review) return 'No review is open.';
  const changes = amendmentChanges(saved, answers);
  if (changes.length === 0) return 'Change at least one answer before saving the amendment.';
  useReviewSession.setState({ busy: true });
  try {
    load(await call('amendReview', { reviewId: review.id, changes, reason }));
    return null;
  } catch (error) {
    useReviewSession.setState({ busy: false });
    return message(error);
  }
}

async function saveOne(
  review: ReviewDetail,
  criterionId: string,
  change: Change,
  seq: number,
): Promise<void> {
  const reviewId = review.id;
  const isLatest = () =>
    latest.get(criterionId) === seq && useReviewSession.getState().review?.id === reviewId;
  try {
    const result = await useReviewSession.getState().port.saveAnswer(review, criterionId, change);
    if (useReviewSession.getState().review?.id !== reviewId) return;
    useReviewSession.setState((s) => ({
      saved: { ...s.saved, [criterionId]: result.answer },
      ...(isLatest()
        ? {
            answers: { ...s.answers, [criterionId]: result.answer },
            saveState: { ...s.saveState, [criterionId]: 'saved' as const },
          }
        : {}),
    }));
  } catch (error) {
    if (!isLatest()) return;
    // Honest state: the form goes back to what is on disk, and says why.
    useReviewSession.setState((s) => {
      const answers = { ...s.answers };
      const onDisk = s.saved[criterionId];
      if (onDisk) answers[criterionId] = onDisk;
      else delete answers[criterionId];
      return {
        answers,
        saveState: { ...s.saveState, [criterionId]: 'failed' as const },
        notice: `Not saved: ${message(error)} The form shows what is on disk.`,
      };
    });
  }
}
