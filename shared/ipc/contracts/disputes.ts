import { z } from 'zod';
import { method } from '../define';
import type { ReviewDisputeView } from './reviewLifecycle';

export const DISPUTE_OUTCOMES = ['kept', 'accepted', 'changed'] as const;
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];

const id = z.string().min(1).max(100);
const text = z.string().trim().min(1, 'give a reason').max(4000);

export const disputesContract = {
  /**
   * The lead records that the agent disputes one criterion of a submitted review, with the agent's
   * reason and, when they name one, the rating they ask for.
   */
  openDispute: method<ReviewDisputeView>()(
    z
      .object({
        reviewId: id,
        criterionId: id,
        agentReason: text,
        proposedRating: z.number().finite().nullable().optional(),
        proposedNotApplicable: z.boolean().optional(),
      })
      .strict()
      .refine(
        (d) =>
          !(d.proposedNotApplicable === true && d.proposedRating !== undefined && d.proposedRating !== null),
        {
          message: 'propose a rating or N/A, not both',
        },
      ),
  ),
  /**
   * Keeps the rating, accepts the agent's (proposed, else the given) rating, or sets another one;
   * always with a reason. A changed rating is an amendment of the review, so its score history stays.
   */
  resolveDispute: method<ReviewDisputeView>()(
    z
      .object({
        disputeId: id,
        outcome: z.enum(DISPUTE_OUTCOMES),
        rating: z.number().finite().optional(),
        notApplicable: z.boolean().optional(),
        reason: text,
      })
      .strict()
      .refine((d) => !(d.notApplicable === true && d.rating !== undefined), {
        message: 'give a rating or N/A, not both',
      }),
  ),
  /** Open disputes oldest first; without a status, open ones first, then the rest newest first. */
  listDisputes: method<ReviewDisputeView[]>()(
    z
      .object({
        status: z.enum(['open', 'kept', 'accepted', 'changed']).optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
  ),
};
