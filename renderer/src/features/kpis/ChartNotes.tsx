import type { ChartTable } from './chartSummary';
import './charts.css';

/**
 * Instead of a chart when a KPI has no data in the period: empty axes ("0s 1s 1s 2s") read as a
 * broken chart or, worse, as zeros.
 */
export function NoDataCard({ text }: { text: string }) {
  return (
    <p className="chart-no-data" data-chart="no-data">
      {text}
    </p>
  );
}

/** Key for the marks drawn on points: hollow = partial period, triangle = few cases behind the value. */
export function ChartMarksKey({ partial, lowN, minN }: { partial: boolean; lowN: boolean; minN: number }) {
  if (!partial && !lowN) return null;
  return (
    <ul className="chart-key" aria-label="Chart marks">
      {partial && (
        <li>
          <i className="chart-key-partial-line" aria-hidden="true" />
          <i className="chart-key-partial" aria-hidden="true" />
          partial period
        </li>
      )}
      {lowN && (
        <li>
          <i className="chart-key-low-n" aria-hidden="true" />
          low n (fewer than {minN})
        </li>
      )}
    </ul>
  );
}

/** The numbers behind a canvas for screen readers: tooltips (n, partial buckets) need a mouse. */
export function ChartDataTable({ caption, table }: { caption: string; table: ChartTable }) {
  return (
    <table className="chart-sr-only">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Period</th>
          {table.columns.map((c, i) => (
            <th key={i} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            {r.cells.map((c, i) => (
              <td key={i}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
