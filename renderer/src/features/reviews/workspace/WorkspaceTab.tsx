import { useEffect, useState } from 'react';
import { call } from '../../../lib/api';
import { nextStop, useReviewsNav } from '../store';
import { NextPanel } from './NextPanel';
import { ProfilePrompt } from './ProfilePrompt';
import { useProfile } from './profileStore';
import { ReviewWorkspace } from './ReviewWorkspace';
import { useReviewSession } from './session';
import './workspace.css';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The review workspace: starts or opens the review the queue, the drawer or another tab asked for. */
export function WorkspaceTab() {
  const reviewId = useReviewsNav((s) => s.reviewId);
  const startId = useReviewsNav((s) => s.startInteractionId);
  const showTab = useReviewsNav((s) => s.showTab);
  const name = useProfile((s) => s.name);
  return (
    <div className="rw-tab">
      <ProfilePrompt />
      {startId !== null ? (
        name ? (
          <Starter interactionId={startId} />
        ) : null
      ) : reviewId ? (
        <Opener reviewId={reviewId} />
      ) : (
        <div className="empty-state">
          <p>No review is open.</p>
          <button type="button" className="primary" onClick={() => showTab('queue')}>
            Pick one from the queue
          </button>
        </div>
      )}
    </div>
  );
}

/** Starts (or resumes) the evaluator's review of an interaction, then shows it. */
function Starter({ interactionId }: { interactionId: number }) {
  const openReview = useReviewsNav((s) => s.openReview);
  const queue = useReviewsNav((s) => s.queue);
  const load = useReviewSession((s) => s.load);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setError(null);
    call('startReview', { interactionId }).then(
      (detail) => {
        if (!live) return;
        load(detail);
        openReview(detail.id);
      },
      (e: unknown) => live && setError(message(e)),
    );
    return () => {
      live = false;
    };
  }, [interactionId, load, openReview]);
  if (!error) return <p className="muted">Loading…</p>;
  return (
    <>
      <p className="error" role="alert">
        The review could not start: {error}
      </p>
      <NextPanel next={nextStop(queue, interactionId)} focus />
    </>
  );
}

/** Loads a review by id unless the session already holds it. */
function Opener({ reviewId }: { reviewId: string }) {
  const review = useReviewSession((s) => s.review);
  const load = useReviewSession((s) => s.load);
  const [error, setError] = useState<string | null>(null);
  const held = review?.id === reviewId;
  useEffect(() => {
    if (held) return;
    let live = true;
    call('getReview', { reviewId }).then(
      (detail) => live && load(detail),
      (e: unknown) => live && setError(message(e)),
    );
    return () => {
      live = false;
    };
  }, [reviewId, held, load]);
  if (error) return <p className="error">The review could not be opened: {error}</p>;
  if (!review || !held) return <p className="muted">Loading…</p>;
  return <ReviewWorkspace key={review.id} review={review} />;
}
