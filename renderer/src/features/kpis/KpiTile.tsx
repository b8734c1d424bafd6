import type { KpiDefinitionDto, KpiTile as KpiTileData } from '../../../../shared/ipc/contracts/kpi';
import { describeValue, formatN, shownStatus, statusText } from './evidence';
import { ExplainButton } from './ExplainDialog';
import { formatKpiDelta, formatKpiValue } from './format';
import { Sparkline } from './Sparkline';

interface KpiTileProps {
  def: KpiDefinitionDto;
  tile: KpiTileData;
  /** Which calculation is in force, for CSAT / FCR / CES ("% rated ≥ 4 of 5"). */
  mode?: string;
  /** The smallest trusted n (Dashboard.minN), for the low-confidence reason. */
  minN: number;
  /** Why the KPI cannot be measured from this data, when the backend says so. */
  unmeasurable?: string | null;
  selected: boolean;
  onSelect(): void;
  onExplain(): void;
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
  const text = formatKpiDelta(delta, def.unit, def.decimals);
  return (
    <span className={`kpi-delta ${tone}`} title={`Change against the previous period${meaning}`}>
      <span aria-hidden="true">{ARROW[direction]}</span> {text}
      <span className="kpi-sr">{meaning}</span>
    </span>
  );
}

/** The value's own words: a number, "no data", or "not measurable" — never a blank or a dash. */
export function valueText(def: KpiDefinitionDto, value: number | null, unmeasurable?: string | null) {
  if (value !== null) return formatKpiValue(value, def.unit, def.decimals);
  return unmeasurable ? 'not measurable' : 'no data';
}

/**
 * One KPI of the team: value, change, target and status words, n, a sparkline. The tile's
 * main button selects the trend; its name is its visible text (no aria-label that could drift
 * from it), with the interval and low-confidence reason in screen-reader text and the tooltip.
 */
export function KpiTile({
  def,
  tile,
  mode,
  minN,
  unmeasurable,
  selected,
  onSelect,
  onExplain,
}: KpiTileProps) {
  const shown = shownStatus(tile.status, tile.value);
  const low = tile.value !== null && tile.evidence?.lowConfidence === true;
  const words = statusText(tile.status, tile.value, tile.target);
  const details = describeValue(def, tile, minN, unmeasurable ?? null);
  const tooltip = [mode ? `${def.label}: ${mode}` : def.description, ...details, 'Click to show its trend'];
  const classes = ['kpi-tile', `status-${shown}`, low && 'low-confidence', selected && 'selected'];
  return (
    <div className={classes.filter(Boolean).join(' ')} data-kpi={def.id}>
      <button
        type="button"
        className="kpi-tile-main"
        aria-pressed={selected}
        title={tooltip.join('\n')}
        onClick={onSelect}
      >
        {/* A long name is cut with an ellipsis in a narrow tile; the title gives it whole. */}
        <span className="kpi-label" title={def.label}>
          {def.label}
        </span>
        <span className="kpi-headline">
          <span className={tile.value === null ? 'kpi-value empty' : 'kpi-value'}>
            {valueText(def, tile.value, unmeasurable)}
          </span>
          {tile.value !== null && (
            <DeltaBadge delta={tile.delta} direction={tile.direction} improving={tile.improving} def={def} />
          )}
        </span>
        <span className="kpi-target">
          {tile.target === null
            ? 'No target'
            : `Target ${formatKpiValue(tile.target, def.unit, def.decimals)}`}
        </span>
        {/* Retention has a value for the period but none by day or week: "no data" would contradict it. */}
        <Sparkline
          points={tile.sparkline}
          target={tile.target}
          emptyText={tile.value === null ? 'no data' : 'no trend'}
        />
        {tile.value !== null && words !== null && words !== 'no target' && (
          <span className={`kpi-status ${shown}`}>{words}</span>
        )}
        <span className="kpi-n">
          {tile.evidence ? formatN(tile.evidence) : unmeasurable ? 'see how it is computed' : 'n = 0'}
          {low && (
            <span className="low-n-badge" aria-hidden="true">
              low n
            </span>
          )}
        </span>
        {details.length > 1 && <span className="kpi-sr">. {details.slice(1).join('. ')}</span>}
      </button>
      <ExplainButton label={def.label} compact onClick={onExplain} />
    </div>
  );
}
