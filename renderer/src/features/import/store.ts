import { create } from 'zustand';
import type { ChosenFile } from '../../../../shared/ipc/contracts/shell';
import type { ImportPreview } from '../../../../shared/ipc/contracts/imports';
import type { DateOrder, ImportMapping } from '../../../../shared/import/types';
import type { JobStatus } from '../../../../shared/domain/types';
import type { ImportReport } from '../../../../shared/import/types';

export const STEPS = [
  { id: 'choose', label: 'File' },
  { id: 'preview', label: 'Preview' },
  { id: 'mapping', label: 'Mapping' },
  { id: 'validate', label: 'Validate' },
  { id: 'import', label: 'Import' },
  { id: 'result', label: 'Result' },
] as const;
export type StepId = (typeof STEPS)[number]['id'];

interface WizardState {
  step: StepId;
  file: ChosenFile | null;
  preview: ImportPreview | null;
  /** The mapping the user is editing; null = let the backend detect it. */
  mapping: ImportMapping | null;
  /** What the mapping started from, as the "Start from" select's value: `preset:<id>` or `saved:<id>`. */
  startFrom: string;
  dateOrder: DateOrder;
  /** Result of the dry run. */
  validation: ImportReport | null;
  job: JobStatus | null;
  result: ImportReport | null;
  busy: string | null;
  error: string | null;
  /** Bumped by every reset (the wizard opening or closing): answers to an older session are dropped. */
  session: number;
  goTo(step: StepId): void;
  patch(values: Partial<Omit<WizardState, 'goTo' | 'patch' | 'reset' | 'session'>>): void;
  reset(): void;
}

const initial = {
  step: 'choose' as StepId,
  file: null,
  preview: null,
  mapping: null,
  startFrom: '',
  dateOrder: 'auto' as DateOrder,
  validation: null,
  job: null,
  result: null,
  busy: null,
  error: null,
};

export const useImportWizard = create<WizardState>()((set) => ({
  ...initial,
  session: 0,
  goTo: (step) => set({ step, error: null }),
  patch: (values) => set(values),
  reset: () => set((s) => ({ ...initial, session: s.session + 1 })),
}));
