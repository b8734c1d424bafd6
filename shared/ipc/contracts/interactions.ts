import { z } from 'zod';
import { CHANNELS, type Channel, type Team } from '../../domain/types';
import { method } from '../define';

/** Columns the table may sort by; the backend maps each to a fixed SQL expression (never user text). */
export const INTERACTION_SORT_COLUMNS = [
  'startedAt',
  'id',
  'channel',
  'agentName',
  'teamName',
  'topic',
  'status',
  'talkSeconds',
  'handleSeconds',
  'firstResponseSeconds',
  'resolutionSeconds',
  'csat',
  'nps',
] as const;
export type InteractionSortColumn = (typeof INTERACTION_SORT_COLUMNS)[number];

/** Largest page the backend serves; the table fetches smaller windows on demand. */
export const INTERACTION_PAGE_LIMIT = 500;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const id = z.string().min(1).max(100);

export const interactionFiltersSchema = z
  .object({
    agentIds: z.array(id).max(500).optional(),
    teamIds: z.array(id).max(200).optional(),
    channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).optional(),
    /** Inclusive local calendar days (the `day` column). */
    from: isoDate.optional(),
    to: isoDate.optional(),
    answered: z.boolean().optional(),
    abandoned: z.boolean().optional(),
    resolved: z.boolean().optional(),
    escalated: z.boolean().optional(),
    fcr: z.boolean().optional(),
    hasCsat: z.boolean().optional(),
    /** Substring of notes, customer comment, subject or topic; `%` and `_` match literally. */
    text: z.string().max(200).optional(),
  })
  .strict();
export type InteractionFilters = z.infer<typeof interactionFiltersSchema>;

export const interactionSortSchema = z
  .object({ column: z.enum(INTERACTION_SORT_COLUMNS), direction: z.enum(['asc', 'desc']) })
  .strict();
export type InteractionSort = z.infer<typeof interactionSortSchema>;

/** One table row: enough for the list, the rest comes from getInteraction. */
export interface InteractionRow {
  id: number;
  startedAt: string;
  day: string;
  channel: Channel;
  agentId: string | null;
  agentName: string | null;
  teamName: string | null;
  topic: string | null;
  subject: string | null;
  status: string | null;
  answered: boolean | null;
  abandoned: boolean | null;
  resolved: boolean | null;
  escalated: boolean | null;
  fcr: boolean | null;
  talkSeconds: number | null;
  holdSeconds: number | null;
  wrapSeconds: number | null;
  /** talk + hold + wrap of the parts present; null when none is. */
  handleSeconds: number | null;
  firstResponseSeconds: number | null;
  resolutionSeconds: number | null;
  csat: number | null;
  csatScale: number | null;
  nps: number | null;
}

export interface InteractionPage {
  rows: InteractionRow[];
  /** Rows matching the filters (same filters, any sort). */
  total: number;
  offset: number;
}

export interface InteractionReviewRef {
  id: string;
  evaluator: string;
  status: 'draft' | 'submitted';
  score: number | null;
  failedCritical: boolean;
  reviewedAt: string | null;
}

export interface InteractionDetail extends InteractionRow {
  source: string;
  externalId: string | null;
  teamId: string | null;
  customerId: string | null;
  customerName: string | null;
  customerRef: string | null;
  priority: string | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  resolutionBusinessSeconds: number | null;
  repeatContact: boolean | null;
  cesScore: number | null;
  cesScale: number | null;
  isComplaint: boolean | null;
  escalationLevel: string | null;
  complaintCategory: string | null;
  complaintDetails: string | null;
  crossSellEligible: boolean | null;
  crossSellOffered: boolean | null;
  crossSellConverted: boolean | null;
  customerComment: string | null;
  sentiment: -1 | 0 | 1 | null;
  notes: string | null;
  importBatchId: string | null;
  importFileName: string | null;
  createdAt: string;
  updatedAt: string;
  reviews: InteractionReviewRef[];
}

export interface InteractionFacets {
  agents: Array<{ id: string; name: string; teamId: string | null; active: boolean }>;
  teams: Team[];
  channels: Channel[];
  /** First and last `day` with data, or null when there are no interactions. */
  dayRange: { from: string; to: string } | null;
}

export const interactionsContract = {
  queryInteractions: method<InteractionPage>()(
    z
      .object({
        filters: interactionFiltersSchema.default({}),
        sort: interactionSortSchema.default({ column: 'startedAt', direction: 'desc' }),
        offset: z.number().int().min(0).max(100_000_000).default(0),
        limit: z.number().int().min(1).max(INTERACTION_PAGE_LIMIT).default(200),
      })
      .strict(),
  ),
  getInteraction: method<InteractionDetail>()(z.object({ id: z.number().int().positive() }).strict()),
  getInteractionFacets: method<InteractionFacets>()(z.object({}).strict()),
};
