import type { KpiDefinitionDto, KpiTile as KpiTileData } from '../../../../shared/ipc/contracts/kpi';
import { formatKpiDelta, formatKpiValue, STATUS_TEXT } from './format';
import { Sparkline } from './Sparkline';

interface KpiTileProps {
  def: KpiDefinitionDto;
  tile: KpiTileData;
  /** Which calculation is in force, for CSAT / FCR / CES ("% rated ≥ 4 of 5"). */
  mode?: string;
  selected: boolean;
  onSelect(): void;
}

const ARROW = { up: '▲', down: '▼', flat: '▶' } as const;

export function DeltaBadge({
  delta,
  direction,
  improving,
  def,
}: {
  delta: number | null;
  direction: 'up' | 'down' | 'flat' | null;
  improving: boolean | null;
  def: KpiDefinitionDto;
}) {
  if (direction === null) return <span className="kpi-delta neutral">no previous data</span>;
  // Good news is green whatever the level: 70 → 80 below an 85 target is still a rise.
  const tone = improving === null ? 'neutral' : improving ? 'good' : 'bad';
  const meaning = improving === null ? '' : improving ? ', improving' : ', worsening';
  return (
    <span
      className={`kpi-delta ${tone}`}
      aria-label={`Change ${formatKpiDelta(delta, def.unit, def.decimals)}${meaning}`}
    >
      <span aria-hidden="true">{ARROW[direction]}</span> {formatKpiDelta(delta, def.unit, def.decimals)}
    </span>
  );
}

export function KpiTile({ def, tile, mode, selected, onSelect }: KpiTileProps) {
  return (
    <button
      type="button"
      className={`kpi-tile status-${tile.status}${selected ? ' selected' : ''}`}
      data-kpi={def.id}
      aria-pressed={selected}
      aria-label={`${def.label}: ${formatKpiValue(tile.value, def.unit, def.decimals)}, ${STATUS_TEXT[tile.status]}. Show trend`}
      title={mode ? `${def.label}: ${mode}` : def.description}
      onClick={onSelect}
    >
      <span className="kpi-label">{def.label}</span>
      <span className="kpi-value">{formatKpiValue(tile.value, def.unit, def.decimals)}</span>
      <span className="kpi-target">
        {tile.target === null ? 'No target' : `Target ${formatKpiValue(tile.target, def.unit, def.decimals)}`}
      </span>
      <DeltaBadge delta={tile.delta} direction={tile.direction} improving={tile.improving} def={def} />
      <Sparkline points={tile.sparkline} target={tile.target} />
      {mode && <span className="kpi-mode">{mode}</span>}
    </button>
  );
}
