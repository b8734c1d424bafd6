import type { ReviewScoreExplanation, CriterionExplanation } from '../../../../../shared/reviews/explain';
import './score.css';

const pct = (n: number | null) => (n === null ? '—' : `${n.toFixed(1)}%`);
const pts = (n: number | null) => (n === null ? '—' : n.toFixed(1));

interface ScorePanelProps {
  explanation: ReviewScoreExplanation;
  passScore: number | null;
}

/** "Why this score": the live score, what each criterion added, what N/A removed, what failed. */
export function ScorePanel({ explanation: x, passScore }: ScorePanelProps) {
  const total = x.criteria.length;
  const na = x.criteria.filter((c) => c.state === 'not_applicable');
  const answered = x.criteria.filter((c) => c.state !== 'unanswered').length;
  const verdict = verdictOf(x, passScore);
  const announcement = `Score ${pct(x.score)}. ${answered} of ${total} answered.${verdict ? ` ${verdict.text}` : ''}`;
  return (
    <section className="panel rw-score" aria-labelledby="rw-score-title">
      <h2 id="rw-score-title">Score</h2>
      <p className="rw-score-value" data-testid="review-score">
        {pct(x.score)}
      </p>
      {x.score === null && <p className="muted rw-score-n">Rate a criterion to see the score.</p>}
      {verdict && <p className={`rw-verdict ${verdict.tone}`}>{verdict.text}</p>}
      <p className="muted rw-score-n">
        {answered} of {total} criteria answered
        {na.length > 0 ? `; ${na.length} N/A` : ''}
        {x.unansweredWeight > 0 && answered > 0 ? ' (the score so far counts only the rated ones)' : ''}
      </p>
      {/* Polite: the evaluator keeps rating while the new score is read out. */}
      <p className="rw-sr-only" aria-live="polite" data-testid="score-announcement">
        {answered > 0 ? announcement : ''}
      </p>
      <details className="rw-why" open>
        <summary>Why this score</summary>
        <WhyTable x={x} />
        {x.notApplicableWeight > 0 && (
          <p className="rw-why-note">
            N/A removed weight {fmtWeight(x.notApplicableWeight)} of {fmtWeight(x.totalWeight)} from the
            denominator ({na.map((c) => c.label).join(', ')}).
          </p>
        )}
        {x.failedCriteriaLabels.length > 0 && (
          <p className="rw-why-note bad">
            Critical criterion failed: {x.failedCriteriaLabels.join(', ')}.{' '}
            {x.zeroedByCritical
              ? `This form sets the score to 0; the ratings earned ${pct(x.earnedScore)}.`
              : 'The score is kept and the review is marked failed.'}
          </p>
        )}
      </details>
    </section>
  );
}

const fmtWeight = (w: number) => (Number.isInteger(w) ? String(w) : w.toFixed(2));

function verdictOf(
  x: ReviewScoreExplanation,
  passScore: number | null,
): { text: string; tone: string } | null {
  if (x.failedCritical) return { text: 'Failed: a critical criterion failed.', tone: 'bad' };
  if (x.score === null || passScore === null) return null;
  return x.score >= passScore
    ? { text: `At or above the pass line (${passScore}%).`, tone: 'good' }
    : { text: `Below the pass line (${passScore}%).`, tone: 'warn' };
}

function WhyTable({ x }: { x: ReviewScoreExplanation }) {
  return (
    <table className="rw-why-table">
      <caption className="rw-sr-only">Points per criterion</caption>
      <thead>
        <tr>
          <th scope="col">Criterion</th>
          <th scope="col" className="num" title="Weight, and its share of the weight that counts">
            Weight
          </th>
          <th scope="col" className="num" title="Percentage points earned of those possible">
            Points
          </th>
        </tr>
      </thead>
      <tbody>
        {x.sectionDetails.map((section) => (
          <SectionRows
            key={section.id}
            label={section.label}
            score={section.score}
            rows={x.criteria.filter((c) => c.sectionId === section.id)}
          />
        ))}
      </tbody>
    </table>
  );
}

function SectionRows(props: { label: string; score: number | null; rows: CriterionExplanation[] }) {
  return (
    <>
      <tr className="rw-why-section">
        <th scope="rowgroup" colSpan={2}>
          {props.label}
        </th>
        <td className="num">{pct(props.score)}</td>
      </tr>
      {props.rows.map((c) => (
        <tr key={c.criterionId} className={c.failedCritical ? 'failed' : c.state}>
          <th scope="row">
            {c.label}
            {c.failedCritical && <span className="rw-critical">failed</span>}
          </th>
          <td className="num">
            {fmtWeight(c.weight)}
            {c.weightShare !== null && <span className="muted"> ({Math.round(c.weightShare * 100)}%)</span>}
          </td>
          <td className="num">{pointsText(c)}</td>
        </tr>
      ))}
    </>
  );
}

function pointsText(c: CriterionExplanation): string {
  if (c.state === 'not_applicable') return 'N/A, removed';
  if (c.state === 'unanswered') return 'not rated';
  const possible = (c.contribution ?? 0) + (c.lost ?? 0);
  return `${pts(c.contribution)} of ${pts(possible)}`;
}
