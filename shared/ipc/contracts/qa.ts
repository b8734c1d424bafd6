import { z } from 'zod';
import type { CriterionValidityRow } from '../../reviews/validity';
import type { EvaluatorLeniencyRow } from '../../reviews/leniency';
import type { QaSummary } from '../../reviews/qaSummary';
import { SAMPLING_STRATEGIES, type SamplingPick, type SamplingStrategy } from '../../reviews/sampling';
import { reviewSettingsPatchSchema, type ReviewSettings } from '../../reviews/settings';
import { method } from '../define';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const id = z.string().min(1).max(100);

const range = {
  /** Inclusive local days (business time zone) of the review date. */
  from: day,
  to: day,
  teamId: id.optional(),
  agentId: id.optional(),
};
const ordered = (r: { from: string; to: string }) => r.from <= r.to;
const ORDERED = { message: 'from must not be after to', path: ['to'] };

export interface QaReport extends QaSummary {
  from: string;
  to: string;
  teamId: string | null;
  agentId: string | null;
  settings: Pick<ReviewSettings, 'minReviews' | 'passScore'>;
}

export interface CriterionValidityReport {
  from: string;
  to: string;
  /** Reviewed interactions the comparison rests on (submitted reviews that count in QA). */
  interactions: number;
  minReviews: number;
  criteria: CriterionValidityRow[];
}

export interface EvaluatorLeniencyReport {
  from: string;
  to: string;
  minReviews: number;
  evaluators: EvaluatorLeniencyRow[];
}

export interface ReviewQueueItem extends SamplingPick {
  agentId: string;
  agentName: string;
  teamName: string | null;
  channel: string;
  topic: string | null;
  subject: string | null;
  startedAt: string;
}

export interface QuotaProgress {
  agentId: string;
  agentName: string;
  teamId: string | null;
  teamName: string | null;
  /** Reviews wanted in the quota period. */
  target: number;
  /** Submitted reviews that count in QA, reviewed in the quota period. */
  submitted: number;
  /** Drafts of this agent's interactions still open. */
  drafts: number;
  remaining: number;
}

export interface ReviewQueue {
  strategy: SamplingStrategy;
  seed: number;
  /** Unreviewed interactions with an agent in the range: what the queue drew from. */
  candidates: number;
  items: ReviewQueueItem[];
  quota: {
    perAgent: number;
    period: 'week' | 'month';
    /** The quota period that contains the range's last day. */
    from: string;
    to: string;
    agents: QuotaProgress[];
  };
}

export const qaContract = {
  getReviewSettings: method<ReviewSettings>()(z.object({}).strict()),
  saveReviewSettings: method<ReviewSettings>()(reviewSettingsPatchSchema),
  /**
   * QA score per agent and team with n and a 95% interval, section and criterion averages, the
   * share of reviews with a failed critical criterion and a trend. Only submitted reviews that
   * count in QA (not calibration reviews).
   */
  getQaReport: method<QaReport>()(
    z
      .object({ ...range, granularity: z.enum(['week', 'month']).default('week') })
      .strict()
      .refine(ordered, ORDERED),
  ),
  /** Per criterion: CSAT-satisfied, FCR and repeat-contact rates of interactions that passed vs failed it. */
  getCriterionValidity: method<CriterionValidityReport>()(z.object(range).strict().refine(ordered, ORDERED)),
  /** Each evaluator's mean score against other evaluators' on the same agents and period. */
  getEvaluatorLeniency: method<EvaluatorLeniencyReport>()(
    z.object({ from: day, to: day, teamId: id.optional() }).strict().refine(ordered, ORDERED),
  ),
  /** Interactions proposed for review, each with the reason it was picked, and quota progress per agent. */
  getReviewQueue: method<ReviewQueue>()(
    z
      .object({
        from: day,
        to: day,
        teamId: id.optional(),
        strategy: z.enum(SAMPLING_STRATEGIES),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31 - 1),
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict()
      .refine(ordered, ORDERED),
  ),
};
