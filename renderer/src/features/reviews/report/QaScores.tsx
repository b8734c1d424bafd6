import type { QaReport } from '../../../../../shared/ipc/contracts/qa';
import type { QaFigures, QaScore } from '../../../../../shared/reviews/qaSummary';
import { plural } from '../../../lib/format';
import {
  formatScore,
  formatShare,
  reviewsN,
  scoreInterval,
  scoreTone,
  scoreWords,
  shareInterval,
} from './qaFormat';

type Settings = QaReport['settings'];

/** A QA score with its words; the low-n mark replaces any colour below the minimum. */
export function ScoreCell({
  score,
  settings,
  neutral = false,
}: {
  score: QaScore;
  settings: Settings;
  /** Section and criterion averages: the pass line is for whole reviews, so no colour or words. */
  neutral?: boolean;
}) {
  const tone = neutral ? 'none' : scoreTone(score, settings.passScore);
  const words = neutral ? scoreInterval(score) : scoreWords(score, settings);
  return (
    <span className={`qa-score tone-${tone}`} title={`${scoreInterval(score)} · ${words}`}>
      <span className="qa-score-value">{formatScore(score.mean)}</span>
      {score.tooFew && score.n > 0 ? (
        <span className="low-n-badge">too few to judge</span>
      ) : (
        <span className="kpi-sr">, {words}</span>
      )}
    </span>
  );
}

function Figure(props: { title: string; value: string; lines: Array<string | null>; tone?: string }) {
  return (
    <div className={`qa-figure tone-${props.tone ?? 'none'}`}>
      <span className="qa-figure-title">{props.title}</span>
      <span className="qa-figure-value">{props.value}</span>
      {props.lines.filter(Boolean).map((line, i) => (
        <span key={i} className="qa-figure-line">
          {line}
        </span>
      ))}
    </div>
  );
}

/** The scope's QA score, pass share and failed-critical share, each with n and its interval. */
export function QaHeadline({
  figures,
  settings,
  scope,
}: {
  figures: QaFigures;
  settings: Settings;
  scope: string;
}) {
  const { score, passed, failedCritical } = figures;
  return (
    <div className="qa-figures" role="group" aria-label={`QA figures for ${scope}`}>
      <Figure
        title={`QA score · ${scope}`}
        value={formatScore(score.mean)}
        tone={scoreTone(score, settings.passScore)}
        lines={[reviewsN(score.n), score.n > 0 ? scoreInterval(score) : null, scoreWords(score, settings)]}
      />
      <Figure
        title={`Passed (score ≥ ${settings.passScore})`}
        value={formatShare(passed)}
        lines={[reviewsN(passed.n, 'scored review'), shareInterval(passed)]}
      />
      <Figure
        title="Failed a critical criterion"
        value={formatShare(failedCritical)}
        lines={[reviewsN(failedCritical.n), shareInterval(failedCritical)]}
      />
    </div>
  );
}

function Row({
  name,
  figures,
  settings,
  head,
}: {
  name: string;
  figures: QaFigures;
  settings: Settings;
  head?: boolean;
}) {
  const { score, failedCritical } = figures;
  return (
    <tr className={head ? 'qa-team-row' : undefined}>
      <th scope="row" className="row-head">
        {name}
      </th>
      <td className="num">
        <ScoreCell score={score} settings={settings} />
      </td>
      <td className="num">{score.n}</td>
      <td className="qa-interval">{score.n > 0 ? scoreInterval(score).replace('95% interval ', '') : '—'}</td>
      <td className="num">
        {formatShare(failedCritical)}
        {shareInterval(failedCritical) && (
          <span className="qa-sub">{shareInterval(failedCritical)?.replace('95% interval ', '')}</span>
        )}
      </td>
    </tr>
  );
}

/** QA score per agent, with the team (or every team) on top for comparison. */
export function QaAgentsTable({ report, scope }: { report: QaReport; scope: string }) {
  const { settings } = report;
  if (report.agents.length === 0)
    return (
      <p className="empty-state">
        No submitted reviews in this period{report.teamId ? ' for this team' : ''}.
      </p>
    );
  return (
    <table className="data qa-table" aria-label="QA score per agent">
      <caption className="qa-caption">
        {plural(report.agents.length, 'agent')} reviewed · fewer than {settings.minReviews} reviews is too few
        to judge and is not coloured
      </caption>
      <thead>
        <tr>
          <th scope="col">Agent</th>
          <th scope="col" className="num">
            QA score
          </th>
          <th scope="col" className="num">
            n (reviews)
          </th>
          <th scope="col">95% interval</th>
          <th scope="col" className="num">
            Failed critical
          </th>
        </tr>
      </thead>
      <tbody>
        <Row name={scope} figures={report.overall} settings={settings} head />
        {report.teamId === null &&
          report.teams.length > 1 &&
          report.teams.map((t) => (
            <Row key={t.id ?? 'none'} name={t.name} figures={t} settings={settings} head />
          ))}
        {report.agents.map((a) => (
          <Row key={a.agentId} name={a.agentName} figures={a} settings={settings} />
        ))}
      </tbody>
    </table>
  );
}
