import type { Channel } from '../../../../shared/domain/types';
import { useEffect, useMemo, useState } from 'react';
import type { CalibrationInteractionRow } from '../../../../shared/ipc/contracts/calibration';
import type { ReviewDetail } from '../../../../shared/ipc/contracts/reviewLifecycle';
import { notify } from '../../app/store';
import { call } from '../../lib/api';
import { useLoad } from '../../lib/useLoad';
import { channelLabel, formatDateTime } from '../interactions/format';
import type { QueueStop } from '../reviews/store';
import { ReviewWorkspace, type WorkspaceFlow } from '../reviews/workspace/ReviewWorkspace';
import { useReviewSession, type ReviewPort } from '../reviews/workspace/session';
import '../reviews/workspace/workspace.css';
import { scoreInteraction } from './ScoringPanel';
import { showCalibration, type CalibrationView } from './store';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

const stopOf = (i: CalibrationInteractionRow, total: number, index: number): QueueStop => ({
  interactionId: i.interactionId,
  label: `${i.agentName ?? '—'} · ${channelLabel(i.channel as Channel)} · ${formatDateTime(i.startedAt)}`,
  reason: `interaction ${index + 1} of ${total} in this session`,
});

/** The next interaction after `current` that is not submitted yet, wrapping round to the start. */
function nextOpen(
  interactions: CalibrationInteractionRow[],
  submitted: Set<number>,
  current: number | null,
): QueueStop | null {
  const at = interactions.findIndex((i) => i.interactionId === current);
  const order = [...interactions.slice(at + 1), ...interactions.slice(0, Math.max(0, at))];
  const next = order.find((i) => !submitted.has(i.interactionId));
  return next ? stopOf(next, interactions.length, interactions.indexOf(next)) : null;
}

function Banner({ title, text, back }: { title: string; text: string; back: CalibrationView }) {
  return (
    <div className="cal-banner" role="note">
      <button type="button" className="link" onClick={() => showCalibration(back)}>
        ‹ {title}
      </button>
      <span>{text}</span>
    </div>
  );
}

/** The profile's blind review of a session interaction, in the review workspace. */
export function SessionScoring({ sessionId, reviewId }: { sessionId: string; reviewId: string }) {
  const review = useReviewSession((s) => s.review);
  const load = useReviewSession((s) => s.load);
  const [error, setError] = useState<string | null>(null);
  const held = review?.id === reviewId;
  const detail = useLoad(`score-session:${sessionId}:${reviewId}:${review?.status ?? ''}`, () =>
    call('getCalibrationSession', { sessionId }),
  );
  useEffect(() => {
    if (held) return;
    call('getReview', { reviewId }).then(
      (r) => load(r),
      (e: unknown) => setError(message(e)),
    );
  }, [held, reviewId, load]);
  const flow = useMemo((): WorkspaceFlow | null => {
    const s = detail.data;
    if (!s) return null;
    const submitted = new Set(
      s.me.reviews.filter((r) => r.status === 'submitted').map((r) => r.interactionId),
    );
    if (review?.status === 'submitted' && review.interactionId !== null) submitted.add(review.interactionId);
    return {
      next: nextOpen(s.interactions, submitted, review?.interactionId ?? null),
      openNext: (stop) => void scoreInteraction(sessionId, stop.interactionId),
      done: {
        text: 'You have submitted every interaction of this session.',
        label: 'Back to the session',
        go: () => showCalibration({ kind: 'session', sessionId }),
      },
      amend: true,
      banner: (
        <Banner
          title={s.name}
          back={{ kind: 'session', sessionId }}
          text={`Calibration, blind: nobody sees your answers before the session is revealed. Scoring as ${review?.evaluator ?? ''}.`}
        />
      ),
    };
  }, [detail.data, review?.status, review?.interactionId, review?.evaluator, sessionId]);
  if (error) return <p className="error">The review could not be opened: {error}</p>;
  if (!review || !held || !flow) return <p className="muted">Loading…</p>;
  return <ReviewWorkspace key={review.id} review={review} flow={flow} />;
}

/** Packet answers stay with the packet in this copy: the workspace saves them through this port. */
const packetPort: ReviewPort = {
  saveAnswer: (review, criterionId, change) =>
    call('savePacketAnswer', {
      sessionId: review.calibrationGroup ?? '',
      interactionId: review.interactionId ?? 0,
      change: { criterionId, ...change },
    }),
  submit: (review) =>
    call('submitPacketReview', {
      sessionId: review.calibrationGroup ?? '',
      interactionId: review.interactionId ?? 0,
    }),
  setComment: (review, comment) =>
    call('setPacketReviewComment', {
      sessionId: review.calibrationGroup ?? '',
      interactionId: review.interactionId ?? 0,
      comment,
    }),
};

/** Resolves false (after saying why) when the review cannot start, e.g. the profile is not listed. */
export async function scorePacketInteraction(sessionId: string, interactionId: number): Promise<boolean> {
  try {
    const review: ReviewDetail = await call('startPacketReview', { sessionId, interactionId });
    useReviewSession.getState().load(review, packetPort);
    showCalibration({ kind: 'packetScore', sessionId, interactionId });
    return true;
  } catch (error) {
    notify(message(error), 'error');
    return false;
  }
}

/** Scoring a packet from another machine, blind, in this copy. */
export function PacketScoring({ sessionId, interactionId }: { sessionId: string; interactionId: number }) {
  const review = useReviewSession((s) => s.review);
  const held =
    review?.calibrationGroup === sessionId &&
    review.interactionId === interactionId &&
    review.id.startsWith('packet:');
  const packet = useLoad(`score-packet:${sessionId}:${interactionId}:${review?.status ?? ''}`, () =>
    call('getCalibrationPacket', { sessionId }),
  );
  useEffect(() => {
    if (held) return;
    void scorePacketInteraction(sessionId, interactionId).then(
      (ok) => ok || showCalibration({ kind: 'packet', sessionId }),
    );
  }, [held, sessionId, interactionId]);
  const flow = useMemo((): WorkspaceFlow | null => {
    const p = packet.data;
    if (!p) return null;
    const submitted = new Set(
      p.interactions.filter((i) => i.status === 'submitted').map((i) => i.interactionId),
    );
    if (review?.status === 'submitted') submitted.add(interactionId);
    return {
      next: nextOpen(p.interactions, submitted, interactionId),
      openNext: (stop) => void scorePacketInteraction(sessionId, stop.interactionId),
      done: {
        text: 'You have submitted every interaction of this packet: export your answers for the lead.',
        label: 'Back to the packet',
        go: () => showCalibration({ kind: 'packet', sessionId }),
      },
      context: {
        key: `packet-ctx:${sessionId}:${interactionId}`,
        load: () => call('getPacketReviewContext', { sessionId, interactionId }),
      },
      amend: false,
      banner: (
        <Banner
          title={p.name}
          back={{ kind: 'packet', sessionId }}
          text={`Calibration packet from ${p.exportedBy}, blind. Scoring as ${p.me.name ?? ''}; submitted reviews are final.`}
        />
      ),
    };
  }, [packet.data, review?.status, sessionId, interactionId]);
  if (packet.error) return <p className="error">The packet could not be opened: {packet.error}</p>;
  if (!review || !held || !flow) return <p className="muted">Loading…</p>;
  return <ReviewWorkspace key={review.id} review={review} flow={flow} />;
}
