import type { ImportPreview } from '../../../../shared/ipc/contracts/imports';
import type { ImportMapping, ImportReport } from '../../../../shared/import/types';
import { cancelImport, chooseFile, refreshPreview, runImport, validate } from './actions';
import { useImportWizard } from './store';

/** The wizard's first step. */
export function ChooseStep() {
  const busy = useImportWizard((s) => s.busy);
  return (
    <div className="iw-choose">
      <p>
        Choose a CSV or Excel export from your phone system or ticketing tool. The next steps show how it is
        read before anything is written.
      </p>
      <button type="button" className="primary" onClick={() => void chooseFile()} disabled={busy !== null}>
        Choose file…
      </button>
    </div>
  );
}

export function Progress() {
  const job = useImportWizard((s) => s.job);
  const cancelling = job?.state === 'running' && job.message.startsWith('Cancel');
  const pct = job?.progress === null || job?.progress === undefined ? null : Math.round(job.progress * 100);
  return (
    <div className="iw-progress-step">
      <p aria-live="polite">{job?.message ?? 'Starting…'}</p>
      <div
        className={pct === null ? 'iw-bar indeterminate' : 'iw-bar'}
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
      >
        <div className="iw-bar-fill" style={{ width: `${pct ?? 30}%` }} />
      </div>
      <p className="muted">{pct === null ? '' : `${pct}%`}</p>
      <button type="button" className="secondary" disabled={cancelling} onClick={() => void cancelImport()}>
        Cancel import
      </button>
    </div>
  );
}

/** The buttons of each step. */
export function WizardFooter({ close }: { close(): void }) {
  const step = useImportWizard((s) => s.step);
  const busy = useImportWizard((s) => s.busy);
  const file = useImportWizard((s) => s.file);
  const preview = useImportWizard((s) => s.preview);
  const mapping = useImportWizard((s) => s.mapping);
  const validation = useImportWizard((s) => s.validation);
  const goTo = useImportWizard((s) => s.goTo);
  const validRows = validation ? validation.totalRows - validation.rejected : 0;
  return (
    <footer className="iw-foot">
      <span className="muted iw-file">{file ? file.name : ''}</span>
      {step === 'preview' && (
        <>
          <button
            type="button"
            className="secondary"
            onClick={() => void chooseFile()}
            disabled={busy !== null}
          >
            Other file…
          </button>
          <button type="button" className="primary" onClick={() => goTo('mapping')} disabled={busy !== null}>
            Next: mapping
          </button>
        </>
      )}
      {step === 'mapping' && (
        <>
          <button
            type="button"
            className="secondary"
            onClick={() => void refreshPreview(mapping).then(() => goTo('preview'))}
            disabled={busy !== null}
          >
            Back to preview
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void validate()}
            disabled={busy !== null || Boolean(preview?.mappingError)}
          >
            Next: validate
          </button>
        </>
      )}
      {step === 'validate' && validation && (
        <>
          <button type="button" className="secondary" onClick={() => goTo('mapping')}>
            Back to mapping
          </button>
          <button type="button" className="secondary" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void runImport()}
            disabled={validRows === 0}
          >
            {validation.rejected > 0
              ? `Import ${validRows.toLocaleString()} valid rows`
              : `Import ${validRows.toLocaleString()} rows`}
          </button>
        </>
      )}
      {step === 'result' && (
        <button type="button" className="primary" onClick={close}>
          Done
        </button>
      )}
    </footer>
  );
}

/** Rows rejected for having no time at all could start on a date column: say where to choose it. */
export function openRowsHint(
  report: ImportReport | null,
  preview: ImportPreview | null,
  mapping: ImportMapping | null,
): string | null {
  if (!report || !preview || preview.dateColumns.length === 0 || mapping?.fields.started_fallback)
    return null;
  const undated = report.rejectedReasons.find((r) => r.reason.startsWith('no date'));
  if (!undated) return null;
  return `${undated.count.toLocaleString()} rows have no time at all. To count them, go back to the mapping and start them on the date in ${preview.dateColumns.map((h) => `“${h}”`).join(' or ')}.`;
}
