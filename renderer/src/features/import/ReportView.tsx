import type { ImportReport } from '../../../../shared/import/types';

const n = (value: number) => value.toLocaleString();

/** Counts and the per-row problems of a dry run or a finished import; `hint` says how to fix them. */
export function ReportView({ report, hint }: { report: ImportReport; hint?: string | null }) {
  const verb = report.dryRun ? 'would be ' : '';
  const cards: Array<[string, number, string]> = [
    ['Rows in file', report.totalRows, ''],
    [report.dryRun ? 'New' : 'Inserted', report.inserted, 'good'],
    [report.dryRun ? 'Changed' : 'Updated', report.updated, ''],
    ['Already there', report.duplicates, ''],
    ['Rejected', report.rejected, report.rejected ? 'bad' : ''],
  ];
  return (
    <div className="iw-report" data-testid={report.dryRun ? 'validation-report' : 'import-result'}>
      <div className="iw-cards">
        {cards.map(([title, value, tone]) => (
          <div
            key={title}
            className={`iw-card ${tone}`}
            data-testid={`count-${title.toLowerCase().replace(/\s+/g, '-')}`}
          >
            <span className="iw-card-value">{n(value)}</span>
            <span className="iw-card-label">{title}</span>
          </div>
        ))}
      </div>
      <p className="muted">
        {report.agentsCreated > 0 && `${n(report.agentsCreated)} new agents ${verb}created. `}
        {report.teamsCreated > 0 && `${n(report.teamsCreated)} new teams. `}
        {report.customersCreated > 0 && `${n(report.customersCreated)} new customers. `}
        {report.dayRange && `Days ${report.dayRange.from} to ${report.dayRange.to}. `}
        {`Took ${(report.elapsedMs / 1000).toFixed(1)} s.`}
      </p>
      {report.assumptions.length > 0 && (
        <ul className="iw-assumptions">
          {report.assumptions.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      {report.rateBias.length > 0 && (
        <div className="iw-warning" data-testid="rate-bias">
          <p>Leaving the rejected rows out changes the rates:</p>
          <ul>
            {report.rateBias.map((bias) => (
              <li key={bias.flag}>{bias.note}</li>
            ))}
          </ul>
        </div>
      )}
      {hint && <p data-testid="report-hint">{hint}</p>}
      {report.rejectedReasons.length > 0 && (
        <>
          <h3>Why rows are rejected</h3>
          <ul className="iw-reasons">
            {report.rejectedReasons.map((r) => (
              <li key={`${r.column}:${r.reason}`}>
                <strong>{r.column}</strong>: {r.reason} <span className="muted">× {n(r.count)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {report.rejectedRows.length > 0 && (
        <div className="iw-table-scroll short" tabIndex={0} role="region" aria-label="Rejected rows">
          <table className="iw-table" aria-label="Rejected rows">
            <thead>
              <tr>
                <th className="num">Row</th>
                <th>Column</th>
                <th>Value</th>
                <th>Reason</th>
              </tr>
            </thead>
            <tbody>
              {report.rejectedRows.map((issue, index) => (
                <tr key={`${issue.row}:${issue.column}:${index}`}>
                  <td className="num">{issue.row}</td>
                  <td>{issue.column}</td>
                  <td>
                    <code>{issue.value === '' ? '(blank)' : issue.value}</code>
                  </td>
                  <td>{issue.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.rejectedRows.length < report.rejected && (
            <p className="muted">
              First {n(report.rejectedRows.length)} of {n(report.rejected)} rejected rows shown.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
