import { useEffect, useRef } from 'react';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { ReportView } from './ReportView';
import { STEPS, useImportWizard } from './store';
import { trapTab, useDialogFocus } from './useDialogFocus';
import { ChooseStep, openRowsHint, Progress, WizardFooter } from './WizardParts';
import './import.css';

export function ImportWizard({ onClose }: { onClose(changed: boolean): void }) {
  const step = useImportWizard((s) => s.step);
  const busy = useImportWizard((s) => s.busy);
  const error = useImportWizard((s) => s.error);
  const preview = useImportWizard((s) => s.preview);
  const mapping = useImportWizard((s) => s.mapping);
  const validation = useImportWizard((s) => s.validation);
  const result = useImportWizard((s) => s.result);
  const reset = useImportWizard((s) => s.reset);
  const dialog = useRef<HTMLDivElement>(null);
  const importing = step === 'import';

  useEffect(() => {
    reset();
    return reset;
  }, [reset]);
  useDialogFocus(dialog, step);

  const close = () => {
    if (!importing) onClose(result !== null);
  };
  const stepIndex = STEPS.findIndex((s) => s.id === step);
  const hint = openRowsHint(validation, preview, mapping);

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
          if (event.key === 'Escape') {
            event.stopPropagation();
            close();
          } else trapTab(event);
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
          {step === 'choose' && <ChooseStep />}
          {step === 'preview' && <PreviewStep />}
          {step === 'mapping' && <MappingStep />}
          {step === 'validate' && validation && <ReportView report={validation} hint={hint} />}
          {step === 'import' && <Progress />}
          {step === 'result' && result && <ReportView report={result} />}
          {busy && <p className="muted iw-busy">{busy}</p>}
        </div>
        <WizardFooter close={close} />
      </div>
    </div>
  );
}
