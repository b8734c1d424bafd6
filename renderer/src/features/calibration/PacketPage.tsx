import type { Channel } from '../../../../shared/domain/types';
import { useId, useState } from 'react';
import type { CalibrationPacketDetail } from '../../../../shared/ipc/contracts/calibrationPacket';
import { notify } from '../../app/store';
import { call } from '../../lib/api';
import { plural } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';
import { channelLabel, formatDateTime } from '../interactions/format';
import { useProfile } from '../reviews/workspace/profileStore';
import { scorePacketInteraction } from './CalibrationScoring';
import { exportAnswers } from './files';
import { shortDate } from './format';
import { showCalibration, useCalibrationNav } from './store';

/** The lead matches answers by name: an evaluator whose profile is not on the list switches to it. */
function ListedName({ packet }: { packet: CalibrationPacketDetail }) {
  const id = useId();
  const save = useProfile((s) => s.save);
  const refresh = useCalibrationNav((s) => s.refresh);
  const [choice, setChoice] = useState('');
  if (packet.me.listed)
    return (
      <p>
        Scoring as <strong data-testid="scoring-as">{packet.me.name}</strong>, one of the evaluators the lead
        listed.
      </p>
    );
  const use = async () => {
    const error = await save(choice);
    if (error) return notify(error, 'error');
    notify(`Your profile is now ${choice}.`, 'success');
    refresh();
  };
  return (
    <div className="cal-switch">
      <p className="error" role="alert">
        Your profile{packet.me.name ? ` "${packet.me.name}"` : ''} is not on the lead&apos;s list (
        {packet.evaluators.join(', ')}): the lead could not import your answers. Use your name as listed.
      </p>
      <div className="cal-row">
        <label htmlFor={`${id}-who`}>I am</label>
        <select id={`${id}-who`} value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">Choose your name…</option>
          {packet.evaluators.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <button type="button" className="primary" disabled={!choice} onClick={() => void use()}>
          Use this name
        </button>
      </div>
    </div>
  );
}

function PacketInteractions({ packet: p }: { packet: CalibrationPacketDetail }) {
  const sessionId = p.sessionId;
  return (
    <table className="data qa-table" aria-label="Packet interactions">
      <thead>
        <tr>
          <th scope="col">Interaction</th>
          <th scope="col">Agent</th>
          <th scope="col">Channel</th>
          <th scope="col">Your review</th>
          <th scope="col">
            <span className="rw-sr-only">Action</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {p.interactions.map((i) => (
          <tr key={i.interactionId}>
            <th scope="row" className="row-head">
              #{i.interactionId} · {formatDateTime(i.startedAt)}
              {i.subject && <span className="qa-sub">{i.subject}</span>}
            </th>
            <td>{i.agentName ?? '—'}</td>
            <td>{channelLabel(i.channel as Channel)}</td>
            <td>
              {i.status === 'none' ? 'not started' : i.status}
              {i.score !== null && i.status === 'submitted' ? ` · score ${i.score.toFixed(1)}` : ''}
            </td>
            <td>
              <button
                type="button"
                className={i.status === 'submitted' ? 'secondary' : 'primary'}
                disabled={!p.me.listed}
                aria-label={`${i.status === 'none' ? 'Score' : i.status === 'draft' ? 'Continue' : 'Open'} interaction ${i.interactionId}`}
                onClick={() => void scorePacketInteraction(sessionId, i.interactionId)}
              >
                {i.status === 'none' ? 'Score' : i.status === 'draft' ? 'Continue' : 'Open'}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A packet from another machine: its interactions, your blind answers, and the file back. */
export function PacketPage({ sessionId }: { sessionId: string }) {
  const version = useCalibrationNav((s) => s.version);
  const packet = useLoad(`packet:${sessionId}:${version}`, () => call('getCalibrationPacket', { sessionId }));
  const p = packet.data;
  if (packet.error && !p)
    return (
      <p className="error" role="alert">
        The packet could not be loaded: {packet.error}
      </p>
    );
  if (!p) return <p className="muted">Loading…</p>;
  const submitted = p.interactions.filter((i) => i.status === 'submitted').length;
  return (
    <div className="cal-session">
      <nav aria-label="Breadcrumb" className="cal-crumbs">
        <button type="button" className="link" onClick={() => showCalibration({ kind: 'list' })}>
          Calibration sessions
        </button>
        <span aria-hidden="true"> › </span>
        <span aria-current="page">{p.name}</span>
      </nav>
      <header className="cal-head">
        <h2>{p.name}</h2>
        <span className="cal-state scoring">Packet from {p.exportedBy}</span>
        <span className="muted">
          {p.formName} v{p.formVersion} · {plural(p.interactionCount, 'interaction')} · exported{' '}
          {shortDate(p.exportedAt)} · opened here {shortDate(p.openedAt)}
        </span>
      </header>
      <div className="cal-toolbar" role="toolbar" aria-label="Packet actions">
        <button
          type="button"
          className="primary"
          disabled={submitted === 0}
          onClick={() => void exportAnswers(sessionId)}
        >
          Export answers… ({submitted} of {p.interactionCount})
        </button>
      </div>
      <p className="cal-blind" role="note">
        Blind: your answers stay in this copy until you export them, and you never see anyone else&apos;s.
        Submitted interactions go into the answers file; drafts stay here.
      </p>
      <section className="panel qa-panel" aria-labelledby="cal-packet-title">
        <div className="panel-header">
          <h2 id="cal-packet-title">Interactions to score</h2>
        </div>
        <ListedName packet={p} />
        <PacketInteractions packet={p} />
      </section>
    </div>
  );
}
