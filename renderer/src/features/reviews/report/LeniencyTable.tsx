import { plural } from '../../../lib/format';
import type { EvaluatorLeniencyReport } from '../../../../../shared/ipc/contracts/qa';
import {
  formatScore,
  formatScoreDelta,
  leniencyWords,
  reviewsN,
  scoreDeltaInterval,
  scoreInterval,
} from './qaFormat';

/** Each evaluator's mean against other evaluators' on the same agents; a direction only when the interval excludes 0. */
export function LeniencyTable({ report }: { report: EvaluatorLeniencyReport }) {
  if (report.evaluators.length === 0)
    return <p className="empty-state">No submitted reviews in this period, so no evaluators to compare.</p>;
  return (
    <div className="qa-scroll">
      <table className="data qa-table" aria-label="Evaluator leniency">
        <thead>
          <tr>
            <th scope="col">Evaluator</th>
            <th scope="col" className="num">
              Own mean
            </th>
            <th scope="col" className="num">
              Others on the same agents
            </th>
            <th scope="col" className="num">
              Difference
            </th>
            <th scope="col">Reading</th>
          </tr>
        </thead>
        <tbody>
          {report.evaluators.map((row) => {
            const words = leniencyWords(row);
            const tone = words.startsWith('more') || words.startsWith('harsher') ? 'flag' : 'none';
            return (
              <tr key={row.evaluator}>
                <th scope="row" className="row-head">
                  {row.evaluator}
                </th>
                <td className="num">
                  {formatScore(row.own.mean)}
                  <span className="qa-sub">{reviewsN(row.own.n)}</span>
                  <span className="qa-sub">{scoreInterval(row.own)}</span>
                </td>
                <td className="num">
                  {formatScore(row.others.mean)}
                  <span className="qa-sub">{reviewsN(row.others.n)}</span>
                </td>
                <td className="num">
                  {formatScoreDelta(row.difference.mean)}
                  <span className="qa-sub">n = {plural(row.sharedAgents, 'shared agent')}</span>
                  {scoreDeltaInterval(row.difference) && (
                    <span className="qa-sub">{scoreDeltaInterval(row.difference)}</span>
                  )}
                </td>
                <td className={`qa-verdict tone-${tone}`}>{words}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
