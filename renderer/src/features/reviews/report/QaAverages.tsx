import type { QaReport } from '../../../../../shared/ipc/contracts/qa';
import { ScoreCell } from './QaScores';
import { scoreInterval } from './qaFormat';

const intervalText = (m: { n: number; low: number | null; high: number | null }) =>
  m.n === 0 ? '—' : scoreInterval({ ...m, mean: null, sd: null }).replace('95% interval ', '');

/** Section averages with their criteria beneath, each with n (reviews where it was rated). */
export function QaAverages({ report }: { report: QaReport }) {
  const { settings } = report;
  if (report.sections.length === 0) return <p className="empty-state">No reviews, so no averages.</p>;
  return (
    <table className="data qa-table qa-averages" aria-label="Section and criterion averages">
      <thead>
        <tr>
          <th scope="col">Section / criterion</th>
          <th scope="col" className="num">
            Average (% of points)
          </th>
          <th scope="col" className="num">
            n (rated)
          </th>
          <th scope="col">95% interval</th>
          <th scope="col" className="num">
            N/A
          </th>
        </tr>
      </thead>
      {report.sections.map((section) => (
        <tbody key={section.id}>
          <tr className="qa-section-row">
            <th scope="row" className="row-head">
              {section.label}
            </th>
            <td className="num">
              <ScoreCell score={section.average} settings={settings} neutral />
            </td>
            <td className="num">{section.average.n}</td>
            <td className="qa-interval">{intervalText(section.average)}</td>
            <td />
          </tr>
          {report.criteria
            .filter((c) => c.sectionId === section.id)
            .map((c) => (
              <tr key={c.id} className="qa-criterion-row">
                <th scope="row" className="row-head">
                  {c.label}
                  {c.critical && <span className="badge qa-critical">critical</span>}
                </th>
                <td className="num">
                  <ScoreCell score={c.average} settings={settings} neutral />
                </td>
                <td className="num">{c.average.n}</td>
                <td className="qa-interval">{intervalText(c.average)}</td>
                <td className="num">{c.notApplicable}</td>
              </tr>
            ))}
        </tbody>
      ))}
    </table>
  );
}
