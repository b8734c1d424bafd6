import { ratingValues, type ReviewCriterion } from '../../../../../shared/reviews/form';
import { ratingText } from './disputeFormat';

/** The rating a select stands for: a number, N/A, or nothing chosen. */
export type RatingChoice = { kind: 'none' } | { kind: 'na' } | { kind: 'rating'; rating: number };

export function choiceValue(choice: RatingChoice): string {
  return choice.kind === 'rating' ? String(choice.rating) : choice.kind;
}

export function parseChoice(value: string): RatingChoice {
  if (value === 'na') return { kind: 'na' };
  if (value === 'none' || value === '') return { kind: 'none' };
  return { kind: 'rating', rating: Number(value) };
}

/** The criterion's ratings with their anchors, and N/A where the form allows it. */
export function RatingSelect(props: {
  criterion: ReviewCriterion;
  label: string;
  value: RatingChoice;
  /** Text of the "nothing chosen" option, or null when a choice is required. */
  emptyLabel: string | null;
  exclude?: RatingChoice;
  onChange(choice: RatingChoice): void;
}) {
  const { criterion } = props;
  const scale = { scale: criterion.scale, maxPoints: criterion.maxPoints ?? null };
  const excluded = props.exclude ? choiceValue(props.exclude) : null;
  const anchor = (key: string) => (criterion.anchors[key] ? ` — ${criterion.anchors[key]}` : '');
  return (
    <label className="dispute-field">
      <span>{props.label}</span>
      <select value={choiceValue(props.value)} onChange={(e) => props.onChange(parseChoice(e.target.value))}>
        {props.emptyLabel !== null && <option value="none">{props.emptyLabel}</option>}
        {props.emptyLabel === null && props.value.kind === 'none' && (
          <option value="none" disabled>
            Choose a rating
          </option>
        )}
        {ratingValues(criterion)
          .filter((r) => String(r) !== excluded)
          .map((r) => (
            <option key={r} value={String(r)}>
              {ratingText(scale, r, false)}
              {anchor(String(r))}
            </option>
          ))}
        {criterion.allowNa && excluded !== 'na' && <option value="na">N/A{anchor('na')}</option>}
      </select>
    </label>
  );
}
