import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Team } from '../../../../shared/domain/types';
import type { KpiEventDto } from '../../../../shared/ipc/contracts/kpi';
import type { DayRange } from '../../../../shared/kpi/types';
import { EventForm } from './EventForm';
import { defaultEventDraft, sortEvents, teamName, type EventDraft } from './events';
import { shortDay } from './period';
import type { KpiEventsApi } from './useKpiEvents';
import './events.css';

interface EventsPanelProps {
  api: KpiEventsApi;
  range: DayRange;
  teams: Team[];
  /** The dashboard's team selection: the default scope of a new event. */
  teamId: string | null;
}

type Notice = { text: string; undo?: EventDraft };

const UNDO_MS = 8000;
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Event markers of the shown period: list, add, delete (with confirmation and undo). */
export function EventsPanel({ api, range, teams, teamId }: EventsPanelProps) {
  const [adding, setAdding] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const events = sortEvents(api.events);
  const multiYear = range.from.slice(0, 4) !== range.to.slice(0, 4);

  useEffect(() => {
    if (!notice?.undo) return;
    const timer = setTimeout(() => setNotice(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  async function add(draft: EventDraft) {
    const { event, shown } = await api.add(draft);
    setAdding(false);
    setError(null);
    setNotice({
      text: shown
        ? `Added “${event.label}” on ${shortDay(event.day, true)}.`
        : `Added “${event.label}” on ${shortDay(event.day, true)}; it is outside the shown period or team.`,
    });
    addButton.current?.focus();
  }

  async function remove(event: KpiEventDto) {
    setBusyId(event.id);
    setError(null);
    try {
      const deleted = await api.remove(event);
      setConfirming(null);
      setNotice(
        deleted
          ? {
              text: `Deleted “${event.label}”.`,
              undo: { day: event.day, label: event.label, teamId: event.teamId },
            }
          : { text: `“${event.label}” was already deleted.` },
      );
      // The row is gone: keep the keyboard user inside the panel.
      (listRef.current ?? addButton.current)?.focus();
    } catch (e) {
      setError(`Could not delete “${event.label}”: ${errorText(e)}`);
    } finally {
      setBusyId(null);
    }
  }

  async function undo(draft: EventDraft) {
    setNotice(null);
    try {
      await api.add(draft);
      setNotice({ text: `Restored “${draft.label}”.` });
      // The Undo button is gone with the notice.
      (listRef.current ?? addButton.current)?.focus();
    } catch (e) {
      setError(`Could not restore “${draft.label}”: ${errorText(e)}`);
    }
  }

  function onConfirmKey(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.stopPropagation();
      setConfirming(null);
    }
  }

  return (
    <section className="events-panel" aria-labelledby="events-title">
      <div className="events-header">
        <h3 id="events-title">
          Events <span className="muted">({events.length})</span>
        </h3>
        {!adding && (
          <button
            ref={addButton}
            type="button"
            className="event-button"
            onClick={() => {
              setAdding(true);
              setNotice(null);
            }}
          >
            + Add event
          </button>
        )}
      </div>
      {adding && (
        <EventForm
          initial={defaultEventDraft(range, teamId)}
          teams={teams}
          onSubmit={add}
          onCancel={() => setAdding(false)}
        />
      )}
      {events.length === 0 ? (
        <p className="muted events-empty">
          No events in this period. Mark a launch or an outage to explain a spike.
        </p>
      ) : (
        <ul className="events-list" aria-label="Events in the period" ref={listRef} tabIndex={-1}>
          {events.map((e) => (
            <li key={e.id} className="event-row">
              <span className="event-day">{shortDay(e.day, multiYear)}</span>
              <span className="event-label" title={e.label}>
                {e.label}
              </span>
              <span className={e.teamId ? 'event-team' : 'event-team all'}>{teamName(e.teamId, teams)}</span>
              {confirming === e.id ? (
                <span
                  className="event-confirm"
                  role="group"
                  aria-label={`Confirm deleting ${e.label}`}
                  onKeyDown={onConfirmKey}
                >
                  <span>Delete?</span>
                  <button
                    type="button"
                    className="event-button danger"
                    autoFocus
                    disabled={busyId === e.id}
                    onClick={() => void remove(e)}
                  >
                    Delete
                  </button>
                  <button type="button" className="event-button" onClick={() => setConfirming(null)}>
                    Keep
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  className="icon-button event-delete"
                  aria-label={`Delete event ${e.label} on ${shortDay(e.day, true)}`}
                  title="Delete event"
                  onClick={() => setConfirming(e.id)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="event-error" role="alert">
          {error}
        </p>
      )}
      <div className="event-notice-slot" role="status" aria-live="polite">
        {notice && (
          <div className="event-notice">
            <span>{notice.text}</span>
            {notice.undo && (
              <button
                type="button"
                className="event-button"
                onClick={() => notice.undo && void undo(notice.undo)}
              >
                Undo
              </button>
            )}
            <button
              type="button"
              className="icon-button"
              aria-label="Dismiss"
              onClick={() => setNotice(null)}
            >
              ×
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
