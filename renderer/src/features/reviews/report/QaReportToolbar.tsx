import type { Team } from '../../../../../shared/domain/types';
import { describePeriod } from '../../kpis/period';
import { useQaReport, type QaPeriodKind } from './store';

const KINDS: Array<{ id: QaPeriodKind; label: string }> = [
  { id: 'month', label: 'Month' },
  { id: 'quarter', label: 'Quarter' },
  { id: 'custom', label: 'Custom' },
];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Team, period kind, previous / next and the anchor day or custom range of the QA report. */
export function QaReportToolbar({ teams, loading }: { teams: Team[]; loading: boolean }) {
  const kind = useQaReport((s) => s.kind);
  const anchor = useQaReport((s) => s.anchor);
  const custom = useQaReport((s) => s.custom);
  const teamId = useQaReport((s) => s.teamId);
  const setKind = useQaReport((s) => s.setKind);
  const setAnchor = useQaReport((s) => s.setAnchor);
  const setCustom = useQaReport((s) => s.setCustom);
  const step = useQaReport((s) => s.step);
  const setTeam = useQaReport((s) => s.setTeam);

  return (
    <div className="kpi-toolbar qa-toolbar" role="toolbar" aria-label="QA report period and team">
      <label className="field-inline">
        <span>Team</span>
        <select value={teamId ?? ''} onChange={(e) => setTeam(e.target.value || null)}>
          <option value="">All teams</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <div className="segmented" role="group" aria-label="Report period kind">
        {KINDS.map((k) => (
          <button key={k.id} type="button" aria-pressed={kind === k.id} onClick={() => setKind(k.id)}>
            {k.label}
          </button>
        ))}
      </div>
      <div className="period-step">
        <button type="button" className="icon-step" aria-label="Previous period" onClick={() => step(-1)}>
          ‹
        </button>
        <span className="period-label" aria-live="polite" data-testid="qa-period-label">
          {describePeriod({ kind, anchor, custom })}
        </span>
        <button type="button" className="icon-step" aria-label="Next period" onClick={() => step(1)}>
          ›
        </button>
      </div>
      {kind === 'custom' ? (
        <>
          <input
            type="date"
            aria-label="From"
            value={custom.from}
            onChange={(e) => DAY.test(e.target.value) && setCustom(e.target.value, custom.to)}
          />
          <span className="muted">to</span>
          <input
            type="date"
            aria-label="To"
            value={custom.to}
            onChange={(e) => DAY.test(e.target.value) && setCustom(custom.from, e.target.value)}
          />
        </>
      ) : (
        <input
          type="date"
          aria-label="Any day in the period"
          title="Any day in the period"
          value={anchor}
          onChange={(e) => DAY.test(e.target.value) && setAnchor(e.target.value)}
        />
      )}
      {loading && (
        <span className="loading-pill" role="status">
          Loading…
        </span>
      )}
    </div>
  );
}
