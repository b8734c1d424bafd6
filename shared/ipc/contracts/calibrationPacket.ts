import { z } from 'zod';
import type { ReviewFormDefinition } from '../../reviews/form';
import type { CalibrationInteractionRow } from './calibration';
import type { ReviewContext, ReviewDetail, SavedReviewAnswer } from './reviewLifecycle';
import { answerChangeSchema } from './reviewLifecycle';
import { method } from '../define';

/**
 * An evaluator's own copy of the app: calibration packets the lead exported, opened here, scored
 * blind and sent back as an answers file. The packet's interactions are not in this copy's data,
 * so its answers live with the packet, never among this copy's reviews or KPIs.
 */
export interface CalibrationPacketSummary {
  sessionId: string;
  name: string;
  formName: string;
  formVersion: number;
  interactionCount: number;
  /** The evaluators the lead listed: the answers file is accepted only from one of them. */
  evaluators: string[];
  exportedBy: string;
  exportedAt: string;
  openedAt: string;
  contentHash: string;
  /** The profile using this copy and how far it got. */
  me: { name: string | null; listed: boolean; submitted: number; drafts: number };
}

export interface CalibrationPacketInteraction extends CalibrationInteractionRow {
  /** The profile's own review of it. */
  status: 'none' | 'draft' | 'submitted';
  score: number | null;
}

export interface CalibrationPacketDetail extends CalibrationPacketSummary {
  definition: ReviewFormDefinition;
  interactions: CalibrationPacketInteraction[];
}

export interface CalibrationPacketOpened extends CalibrationPacketDetail {
  /** The same packet was opened here before: nothing changed. */
  alreadyOpen: boolean;
}

export interface CalibrationAnswersFile {
  fileName: string;
  json: string;
  /** Submitted reviews the file carries, out of the packet's interactions. */
  reviews: number;
  of: number;
}

const id = z.string().min(1).max(100);
const interactionId = z.number().int().positive();
const target = { sessionId: id, interactionId };

export const calibrationPacketContract = {
  /** Reads a packet file the user chose (File ▸ Open calibration packet, or the CLI). */
  openCalibrationPacket: method<CalibrationPacketOpened>()(
    z.object({ path: z.string().min(1).max(4096) }).strict(),
  ),
  listCalibrationPackets: method<CalibrationPacketSummary[]>()(z.object({}).strict()),
  getCalibrationPacket: method<CalibrationPacketDetail>()(z.object({ sessionId: id }).strict()),
  /** The profile's own review of a packet interaction, started as a draft if new. */
  startPacketReview: method<ReviewDetail>()(z.object(target).strict()),
  /** The interaction's facts as the packet carries them, with the hints the workspace shows. */
  getPacketReviewContext: method<ReviewContext>()(z.object(target).strict()),
  savePacketAnswer: method<SavedReviewAnswer>()(z.object({ ...target, change: answerChangeSchema }).strict()),
  setPacketReviewComment: method<ReviewDetail>()(
    z.object({ ...target, comment: z.string().max(4000).nullable() }).strict(),
  ),
  submitPacketReview: method<ReviewDetail>()(z.object(target).strict()),
  /** The profile's submitted answers as a file for the lead; drafts stay here. */
  exportCalibrationAnswers: method<CalibrationAnswersFile>()(z.object({ sessionId: id }).strict()),
};
