import { audited } from '../core/audit';
import { exportAnswers, importAnswers } from '../calibration/answersFile';
import { getCalibrationHistory } from '../calibration/history';
import { exportPacket } from '../calibration/packetExport';
import {
  getPacketReviewContext,
  savePacketAnswer,
  setPacketReviewComment,
  startPacketReview,
  submitPacketReview,
} from '../calibration/packetReviews';
import { listPackets, openPacket, packetDetail } from '../calibration/packetStore';
import { exportReport } from '../calibration/report';
import { applyNoteToForm, getReveal, recordAgreement } from '../calibration/reveal';
import { startCalibrationReview } from '../calibration/scoring';
import { listSessions, sessionDetail } from '../calibration/sessionRead';
import { createSession, deleteSession, setSessionState, updateSession } from '../calibration/sessionWrite';
import { getCalibrationStats } from '../calibration/stats';
import type { Handlers } from './types';

type CalibrationMethods =
  | 'listCalibrationSessions'
  | 'getCalibrationSession'
  | 'createCalibrationSession'
  | 'updateCalibrationSession'
  | 'deleteCalibrationSession'
  | 'setCalibrationSessionState'
  | 'startCalibrationReview'
  | 'getCalibrationReveal'
  | 'recordCalibrationAgreement'
  | 'applyCalibrationNoteToForm'
  | 'getCalibrationStats'
  | 'getCalibrationHistory'
  | 'exportCalibrationReport'
  | 'exportCalibrationPacket'
  | 'importCalibrationAnswers';

export const calibrationHandlers: Handlers<CalibrationMethods> = {
  listCalibrationSessions: ({ states }, ctx) => listSessions(ctx, states),
  getCalibrationSession: ({ sessionId }, ctx) => sessionDetail(ctx, sessionId),
  createCalibrationSession: audited('calibration', (input, ctx, audit) => createSession(ctx, input, audit)),
  updateCalibrationSession: audited('calibration', (input, ctx, audit) => updateSession(ctx, input, audit)),
  deleteCalibrationSession: audited('calibration', ({ sessionId }, ctx, audit) =>
    deleteSession(ctx, sessionId, audit),
  ),
  setCalibrationSessionState: audited('calibration', (input, ctx, audit) =>
    setSessionState(ctx, input, audit),
  ),
  // The review itself: audited as a review, like one started from the queue.
  startCalibrationReview: audited('review', (input, ctx, audit) => startCalibrationReview(ctx, input, audit)),
  getCalibrationReveal: ({ sessionId }, ctx) => getReveal(ctx, sessionId),
  recordCalibrationAgreement: audited('calibration', (input, ctx, audit) =>
    recordAgreement(ctx, input, audit),
  ),
  // A new form version: audited as a form change, like any save of the form editor.
  applyCalibrationNoteToForm: audited('review_form', (input, ctx, audit) =>
    applyNoteToForm(ctx, input, audit),
  ),
  getCalibrationStats: ({ sessionId }, ctx) => getCalibrationStats(ctx, sessionId),
  getCalibrationHistory: (input, ctx) => getCalibrationHistory(ctx, input),
  exportCalibrationReport: (input, ctx) => exportReport(ctx, input),
  exportCalibrationPacket: audited('calibration', ({ sessionId }, ctx, audit) =>
    exportPacket(ctx, sessionId, audit),
  ),
  importCalibrationAnswers: audited('review', (input, ctx, audit) => importAnswers(ctx, input, audit)),
};

type PacketMethods =
  | 'openCalibrationPacket'
  | 'listCalibrationPackets'
  | 'getCalibrationPacket'
  | 'startPacketReview'
  | 'getPacketReviewContext'
  | 'savePacketAnswer'
  | 'setPacketReviewComment'
  | 'submitPacketReview'
  | 'exportCalibrationAnswers';

export const calibrationPacketHandlers: Handlers<PacketMethods> = {
  openCalibrationPacket: audited('calibration', (input, ctx, audit) => openPacket(ctx, input, audit)),
  listCalibrationPackets: (_input, ctx) => listPackets(ctx),
  getCalibrationPacket: ({ sessionId }, ctx) => packetDetail(ctx, sessionId),
  startPacketReview: audited('calibration', (input, ctx, audit) => startPacketReview(ctx, input, audit)),
  getPacketReviewContext: (input, ctx) => getPacketReviewContext(ctx, input),
  savePacketAnswer: audited('calibration', (input, ctx, audit) => savePacketAnswer(ctx, input, audit)),
  setPacketReviewComment: audited('calibration', (input, ctx, audit) =>
    setPacketReviewComment(ctx, input, audit),
  ),
  submitPacketReview: audited('calibration', (input, ctx, audit) => submitPacketReview(ctx, input, audit)),
  exportCalibrationAnswers: audited('calibration', ({ sessionId }, ctx, audit) =>
    exportAnswers(ctx, sessionId, audit),
  ),
};
