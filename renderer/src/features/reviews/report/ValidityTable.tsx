import type { CriterionValidityReport } from '../../../../../shared/ipc/contracts/qa';
import type { OutcomeComparison } from '../../../../../shared/reviews/validity';
import { VALIDITY_OUTCOMES } from '../../../../../shared/reviews/validity';
import { plural } from '../../../lib/format';
import { criterionVerdict, formatPoints, OUTCOME_LABEL, outcomeReading, pointsInterval } from './qaFormat';

/** "passed 83% (n 23)", or "no passed interactions" for an empty group. */
function group(name: 'passed' | 'failed', p: { n: number; share: number | null }): string {
  if (p.share === null || p.n === 0) return `no ${name} interactions`;
  return `${name} ${(p.share * 100).toFixed(0)}% (n ${p.n})`;
}

function OutcomeCell({ c }: { c: OutcomeComparison | undefined }) {
  if (!c) return <td>—</td>;
  const reading = outcomeReading(c);
  const diff = c.difference.difference;
  return (
    <td className={`qa-validity-cell tone-${reading.tone}`}>
      <span className="qa-validity-diff">{diff === null ? 'no data' : formatPoints(diff)}</span>
      <span className="qa-sub">
        {group('passed', c.passed)} · {group('failed', c.failed)}
      </span>
      {pointsInterval(c.difference.low, c.difference.high) && (
        <span className="qa-sub">{pointsInterval(c.difference.low, c.difference.high)}</span>
      )}
      <span className="qa-reading">{reading.words}</span>
    </td>
  );
}

/**
 * Criterion validity: outcomes of reviewed interactions that passed each criterion against those
 * that failed it. The verdict only names an outcome when the difference's interval excludes 0.
 */
export function ValidityTable({ report }: { report: CriterionValidityReport }) {
  if (report.interactions === 0 || report.criteria.length === 0)
    return <p className="empty-state">No reviewed interactions in this period, so nothing to compare.</p>;
  return (
    <>
      <p className="muted qa-note">
        {plural(report.interactions, 'reviewed interaction')}. Each cell: the rate among interactions that
        passed the criterion minus the rate among those that failed it, in percentage points, with its 95%
        interval. Groups under {report.minReviews} are too few to judge.
      </p>
      <div className="qa-scroll">
        <table className="data qa-table qa-validity" aria-label="Criterion validity">
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col" className="num">
                Passed / failed
              </th>
              {VALIDITY_OUTCOMES.map((o) => (
                <th key={o} scope="col">
                  {o === 'repeat_contact' ? 'Repeat-contact rate' : `${OUTCOME_LABEL[o]} rate`}
                </th>
              ))}
              <th scope="col">Reading</th>
            </tr>
          </thead>
          <tbody>
            {report.criteria.map((row) => {
              const verdict = criterionVerdict(row.outcomes);
              return (
                <tr key={row.criterionId} data-criterion={row.criterionId}>
                  <th scope="row" className="row-head">
                    {row.label}
                    <span className="qa-sub">{row.sectionLabel}</span>
                  </th>
                  <td className="num">
                    {row.passedN} / {row.failedN}
                  </td>
                  {VALIDITY_OUTCOMES.map((o) => (
                    <OutcomeCell key={o} c={row.outcomes.find((x) => x.outcome === o)} />
                  ))}
                  <td className="qa-verdict">{verdict}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
