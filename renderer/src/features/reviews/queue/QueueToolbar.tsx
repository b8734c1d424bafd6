import type { Team } from '../../../../../shared/domain/types';
import type { SamplingStrategy } from '../../../../../shared/reviews/sampling';
import { describePeriod, shiftSelection } from '../../kpis/period';
import { STRATEGIES } from './queueText';
import { useQueueSettings, type QueuePeriod } from './store';

const PERIODS: Array<{ id: QueuePeriod; label: string }> = [
  { id: 'week', label: 'Week' },
  { id: 'month', label: 'Month' },
];

/** Largest seed the backend takes (a 31-bit integer). */
const MAX_SEED = 2 ** 31 - 1;

/** Period, team, sampling strategy and seed of the queue. */
export function QueueToolbar({ teams, anchor }: { teams: Team[]; anchor: string }) {
  const period = useQueueSettings((s) => s.period);
  const teamId = useQueueSettings((s) => s.teamId);
  const strategy = useQueueSettings((s) => s.strategy);
  const setPeriod = useQueueSettings((s) => s.setPeriod);
  const setAnchor = useQueueSettings((s) => s.setAnchor);
  const setTeam = useQueueSettings((s) => s.setTeam);
  const setStrategy = useQueueSettings((s) => s.setStrategy);
  const selection = { kind: period, anchor, custom: { from: anchor, to: anchor } };
  const step = (direction: -1 | 1) => setAnchor(shiftSelection(selection, direction).anchor);
  const help = STRATEGIES.find((s) => s.id === strategy)?.help;

  return (
    <div className="rq-toolbar" role="toolbar" aria-label="Queue">
      <div className="segmented" role="group" aria-label="Period">
        {PERIODS.map((p) => (
          <button key={p.id} type="button" aria-pressed={period === p.id} onClick={() => setPeriod(p.id)}>
            {p.label}
          </button>
        ))}
      </div>
      <div className="period-step">
        <button type="button" className="icon-step" aria-label="Previous period" onClick={() => step(-1)}>
          ‹
        </button>
        <span className="period-label" aria-live="polite" data-testid="queue-period">
          {describePeriod(selection)}
        </span>
        <button type="button" className="icon-step" aria-label="Next period" onClick={() => step(1)}>
          ›
        </button>
      </div>
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
      <label className="field-inline">
        <span>Strategy</span>
        <select
          value={strategy}
          aria-describedby="rq-strategy-help"
          onChange={(e) => setStrategy(e.target.value as SamplingStrategy)}
        >
          {STRATEGIES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <SeedField />
      <p className="muted rq-help" id="rq-strategy-help">
        {help} The same seed gives the same queue.
      </p>
    </div>
  );
}

/** The seed makes a draw repeatable; "New draw" picks another one. */
function SeedField() {
  const seed = useQueueSettings((s) => s.seed);
  const setSeed = useQueueSettings((s) => s.setSeed);
  return (
    <>
      <label className="field-inline">
        <span>Seed</span>
        <input
          type="number"
          className="rq-seed"
          min={0}
          max={MAX_SEED}
          step={1}
          value={seed}
          onChange={(e) => {
            const value = Number(e.target.value);
            if (Number.isInteger(value) && value >= 0 && value <= MAX_SEED) setSeed(value);
          }}
        />
      </label>
      <button
        type="button"
        className="secondary"
        title="Draw another sample; the same seed always gives the same queue"
        onClick={() => setSeed(Math.floor(Math.random() * 100_000))}
      >
        New draw
      </button>
    </>
  );
}
