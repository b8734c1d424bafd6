import { useId, useState } from 'react';
import type { CalibrationPacketDetail } from '../../../../shared/ipc/contracts/calibrationPacket';
import { notify } from '../../app/store';
import { call } from '../../lib/api';
import { plural } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';
import { useProfile } from '../reviews/workspace/profileStore';
import { scorePacketInteraction } from './CalibrationScoring';
import { exportAnswers } from './files';
import { shortDate } from './format';
import { Crumbs, ScoreTable } from './parts';
import { useCalibrationNav } from './store';

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
      <Crumbs current={p.name} />
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
        <ScoreTable
          rows={p.interactions}
          label="Packet interactions"
          disabled={!p.me.listed}
          onScore={(interactionId) => void scorePacketInteraction(sessionId, interactionId)}
        />
      </section>
    </div>
  );
}
