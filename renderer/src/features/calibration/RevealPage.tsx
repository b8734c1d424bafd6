import { useRef, useState, type KeyboardEvent } from 'react';
import type { CalibrationSessionDetail } from '../../../../shared/ipc/contracts/calibration';
import { call } from '../../lib/api';
import { useLoad } from '../../lib/useLoad';
import { DeviationTable } from './DeviationTable';
import { RevealDiscussion } from './RevealDiscussion';
import { StatsView } from './StatsView';
import { useCalibrationNav } from './store';

const TABS = [
  { id: 'discussion', label: 'Discussion' },
  { id: 'agreement', label: 'Agreement' },
  { id: 'evaluators', label: 'Evaluators' },
] as const;
type Tab = (typeof TABS)[number]['id'];

/** After the reveal: the ratings side by side to discuss, the agreement statistics, and each evaluator's deviation. */
export function RevealPage({ session }: { session: CalibrationSessionDetail }) {
  const version = useCalibrationNav((s) => s.version);
  const [tab, setTab] = useState<Tab>('discussion');
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const reveal = useLoad(`reveal:${session.id}:${version}`, () =>
    call('getCalibrationReveal', { sessionId: session.id }),
  );
  const stats = useLoad(`stats:${session.id}:${version}`, () =>
    call('getCalibrationStats', { sessionId: session.id }),
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = TABS.findIndex((t) => t.id === tab);
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % TABS.length
        : event.key === 'ArrowLeft'
          ? (index + TABS.length - 1) % TABS.length
          : null;
    if (next === null) return;
    event.preventDefault();
    setTab(TABS[next]?.id ?? 'discussion');
    buttons.current[next]?.focus();
  };

  return (
    <div className="cal-reveal-page">
      <div
        className="reviews-tabs cal-subtabs"
        role="tablist"
        aria-label="Revealed session"
        onKeyDown={onKeyDown}
      >
        {TABS.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`cal-tab-${t.id}`}
            aria-selected={t.id === tab}
            aria-controls={`cal-panel-${t.id}`}
            tabIndex={t.id === tab ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`cal-panel-${tab}`} aria-labelledby={`cal-tab-${tab}`}>
        {tab === 'discussion' &&
          (reveal.data ? (
            <RevealDiscussion reveal={reveal.data} editable={session.state === 'revealed'} />
          ) : (
            <p className={reveal.error ? 'error' : 'muted'}>{reveal.error ?? 'Loading…'}</p>
          ))}
        {tab === 'agreement' &&
          (stats.data ? (
            <StatsView stats={stats.data} />
          ) : (
            <p className={stats.error ? 'error' : 'muted'}>{stats.error ?? 'Loading…'}</p>
          ))}
        {tab === 'evaluators' &&
          (stats.data ? (
            <DeviationTable stats={stats.data} />
          ) : (
            <p className={stats.error ? 'error' : 'muted'}>{stats.error ?? 'Loading…'}</p>
          ))}
      </div>
    </div>
  );
}
