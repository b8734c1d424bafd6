import { z } from 'zod';
import type { CriterionScale, ReviewFormDefinition } from '../../reviews/form';
import type { ReviewScoreExplanation } from '../../reviews/explain';
import type { ReviewHint } from '../../reviews/hints';
import type { InteractionDetail } from './interactions';
import { method } from '../define';

export type ReviewStatus = 'draft' | 'submitted';

export interface ReviewAnswerRecord {
  criterionId: string;
  /** Null while unanswered or when N/A. */
  rating: number | null;
  notApplicable: boolean;
  comment: string | null;
}

/** One logged change to a submitted review. */
export interface ReviewAmendmentView {
  id: string;
  amendedAt: string;
  actor: string;
  reason: string;
  /** Set when the amendment resolved an agent's dispute. */
  disputeId: string | null;
  scoreBefore: number | null;
  scoreAfter: number | null;
  failedCriticalBefore: boolean;
  failedCriticalAfter: boolean;
  /** Only the answers the amendment changed, before and after. */
  answersBefore: ReviewAnswerRecord[];
  answersAfter: ReviewAnswerRecord[];
}

export type DisputeStatus = 'open' | 'kept' | 'accepted' | 'changed';

export interface ReviewDisputeView {
  id: string;
  reviewId: string;
  criterionId: string;
  criterionLabel: string;
  /** How the criterion is rated on the review's form version, so ratings read "yes", "3 of 5"; null if it is gone. */
  criterionScale: CriterionScale | null;
  /** Only for a points scale. */
  criterionMaxPoints: number | null;
  agentId: string;
  agentName: string;
  agentReason: string;
  proposedRating: number | null;
  proposedNotApplicable: boolean;
  openedAt: string;
  openedBy: string;
  status: DisputeStatus;
  originalRating: number | null;
  originalNotApplicable: boolean;
  resolvedRating: number | null;
  resolvedNotApplicable: boolean | null;
  resolutionReason: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  /** The review's score now (after any amendment). */
  reviewScore: number | null;
  /**
   * The review's score before and after the amendment that resolved this dispute; null while it
   * is open or when the rating was kept (nothing changed).
   */
  scoreBefore: number | null;
  scoreAfter: number | null;
}

export interface ReviewDetail {
  id: string;
  status: ReviewStatus;
  formId: string;
  formName: string;
  formVersionId: string;
  formVersion: number;
  /** The version the review is scored on; later versions never change it. */
  definition: ReviewFormDefinition;
  agentId: string;
  agentName: string;
  teamId: string | null;
  teamName: string | null;
  interactionId: number | null;
  evaluator: string;
  /** Stored score: equal to `explanation.score` (recomputed on every write). */
  score: number | null;
  failedCritical: boolean;
  comment: string | null;
  calibrationGroup: string | null;
  /** Calibration reviews score the evaluators, not the agent: they stay out of QA results. */
  countsInQa: boolean;
  reviewedAt: string | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
  answers: ReviewAnswerRecord[];
  /** "Why this score": points per criterion and weight, what N/A removed, failed critical criteria. */
  explanation: ReviewScoreExplanation;
  amendments: ReviewAmendmentView[];
  disputes: ReviewDisputeView[];
}

/** What saving one answer returns, so the workspace updates the score without a second call. */
export interface SavedReviewAnswer {
  reviewId: string;
  answer: ReviewAnswerRecord;
  score: number | null;
  failedCritical: boolean;
  explanation: ReviewScoreExplanation;
}

export interface EarlierContact {
  id: number;
  startedAt: string;
  channel: string;
  agentName: string | null;
  topic: string | null;
  subject: string | null;
  resolved: boolean | null;
  csat: number | null;
  csatScale: number | null;
  isComplaint: boolean | null;
}

export interface ReviewContext {
  interaction: InteractionDetail;
  /** The same customer's contacts before this one, newest first. */
  earlierContacts: EarlierContact[];
  /** Facts from the data beside the criteria they concern; never a rating. */
  hints: ReviewHint[];
  /** The form version the hints were matched against. */
  formVersionId: string | null;
}

export interface ReviewListRow {
  id: string;
  status: ReviewStatus;
  agentId: string;
  agentName: string;
  teamName: string | null;
  evaluator: string;
  interactionId: number | null;
  score: number | null;
  failedCritical: boolean;
  countsInQa: boolean;
  calibrationGroup: string | null;
  reviewedAt: string | null;
  createdAt: string;
  openDisputes: number;
  amendments: number;
}

export interface ReviewListPage {
  rows: ReviewListRow[];
  total: number;
  offset: number;
}

const id = z.string().min(1).max(100);
const reason = z.string().trim().min(1, 'give a reason').max(4000);

/**
 * A change to one answer: a rating from the criterion's scale, or N/A, and optionally a comment.
 * `rating: null` clears the rating; the scale itself is checked in the backend, where the form is.
 */
const answerChangeFields = {
  criterionId: id,
  rating: z.number().finite().nullable().optional(),
  notApplicable: z.boolean().optional(),
  comment: z.string().max(4000).nullable().optional(),
};
const notBoth = (a: { rating?: number | null; notApplicable?: boolean }) =>
  !(a.notApplicable === true && a.rating !== undefined && a.rating !== null);
const NOT_BOTH = { message: 'give a rating or N/A, not both' };

export const answerChangeSchema = z.object(answerChangeFields).strict().refine(notBoth, NOT_BOTH);
export type AnswerChange = z.infer<typeof answerChangeSchema>;

export const reviewLifecycleContract = {
  /** A draft on the given version, else the latest version of the active form; resumes one's own draft. */
  startReview: method<ReviewDetail>()(
    z.object({ interactionId: z.number().int().positive(), formVersionId: id.optional() }).strict(),
  ),
  getReview: method<ReviewDetail>()(z.object({ reviewId: id }).strict()),
  /** Drafts only; a submitted review changes through amendReview. */
  saveReviewAnswer: method<SavedReviewAnswer>()(
    z
      .object({ reviewId: id, ...answerChangeFields })
      .strict()
      .refine(notBoth, NOT_BOTH),
  ),
  setReviewComment: method<ReviewDetail>()(
    z.object({ reviewId: id, comment: z.string().max(4000).nullable() }).strict(),
  ),
  /** Refused while any criterion is unanswered. */
  submitReview: method<ReviewDetail>()(z.object({ reviewId: id }).strict()),
  /** Changes a submitted review's answers with a reason; the score history is kept. */
  amendReview: method<ReviewDetail>()(
    z.object({ reviewId: id, changes: z.array(answerChangeSchema).min(1).max(200), reason }).strict(),
  ),
  /** The interaction's facts for the workspace: fields, earlier contacts of the customer, hints. */
  getReviewContext: method<ReviewContext>()(
    z
      .object({
        interactionId: z.number().int().positive(),
        formVersionId: id.optional(),
        earlierLimit: z.number().int().min(0).max(50).default(5),
      })
      .strict(),
  ),
  /** Reviews newest first, filtered; drafts sort by their start. */
  listReviews: method<ReviewListPage>()(
    z
      .object({
        agentId: id.optional(),
        teamId: id.optional(),
        evaluator: z.string().min(1).max(200).optional(),
        status: z.enum(['draft', 'submitted']).optional(),
        since: z.string().datetime().optional(),
        until: z.string().datetime().optional(),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).max(10_000_000).default(0),
      })
      .strict(),
  ),
};
