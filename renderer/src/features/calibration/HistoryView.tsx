import { useId, useMemo, useState } from 'react';
import { MIN_PAIRABLE_UNITS, MIN_PAIRABLE_VALUES } from '../../../../shared/calibration/stats';
import type { AgreementTrend, CalibrationHistory } from '../../../../shared/calibration/types';
import { call } from '../../lib/api';
import { plural } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';
import { COLORS } from '../kpis/chartData';
import { LineChart, type ChartSeries, type LineChartProps } from '../kpis/LineChart';
import { formatEstimate, shortDate } from './format';
import { Crumbs } from './parts';
import { useCalibrationNav } from './store';

/** Distinct, readable line colours for evaluators (the first is the app's accent). */
const PALETTE = [COLORS.value, '#b45309', '#0d9488', '#7c3aed', '#be185d', '#4d7c0f', '#0369a1', '#78716c'];

const TREND_WORDS: Record<AgreementTrend['direction'], string> = {
  converging: 'converging',
  diverging: 'drifting apart',
  steady: 'no clear change',
  too_few: 'too few sessions',
};

/** A line chart with one point per revealed session, dated by its reveal. */
function SessionChart(
  props: { history: CalibrationHistory } & Omit<LineChartProps, 'xMin' | 'xMax' | 'xLabel' | 'legend'>,
) {
  const { history, ...chart } = props;
  return (
    <LineChart
      {...chart}
      xMin={0}
      xMax={Math.max(history.sessions.length - 1, 1)}
      xLabel={(x) => shortDate(history.sessions[Math.round(x)]?.revealedAt ?? null)}
      legend
    />
  );
}

function AgreementChart({ history }: { history: CalibrationHistory }) {
  const series = useMemo(
    (): ChartSeries[] => [
      {
        label: "Krippendorff's α, whole form",
        color: COLORS.value,
        dots: true,
        points: history.sessions.map((s, x) => ({ x, y: s.alpha.value, n: s.alpha.pairableUnits })),
      },
      {
        label: 'ICC(2,1), total score',
        color: COLORS.rolling,
        dots: true,
        dashed: true,
        points: history.sessions.map((s, x) => ({ x, y: s.icc.value, n: s.icc.pairableUnits })),
      },
    ],
    [history],
  );
  return (
    <SessionChart
      history={history}
      series={series}
      yLabel={(y) => y.toFixed(1)}
      valueLabel={(y) => y.toFixed(2)}
      yClamp={{ min: -1, max: 1 }}
      height={220}
      nLabel="interactions"
      minN={MIN_PAIRABLE_UNITS}
      noDataText="No revealed session has enough ratings for an agreement figure yet"
      ariaLabel="Agreement of the whole form per calibration session"
    />
  );
}

function DriftChart({ history }: { history: CalibrationHistory }) {
  const series = useMemo(
    (): ChartSeries[] =>
      history.drift.map((d, i) => ({
        label: d.evaluator,
        color: PALETTE[i % PALETTE.length] ?? COLORS.value,
        dots: true,
        points: history.sessions.map((s, x) => {
          const p = d.points.find((q) => q.sessionId === s.sessionId);
          return { x, y: p?.meanSigned === null || !p ? null : p.meanSigned * 100, n: p?.n ?? 0 };
        }),
      })),
    [history],
  );
  return (
    <SessionChart
      history={history}
      series={series}
      yLabel={(y) => `${y > 0 ? '+' : ''}${y.toFixed(0)}%`}
      valueLabel={(y) => `${y > 0 ? '+' : ''}${y.toFixed(1)}% of the scale`}
      height={240}
      nLabel="ratings"
      minN={MIN_PAIRABLE_VALUES}
      noDataText="No evaluator deviation to show yet"
      ariaLabel="Each evaluator's mean signed deviation from the consensus or expert, per session"
    />
  );
}

function CriteriaTable({ history }: { history: CalibrationHistory }) {
  return (
    <div className="qa-scroll">
      <table
        className="data qa-table cal-history-table"
        aria-label="Krippendorff's alpha per criterion and session"
      >
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            {history.sessions.map((s) => (
              <th scope="col" className="num" key={s.sessionId}>
                {shortDate(s.revealedAt)}
              </th>
            ))}
            <th scope="col">Trend</th>
          </tr>
        </thead>
        <tbody>
          {history.criteria.map((c) => (
            <tr key={c.criterionId}>
              <th scope="row" className="row-head">
                {c.label}
              </th>
              {history.sessions.map((s) => {
                const p = c.points.find((q) => q.sessionId === s.sessionId);
                return (
                  <td
                    className={`num${p?.alpha.insufficient ? ' cal-low' : ''}`}
                    key={s.sessionId}
                    title={
                      p
                        ? `n = ${p.alpha.pairableUnits} interactions, ${p.alpha.pairableValues} ratings${p.alpha.reason ? `. ${p.alpha.reason}` : ''}`
                        : 'not on this form version'
                    }
                  >
                    {p ? formatEstimate(p.alpha) : '—'}
                    {p?.alpha.insufficient && <span aria-label="too little data">*</span>}
                    {p && <span className="qa-sub">n = {p.alpha.pairableUnits}</span>}
                  </td>
                );
              })}
              <td className={`cal-trend ${c.trend.direction}`} title={c.trend.text}>
                {TREND_WORDS[c.trend.direction]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Agreement per criterion over time, whether the team is converging, and each evaluator's drift. */
export function HistoryView() {
  const id = useId();
  const version = useCalibrationNav((s) => s.version);
  const [formId, setFormId] = useState<string | undefined>(undefined);
  const history = useLoad(`history:${formId ?? ''}:${version}`, () =>
    call('getCalibrationHistory', formId ? { formId } : {}),
  );
  const h = history.data;
  return (
    <div className="cal-history">
      <Crumbs current="History" />
      {history.error && (
        <p className="error" role="alert">
          Could not load the history: {history.error}
        </p>
      )}
      {!h && !history.error && <p className="muted">Loading…</p>}
      {h && h.sessions.length === 0 && (
        <p className="empty-state">No revealed sessions yet: the history starts with the first reveal.</p>
      )}
      {h && h.sessions.length > 0 && (
        <>
          <div className="cal-toolbar">
            <label htmlFor={`${id}-form`}>Form</label>
            <select id={`${id}-form`} value={h.formId ?? ''} onChange={(e) => setFormId(e.target.value)}>
              {h.forms.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name} ({plural(f.sessions, 'revealed session')})
                </option>
              ))}
            </select>
          </div>
          <section className="panel qa-panel" aria-labelledby="cal-conv-title">
            <div className="panel-header">
              <h2 id="cal-conv-title">Is the team converging?</h2>
              <span className={`cal-trend ${h.formTrend.direction}`}>
                {TREND_WORDS[h.formTrend.direction]}
              </span>
            </div>
            <p data-testid="form-trend">{h.formTrend.text}</p>
            <AgreementChart history={h} />
          </section>
          <section className="panel qa-panel" aria-labelledby="cal-crit-hist-title">
            <div className="panel-header">
              <h2 id="cal-crit-hist-title">Agreement per criterion</h2>
              <span className="muted">Krippendorff&apos;s α per session; * too little data to judge</span>
            </div>
            <CriteriaTable history={h} />
          </section>
          <section className="panel qa-panel" aria-labelledby="cal-drift-title">
            <div className="panel-header">
              <h2 id="cal-drift-title">Evaluator drift</h2>
              <span className="muted">mean signed deviation per session: above 0 lenient, below 0 harsh</span>
            </div>
            <DriftChart history={h} />
          </section>
          <details className="panel cal-how">
            <summary>How these are computed</summary>
            <ul>
              {h.method.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </details>
        </>
      )}
    </div>
  );
}
