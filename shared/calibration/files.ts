import { z } from 'zod';
import { CHANNELS } from '../domain/types';
import type { EarlierContact } from '../ipc/contracts/reviewLifecycle';
import type { InteractionDetail } from '../ipc/contracts/interactions';
import type { ReviewFormDefinition } from '../reviews/form';

/**
 * The two files that carry a calibration session between machines without a server:
 * - the packet (lead → evaluator): the session id and name, the listed evaluators, the form
 *   version, and the facts of each interaction as the workspace shows them;
 * - the answers file (evaluator → lead): one evaluator's submitted reviews of the packet.
 *
 * Each file carries `contentHash`: "sha256:" + the SHA-256 of the canonical JSON (keys sorted,
 * no whitespace) of the file without that field. A file changed after export no longer matches
 * and is refused. This catches damage and hand edits; it is not a signature (whoever edits the
 * file can recompute it), so the lead also checks everything the file claims against the session:
 * its id, form version (and the definition's own hash), evaluator list and interaction ids.
 */
export const PACKET_FORMAT = 'agent-scorecard/calibration-packet';
export const ANSWERS_FORMAT = 'agent-scorecard/calibration-answers';
export const CALIBRATION_FILE_VERSION = 1;
export const PACKET_EXTENSION = 'scpacket';
export const ANSWERS_EXTENSION = 'scanswers';

/** JSON with object keys sorted at every level and no whitespace: the text the hash is taken of. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The part of a file its hash covers: everything except the hash itself. */
export function hashedPart(file: object): Record<string, unknown> {
  const { contentHash: _omit, ...rest } = file as Record<string, unknown>;
  return rest;
}

const text = (max: number) => z.string().max(max);
const nullableText = (max = 20_000) => text(max).nullable();
const flag = z.boolean().nullable();
const num = z.number().finite().nullable();

const interactionSchema = z
  .object({
    id: z.number().int().positive(),
    startedAt: text(40),
    day: text(10),
    channel: z.enum(CHANNELS),
    agentId: nullableText(100),
    agentName: nullableText(200),
    teamName: nullableText(200),
    topic: nullableText(500),
    subject: nullableText(2000),
    status: nullableText(100),
    answered: flag,
    abandoned: flag,
    resolved: flag,
    escalated: flag,
    fcr: flag,
    talkSeconds: num,
    holdSeconds: num,
    wrapSeconds: num,
    handleSeconds: num,
    firstResponseSeconds: num,
    resolutionSeconds: num,
    csat: num,
    csatScale: num,
    nps: num,
    source: text(200),
    externalId: nullableText(200),
    teamId: nullableText(100),
    customerId: nullableText(100),
    customerName: nullableText(200),
    customerRef: nullableText(200),
    priority: nullableText(100),
    firstResponseAt: nullableText(40),
    resolvedAt: nullableText(40),
    resolutionBusinessSeconds: num,
    repeatContact: flag,
    cesScore: num,
    cesScale: num,
    isComplaint: flag,
    escalationLevel: nullableText(100),
    complaintCategory: nullableText(200),
    complaintDetails: nullableText(),
    crossSellEligible: flag,
    crossSellOffered: flag,
    crossSellConverted: flag,
    customerComment: nullableText(),
    sentiment: z.union([z.literal(-1), z.literal(0), z.literal(1)]).nullable(),
    notes: nullableText(),
    importBatchId: z.null(),
    importFileName: z.null(),
    createdAt: text(40),
    updatedAt: text(40),
    reviews: z.array(z.never()).max(0),
  })
  .strict();

const earlierSchema = z
  .object({
    id: z.number().int().positive(),
    startedAt: text(40),
    channel: text(20),
    agentName: nullableText(200),
    topic: nullableText(500),
    subject: nullableText(2000),
    resolved: flag,
    csat: num,
    csatScale: num,
    isComplaint: flag,
  })
  .strict();

const hashText = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'expected "sha256:" and 64 hex digits');

export const packetFileSchema = z
  .object({
    format: z.literal(PACKET_FORMAT),
    formatVersion: z.literal(CALIBRATION_FILE_VERSION),
    session: z
      .object({
        id: text(100).min(1),
        name: text(200).min(1),
        evaluators: z.array(text(100).min(1)).min(1).max(20),
        exportedBy: text(100),
        exportedAt: text(40),
      })
      .strict(),
    form: z
      .object({
        id: text(100).min(1),
        versionId: text(100).min(1),
        version: z.number().int().positive(),
        // Checked with the form schema by the backend, which says where a problem is.
        definition: z.unknown(),
      })
      .strict(),
    interactions: z
      .array(
        z
          .object({ interaction: interactionSchema, earlierContacts: z.array(earlierSchema).max(50) })
          .strict(),
      )
      .min(1)
      .max(10),
    contentHash: hashText,
  })
  .strict();

export type PacketFile = Omit<z.infer<typeof packetFileSchema>, 'form' | 'interactions'> & {
  form: { id: string; versionId: string; version: number; definition: ReviewFormDefinition };
  interactions: Array<{ interaction: InteractionDetail; earlierContacts: EarlierContact[] }>;
};

const answerSchema = z
  .object({
    criterionId: text(80).min(1),
    rating: z.number().finite().nullable(),
    notApplicable: z.boolean(),
    comment: nullableText(4000),
  })
  .strict();

export const answersFileSchema = z
  .object({
    format: z.literal(ANSWERS_FORMAT),
    formatVersion: z.literal(CALIBRATION_FILE_VERSION),
    sessionId: text(100).min(1),
    sessionName: text(200),
    formVersionId: text(100).min(1),
    formHash: hashText,
    packetHash: hashText,
    evaluator: text(100).min(1),
    exportedAt: text(40),
    reviews: z
      .array(
        z
          .object({
            interactionId: z.number().int().positive(),
            submittedAt: text(40),
            comment: nullableText(4000),
            answers: z.array(answerSchema).max(500),
          })
          .strict(),
      )
      .max(10),
    contentHash: hashText,
  })
  .strict();

export type AnswersFile = z.infer<typeof answersFileSchema>;
