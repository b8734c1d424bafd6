import type { Estimate } from '../../../shared/calibration/stats';
import type { CalibrationStats } from '../../../shared/calibration/types';
import type { CalibrationReveal, RevealRating } from '../../../shared/ipc/contracts/calibration';
import { toCsv, type CsvCell } from '../../../shared/kpi/csv';
import type { BackendContext } from '../core/context';
import { fileSlug } from './packetExport';
import { getReveal } from './reveal';
import { getCalibrationStats } from './stats';

export interface CalibrationReport {
  reveal: CalibrationReveal;
  stats: CalibrationStats;
}

const round = (v: number | null, digits = 3) => (v === null ? null : Number(v.toFixed(digits)));

function estimateRow(
  label: string,
  section: string,
  scale: string,
  statistic: string,
  e: Estimate,
): CsvCell[] {
  return [
    label,
    section,
    scale,
    statistic,
    round(e.value),
    round(e.interval?.lower ?? null),
    round(e.interval?.upper ?? null),
    e.pairableUnits,
    e.pairableValues,
    e.insufficient ? 'yes' : 'no',
    e.reason,
  ];
}

const answerText = (r: RevealRating): CsvCell => (!r.answered ? '' : r.notApplicable ? 'N/A' : r.rating);
const pct = (v: number | null) => (v === null ? null : round(v * 100, 1));

function headerRows({ reveal, stats }: CalibrationReport): CsvCell[][] {
  const { session } = reveal;
  return [
    ['calibration_session', session.name],
    ['session_id', session.id],
    ['form', `${session.formName} v${session.formVersion}`],
    ['state', session.state],
    ['revealed_at', session.revealedAt],
    ['evaluators', stats.evaluators.join('; ')],
    ['expert', session.expert],
    ['interactions', stats.interactions],
    ['reviews', stats.reviews],
    [
      'bootstrap',
      `${stats.method.resamples} resamples, seed ${stats.method.seed}, ${stats.method.level * 100}% percentile intervals`,
    ],
  ];
}

function agreementRows(stats: CalibrationStats): CsvCell[][] {
  const rows: CsvCell[][] = [
    [
      'criterion',
      'section',
      'scale',
      'statistic',
      'value',
      'lower_95',
      'upper_95',
      'units',
      'ratings',
      'insufficient',
      'reason',
    ],
  ];
  for (const c of stats.criteria) {
    rows.push(estimateRow(c.label, c.sectionLabel, c.scale, '% exact agreement', c.exact));
    rows.push(
      estimateRow(c.label, c.sectionLabel, c.scale, `Krippendorff alpha (${c.alpha.metric})`, c.alpha),
    );
    rows.push(estimateRow(c.label, c.sectionLabel, c.scale, `Gwet ${c.ac.kind}`, c.ac));
  }
  rows.push(estimateRow('(whole form)', '', '', '% exact agreement', stats.form.exact));
  rows.push(estimateRow('(whole form)', '', '', 'Krippendorff alpha (pooled)', stats.form.alpha));
  rows.push(estimateRow('(total score)', '', '0-100', 'ICC(2,1) absolute agreement', stats.form.icc));
  return rows;
}

function deviationRows(stats: CalibrationStats): CsvCell[][] {
  return [
    [
      'evaluator',
      'expert',
      'reference',
      'ratings_compared',
      'mean_signed_pct_of_scale',
      'mean_absolute_pct_of_scale',
      'insufficient',
    ],
    ...stats.deviations.map((d) => [
      d.evaluator,
      d.isExpert ? 'yes' : 'no',
      stats.reference,
      d.n,
      pct(d.meanSigned),
      pct(d.meanAbsolute),
      d.insufficient ? 'yes' : 'no',
    ]),
  ];
}

function ratingRows({ reveal, stats }: CalibrationReport): CsvCell[][] {
  const rows: CsvCell[][] = [
    [
      'interaction_id',
      'agent',
      'criterion',
      ...stats.evaluators,
      'spread',
      'agreeing',
      'answers',
      'consensus',
      'agreed',
      'note',
    ],
  ];
  const agentOf = new Map(reveal.interactions.map((i) => [i.interactionId, i.agentName]));
  for (const criterion of reveal.criteria)
    for (const cell of criterion.cells)
      rows.push([
        cell.interactionId,
        agentOf.get(cell.interactionId) ?? null,
        criterion.label,
        ...cell.ratings.map(answerText),
        cell.spread,
        cell.modalCount,
        cell.answers,
        cell.consensus
          ? cell.consensus.notApplicable
            ? 'N/A'
            : cell.consensus.rating
          : cell.tie
            ? 'tie'
            : '',
        cell.agreed ? (cell.agreed.notApplicable ? 'N/A' : cell.agreed.rating) : '',
        cell.agreed?.note ?? null,
      ]);
  return rows;
}

/** Header block, agreement per criterion and for the form, evaluator deviations, then every rating. */
export function reportCsv(report: CalibrationReport): string {
  return toCsv([
    ...headerRows(report),
    [],
    ...agreementRows(report.stats),
    [],
    ...deviationRows(report.stats),
    [],
    ...ratingRows(report),
  ]);
}

export function calibrationReport(ctx: Pick<BackendContext, 'db'>, sessionId: string): CalibrationReport {
  return { reveal: getReveal(ctx, sessionId), stats: getCalibrationStats(ctx, sessionId) };
}

export function exportReport(
  ctx: Pick<BackendContext, 'db'>,
  input: { sessionId: string; format: 'csv' | 'json' },
): { fileName: string; text: string } {
  const report = calibrationReport(ctx, input.sessionId);
  const base = `calibration-${fileSlug(report.reveal.session.name)}`;
  return input.format === 'csv'
    ? { fileName: `${base}.csv`, text: reportCsv(report) }
    : { fileName: `${base}.json`, text: `${JSON.stringify(report, null, 2)}\n` };
}
