import { useId } from 'react';
import type { ReviewCriterion } from '../../../../../shared/reviews/form';
import { anchorKeys, ratingLabel } from '../../../../../shared/reviews/formEdit';

interface AnchorsEditorProps {
  criterion: ReviewCriterion;
  open: boolean;
  onChange(fn: (c: ReviewCriterion) => ReviewCriterion): void;
}

/**
 * What each rating means, in behaviour an evaluator can recognise. Folded by default (the default
 * form has some seventy), open for a criterion the lead has just added.
 */
export function AnchorsEditor({ criterion, open, onChange }: AnchorsEditorProps) {
  const id = useId();
  const keys = anchorKeys(criterion);
  const written = keys.filter((k) => criterion.anchors[k]?.trim()).length;
  return (
    <details className="fe-anchors" open={open}>
      <summary>
        Behaviour anchors{' '}
        <span className={written < keys.length ? 'fe-anchor-count incomplete' : 'fe-anchor-count'}>
          ({written} of {keys.length} written)
        </span>
      </summary>
      <div className="fe-anchor-grid">
        {keys.map((key) => {
          const label = ratingLabel(criterion.scale, key);
          return (
            <div key={key} className="fe-anchor">
              <label htmlFor={`${id}-${key}`}>
                <span className="fe-sr-only">Anchor for </span>
                {label}
              </label>
              <textarea
                id={`${id}-${key}`}
                rows={2}
                value={criterion.anchors[key] ?? ''}
                onChange={(e) => {
                  const text = e.target.value;
                  onChange((c) => ({ ...c, anchors: { ...c.anchors, [key]: text } }));
                }}
              />
            </div>
          );
        })}
      </div>
    </details>
  );
}
