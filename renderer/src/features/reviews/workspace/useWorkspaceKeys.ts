import { useCallback, type KeyboardEvent } from 'react';
import { commentDomId, criterionDomId } from './CriterionCard';
import { flattenCriteria, keyAction } from './model';
import { useReviewSession } from './session';

const isTextField = (el: EventTarget | null) =>
  el instanceof HTMLElement &&
  (el instanceof HTMLTextAreaElement ||
    el instanceof HTMLSelectElement ||
    (el instanceof HTMLInputElement && el.type !== 'checkbox' && el.type !== 'radio') ||
    el.isContentEditable);

export const focusCriterion = (index: number) => document.getElementById(criterionDomId(index))?.focus();

/**
 * The workspace's keys: digits rate, N marks N/A, J/K and the up/down arrows move, C comments,
 * Escape leaves a comment, Ctrl+Enter submits (or, when amending, saves the amendment).
 */
export function useWorkspaceKeys(options: { editable: boolean; onSubmit(): void }) {
  const { editable, onSubmit } = options;
  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const session = useReviewSession.getState();
      const review = session.review;
      if (!review) return;
      const flat = flattenCriteria(review.definition);
      const item = flat[session.current];
      const inText = isTextField(event.target);
      if (event.key === 'Escape' && inText && event.target instanceof HTMLTextAreaElement) {
        if (!event.target.closest('.rw-crit')) return;
        event.preventDefault();
        event.target.blur();
        focusCriterion(session.current);
        return;
      }
      // Buttons keep Enter and Space; the form's own letters and digits still apply on them.
      const { key, ctrlKey, metaKey, altKey } = event;
      const action = keyAction({ key, ctrlKey, metaKey, altKey, inText }, item?.criterion);
      if (!action) return;
      event.preventDefault();
      switch (action.kind) {
        case 'submit':
          if (inText && event.target instanceof HTMLElement) event.target.blur();
          onSubmit();
          return;
        case 'move': {
          const next = Math.max(0, Math.min(flat.length - 1, session.current + action.by));
          session.setCurrent(next);
          focusCriterion(next);
          return;
        }
        case 'comment':
          document.getElementById(commentDomId(item?.criterion.id ?? ''))?.focus();
          return;
        case 'refused':
          session.setNotice(action.message);
          return;
        case 'rate':
        case 'na':
          if (!editable || !item) {
            session.setNotice('This review is submitted and final. Use Amend… to change it with a reason.');
            return;
          }
          session.change(
            item.criterion.id,
            action.kind === 'na' ? { notApplicable: true } : { rating: action.rating },
          );
      }
    },
    [editable, onSubmit],
  );
}
