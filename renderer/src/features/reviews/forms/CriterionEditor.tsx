import { useId } from 'react';
import { ratingValues, type CriterionScale, type ReviewCriterion } from '../../../../../shared/reviews/form';
import {
  changeScale,
  formatShare,
  moveCriterion,
  removeCriterion,
  updateCriterion,
  type CriterionAt,
} from '../../../../../shared/reviews/formEdit';
import { AnchorsEditor } from './AnchorsEditor';
import { useFormEditor, useShare } from './editorStore';
import { NumberField, TextField } from './fields';

const SCALES: Array<{ value: CriterionScale; label: string }> = [
  { value: 'yes_no_na', label: 'Yes / No' },
  { value: '1-5', label: '1 to 5' },
  { value: 'points', label: 'Points' },
];

interface CriterionEditorProps {
  at: CriterionAt;
  canMoveUp: boolean;
  canMoveDown: boolean;
  /** Opens the anchors of a criterion the lead just added. */
  isNew: boolean;
}

const keyOf = (at: CriterionAt, field?: string) =>
  ['sections', at.section, 'criteria', at.criterion, ...(field ? [field] : [])].join('.');

/** One criterion: what it is, how it is rated and weighed, and what each rating means. */
export function CriterionEditor({ at, canMoveUp, canMoveDown, isNew }: CriterionEditorProps) {
  const criterion = useFormEditor((s) => s.draft.sections[at.section]?.criteria[at.criterion]);
  const edit = useFormEditor((s) => s.edit);
  const share = useShare('criteria', criterion?.id ?? '');
  const shareId = useId();
  if (!criterion) return null;
  const change = (fn: (c: ReviewCriterion) => ReviewCriterion) => edit((f) => updateCriterion(f, at, fn));
  const name = criterion.label.trim() || 'New criterion';
  const focusKey = (what: string) => `${criterion.id}-${what}`;

  const move = (delta: -1 | 1) => {
    const result = moveCriterion(useFormEditor.getState().draft, at, delta);
    if (!result) return;
    const section = result.form.sections[result.at.section];
    const [toward, away] = delta < 0 ? ['up', 'down'] : ['down', 'up'];
    edit(() => result.form, {
      selector: focusKey(`move-${toward}`),
      fallback: focusKey(`move-${away}`),
      announce: `Moved "${name}" to position ${result.at.criterion + 1} of ${section?.criteria.length ?? 0} in ${section?.label.trim() || 'the section'}.`,
    });
  };
  const remove = () =>
    edit((f) => removeCriterion(f, at), {
      selector: `section-${at.section}-add`,
      announce: `Removed "${name}".`,
    });

  return (
    <li className="fe-criterion">
      <fieldset>
        <legend>
          Criterion {at.criterion + 1}: {name}
        </legend>
        <div className="fe-row">
          <TextField
            className="fe-grow"
            label="Label"
            errorKey={keyOf(at, 'label')}
            focusKey={focusKey('label')}
            value={criterion.label}
            onChange={(label) => change((c) => ({ ...c, label }))}
          />
          <ScaleFields at={at} criterion={criterion} onChange={change} />
          <div className="fe-weight">
            <NumberField
              label="Weight"
              errorKey={keyOf(at, 'weight')}
              hintId={shareId}
              value={criterion.weight}
              onChange={(weight) => change((c) => ({ ...c, weight }))}
            />
            <span id={shareId} className="fe-share" data-testid="criterion-share">
              {formatShare(share)}
            </span>
          </div>
        </div>
        <TextField
          label="Description"
          multiline
          errorKey={keyOf(at, 'description')}
          value={criterion.description ?? ''}
          onChange={(description) => change((c) => ({ ...c, description }))}
        />
        <CriterionOptions at={at} criterion={criterion} onChange={change} />
        <AnchorsEditor criterion={criterion} open={isNew} onChange={change} />
        <ItemActions
          name={name}
          focusKey={focusKey}
          canMoveUp={canMoveUp}
          canMoveDown={canMoveDown}
          onMove={move}
          onRemove={remove}
        />
      </fieldset>
    </li>
  );
}

interface ItemActionsProps {
  name: string;
  focusKey(what: string): string;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
}

/** Move up / Move down / Remove; the names say which criterion, for screen readers. */
function ItemActions({ name, focusKey, canMoveUp, canMoveDown, onMove, onRemove }: ItemActionsProps) {
  return (
    <div className="fe-item-actions">
      <button
        type="button"
        className="secondary"
        data-focus={focusKey('move-up')}
        aria-label={`Move up: ${name}`}
        disabled={!canMoveUp}
        onClick={() => onMove(-1)}
      >
        Move up
      </button>
      <button
        type="button"
        className="secondary"
        data-focus={focusKey('move-down')}
        aria-label={`Move down: ${name}`}
        disabled={!canMoveDown}
        onClick={() => onMove(1)}
      >
        Move down
      </button>
      <button type="button" className="ghost danger" aria-label={`Remove: ${name}`} onClick={onRemove}>
        Remove
      </button>
    </div>
  );
}

interface PartProps {
  at: CriterionAt;
  criterion: ReviewCriterion;
  onChange(fn: (c: ReviewCriterion) => ReviewCriterion): void;
}

function ScaleFields({ at, criterion, onChange }: PartProps) {
  const id = useId();
  return (
    <>
      <div className="fe-field">
        <label htmlFor={id}>Scale</label>
        <select
          id={id}
          value={criterion.scale}
          onChange={(e) => onChange((c) => changeScale(c, e.target.value as CriterionScale))}
        >
          {SCALES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      {criterion.scale === 'points' && (
        <NumberField
          className="fe-narrow"
          label="Most points"
          errorKey={keyOf(at, 'maxPoints')}
          value={criterion.maxPoints}
          onChange={(maxPoints) => onChange((c) => ({ ...c, maxPoints }))}
        />
      )}
    </>
  );
}

function CriterionOptions({ at, criterion, onChange }: PartProps) {
  const passId = useId();
  const problem = useFormEditor((s) => (s.showErrors ? s.errors[keyOf(at, 'passMinimum')] : undefined));
  const values = ratingValues(criterion);
  const passMinimum = criterion.passMinimum ?? (criterion.scale === '1-5' ? 3 : 1);
  return (
    <div className="fe-options">
      <label className="fe-check">
        <input
          type="checkbox"
          checked={criterion.critical ?? false}
          onChange={(e) => onChange((c) => ({ ...c, critical: e.target.checked }))}
        />
        Critical: failing it fails the review
      </label>
      {criterion.critical && criterion.scale === 'yes_no_na' && (
        <span className="muted">Fails when rated No.</span>
      )}
      {criterion.critical && criterion.scale !== 'yes_no_na' && (
        <span className="fe-inline-field">
          <label htmlFor={passId}>Passes from</label>
          <select
            id={passId}
            value={String(passMinimum)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${passId}-error` : undefined}
            onChange={(e) => onChange((c) => ({ ...c, passMinimum: Number(e.target.value) }))}
          >
            {(values.includes(passMinimum) ? values : [...values, passMinimum]).map((v) => (
              <option key={v} value={v}>
                {criterion.scale === 'points' ? `${v} of ${criterion.maxPoints ?? 1} points` : `${v} of 5`}
              </option>
            ))}
          </select>
          {problem && (
            <span id={`${passId}-error`} className="field-error">
              {problem}
            </span>
          )}
        </span>
      )}
      <label className="fe-check">
        <input
          type="checkbox"
          checked={criterion.allowNa ?? false}
          onChange={(e) => onChange((c) => ({ ...c, allowNa: e.target.checked }))}
        />
        N/A allowed (drops out of the score)
      </label>
    </div>
  );
}
