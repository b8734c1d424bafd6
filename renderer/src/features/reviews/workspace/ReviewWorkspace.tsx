import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { explainReviewScore } from '../../../../../shared/reviews/explain';
import type { ReviewContext, ReviewDetail } from '../../../../../shared/ipc/contracts/reviewLifecycle';
import { call } from '../../../lib/api';
import { useLoad } from '../../../lib/useLoad';
import { nextStop, useReviewsNav, type QueueStop } from '../store';
import { AmendBar } from './AmendBar';
import { FactsPanel } from './FactsPanel';
import { FormPanel } from './FormPanel';
import { NextPanel } from './NextPanel';
import { ScorePanel } from './ScorePanel';
import { useReviewSession } from './session';
import { focusCriterion, useWorkspaceKeys } from './useWorkspaceKeys';
import { KeyLegend, WorkspaceHeader } from './WorkspaceHeader';

/**
 * How the workspace fits a flow other than the queue (a calibration session, a packet): what comes
 * next, where the facts come from, whether a submitted review can be amended.
 */
export interface WorkspaceFlow {
  next: QueueStop | null;
  openNext(stop: QueueStop): void;
  done: { text: string; label: string; go(): void };
  /** The facts beside the form; default: the interaction in this data file. */
  context?: { key: string; load(): Promise<ReviewContext> };
  amend: boolean;
  /** Shown above the workspace, e.g. that calibration scoring is blind. */
  banner?: React.ReactNode;
}

/** What comes after a submitted review: the flow's next stop, else the queue's. */
function useNext(review: ReviewDetail, flow: WorkspaceFlow | undefined) {
  const queue = useReviewsNav((s) => s.queue);
  const beginReview = useReviewsNav((s) => s.beginReview);
  const flowOpen = flow?.openNext;
  const openNext = useCallback(
    (stop: QueueStop) => (flowOpen ? flowOpen(stop) : beginReview(stop.interactionId)),
    [flowOpen, beginReview],
  );
  return { next: flow ? flow.next : nextStop(queue, review.interactionId), openNext };
}

/** The facts beside the form: the flow's own source, else the interaction in this data file. */
function useFacts(review: ReviewDetail, flow: WorkspaceFlow | undefined) {
  return useLoad(
    flow?.context?.key ??
      (review.interactionId === null ? null : `ctx:${review.interactionId}:${review.formVersionId}`),
    () =>
      flow?.context
        ? flow.context.load()
        : call('getReviewContext', {
            interactionId: review.interactionId ?? 0,
            formVersionId: review.formVersionId,
            earlierLimit: 5,
          }),
  );
}

/** The open review: facts, form and live score side by side, driven by the keyboard. */
export function ReviewWorkspace({ review, flow }: { review: ReviewDetail; flow?: WorkspaceFlow }) {
  const answers = useReviewSession((s) => s.answers);
  const amending = useReviewSession((s) => s.amending);
  const notice = useReviewSession((s) => s.notice);
  const busy = useReviewSession((s) => s.busy);
  const submit = useReviewSession((s) => s.submit);
  const [justSubmitted, setJustSubmitted] = useState(false);
  const amendSave = useRef<(() => void) | null>(null);
  const draft = review.status === 'draft';
  const editable = draft || amending;
  const { next, openNext } = useNext(review, flow);
  const context = useFacts(review, flow);
  const settings = useLoad('review-settings', () => call('getReviewSettings', {}));
  const explanation = useMemo(
    () => explainReviewScore(review.definition, Object.values(answers)),
    [review.definition, answers],
  );

  // Keyboard first: the current criterion has the focus as soon as a draft opens.
  useEffect(() => {
    if (draft) focusCriterion(useReviewSession.getState().current);
  }, [review.id, draft]);

  const onSubmit = useCallback(() => {
    if (amending) return amendSave.current?.();
    if (!draft) {
      if (next) openNext(next);
      return;
    }
    void submit().then((ok) => setJustSubmitted(ok));
  }, [amending, draft, next, openNext, submit]);
  const onKeyDown = useWorkspaceKeys({ editable, onSubmit });

  return (
    <div className="rw-workspace" onKeyDown={onKeyDown}>
      {flow?.banner}
      <WorkspaceHeader review={review} />
      {!draft && !amending && (
        <NextPanel
          next={next}
          focus={justSubmitted}
          onOpen={openNext}
          {...(flow ? { done: flow.done } : {})}
        />
      )}
      <div className="rw-bar">
        <KeyLegend mode={draft ? 'draft' : amending ? 'amend' : 'final'} />
        <span className="spacer" />
        {draft ? (
          <button type="button" className="primary" disabled={busy} onClick={onSubmit}>
            {busy ? 'Submitting…' : 'Submit'} <kbd>Ctrl+Enter</kbd>
          </button>
        ) : flow?.amend === false ? null : (
          <AmendBar saveRef={amendSave} />
        )}
      </div>
      {notice && (
        <p className="error rw-notice" role="alert">
          {notice}
        </p>
      )}
      <div className="rw-grid">
        {context.data ? (
          <FactsPanel context={context.data} />
        ) : (
          <p className={context.error ? 'error' : 'muted'}>
            {context.error ? `The interaction could not be loaded: ${context.error}` : 'Loading…'}
          </p>
        )}
        <FormPanel definition={review.definition} hints={context.data?.hints ?? []} editable={editable} />
        <ScorePanel explanation={explanation} passScore={settings.data?.passScore ?? null} />
      </div>
    </div>
  );
}
