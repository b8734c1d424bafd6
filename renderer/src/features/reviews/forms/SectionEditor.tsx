import { useShallow } from 'zustand/react/shallow';
import {
  addCriterion,
  formatShare,
  moveSection,
  removeSection,
  updateSection,
} from '../../../../../shared/reviews/formEdit';
import { CriterionEditor } from './CriterionEditor';
import { useFieldProblem, useFormEditor, useShare } from './editorStore';
import { TextField } from './fields';
import { randomPart } from './ids';

interface SectionEditorProps {
  index: number;
  sectionCount: number;
  /** Criteria added in this editing session, whose anchors start open. */
  added: ReadonlySet<string>;
  onAdded(id: string): void;
}

/** A section: its name and description, its criteria, and its place in the form. */
export function SectionEditor({ index, sectionCount, added, onAdded }: SectionEditorProps) {
  const sectionId = useFormEditor((s) => s.draft.sections[index]?.id ?? '');
  const label = useFormEditor((s) => s.draft.sections[index]?.label ?? '');
  const description = useFormEditor((s) => s.draft.sections[index]?.description ?? '');
  const criterionIds = useFormEditor(
    useShallow((s) => s.draft.sections[index]?.criteria.map((c) => c.id) ?? []),
  );
  const criteriaProblem = useFieldProblem(`sections.${index}.criteria`);
  const edit = useFormEditor((s) => s.edit);
  const name = label.trim() || `Section ${index + 1}`;
  const headingId = `section-${sectionId}-heading`;
  const isLast = index === sectionCount - 1;

  const add = () => {
    const result = addCriterion(useFormEditor.getState().draft, index, randomPart);
    const id = result.form.sections[index]?.criteria[result.at.criterion]?.id ?? '';
    onAdded(id);
    edit(() => result.form, { selector: `${id}-label`, announce: `Added a criterion to "${name}".` });
  };

  return (
    <section className="fe-section panel" aria-labelledby={headingId}>
      <SectionHead
        index={index}
        sectionId={sectionId}
        name={name}
        headingId={headingId}
        sectionCount={sectionCount}
      />
      <div className="fe-row">
        <TextField
          className="fe-grow"
          label="Section name"
          errorKey={`sections.${index}.label`}
          focusKey={`section-${sectionId}-label`}
          value={label}
          onChange={(v) => edit((f) => updateSection(f, index, { label: v }))}
        />
        <TextField
          className="fe-grow"
          label="Section description"
          errorKey={`sections.${index}.description`}
          value={description}
          onChange={(v) => edit((f) => updateSection(f, index, { description: v }))}
        />
      </div>
      <ol className="fe-criteria" aria-label={`Criteria of ${name}`}>
        {criterionIds.map((id, i) => (
          <CriterionEditor
            key={id}
            at={{ section: index, criterion: i }}
            canMoveUp={index > 0 || i > 0}
            canMoveDown={!isLast || i < criterionIds.length - 1}
            isNew={added.has(id)}
          />
        ))}
      </ol>
      {criteriaProblem && (
        <p className="field-error" role="alert">
          {criteriaProblem}
        </p>
      )}
      <button type="button" className="secondary fe-add" data-focus={`section-${index}-add`} onClick={add}>
        Add criterion to {name}
      </button>
    </section>
  );
}

interface SectionHeadProps {
  index: number;
  sectionId: string;
  name: string;
  headingId: string;
  sectionCount: number;
}

/** The section's heading and share of the score, and its Move up / Move down / Remove buttons. */
function SectionHead({ index, sectionId, name, headingId, sectionCount }: SectionHeadProps) {
  const edit = useFormEditor((s) => s.edit);
  const share = useShare('sections', sectionId);
  const isLast = index === sectionCount - 1;
  const move = (delta: -1 | 1) => {
    const target = index + delta;
    const [toward, away] = delta < 0 ? ['up', 'down'] : ['down', 'up'];
    edit((f) => moveSection(f, index, delta), {
      selector: `section-${sectionId}-move-${toward}`,
      fallback: `section-${sectionId}-move-${away}`,
      announce: `Moved the section "${name}" to position ${target + 1} of ${sectionCount}.`,
    });
  };
  return (
    <div className="fe-section-head">
      <h3 id={headingId}>
        Section {index + 1}: {name}
      </h3>
      <span className="fe-share" data-testid="section-share">
        {formatShare(share)}
      </span>
      <span className="spacer" />
      <button
        type="button"
        className="secondary"
        data-focus={`section-${sectionId}-move-up`}
        aria-label={`Move up: section ${name}`}
        disabled={index === 0}
        onClick={() => move(-1)}
      >
        Move up
      </button>
      <button
        type="button"
        className="secondary"
        data-focus={`section-${sectionId}-move-down`}
        aria-label={`Move down: section ${name}`}
        disabled={isLast}
        onClick={() => move(1)}
      >
        Move down
      </button>
      <button
        type="button"
        className="ghost danger"
        aria-label={`Remove: section ${name}`}
        onClick={() =>
          edit((f) => removeSection(f, index), {
            selector: 'add-section',
            announce: `Removed the section "${name}".`,
          })
        }
      >
        Remove section
      </button>
    </div>
  );
}
