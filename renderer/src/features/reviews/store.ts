import { create } from 'zustand';

export const REVIEW_TABS = [
  { id: 'queue', label: 'Queue' },
  { id: 'workspace', label: 'Review' },
  { id: 'disputes', label: 'Disputes' },
  { id: 'report', label: 'QA report' },
  { id: 'calibration', label: 'Calibration' },
  { id: 'forms', label: 'Forms' },
] as const;

export type ReviewTab = (typeof REVIEW_TABS)[number]['id'];

/** One proposed interaction as the workspace needs it to offer "next in queue". */
export interface QueueStop {
  interactionId: number;
  /** "Dana Ruiz · Call · 12 Mar 14:05": what the "Next: …" line shows. */
  label: string;
  reason: string;
}

interface ReviewsNavState {
  tab: ReviewTab;
  /** The review open in the workspace, if any. */
  reviewId: string | null;
  /**
   * An interaction whose review the workspace should start (or resume) when it can: the profile
   * name may still be missing, and starting writes a draft, so the workspace does it, not the caller.
   */
  startInteractionId: number | null;
  /** The queue's picks in order, as last shown: what "next in queue" walks through. */
  queue: QueueStop[];
  showTab(tab: ReviewTab): void;
  openReview(reviewId: string): void;
  /** Opens the workspace on a new or resumed review of this interaction. */
  beginReview(interactionId: number): void;
  setQueue(queue: QueueStop[]): void;
}

/** Which part of the Reviews page is showing; other features open a review through `openReview`. */
export const useReviewsNav = create<ReviewsNavState>()((set) => ({
  tab: 'queue',
  reviewId: null,
  startInteractionId: null,
  queue: [],
  showTab: (tab) => set({ tab }),
  openReview: (reviewId) => set({ tab: 'workspace', reviewId, startInteractionId: null }),
  beginReview: (interactionId) =>
    set({ tab: 'workspace', reviewId: null, startInteractionId: interactionId }),
  setQueue: (queue) => set({ queue }),
}));

/** The stop after `interactionId` in the queue; the first stop when it is not in the queue. */
export function nextStop(queue: readonly QueueStop[], interactionId: number | null): QueueStop | null {
  const index = interactionId === null ? -1 : queue.findIndex((s) => s.interactionId === interactionId);
  return queue[index + 1] ?? null;
}
