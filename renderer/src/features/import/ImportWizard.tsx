import { useEffect, useRef } from 'react';
import { cancelImport, chooseFile, refreshPreview, runImport, validate } from './actions';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { ReportView } from './ReportView';
import { STEPS, useImportWizard } from './store';
import './import.css';

function Progress() {
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

export function ImportWizard({ onClose }: { onClose(changed: boolean): void }) {
  const step = useImportWizard((s) => s.step);
  const busy = useImportWizard((s) => s.busy);
  const error = useImportWizard((s) => s.error);
  const file = useImportWizard((s) => s.file);
  const preview = useImportWizard((s) => s.preview);
  const mapping = useImportWizard((s) => s.mapping);
  const validation = useImportWizard((s) => s.validation);
  const result = useImportWizard((s) => s.result);
  const goTo = useImportWizard((s) => s.goTo);
  const reset = useImportWizard((s) => s.reset);
  const dialog = useRef<HTMLDivElement>(null);
  const importing = step === 'import';

  useEffect(() => {
    reset();
    dialog.current?.focus();
    return reset;
  }, [reset]);

  const close = () => {
    if (!importing) onClose(result !== null);
  };
  const stepIndex = STEPS.findIndex((s) => s.id === step);
  const validRows = validation ? validation.totalRows - validation.rejected : 0;

  return (
    <div className="iw-backdrop">
      <div
        ref={dialog}
        className="iw-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="iw-title"
        tabIndex={-1}
        onKeyDown={(event) => {
          if (event.key === 'Escape') close();
        }}
      >
        <header className="iw-head">
          <h2 id="iw-title">Import interactions</h2>
          <ol className="iw-steps" aria-label="Steps">
            {STEPS.map((s, index) => (
              <li
                key={s.id}
                className={index === stepIndex ? 'current' : index < stepIndex ? 'done' : ''}
                aria-current={index === stepIndex ? 'step' : undefined}
              >
                {s.label}
              </li>
            ))}
          </ol>
          <button type="button" className="ghost" aria-label="Close" onClick={close} disabled={importing}>
            ✕
          </button>
        </header>
        <div className="iw-body" aria-busy={busy !== null}>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          {step === 'choose' && (
            <div className="iw-choose">
              <p>
                Choose a CSV or Excel export from your phone system or ticketing tool. The next steps show how
                it is read before anything is written.
              </p>
              <button
                type="button"
                className="primary"
                onClick={() => void chooseFile()}
                disabled={busy !== null}
              >
                Choose file…
              </button>
            </div>
          )}
          {step === 'preview' && <PreviewStep />}
          {step === 'mapping' && <MappingStep />}
          {step === 'validate' && validation && <ReportView report={validation} />}
          {step === 'import' && <Progress />}
          {step === 'result' && result && <ReportView report={result} />}
          {busy && <p className="muted iw-busy">{busy}</p>}
        </div>
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
              <button
                type="button"
                className="primary"
                onClick={() => goTo('mapping')}
                disabled={busy !== null}
              >
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
      </div>
    </div>
  );
}
