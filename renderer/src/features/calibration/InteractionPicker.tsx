import { useId, useState } from 'react';
import { onEnter } from './parts';
import type { Channel } from '../../../../shared/domain/types';
import { MAX_SESSION_INTERACTIONS } from '../../../../shared/ipc/contracts/calibration';
import { periodRange } from '../../../../shared/kpi/periods';
import { call } from '../../lib/api';
import { useLoad } from '../../lib/useLoad';
import { channelLabel, formatDateTime } from '../interactions/format';

export interface PickedInteraction {
  interactionId: number;
  label: string;
}

export const interactionLabel = (i: { agentName: string | null; channel: string; startedAt: string }) =>
  `${i.agentName ?? '—'} · ${channelLabel(i.channel as Channel)} · ${formatDateTime(i.startedAt)}`;

/** Any interaction by its number; refused with a sentence when it does not exist or has no agent. */
function AddById({ disabled, onAdd }: { disabled: boolean; onAdd(item: PickedInteraction): void }) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    setError(null);
    const n = Number(typed.trim());
    if (!Number.isInteger(n) || n <= 0) return setError('Type the number of an interaction, e.g. 1042.');
    try {
      const d = await call('getInteraction', { id: n });
      if (!d.agentId) return setError(`Interaction ${n} has no agent, so it cannot be reviewed.`);
      onAdd({ interactionId: n, label: interactionLabel(d) });
      setTyped('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <>
      <div className="cal-row">
        <label htmlFor={`${id}-typed`}>Add interaction number</label>
        <input
          id={`${id}-typed`}
          inputMode="numeric"
          value={typed}
          disabled={disabled}
          aria-describedby={error ? `${id}-error` : undefined}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={onEnter(() => void add())}
        />
        <button type="button" className="secondary" disabled={disabled} onClick={() => void add()}>
          Add
        </button>
      </div>
      {error && (
        <p className="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </>
  );
}

/** The review queue's stratified sample of the latest month, each with why it was picked. */
function Suggestions(props: {
  picked: PickedInteraction[];
  full: boolean;
  onAdd(item: PickedInteraction): void;
}) {
  const id = useId();
  const facets = useLoad('cal-facets', () => call('getInteractionFacets', {}));
  const last = facets.data?.dayRange?.to ?? null;
  const suggestions = useLoad(last ? `cal-suggest:${last}` : null, () =>
    call('getReviewQueue', {
      ...periodRange('month', last ?? ''),
      strategy: 'stratified',
      seed: 7,
      limit: 12,
    }),
  );
  if (!suggestions.data || suggestions.data.items.length === 0) return null;
  return (
    <div className="cal-suggestions">
      <h3 id={`${id}-suggest`}>
        Suggested from the latest month (mixed channels and topics, not yet reviewed)
      </h3>
      <ul aria-labelledby={`${id}-suggest`}>
        {suggestions.data.items.map((item) => {
          const label = interactionLabel(item);
          const chosen = props.picked.some((p) => p.interactionId === item.interactionId);
          return (
            <li key={item.interactionId}>
              <button
                type="button"
                className="secondary"
                disabled={chosen || props.full}
                aria-label={`${chosen ? 'Added' : 'Add'} interaction ${item.interactionId}: ${label}`}
                onClick={() => props.onAdd({ interactionId: item.interactionId, label })}
              >
                {chosen ? 'Added' : 'Add'}
              </button>
              <span>
                #{item.interactionId} · {label}
                {item.subject && <span className="muted"> — {item.subject}</span>}
                <span className="cal-reason">{item.reason}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * The session's interactions (1–10): suggestions from the review queue's stratified sample of the
 * latest month (so channels and topics are mixed, each with why it was picked), or any interaction
 * by its number.
 */
export function InteractionPicker({
  picked,
  onChange,
}: {
  picked: PickedInteraction[];
  onChange(next: PickedInteraction[]): void;
}) {
  const full = picked.length >= MAX_SESSION_INTERACTIONS;
  const add = (item: PickedInteraction) => {
    if (full || picked.some((p) => p.interactionId === item.interactionId)) return;
    onChange([...picked, item]);
  };
  return (
    <fieldset className="cal-fieldset">
      <legend>
        Interactions{' '}
        <span className="muted">
          ({picked.length} of at most {MAX_SESSION_INTERACTIONS})
        </span>
      </legend>
      {picked.length === 0 ? (
        <p className="muted">None yet: add suggestions below or type an interaction number.</p>
      ) : (
        <ol className="cal-picked" aria-label="Chosen interactions">
          {picked.map((p) => (
            <li key={p.interactionId}>
              <span>
                #{p.interactionId} · {p.label}
              </span>
              <button
                type="button"
                className="ghost"
                aria-label={`Remove interaction ${p.interactionId}`}
                onClick={() => onChange(picked.filter((x) => x.interactionId !== p.interactionId))}
              >
                Remove
              </button>
            </li>
          ))}
        </ol>
      )}
      <AddById disabled={full} onAdd={add} />
      <Suggestions picked={picked} full={full} onAdd={add} />
    </fieldset>
  );
}
