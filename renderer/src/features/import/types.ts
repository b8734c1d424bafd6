import type { RowIssue } from '../../../../shared/import/types';

/**
 * The part of the backend's ImportReport (electron/backend/import/job.ts, out of the renderer's
 * reach) that the wizard shows; the job result is read through this shape.
 */
export interface ImportReportView {
  dryRun: boolean;
  fileName: string;
  totalRows: number;
  inserted: number;
  updated: number;
  duplicates: number;
  rejected: number;
  rejectedRows: RowIssue[];
  rejectedReasons: Array<{ column: string; reason: string; count: number }>;
  agentsCreated: number;
  teamsCreated: number;
  customersCreated: number;
  assumptions: string[];
  dayRange: { from: string; to: string } | null;
  elapsedMs: number;
}

export function asReport(value: unknown): ImportReportView | null {
  if (!value || typeof value !== 'object') return null;
  const report = value as Partial<ImportReportView>;
  return typeof report.totalRows === 'number' && typeof report.inserted === 'number'
    ? (value as ImportReportView)
    : null;
}
