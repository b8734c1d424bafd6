import { z } from 'zod';
import type { CalibrationStats, CalibrationHistory } from '../../calibration/types';
import type { CriterionScale } from '../../reviews/form';
import type { SavedReviewForm } from './reviews';
import type { ReviewDetail } from './reviewLifecycle';
import { method } from '../define';

export type CalibrationState = 'draft' | 'scoring' | 'revealed' | 'closed';
export const CALIBRATION_STATES = ['draft', 'scoring', 'revealed', 'closed'] as const;

/** Most interactions a session holds: every evaluator scores each one. */
export const MAX_SESSION_INTERACTIONS = 10;
export const MAX_SESSION_EVALUATORS = 20;

export interface CalibrationEvaluatorProgress {
  name: string;
  isExpert: boolean;
  /** Interactions this evaluator submitted; drafts are started but not submitted. */
  submitted: number;
  drafts: number;
  /** Whether the answers came from an imported answers file rather than this data file. */
  fromFile: boolean;
}

export interface CalibrationSessionSummary {
  id: string;
  name: string;
  state: CalibrationState;
  formId: string;
  formName: string;
  formVersionId: string;
  formVersion: number;
  interactionCount: number;
  evaluators: CalibrationEvaluatorProgress[];
  expert: string | null;
  createdBy: string;
  createdAt: string;
  scoringAt: string | null;
  revealedAt: string | null;
  closedAt: string | null;
}

export interface CalibrationInteractionRow {
  interactionId: number;
  agentName: string | null;
  teamName: string | null;
  channel: string;
  startedAt: string;
  topic: string | null;
  subject: string | null;
}

export interface CalibrationAnswerImport {
  evaluator: string;
  reviews: number;
  exportedAt: string;
  importedAt: string;
  importedBy: string;
  contentHash: string;
}

export interface CalibrationSessionDetail extends CalibrationSessionSummary {
  interactions: CalibrationInteractionRow[];
  /** The profile using this copy, and its own calibration reviews here (the only ones it may open before the reveal). */
  me: {
    name: string | null;
    isEvaluator: boolean;
    reviews: Array<{ interactionId: number; reviewId: string; status: 'draft' | 'submitted' }>;
  };
  imports: CalibrationAnswerImport[];
}

/** One evaluator's answer to one criterion of one interaction, shown after the reveal. */
export interface RevealRating {
  evaluator: string;
  /** False when the evaluator submitted no review of this interaction. */
  answered: boolean;
  rating: number | null;
  notApplicable: boolean;
  comment: string | null;
}

export interface AgreedAnswer {
  rating: number | null;
  notApplicable: boolean;
  note: string | null;
  decidedBy: string;
  decidedAt: string;
  /** The form version the note went into as a behaviour anchor, once it did. */
  anchorFormVersionId: string | null;
  anchorFormVersion: number | null;
}

export interface RevealCell {
  interactionId: number;
  ratings: RevealRating[];
  /** Answers given (ratings and N/A); the spread and agreement are over these. */
  answers: number;
  /** Highest minus lowest rating, in the scale's own units; null with fewer than two ratings. */
  spread: number | null;
  /** Evaluators who gave the most common answer (N/A counts as an answer). */
  modalCount: number;
  /** 1 − modalCount ÷ answers: 0 when everyone agrees. */
  disagreement: number;
  /** The expert's answer, else the most common rating; null when there is none (or a tie). */
  consensus: { rating: number | null; notApplicable: boolean; source: 'expert' | 'mode' } | null;
  /** Several ratings share the top count, so the mode names no single answer. */
  tie: boolean;
  agreed: AgreedAnswer | null;
}

export interface RevealCriterion {
  criterionId: string;
  label: string;
  sectionLabel: string;
  scale: CriterionScale;
  maxPoints: number | null;
  allowNa: boolean;
  anchors: Record<string, string>;
  /** Mean disagreement over the interactions with two or more answers: the sort key, highest first. */
  disagreement: number;
  cells: RevealCell[];
}

export interface CalibrationReveal {
  session: CalibrationSessionSummary;
  interactions: CalibrationInteractionRow[];
  /** Criteria with the most disagreement first. */
  criteria: RevealCriterion[];
  /** The version's form id and the latest version, where a note can go as a new anchor. */
  latestFormVersion: number;
}

export interface CalibrationSessionList {
  sessions: CalibrationSessionSummary[];
  /** The profile name: evaluators see which sessions wait for them. */
  me: string | null;
}

const id = z.string().min(1).max(100);
const name = z.string().trim().min(1, 'give the session a name').max(200);
const evaluatorName = z.string().trim().min(1, 'an evaluator needs a name').max(100);
const interactionIds = z
  .array(z.number().int().positive())
  .min(1, 'choose at least one interaction')
  .max(MAX_SESSION_INTERACTIONS, `a session holds at most ${MAX_SESSION_INTERACTIONS} interactions`);
const evaluators = z
  .array(evaluatorName)
  .max(MAX_SESSION_EVALUATORS, `a session has at most ${MAX_SESSION_EVALUATORS} evaluators`);
const filePath = z.string().min(1).max(4096);
const note = z.string().max(4000).nullable().optional();

export const calibrationContract = {
  listCalibrationSessions: method<CalibrationSessionList>()(
    z.object({ states: z.array(z.enum(CALIBRATION_STATES)).max(4).optional() }).strict(),
  ),
  getCalibrationSession: method<CalibrationSessionDetail>()(z.object({ sessionId: id }).strict()),
  /** A draft on the given form version, else the latest version of the active form. */
  createCalibrationSession: method<CalibrationSessionDetail>()(
    z
      .object({
        name,
        formVersionId: id.optional(),
        interactionIds,
        evaluators,
        expert: evaluatorName.nullable().optional(),
      })
      .strict(),
  ),
  /** Drafts change freely; while scoring only the name, the expert and added evaluators. */
  updateCalibrationSession: method<CalibrationSessionDetail>()(
    z
      .object({
        sessionId: id,
        name: name.optional(),
        interactionIds: interactionIds.optional(),
        evaluators: evaluators.optional(),
        expert: evaluatorName.nullable().optional(),
      })
      .strict(),
  ),
  /** Only drafts: nobody has scored them yet. */
  deleteCalibrationSession: method<{ deleted: true }>()(z.object({ sessionId: id }).strict()),
  /** draft → scoring → revealed → closed, one step at a time. */
  setCalibrationSessionState: method<CalibrationSessionDetail>()(
    z.object({ sessionId: id, state: z.enum(['scoring', 'revealed', 'closed']) }).strict(),
  ),
  /** Starts (or resumes) the profile's own blind calibration review of one of the session's interactions. */
  startCalibrationReview: method<ReviewDetail>()(
    z.object({ sessionId: id, interactionId: z.number().int().positive() }).strict(),
  ),
  /** Refused before the reveal: nobody sees another evaluator's answers while scoring. */
  getCalibrationReveal: method<CalibrationReveal>()(z.object({ sessionId: id }).strict()),
  recordCalibrationAgreement: method<CalibrationReveal>()(
    z
      .object({
        sessionId: id,
        interactionId: z.number().int().positive(),
        criterionId: id,
        rating: z.number().finite().nullable().optional(),
        notApplicable: z.boolean().optional(),
        note,
      })
      .strict()
      .refine((v) => (v.notApplicable === true) !== (v.rating !== undefined && v.rating !== null), {
        message: 'give the agreed rating or N/A (one of them)',
      }),
  ),
  /**
   * Writes an agreed answer's note into the form's behaviour anchor for that rating, through the
   * versioned form save (a used version is never changed: this makes the next version).
   */
  applyCalibrationNoteToForm: method<SavedReviewForm>()(
    z
      .object({
        sessionId: id,
        interactionId: z.number().int().positive(),
        criterionId: id,
        anchorText: z.string().trim().min(1, 'the anchor needs some text').max(2000),
      })
      .strict(),
  ),
  getCalibrationStats: method<CalibrationStats>()(z.object({ sessionId: id }).strict()),
  /** Revealed and closed sessions of one form, oldest first; default: the form of the newest session. */
  getCalibrationHistory: method<CalibrationHistory>()(z.object({ formId: id.optional() }).strict()),
  exportCalibrationReport: method<{ fileName: string; text: string }>()(
    z.object({ sessionId: id, format: z.enum(['csv', 'json']) }).strict(),
  ),
  /** The packet an evaluator on another machine opens: form version, interactions' facts, session id. */
  exportCalibrationPacket: method<{ fileName: string; json: string }>()(z.object({ sessionId: id }).strict()),
  /** Reads an answers file the user chose; importing it again, or in any order, changes nothing more. */
  importCalibrationAnswers: method<CalibrationAnswersImported>()(z.object({ path: filePath }).strict()),
};

export interface CalibrationAnswersImported {
  sessionId: string;
  sessionName: string;
  evaluator: string;
  /** Reviews the file added; `unchanged` were already here with the same answers. */
  added: number;
  unchanged: number;
  /** True when this exact file was imported before: nothing changed. */
  alreadyImported: boolean;
  session: CalibrationSessionDetail;
}
