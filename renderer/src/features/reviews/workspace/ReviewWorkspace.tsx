import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { explainReviewScore } from '../../../../../shared/reviews/explain';
import type { ReviewDetail } from '../../../../../shared/ipc/contracts/reviewLifecycle';
import { call } from '../../../lib/api';
import { useLoad } from '../../../lib/useLoad';
import { nextStop, useReviewsNav } from '../store';
import { AmendBar } from './AmendBar';
import { FactsPanel } from './FactsPanel';
import { FormPanel } from './FormPanel';
import { NextPanel } from './NextPanel';
import { ScorePanel } from './ScorePanel';
import { useReviewSession } from './session';
import { focusCriterion, useWorkspaceKeys } from './useWorkspaceKeys';
import { KeyLegend, WorkspaceHeader } from './WorkspaceHeader';

/** The open review: facts, form and live score side by side, driven by the keyboard. */
export function ReviewWorkspace({ review }: { review: ReviewDetail }) {
  const answers = useReviewSession((s) => s.answers);
  const amending = useReviewSession((s) => s.amending);
  const notice = useReviewSession((s) => s.notice);
  const busy = useReviewSession((s) => s.busy);
  const submit = useReviewSession((s) => s.submit);
  const queue = useReviewsNav((s) => s.queue);
  const beginReview = useReviewsNav((s) => s.beginReview);
  const [justSubmitted, setJustSubmitted] = useState(false);
  const amendSave = useRef<(() => void) | null>(null);
  const draft = review.status === 'draft';
  const editable = draft || amending;
  const next = nextStop(queue, review.interactionId);

  const context = useLoad(
    review.interactionId === null ? null : `ctx:${review.interactionId}:${review.formVersionId}`,
    () =>
      call('getReviewContext', {
        interactionId: review.interactionId ?? 0,
        formVersionId: review.formVersionId,
        earlierLimit: 5,
      }),
  );
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
      if (next) beginReview(next.interactionId);
      return;
    }
    void submit().then((ok) => setJustSubmitted(ok));
  }, [amending, draft, next, beginReview, submit]);
  const onKeyDown = useWorkspaceKeys({ editable, onSubmit });

  return (
    <div className="rw-workspace" onKeyDown={onKeyDown}>
      <WorkspaceHeader review={review} />
      {!draft && !amending && <NextPanel next={next} focus={justSubmitted} />}
      <div className="rw-bar">
        <KeyLegend mode={draft ? 'draft' : amending ? 'amend' : 'final'} />
        <span className="spacer" />
        {draft ? (
          <button type="button" className="primary" disabled={busy} onClick={onSubmit}>
            {busy ? 'Submitting…' : 'Submit'} <kbd>Ctrl+Enter</kbd>
          </button>
        ) : (
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
