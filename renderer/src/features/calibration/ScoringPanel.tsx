import { useId, useState } from 'react';
import type { CalibrationSessionDetail } from '../../../../shared/ipc/contracts/calibration';
import { notify } from '../../app/store';
import { call } from '../../lib/api';
import { useReviewSession } from '../reviews/workspace/session';
import { useProfile } from '../reviews/workspace/profileStore';
import { shortDate } from './format';
import { ScoreTable } from './parts';
import { SessionEditor } from './SessionEditor';
import { showCalibration, useCalibrationNav } from './store';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Opens (or starts) the profile's own blind review of a session interaction in the workspace. */
export async function scoreInteraction(sessionId: string, interactionId: number): Promise<void> {
  try {
    const review = await call('startCalibrationReview', { sessionId, interactionId });
    useReviewSession.getState().load(review);
    showCalibration({ kind: 'score', sessionId, reviewId: review.id });
  } catch (error) {
    notify(message(error), 'error');
  }
}

/**
 * On a shared machine each evaluator scores under their own profile name: switching it here is
 * what keeps the answers apart (and blind) between colleagues.
 */
function EvaluatorSwitch({ session }: { session: CalibrationSessionDetail }) {
  const id = useId();
  const save = useProfile((s) => s.save);
  const refresh = useCalibrationNav((s) => s.refresh);
  const me = session.me.name;
  const [choice, setChoice] = useState('');
  const others = session.evaluators.map((e) => e.name).filter((n) => n !== me);
  const switchTo = async () => {
    if (!choice) return;
    const error = await save(choice);
    if (error) return notify(error, 'error');
    notify(`Now scoring as ${choice}.`, 'success');
    setChoice('');
    refresh();
  };
  return (
    <div className="cal-switch">
      <p>
        Scoring as <strong data-testid="scoring-as">{me ?? 'nobody yet'}</strong>
        {!session.me.isEvaluator && <span className="muted"> — not an evaluator of this session</span>}
      </p>
      {others.length > 0 && (
        <div className="cal-row">
          <label htmlFor={`${id}-who`}>Switch evaluator (shared machine)</label>
          <select id={`${id}-who`} value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">Choose who scores next…</option>
            {others.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          <button type="button" className="secondary" disabled={!choice} onClick={() => void switchTo()}>
            Switch
          </button>
        </div>
      )}
    </div>
  );
}

function MyInteractions({ session }: { session: CalibrationSessionDetail }) {
  const mine = new Map(session.me.reviews.map((r) => [r.interactionId, r]));
  const fromFile = session.evaluators.find((e) => e.name === session.me.name)?.fromFile;
  if (!session.me.isEvaluator) return null;
  if (fromFile)
    return (
      <p className="muted">
        Your answers came in from an answers file: you score in your own copy of the app.
      </p>
    );
  const rows = session.interactions.map((i) => ({
    ...i,
    status: mine.get(i.interactionId)?.status ?? ('none' as const),
  }));
  return (
    <ScoreTable
      rows={rows}
      label="Your interactions to score"
      onScore={(interactionId) => void scoreInteraction(session.id, interactionId)}
    />
  );
}

/** While scoring: who has done how much (never what they answered), your own list, and the files. */
export function ScoringPanel({ session }: { session: CalibrationSessionDetail }) {
  return (
    <div className="cal-scoring">
      <p className="cal-blind" role="note">
        Blind scoring: nobody sees another evaluator&apos;s answers, scores or comments until the session is
        revealed.
      </p>
      <section className="panel qa-panel" aria-labelledby="cal-progress-title">
        <div className="panel-header">
          <h2 id="cal-progress-title">Progress</h2>
          <span className="muted">interactions submitted, of {session.interactionCount}</span>
        </div>
        <table className="data qa-table" aria-label="Progress per evaluator">
          <thead>
            <tr>
              <th scope="col">Evaluator</th>
              <th scope="col" className="num">
                Submitted
              </th>
              <th scope="col" className="num">
                Drafts
              </th>
              <th scope="col">Scored in</th>
            </tr>
          </thead>
          <tbody>
            {session.evaluators.map((e) => (
              <tr key={e.name}>
                <th scope="row" className="row-head">
                  {e.name}
                  {e.isExpert && <span className="badge">expert</span>}
                </th>
                <td className="num">
                  {e.submitted} of {session.interactionCount}
                </td>
                <td className="num">{e.drafts}</td>
                <td>
                  {e.fromFile
                    ? 'their own copy (answers file)'
                    : e.submitted + e.drafts > 0
                      ? 'this copy'
                      : 'not started'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel qa-panel" aria-labelledby="cal-mine-title">
        <div className="panel-header">
          <h2 id="cal-mine-title">Your scoring</h2>
        </div>
        <EvaluatorSwitch session={session} />
        <MyInteractions session={session} />
      </section>
      {session.imports.length > 0 && (
        <section className="panel qa-panel" aria-labelledby="cal-imports-title">
          <div className="panel-header">
            <h2 id="cal-imports-title">Answers files imported</h2>
          </div>
          <ul className="cal-imports">
            {session.imports.map((i) => (
              <li key={i.contentHash}>
                {i.evaluator}: {i.reviews} interactions, exported {shortDate(i.exportedAt)}, imported{' '}
                {shortDate(i.importedAt)} by {i.importedBy}{' '}
                <span className="muted cal-hash">{i.contentHash.slice(0, 19)}…</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <details className="panel cal-more">
        <summary>Change the name, evaluators or expert</summary>
        <SessionEditor session={session} />
      </details>
    </div>
  );
}
