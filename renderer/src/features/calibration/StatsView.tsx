import type { Estimate } from '../../../../shared/calibration/stats';
import type { CalibrationStats } from '../../../../shared/calibration/types';
import { plural } from '../../lib/format';
import { estimateInterval, estimateN, formatEstimate, SCALE_WORDS } from './format';

/** One figure with its interval, n and, below the minimum, the too-little-data mark. */
export function EstimateCell({
  e,
  percent = false,
  label,
}: {
  e: Estimate;
  percent?: boolean;
  label: string;
}) {
  const interval = estimateInterval(e, percent);
  return (
    <td className={`num cal-estimate${e.insufficient ? ' insufficient' : ''}`} data-label={label}>
      <span className="cal-value">{formatEstimate(e, percent)}</span>
      {e.insufficient && <span className="cal-flag">too little data</span>}
      {interval && <span className="qa-sub">{interval}</span>}
      <span className="qa-sub">{estimateN(e)}</span>
      {e.reason && e.value === null && <span className="qa-sub cal-reason-text">{e.reason}</span>}
    </td>
  );
}

function Figure({
  title,
  e,
  percent = false,
  note,
}: {
  title: string;
  e: Estimate;
  percent?: boolean;
  note: string;
}) {
  return (
    <div className={`qa-figure${e.insufficient ? '' : ' cal-figure'}`}>
      <span className="qa-figure-title">{title}</span>
      <span className="qa-figure-value">
        {formatEstimate(e, percent)}
        {e.insufficient && <span className="cal-flag">too little data</span>}
      </span>
      <span className="qa-figure-line">{estimateInterval(e, percent) || e.reason}</span>
      <span className="qa-figure-line">{estimateN(e)}</span>
      <span className="qa-figure-line">{note}</span>
    </div>
  );
}

function CriteriaStats({ stats }: { stats: CalibrationStats }) {
  return (
    <section className="panel qa-panel" aria-labelledby="cal-criteria-stats">
      <div className="panel-header">
        <h2 id="cal-criteria-stats">Per criterion</h2>
        <span className="muted">95% bootstrap intervals; N/A counts as missing</span>
      </div>
      <div className="qa-scroll">
        <table className="data qa-table cal-stats-table" aria-label="Agreement per criterion">
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col" className="num">
                Exact agreement
              </th>
              <th scope="col" className="num">
                Krippendorff&apos;s <span className="cal-greek">α</span>
              </th>
              <th scope="col" className="num">
                Gwet&apos;s AC1 / AC2
              </th>
            </tr>
          </thead>
          <tbody>
            {stats.criteria.map((c) => (
              <tr key={c.criterionId} data-criterion={c.criterionId}>
                <th scope="row" className="row-head">
                  {c.label}
                  <span className="qa-sub">
                    {c.sectionLabel} · {SCALE_WORDS[c.scale]} · α {c.alpha.metric}, {c.ac.kind}
                  </span>
                </th>
                <EstimateCell e={c.exact} percent label="exact agreement" />
                <EstimateCell e={c.alpha} label="alpha" />
                <EstimateCell e={c.ac} label={c.ac.kind} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="cal-how">
        <summary>How these are computed</summary>
        <ul>
          {stats.method.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}

/** Agreement for the whole form and per criterion, each with its 95% interval and n. */
export function StatsView({ stats }: { stats: CalibrationStats }) {
  const { form } = stats;
  return (
    <div className="cal-stats">
      <section className="panel qa-panel" aria-labelledby="cal-form-stats">
        <div className="panel-header">
          <h2 id="cal-form-stats">Whole form</h2>
          <span className="muted">
            {plural(stats.reviews, 'submitted review')} by {plural(stats.evaluators.length, 'evaluator')} on{' '}
            {plural(stats.interactions, 'interaction')}
          </span>
        </div>
        <div className="qa-figures">
          <Figure
            title="Exact agreement"
            e={form.exact}
            percent
            note="pairs of evaluators giving the same rating"
          />
          <Figure
            title="Krippendorff's α (pooled)"
            e={form.alpha}
            note={`agreement beyond chance over ${plural(form.alpha.criteriaUsed, 'criterion', 'criteria')}; 1 = perfect, 0 = chance`}
          />
          <Figure
            title="ICC(2,1) of the total score"
            e={form.icc}
            note={`absolute agreement of ${plural(form.icc.raters, 'evaluator')}' scores on interactions all scored`}
          />
        </div>
      </section>
      <CriteriaStats stats={stats} />
    </div>
  );
}
