import { create } from 'zustand';
import type { ReviewFormDefinition } from '../../../../../shared/reviews/form';
import { checkDraft } from '../../../../../shared/reviews/formCheck';
import { cleanDefinition, weightShares } from '../../../../../shared/reviews/formEdit';

/** A control to focus after the next render (a moved item's button, a new criterion's label). */
export interface FocusRequest {
  /** The control's `data-focus` value. */
  selector: string;
  /** Used when the first one is disabled (Move up on what became the first criterion). */
  fallback?: string;
  /** Said by the live region: "Moved … to position 3 of 4 in Greeting." */
  announce?: string;
}

interface DraftSlice {
  /** What the backend holds (or the blank start of a new form). */
  saved: ReviewFormDefinition;
  draft: ReviewFormDefinition;
  /** Sentence per field key ("sections.0.criteria.1.weight"; "" is the form as a whole). */
  errors: Record<string, string>;
  dirty: boolean;
  /** Problems are shown once a save or preview is tried, then follow every edit. */
  showErrors: boolean;
}

/** The latest saved version of the form being edited: what saving would freeze or update. */
export interface LatestVersion {
  id: string;
  version: number;
  reviewCount: number;
}

/** The form open in the editor; null: the list shows. A new form has no id and no version yet. */
export interface EditorSession {
  formId: string | null;
  latest: LatestVersion | null;
}

interface EditorState extends DraftSlice {
  /**
   * Kept here rather than in the tab, so switching to another Reviews tab and back finds the
   * draft as it was (nothing to ask then); leaving the page asks.
   */
  session: EditorSession | null;
  focus: FocusRequest | null;
  start(session: EditorSession, definition: ReviewFormDefinition): void;
  close(): void;
  load(definition: ReviewFormDefinition): void;
  edit(change: (form: ReviewFormDefinition) => ReviewFormDefinition, focus?: FocusRequest): void;
  discard(): void;
  revealErrors(): void;
  requestFocus(focus: FocusRequest | null): void;
}

const same = (a: ReviewFormDefinition, b: ReviewFormDefinition) =>
  JSON.stringify(cleanDefinition(a)) === JSON.stringify(cleanDefinition(b));

function errorsOf(draft: ReviewFormDefinition): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of checkDraft(draft)) errors[issue.key] ??= issue.message;
  return errors;
}

const EMPTY: ReviewFormDefinition = { name: '', sections: [] };

const fresh = (definition: ReviewFormDefinition): DraftSlice => ({
  saved: definition,
  draft: definition,
  errors: errorsOf(definition),
  dirty: false,
  showErrors: false,
});

/** The form editor's draft. One editor is open at a time, so one store serves it. */
export const useFormEditor = create<EditorState>()((set) => ({
  ...fresh(EMPTY),
  session: null,
  focus: null,
  start: (session, definition) => set({ ...fresh(definition), session, focus: null }),
  close: () => set({ ...fresh(EMPTY), session: null, focus: null }),
  load: (definition) => set({ ...fresh(definition), focus: null }),
  edit: (change, focus) =>
    set((s) => {
      const draft = change(s.draft);
      return { draft, errors: errorsOf(draft), dirty: !same(draft, s.saved), ...(focus && { focus }) };
    }),
  discard: () => set((s) => ({ ...fresh(s.saved), focus: null })),
  revealErrors: () => set({ showErrors: true }),
  requestFocus: (focus) => set({ focus }),
}));

/** The sentence shown under a field, once problems are being shown. */
export const useFieldProblem = (key: string): string | undefined =>
  useFormEditor((s) => (s.showErrors ? s.errors[key] : undefined));

/** A criterion's or section's share of the score, a number so the selector stays cheap to compare. */
export const useShare = (kind: 'criteria' | 'sections', id: string): number | null =>
  useFormEditor((s) => weightShares(s.draft)[kind].get(id) ?? null);

// Closing or reloading the window would lose a draft even while another tab shows.
if (typeof window !== 'undefined') {
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    event.preventDefault();
    // Older Chromium (and Electron) only prompt when returnValue is set as well.
    event.returnValue = '';
  };
  useFormEditor.subscribe((s, prev) => {
    if (s.dirty === prev.dirty) return;
    if (s.dirty) window.addEventListener('beforeunload', onBeforeUnload);
    else window.removeEventListener('beforeunload', onBeforeUnload);
  });
}
