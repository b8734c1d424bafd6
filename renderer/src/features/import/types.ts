import type { ImportReport } from '../../../../shared/import/types';

/** Narrows a job's untyped `result` (or a failed job's `error.details`) to the import report. */
export function asReport(value: unknown): ImportReport | null {
  if (!value || typeof value !== 'object') return null;
  const report = value as Partial<ImportReport>;
  return typeof report.totalRows === 'number' && typeof report.inserted === 'number'
    ? (value as ImportReport)
    : null;
}
