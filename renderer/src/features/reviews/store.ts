import { create } from 'zustand';

export const REVIEW_TABS = [
  { id: 'queue', label: 'Queue' },
  { id: 'workspace', label: 'Review' },
  { id: 'disputes', label: 'Disputes' },
  { id: 'report', label: 'QA report' },
  { id: 'forms', label: 'Forms' },
] as const;

export type ReviewTab = (typeof REVIEW_TABS)[number]['id'];

interface ReviewsNavState {
  tab: ReviewTab;
  /** The review open in the workspace, if any. */
  reviewId: string | null;
  showTab(tab: ReviewTab): void;
  openReview(reviewId: string): void;
}

/** Which part of the Reviews page is showing; other features open a review through `openReview`. */
export const useReviewsNav = create<ReviewsNavState>()((set) => ({
  tab: 'queue',
  reviewId: null,
  showTab: (tab) => set({ tab }),
  openReview: (reviewId) => set({ tab: 'workspace', reviewId }),
}));
