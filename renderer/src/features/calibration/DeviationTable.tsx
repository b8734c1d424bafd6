import type { CalibrationStats } from '../../../../shared/calibration/types';
import { plural } from '../../lib/format';
import { deviationWords, signedShare } from './format';
import { showCalibration } from './store';

/** Who rates more leniently or harshly than the consensus (or the expert), by how much, on how many ratings. */
export function DeviationTable({ stats }: { stats: CalibrationStats }) {
  const against = stats.reference === 'expert' ? 'the expert' : 'the consensus';
  return (
    <section className="panel qa-panel" aria-labelledby="cal-dev-title">
      <div className="panel-header">
        <h2 id="cal-dev-title">Lenient or harsh</h2>
        <span className="muted">
          each evaluator&apos;s ratings against {against}, as a share of each criterion&apos;s scale
        </span>
        <span className="spacer" />
        <button type="button" className="link" onClick={() => showCalibration({ kind: 'history' })}>
          Drift across sessions
        </button>
      </div>
      <div className="qa-scroll">
        <table className="data qa-table" aria-label="Evaluator deviation">
          <thead>
            <tr>
              <th scope="col">Evaluator</th>
              <th scope="col" className="num">
                Mean signed deviation
              </th>
              <th scope="col" className="num">
                Mean absolute deviation
              </th>
              <th scope="col">Reading</th>
            </tr>
          </thead>
          <tbody>
            {stats.deviations.map((d) => {
              const words = deviationWords(d, stats.reference);
              const tone = words.startsWith('lenient') || words.startsWith('harsh') ? 'flag' : 'none';
              return (
                <tr key={d.evaluator} data-evaluator={d.evaluator}>
                  <th scope="row" className="row-head">
                    {d.evaluator}
                    {d.isExpert && <span className="badge">expert</span>}
                  </th>
                  <td className="num">
                    {signedShare(d.meanSigned)}
                    <span className="qa-sub">n = {plural(d.n, 'rating')}</span>
                  </td>
                  <td className="num">
                    {d.meanAbsolute === null ? '—' : `${(d.meanAbsolute * 100).toFixed(1)}%`}
                    <span className="qa-sub">n = {plural(d.n, 'rating')}</span>
                  </td>
                  <td className={`qa-verdict tone-${tone}`}>{words}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted qa-note">
        Positive: rates higher (more lenient) than {against}; negative: lower (harsher). A yes/no step is 100%
        of its scale, a 1–5 step 25%. Fewer than 10 compared ratings is too little to judge.
      </p>
    </section>
  );
}
