import type { KeyboardEvent } from 'react';
import type { Channel } from '../../../../shared/domain/types';
import { channelLabel, formatDateTime } from '../interactions/format';
import { showCalibration } from './store';

/** "Calibration sessions › <here>": the way back to the list from every calibration page. */
export function Crumbs({ current }: { current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="cal-crumbs">
      <button type="button" className="link" onClick={() => showCalibration({ kind: 'list' })}>
        Calibration sessions
      </button>
      <span aria-hidden="true"> › </span>
      <span aria-current="page">{current}</span>
    </nav>
  );
}

/** Enter in a text field adds what was typed instead of submitting the form around it. */
export const onEnter = (run: () => void) => (event: KeyboardEvent<HTMLInputElement>) => {
  if (event.key !== 'Enter') return;
  event.preventDefault();
  run();
};

export interface ScoreRow {
  interactionId: number;
  startedAt: string;
  subject: string | null;
  agentName: string | null;
  channel: string;
  status: 'none' | 'draft' | 'submitted';
  score?: number | null;
}

const VERB = { none: 'Score', draft: 'Continue', submitted: 'Open' } as const;
const STATUS = { none: 'not started', draft: 'draft', submitted: 'submitted' } as const;

/** The profile's own interactions of a session or packet, each with Score / Continue / Open. */
export function ScoreTable(props: {
  rows: ScoreRow[];
  label: string;
  disabled?: boolean;
  onScore(id: number): void;
}) {
  return (
    <table className="data qa-table" aria-label={props.label}>
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
        {props.rows.map((i) => (
          <tr key={i.interactionId} data-interaction={i.interactionId}>
            <th scope="row" className="row-head">
              #{i.interactionId} · {formatDateTime(i.startedAt)}
              {i.subject && <span className="qa-sub">{i.subject}</span>}
            </th>
            <td>{i.agentName ?? '—'}</td>
            <td>{channelLabel(i.channel as Channel)}</td>
            <td>
              {STATUS[i.status]}
              {i.status === 'submitted' && i.score != null ? ` · score ${i.score.toFixed(1)}` : ''}
            </td>
            <td>
              <button
                type="button"
                className={i.status === 'submitted' ? 'secondary' : 'primary'}
                disabled={props.disabled}
                aria-label={`${VERB[i.status]} interaction ${i.interactionId}`}
                onClick={() => props.onScore(i.interactionId)}
              >
                {VERB[i.status]}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
