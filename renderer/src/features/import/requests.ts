import type { MethodInput } from '../../../../shared/ipc/contract';
import type { DateOrder, ImportMapping } from '../../../../shared/import/types';

/**
 * What the wizard sends to the backend, kept free of React and the API so the integration tests
 * send exactly these requests through the real handlers. No time zone is sent: the backend reads
 * naive times in the business calendar's zone, the same for preview, import and the CLI.
 */
export const PREVIEW_SAMPLE_ROWS = 20;

export interface WizardChoice {
  path: string;
  /** null = let the backend detect the mapping. */
  mapping: ImportMapping | null;
  dateOrder: DateOrder;
}

/** The first read of a newly chosen file: the backend detects preset, mapping and zone. */
export function firstPreviewRequest(path: string): MethodInput<'previewImport'> {
  return { path, sampleSize: PREVIEW_SAMPLE_ROWS };
}

export function previewRequest(choice: WizardChoice): MethodInput<'previewImport'> {
  return {
    path: choice.path,
    sampleSize: PREVIEW_SAMPLE_ROWS,
    options: { dateOrder: choice.dateOrder },
    ...(choice.mapping ? { mapping: choice.mapping } : {}),
  };
}

/** The sample read with a preset's mapping, fitted by the backend to this file's headers. */
export function presetPreviewRequest(
  choice: Omit<WizardChoice, 'mapping'>,
  presetId: string,
): MethodInput<'previewImport'> {
  return {
    path: choice.path,
    sampleSize: PREVIEW_SAMPLE_ROWS,
    options: { dateOrder: choice.dateOrder },
    mappingId: presetId,
  };
}

export function importRequest(
  choice: WizardChoice,
  run: { dryRun: true } | { acceptRejected: boolean },
): MethodInput<'startImport'> {
  return {
    path: choice.path,
    options: { dateOrder: choice.dateOrder },
    ...(choice.mapping ? { mapping: choice.mapping } : {}),
    ...run,
  };
}
