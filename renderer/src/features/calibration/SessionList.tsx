import type { CalibrationSessionSummary } from '../../../../shared/ipc/contracts/calibration';
import type { CalibrationPacketSummary } from '../../../../shared/ipc/contracts/calibrationPacket';
import { call } from '../../lib/api';
import { useLoad } from '../../lib/useLoad';
import { importAnswersFile, openPacketFile } from './files';
import { shortDate, STATE_WORDS } from './format';
import { showCalibration, useCalibrationNav } from './store';

function progressText(s: CalibrationSessionSummary): string {
  return s.evaluators
    .map(
      (e) =>
        `${e.name}${e.isExpert ? ' (expert)' : ''} ${e.submitted}/${s.interactionCount}${e.drafts ? ` +${e.drafts} draft` : ''}`,
    )
    .join(' · ');
}

const when = (s: CalibrationSessionSummary) => s.closedAt ?? s.revealedAt ?? s.scoringAt ?? s.createdAt;

function SessionsTable({ sessions, me }: { sessions: CalibrationSessionSummary[]; me: string | null }) {
  if (sessions.length === 0)
    return (
      <p className="empty-state">
        No calibration sessions yet. Start one: several evaluators score the same interactions blind, then
        compare.
      </p>
    );
  return (
    <div className="qa-scroll">
      <table className="data qa-table cal-sessions" aria-label="Calibration sessions">
        <thead>
          <tr>
            <th scope="col">Session</th>
            <th scope="col">State</th>
            <th scope="col">Form</th>
            <th scope="col" className="num">
              Interactions
            </th>
            <th scope="col">Evaluators (submitted of the interactions)</th>
            <th scope="col">Date</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => {
            const mine = s.state === 'scoring' ? s.evaluators.find((e) => e.name === me) : undefined;
            const waiting = mine && mine.submitted < s.interactionCount;
            return (
              <tr key={s.id} data-session={s.name}>
                <th scope="row" className="row-head">
                  <button
                    type="button"
                    className="link"
                    onClick={() => showCalibration({ kind: 'session', sessionId: s.id })}
                  >
                    {s.name}
                  </button>
                  {waiting && <span className="badge">waiting for you</span>}
                </th>
                <td>
                  <span className={`cal-state ${s.state}`}>{STATE_WORDS[s.state]}</span>
                </td>
                <td>
                  {s.formName} v{s.formVersion}
                </td>
                <td className="num">{s.interactionCount}</td>
                <td className="cal-progress">{progressText(s)}</td>
                <td>{shortDate(when(s))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function PacketsTable({ packets }: { packets: CalibrationPacketSummary[] }) {
  return (
    <div className="qa-scroll">
      <table className="data qa-table" aria-label="Calibration packets opened here">
        <thead>
          <tr>
            <th scope="col">Packet</th>
            <th scope="col">From</th>
            <th scope="col">Form</th>
            <th scope="col">Your answers</th>
            <th scope="col">Opened</th>
          </tr>
        </thead>
        <tbody>
          {packets.map((p) => (
            <tr key={p.sessionId}>
              <th scope="row" className="row-head">
                <button
                  type="button"
                  className="link"
                  onClick={() => showCalibration({ kind: 'packet', sessionId: p.sessionId })}
                >
                  {p.name}
                </button>
              </th>
              <td>{p.exportedBy}</td>
              <td>
                {p.formName} v{p.formVersion}
              </td>
              <td>
                {p.me.name ?? 'no profile'}: {p.me.submitted} of {p.interactionCount} submitted
                {p.me.drafts ? `, ${p.me.drafts} draft` : ''}
              </td>
              <td>{shortDate(p.openedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Sessions of this data file, packets opened here from other leads, and the ways in. */
export function SessionList() {
  const version = useCalibrationNav((s) => s.version);
  const list = useLoad(`sessions:${version}`, () => call('listCalibrationSessions', {}));
  const packets = useLoad(`packets:${version}`, () => call('listCalibrationPackets', {}));
  return (
    <div className="cal-list">
      <div className="cal-toolbar" role="toolbar" aria-label="Calibration">
        <button type="button" className="primary" onClick={() => showCalibration({ kind: 'new' })}>
          New session…
        </button>
        <button type="button" className="secondary" onClick={() => void importAnswersFile()}>
          Import answers…
        </button>
        <button type="button" className="secondary" onClick={() => void openPacketFile()}>
          Open calibration packet…
        </button>
        <span className="spacer" />
        <button type="button" className="secondary" onClick={() => showCalibration({ kind: 'history' })}>
          Calibration history
        </button>
      </div>
      <section className="panel qa-panel" aria-labelledby="cal-sessions-title">
        <div className="panel-header">
          <h2 id="cal-sessions-title">Calibration sessions</h2>
          <span className="muted">
            scored blind; answers are shown once a session is revealed
            {list.data?.me ? ` · you are ${list.data.me}` : ''}
          </span>
        </div>
        {list.error && (
          <p className="error" role="alert">
            Could not load the sessions: {list.error}
          </p>
        )}
        {list.data && <SessionsTable sessions={list.data.sessions} me={list.data.me} />}
      </section>
      {packets.data && packets.data.length > 0 && (
        <section className="panel qa-panel" aria-labelledby="cal-packets-title">
          <div className="panel-header">
            <h2 id="cal-packets-title">Packets from other machines</h2>
            <span className="muted">score them here, then export your answers for the lead</span>
          </div>
          <PacketsTable packets={packets.data} />
        </section>
      )}
    </div>
  );
}
