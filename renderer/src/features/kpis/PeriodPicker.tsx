import type { Team } from '../../../../shared/domain/types';
import type { PeriodKind } from '../../../../shared/kpi/types';
import { describePeriod } from './period';
import { useKpiDashboard } from './store';

const KINDS: Array<{ id: PeriodKind; label: string }> = [
  { id: 'day', label: 'Day' },
  { id: 'week', label: 'Week' },
  { id: 'month', label: 'Month' },
  { id: 'quarter', label: 'Quarter' },
  { id: 'custom', label: 'Custom' },
];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Period kind, previous / next, anchor day (or a custom range) and, on the team dashboard, the team. */
export function PeriodPicker({ teams }: { teams?: Team[] }) {
  const kind = useKpiDashboard((s) => s.kind);
  const anchor = useKpiDashboard((s) => s.anchor);
  const custom = useKpiDashboard((s) => s.custom);
  const teamId = useKpiDashboard((s) => s.teamId);
  const setKind = useKpiDashboard((s) => s.setKind);
  const setAnchor = useKpiDashboard((s) => s.setAnchor);
  const setCustom = useKpiDashboard((s) => s.setCustom);
  const step = useKpiDashboard((s) => s.step);
  const setTeam = useKpiDashboard((s) => s.setTeam);

  return (
    <div className="period-picker" role="toolbar" aria-label="Period">
      {teams && (
        <label className="field-inline">
          <span>Team</span>
          <select aria-label="Team" value={teamId ?? ''} onChange={(e) => setTeam(e.target.value || null)}>
            <option value="">All teams</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="segmented" role="group" aria-label="Period kind">
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
        <span className="period-label" aria-live="polite" data-testid="period-label">
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
          aria-label="Anchor date"
          title="Any day in the period"
          value={anchor}
          onChange={(e) => DAY.test(e.target.value) && setAnchor(e.target.value)}
        />
      )}
    </div>
  );
}
