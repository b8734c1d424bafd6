import { useState } from 'react';
import type { ReviewFormDefinition } from '../../../../../shared/reviews/form';
import type { ReviewHint } from '../../../../../shared/reviews/hints';
import { CriterionCard } from './CriterionCard';
import { flattenCriteria } from './model';
import { useReviewSession } from './session';

interface FormPanelProps {
  definition: ReviewFormDefinition;
  hints: ReviewHint[];
  editable: boolean;
}

/** The form by section; the keyboard handling lives on the workspace around it. */
export function FormPanel({ definition, hints, editable }: FormPanelProps) {
  const flat = flattenCriteria(definition);
  return (
    <section className="rw-form" aria-label="Review form">
      {definition.sections.map((section) => (
        <section key={section.id} className="rw-section" aria-labelledby={`rw-sec-${section.id}`}>
          <h3 id={`rw-sec-${section.id}`}>{section.label}</h3>
          {flat
            .filter((f) => f.sectionId === section.id)
            .map((item) => (
              <CriterionCard
                key={item.criterion.id}
                item={item}
                editable={editable}
                hints={hints.filter((h) => h.criterionIds.includes(item.criterion.id))}
              />
            ))}
        </section>
      ))}
      <OverallComment editable={editable} />
    </section>
  );
}

/** The review's own comment, saved when the field loses focus (drafts only). */
function OverallComment({ editable }: { editable: boolean }) {
  const review = useReviewSession((s) => s.review);
  const setNotice = useReviewSession((s) => s.setNotice);
  const [text, setText] = useState<string | null>(null);
  const [state, setState] = useState<'saving' | 'saved' | null>(null);
  if (!review) return null;
  const saved = review.comment ?? '';
  const editing = editable && review.status === 'draft';
  const save = async () => {
    if (text === null || text.trim() === saved) return setText(null);
    setState('saving');
    try {
      const detail = await useReviewSession.getState().port.setComment(review, text.trim() || null);
      // Only the comment: a full reload would drop answers still on their way to disk.
      useReviewSession.setState((s) => ({ review: s.review && { ...s.review, comment: detail.comment } }));
      setState('saved');
    } catch (error) {
      setState(null);
      setNotice(
        `The overall comment was not saved: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    setText(null);
  };
  return (
    <label className="rw-overall">
      <span>
        Overall comment{' '}
        {state && <span className={`rw-save ${state}`}>{state === 'saving' ? 'Saving…' : 'Saved'}</span>}
      </span>
      <textarea
        rows={3}
        value={text ?? saved}
        readOnly={!editing}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => void save()}
      />
    </label>
  );
}
