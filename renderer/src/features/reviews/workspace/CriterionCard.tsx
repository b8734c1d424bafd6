import { useState } from 'react';
import { ratingValues, type ReviewCriterion } from '../../../../../shared/reviews/form';
import type { ReviewHint } from '../../../../../shared/reviews/hints';
import { anchorOf, ratingKey, ratingLabel, type FlatCriterion } from './model';
import { useReviewSession } from './session';

interface CardProps {
  item: FlatCriterion;
  hints: ReviewHint[];
  editable: boolean;
}

export const criterionDomId = (index: number) => `rw-crit-${index}`;
export const commentDomId = (criterionId: string) => `rw-comment-${criterionId}`;

const SAVE_TEXT = { saving: 'Saving…', saved: 'Saved', failed: 'Not saved' } as const;

/** One criterion: its rating buttons, anchors, hints from the data and comment. */
export function CriterionCard({ item, hints, editable }: CardProps) {
  const { criterion, index } = item;
  const answer = useReviewSession((s) => s.answers[criterion.id]);
  const saveState = useReviewSession((s) => s.saveState[criterion.id]);
  const isCurrent = useReviewSession((s) => s.current === index);
  const setCurrent = useReviewSession((s) => s.setCurrent);
  const change = useReviewSession((s) => s.change);
  const [hovered, setHovered] = useState<number | 'na' | null>(null);
  const selected: number | 'na' | null = answer?.notApplicable ? 'na' : (answer?.rating ?? null);
  const shown = hovered ?? selected;
  const titleId = `${criterionDomId(index)}-title`;

  return (
    <div
      id={criterionDomId(index)}
      className={`rw-crit${isCurrent ? ' current' : ''}${selected === null ? ' open' : ''}`}
      role="group"
      aria-labelledby={titleId}
      aria-describedby={`${criterionDomId(index)}-state`}
      tabIndex={isCurrent ? 0 : -1}
      onFocus={() => !isCurrent && setCurrent(index)}
      onClick={() => !isCurrent && setCurrent(index)}
      data-criterion={criterion.id}
    >
      <div className="rw-crit-head">
        <span className="rw-crit-title" id={titleId}>
          {criterion.label}
          {criterion.critical && <span className="rw-critical">critical</span>}
        </span>
        <span className="rw-crit-state" id={`${criterionDomId(index)}-state`}>
          {stateText(criterion, selected)}
          {saveState && <span className={`rw-save ${saveState}`}> · {SAVE_TEXT[saveState]}</span>}
        </span>
      </div>
      {hints.length > 0 && (
        <ul className="rw-hints" aria-label="From the data">
          {hints.map((h) => (
            <li key={h.kind} className={`rw-hint ${h.tone}`}>
              {h.text}
            </li>
          ))}
        </ul>
      )}
      <RatingButtons
        criterion={criterion}
        selected={selected}
        tabbable={isCurrent}
        editable={editable}
        onHover={setHovered}
        onPick={(pick) => change(criterion.id, pick === 'na' ? { notApplicable: true } : { rating: pick })}
      />
      <Anchors criterion={criterion} shown={shown} full={isCurrent} />
      <CommentField
        criterionId={criterion.id}
        label={criterion.label}
        visible={isCurrent}
        editable={editable}
      />
    </div>
  );
}

type Pick = number | 'na';

interface RatingButtonsProps {
  criterion: ReviewCriterion;
  selected: Pick | null;
  /** Only the current criterion's buttons are Tab stops; J/K reach the others. */
  tabbable: boolean;
  editable: boolean;
  onHover(pick: Pick | null): void;
  onPick(pick: Pick): void;
}

/** The ratings of the scale and N/A where allowed; hovering or focusing one shows its anchor. */
function RatingButtons({ criterion, selected, tabbable, editable, onHover, onPick }: RatingButtonsProps) {
  const picks: Pick[] = [...ratingValues(criterion), ...(criterion.allowNa ? (['na'] as const) : [])];
  return (
    <div className="rw-ratings" role="group" aria-label={`Rate ${criterion.label}`}>
      {picks.map((pick) => (
        <button
          key={pick}
          type="button"
          tabIndex={tabbable ? 0 : -1}
          aria-pressed={selected === pick}
          disabled={!editable}
          title={
            anchorOf(criterion, pick) ?? (pick === 'na' ? 'Not applicable: leaves the score' : undefined)
          }
          onMouseEnter={() => onHover(pick)}
          onMouseLeave={() => onHover(null)}
          onFocus={() => onHover(pick)}
          onBlur={() => onHover(null)}
          onClick={() => onPick(pick)}
        >
          {pick === 'na' ? 'N/A' : ratingLabel(criterion, pick)}
          {pick === 'na' ? (
            <kbd aria-hidden="true">N</kbd>
          ) : (
            criterion.scale === 'yes_no_na' && <kbd aria-hidden="true">{ratingKey(pick)}</kbd>
          )}
        </button>
      ))}
    </div>
  );
}

function stateText(criterion: ReviewCriterion, selected: number | 'na' | null): string {
  if (selected === null) return 'Not rated';
  if (selected === 'na') return 'N/A';
  return criterion.scale === '1-5'
    ? `${selected} of 5`
    : criterion.scale === 'points'
      ? `${selected} points`
      : ratingLabel(criterion, selected);
}

/** The current criterion lists every anchor; the others show only what their rating means. */
function Anchors({
  criterion,
  shown,
  full,
}: {
  criterion: ReviewCriterion;
  shown: number | 'na' | null;
  full: boolean;
}) {
  const keys: Array<number | 'na'> = [
    ...ratingValues(criterion),
    ...(criterion.allowNa ? (['na'] as const) : []),
  ];
  if (!full) {
    const text = shown === null ? null : anchorOf(criterion, shown);
    return text ? <p className="rw-anchor-line">{text}</p> : null;
  }
  const listed = keys.filter((k) => anchorOf(criterion, k) !== null);
  if (listed.length === 0) return null;
  return (
    <dl className="rw-anchors" aria-label="What each rating means">
      {listed.map((k) => (
        <div key={k} className={k === shown ? 'shown' : undefined}>
          <dt>{k === 'na' ? 'N/A' : ratingLabel(criterion, k)}</dt>
          <dd>{anchorOf(criterion, k)}</dd>
        </div>
      ))}
    </dl>
  );
}

function CommentField(props: { criterionId: string; label: string; visible: boolean; editable: boolean }) {
  const { criterionId, label, visible, editable } = props;
  const saved = useReviewSession((s) => s.answers[criterionId]?.comment ?? '');
  const change = useReviewSession((s) => s.change);
  const [text, setText] = useState<string | null>(null);
  if (!visible) return saved ? <p className="rw-comment-read">“{saved}”</p> : null;
  const value = text ?? saved;
  return (
    <label className="rw-comment">
      <span>
        Comment <kbd aria-hidden="true">C</kbd>
      </span>
      <textarea
        id={commentDomId(criterionId)}
        rows={2}
        value={value}
        readOnly={!editable}
        aria-label={`Comment on ${label}`}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => {
          if (text !== null && text.trim() !== saved) change(criterionId, { comment: text });
          setText(null);
        }}
      />
    </label>
  );
}
