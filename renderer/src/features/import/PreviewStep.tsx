import { useImportWizard } from './store';

const LABELS: Record<string, string> = {
  'utf-8': 'UTF-8',
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
};

function show(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return String(value);
}

export function PreviewStep() {
  const preview = useImportWizard((s) => s.preview);
  const file = useImportWizard((s) => s.file);
  if (!preview) return null;
  const rows = preview.sampleRows.slice(0, 10);
  const parsedKeys = [...new Set(rows.flatMap((row) => Object.keys(row.parsed ?? {})))];
  return (
    <div className="iw-preview">
      <dl className="iw-facts">
        <dt>File</dt>
        <dd>{file?.name ?? preview.fileName}</dd>
        <dt>Format</dt>
        <dd>{preview.format.toUpperCase()}</dd>
        {preview.encoding && (
          <>
            <dt>Encoding</dt>
            <dd>{LABELS[preview.encoding] ?? preview.encoding}</dd>
          </>
        )}
        {preview.delimiter && (
          <>
            <dt>Delimiter</dt>
            <dd>{LABELS[preview.delimiter] ?? preview.delimiter}</dd>
          </>
        )}
        <dt>Detected as</dt>
        <dd data-testid="detected-preset">{preview.detectedPreset}</dd>
        <dt>Rows</dt>
        <dd>≈ {preview.totalRowsEstimate.toLocaleString()}</dd>
        {preview.timeZone && (
          <>
            <dt>Times read in</dt>
            <dd data-testid="import-time-zone">{preview.timeZone}</dd>
          </>
        )}
      </dl>
      {preview.assumptions.length > 0 && (
        <ul className="iw-assumptions">
          {preview.assumptions.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      {preview.dateOrderAmbiguous && (
        <p className="iw-warning">
          Some dates read either way (03/04/2021): pick the date order on the Mapping step.
        </p>
      )}
      {preview.mappingError && <p className="error">{preview.mappingError}</p>}
      <h3 id="iw-raw-title">As in the file</h3>
      {/* Scrolls both ways: focusable so the keyboard can scroll it too. */}
      <div className="iw-table-scroll" tabIndex={0} role="region" aria-labelledby="iw-raw-title">
        <table className="iw-table">
          <thead>
            <tr>
              <th className="num">Row</th>
              {preview.headers.map((header) => (
                <th key={header}>{header}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.row}>
                <td className="num muted">{row.row}</td>
                {preview.headers.map((header) => (
                  <td key={header}>{show(row.raw[header])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 id="iw-parsed-title">As it will be imported</h3>
      <div className="iw-table-scroll" tabIndex={0} role="region" aria-labelledby="iw-parsed-title">
        <table className="iw-table">
          <thead>
            <tr>
              <th className="num">Row</th>
              {parsedKeys.map((key) => (
                <th key={key}>{key}</th>
              ))}
              <th>Problems</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.row} className={row.issues.length ? 'iw-bad' : undefined}>
                <td className="num muted">{row.row}</td>
                {parsedKeys.map((key) => (
                  <td key={key}>{show(row.parsed?.[key])}</td>
                ))}
                <td>{row.issues.map((issue) => `${issue.column}: ${issue.reason}`).join('; ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
