import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ReviewFormDefinition } from '../../../../../shared/reviews/form';
import { addSection, blankCriterion, cleanDefinition } from '../../../../../shared/reviews/formEdit';
import { notify } from '../../../app/store';
import { call } from '../../../lib/api';
import { ConfirmDialog } from '../../settings/ConfirmDialog';
import { downloadJson } from './download';
import { EditorBar } from './EditorBar';
import { useFieldProblem, useFormEditor, type EditorSession } from './editorStore';
import { FormSettingsFields } from './FormSettingsFields';
import { randomPart } from './ids';
import { ImpactPanel } from './ImpactPanel';
import { SectionEditor } from './SectionEditor';
import { useFormLeaveGuard } from './useFormLeaveGuard';
import { savedMessage } from './wording';

const blankForm = (): ReviewFormDefinition => ({
  name: '',
  criticalFailure: 'mark_failed',
  sections: [
    {
      id: `section_${randomPart()}`,
      label: '',
      criteria: [blankCriterion(`criterion_${randomPart()}`)],
    },
  ],
});

/** Loads the form's latest version (or starts a blank one) into the editor's store. */
export function FormLoader({ formId, onCancel }: { formId: string | null; onCancel(): void }) {
  const start = useFormEditor((s) => s.start);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!formId) {
      start({ formId: null, latest: null }, blankForm());
      return;
    }
    let live = true;
    call('getReviewFormVersion', { formId }).then(
      (v) =>
        live &&
        start({ formId, latest: { id: v.id, version: v.version, reviewCount: v.reviewCount } }, v.definition),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [formId, start]);

  if (error)
    return (
      <div role="alert">
        <p className="error">Could not open the form: {error}</p>
        <button type="button" className="secondary" onClick={onCancel}>
          Back to the forms
        </button>
      </div>
    );
  return (
    <p className="muted" role="status">
      Loading…
    </p>
  );
}

/** The editor of the form in the store's session: the bar, the form, and the impact preview. */
export function FormEditor({ session }: { session: EditorSession }) {
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string[] | null>(null);
  const [added, setAdded] = useState<ReadonlySet<string>>(new Set());
  const dirty = useFormEditor((s) => s.dirty);
  const close = useFormEditor((s) => s.close);
  const sectionIds = useFormEditor(useShallow((s) => s.draft.sections.map((x) => x.id)));
  const guard = useFormLeaveGuard(dirty, close);
  const root = useRef<HTMLDivElement>(null);
  const announcement = useFocusRequests(root);
  const { formId, latest } = session;

  const save = async () => {
    const state = useFormEditor.getState();
    setSaveError(null);
    const problems = Object.values(state.errors);
    if (problems.length > 0) {
      state.revealErrors();
      // Each sentence sits under its field; the bar only counts them when there are several.
      setSaveError([
        problems.length === 1 ? (problems[0] ?? '') : `${problems.length} problems are marked in the form.`,
      ]);
      // The sentence is read with the field it sits under.
      requestAnimationFrame(() => {
        const field = root.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
        // Centred, so its sentence below is in view too and the sticky bar hides neither.
        field?.focus({ preventScroll: true });
        field?.scrollIntoView({ block: 'center' });
      });
      return;
    }
    const definition = cleanDefinition(state.draft);
    setSaving(true);
    try {
      const saved = await call('saveReviewForm', { ...(formId && { formId }), definition });
      const v = await call('getReviewFormVersion', { versionId: saved.versionId });
      state.start(
        { formId: saved.formId, latest: { id: v.id, version: v.version, reviewCount: v.reviewCount } },
        v.definition,
      );
      setAdded(new Set());
      notify(savedMessage(saved, definition.name), 'success');
    } catch (e) {
      setSaveError(problemSentences(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div ref={root} className="fe-editor">
      <EditorBar
        latest={latest}
        saving={saving}
        saveError={saveError}
        onBack={() => guard.confirm(close)}
        onExport={() => latest && void exportVersion(latest.id)}
        onSave={() => void save()}
      />
      <div className="fe-columns">
        <form className="fe-form" aria-label="Review form" noValidate onSubmit={(e) => e.preventDefault()}>
          <FormSettingsFields />
          {sectionIds.map((id, i) => (
            <SectionEditor
              key={id}
              index={i}
              sectionCount={sectionIds.length}
              added={added}
              onAdded={(cid) => setAdded((a) => new Set(a).add(cid))}
            />
          ))}
          <AddSectionButton onAdded={(cid) => setAdded((a) => new Set(a).add(cid))} />
        </form>
        <ImpactPanel formId={formId} />
      </div>
      <p className="fe-sr-only" aria-live="polite">
        {announcement}
      </p>
      <ConfirmDialog
        open={guard.asking}
        title="Leave without saving?"
        message="Your changes to this review form are not saved yet. If you leave now, they are lost."
        confirmLabel="Leave without saving"
        cancelLabel="Stay on this form"
        onConfirm={guard.leave}
        onCancel={guard.stay}
      />
    </div>
  );
}

/** The backend's sentences for a refused save: one per problem when it lists them. */
function problemSentences(error: unknown): string[] {
  const problems = (error as { details?: { problems?: unknown } } | null)?.details?.problems;
  if (Array.isArray(problems) && problems.length > 0) return problems.map(String);
  return [error instanceof Error ? error.message : String(error)];
}

async function exportVersion(versionId: string) {
  try {
    const file = await call('exportReviewForm', { versionId });
    downloadJson(file.fileName, file.json);
  } catch (e) {
    notify(`The form could not be exported: ${e instanceof Error ? e.message : String(e)}`, 'error');
  }
}

function AddSectionButton({ onAdded }: { onAdded(criterionId: string): void }) {
  const edit = useFormEditor((s) => s.edit);
  const problem = useFieldProblem('sections');
  return (
    <>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <button
        type="button"
        className="secondary fe-add"
        data-focus="add-section"
        onClick={() => {
          const next = addSection(useFormEditor.getState().draft, randomPart);
          const section = next.sections[next.sections.length - 1];
          const criterion = section?.criteria[0];
          if (criterion) onAdded(criterion.id);
          edit(() => next, { selector: `section-${section?.id ?? ''}-label`, announce: 'Added a section.' });
        }}
      >
        Add section
      </button>
    </>
  );
}

/** Moves focus where an edit asked (a moved item's button, a new field) and says what happened. */
function useFocusRequests(root: React.RefObject<HTMLDivElement | null>): string {
  const focus = useFormEditor((s) => s.focus);
  const requestFocus = useFormEditor((s) => s.requestFocus);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (!focus) return;
    const find = (key: string | undefined) =>
      key ? root.current?.querySelector<HTMLElement>(`[data-focus="${CSS.escape(key)}"]`) : null;
    let target = find(focus.selector);
    if (!target || (target instanceof HTMLButtonElement && target.disabled))
      target = find(focus.fallback) ?? target;
    target?.focus();
    if (focus.announce) setAnnouncement(focus.announce);
    requestFocus(null);
  }, [focus, requestFocus, root]);
  return announcement;
}
