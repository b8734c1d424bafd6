import { formatDurationInput } from './durationInput';
import { getKpi } from './registry';
import type { KpiSettings, KpiTarget } from './settings';
import { KPI_IDS, type KpiId } from './types';

/**
 * The unit a KPI's targets are in under given settings, and what happens to targets when a
 * setting changes that unit. Conversion rules:
 * - CSAT % satisfied ↔ mean rating: no exact conversion exists (the share of 4–5 ratings says
 *   nothing certain about the mean), so the targets are cleared, with a warning first.
 * - A rating scale change (CSAT in mean mode, CES) maps 1..from linearly onto 1..to, the same
 *   rule the registry uses to put mixed-scale ratings on the configured scale.
 * - CES "high means easy" ↔ "high means hard" mirrors the target (scale + 1 − t): the data are read
 *   the other way round, and the target keeps the same distance from the best end of the scale.
 * Converted values are rounded to two decimals, the precision a target is typed with.
 */
export type TargetUnit =
  | { kind: 'percent' }
  | { kind: 'nps' }
  | { kind: 'seconds' }
  | { kind: 'count' }
  | { kind: 'per_hour' }
  | { kind: 'rating'; scale: number; highIsGood: boolean };

type UnitSettings = Pick<KpiSettings, 'csat' | 'ces'>;

const BY_KPI: Record<KpiId, TargetUnit['kind']> = {
  csat: 'percent',
  nps: 'nps',
  ces: 'rating',
  fcr: 'percent',
  art: 'seconds',
  frt: 'seconds',
  resolution_rate: 'percent',
  escalation_rate: 'percent',
  abandonment_rate: 'percent',
  retention_rate: 'percent',
  churn_rate: 'percent',
  aht: 'seconds',
  interactions_per_hour: 'per_hour',
  cross_sell_offer_rate: 'percent',
  cross_sell_conversion_rate: 'percent',
  volume: 'count',
  sentiment_positive: 'percent',
  sentiment_negative: 'percent',
};

/** A time target longer than 30 days (720 h) is a typo, not a goal. */
const MAX_SECONDS = 720 * 3600;
/** One interaction every 3.6 s: beyond that an hourly rate is a typo. */
const MAX_PER_HOUR = 1000;

export function targetUnit(kpiId: KpiId, settings: UnitSettings): TargetUnit {
  if (kpiId === 'csat' && settings.csat.mode === 'mean')
    return { kind: 'rating', scale: settings.csat.scale, highIsGood: true };
  if (kpiId === 'ces')
    return {
      kind: 'rating',
      scale: settings.ces.scale,
      highIsGood: settings.ces.direction === 'high_is_easy',
    };
  const kind = BY_KPI[kpiId];
  return kind === 'rating' ? { kind, scale: 5, highIsGood: true } : { kind };
}

export function targetRange(unit: TargetUnit): { min: number; max: number } {
  switch (unit.kind) {
    case 'percent':
      return { min: 0, max: 100 };
    case 'nps':
      return { min: -100, max: 100 };
    case 'rating':
      return { min: 1, max: unit.scale };
    case 'seconds':
      return { min: 0, max: MAX_SECONDS };
    case 'count':
      return { min: 0, max: Number.MAX_SAFE_INTEGER };
    case 'per_hour':
      return { min: 0, max: MAX_PER_HOUR };
  }
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
const sameUnit = (a: TargetUnit, b: TargetUnit): boolean => JSON.stringify(a) === JSON.stringify(b);

const convertible = (from: TargetUnit, to: TargetUnit): boolean => from.kind === to.kind;

/** A target in unit `from` expressed in unit `to`; null when there is no sound conversion. */
export function convertTarget(value: number, from: TargetUnit, to: TargetUnit): number | null {
  if (sameUnit(from, to)) return value;
  if (!convertible(from, to)) return null;
  if (from.kind !== 'rating' || to.kind !== 'rating') return value;
  const rescaled = 1 + ((value - 1) * (to.scale - 1)) / (from.scale - 1);
  const mirrored = from.highIsGood === to.highIsGood ? rescaled : to.scale + 1 - rescaled;
  return round2(mirrored);
}

/** A target value as the settings page shows it: "80%", "4.2", "1h 30m". */
export function formatTarget(value: number, unit: TargetUnit): string {
  const plain = round2(value).toLocaleString('en-US', { maximumFractionDigits: 2 });
  switch (unit.kind) {
    case 'percent':
      return `${plain}%`;
    case 'seconds':
      return formatDurationInput(value);
    case 'per_hour':
      return `${plain}/h`;
    default:
      return plain;
  }
}

function unitNoun(unit: TargetUnit, plural: boolean): string {
  switch (unit.kind) {
    case 'percent':
      return plural ? 'percentages' : 'a percentage';
    case 'rating':
      return plural ? `ratings 1–${unit.scale}` : `a rating 1–${unit.scale}`;
    case 'nps':
      return plural ? 'scores −100 to 100' : 'a score';
    case 'seconds':
      return plural ? 'times' : 'a time';
    case 'count':
      return plural ? 'counts' : 'a count';
    case 'per_hour':
      return plural ? 'rates per hour' : 'a rate per hour';
  }
}

function modeName(kpiId: KpiId, unit: TargetUnit): string {
  if (kpiId === 'csat') return unit.kind === 'rating' ? 'mean-rating mode' : '% satisfied mode';
  return 'the new setting';
}

function scaleText(unit: TargetUnit, withDirection: boolean): string {
  if (unit.kind !== 'rating') return unitNoun(unit, false);
  return `rating 1–${unit.scale}${withDirection ? `, high = ${unit.highIsGood ? 'easy' : 'hard'}` : ''}`;
}

export interface TargetChange {
  kpiId: KpiId;
  action: 'cleared' | 'converted';
  /** What happens, in a sentence shown before saving. */
  message: string;
}

const overridesOf = (t: KpiTarget): number => Object.keys(t.teams).length + Object.keys(t.agents).length;
const mapEntry = (t: KpiTarget, f: (v: number) => number): KpiTarget => ({
  team: t.team === null ? null : f(t.team),
  teams: Object.fromEntries(Object.entries(t.teams).map(([id, v]) => [id, f(v)])),
  agents: Object.fromEntries(Object.entries(t.agents).map(([id, v]) => [id, f(v)])),
});

function clearedMessage(kpiId: KpiId, entry: KpiTarget, from: TargetUnit, to: TargetUnit): string {
  const label = getKpi(kpiId).label;
  const overrides = overridesOf(entry);
  const range = to.kind === 'percent' ? ' 0–100' : '';
  const tail = `in ${modeName(kpiId, to)} targets are ${unitNoun(to, true)}${range}.`;
  if (overrides === 0 && entry.team !== null)
    return `The ${label} target ${formatTarget(entry.team, from)} is ${unitNoun(from, false)}; ${tail} It will be cleared.`;
  const list = [
    entry.team === null ? null : formatTarget(entry.team, from),
    `${overrides} override${overrides === 1 ? '' : 's'}`,
  ].filter(Boolean);
  return `The ${label} targets (${list.join(' and ')}) are ${unitNoun(from, true)}; ${tail} They will be cleared.`;
}

function convertedMessage(kpiId: KpiId, entry: KpiTarget, next: KpiTarget, from: TargetUnit, to: TargetUnit) {
  const label = getKpi(kpiId).label;
  const flipped = from.kind === 'rating' && to.kind === 'rating' && from.highIsGood !== to.highIsGood;
  const direction = kpiId === 'ces';
  const overrides = overridesOf(entry);
  const sentences = [
    entry.team !== null && next.team !== null
      ? `The ${label} target ${formatTarget(entry.team, from)} (${scaleText(from, direction)}) becomes ${formatTarget(next.team, to)} (${scaleText(to, direction)}).`
      : `The ${label} targets are converted from ${scaleText(from, direction)} to ${scaleText(to, direction)}.`,
    entry.team !== null && overrides > 0
      ? `Its ${overrides} override${overrides === 1 ? ' is' : 's are'} converted the same way.`
      : '',
    flipped ? 'It keeps its distance from the best end of the scale.' : '',
  ];
  return sentences.filter(Boolean).join(' ');
}

/**
 * Targets of `before` re-expressed for `after`: converted where a conversion exists, dropped
 * where none does, each change described. KPIs in `keep` are left as they are (a patch restated
 * them in the new unit).
 */
export function convertTargets(
  targets: KpiSettings['targets'],
  before: UnitSettings,
  after: UnitSettings,
  keep: ReadonlySet<KpiId> = new Set(),
): { targets: KpiSettings['targets']; changes: TargetChange[] } {
  const out: KpiSettings['targets'] = {};
  const changes: TargetChange[] = [];
  for (const [kpiId, entry] of Object.entries(targets) as Array<[KpiId, KpiTarget]>) {
    const from = targetUnit(kpiId, before);
    const to = targetUnit(kpiId, after);
    if (keep.has(kpiId) || sameUnit(from, to)) {
      out[kpiId] = entry;
      continue;
    }
    if (!convertible(from, to)) {
      changes.push({ kpiId, action: 'cleared', message: clearedMessage(kpiId, entry, from, to) });
      continue;
    }
    const next = mapEntry(entry, (v) => convertTarget(v, from, to) ?? v);
    out[kpiId] = next;
    changes.push({ kpiId, action: 'converted', message: convertedMessage(kpiId, entry, next, from, to) });
  }
  return { targets: out, changes };
}

function rangeText(unit: TargetUnit): string {
  switch (unit.kind) {
    case 'percent':
      return 'a percentage from 0 to 100';
    case 'nps':
      return 'a score from −100 to 100';
    case 'rating':
      return `a rating from 1 to ${unit.scale}`;
    case 'seconds':
      return `a time from 0s to ${formatDurationInput(MAX_SECONDS)}`;
    case 'count':
      return 'a count of 0 or more';
    case 'per_hour':
      return `a rate from 0 to ${MAX_PER_HOUR.toLocaleString('en-US')} per hour`;
  }
}

export interface TargetIssue {
  path: Array<string | number>;
  message: string;
}

/** Names teams and agents in messages; null falls back to "team <id>" / "agent <id>". */
export type NameOf = (kind: 'team' | 'agent', id: string) => string | null;

/** One sentence per target outside its unit's range, with the path of the offending value. */
export function targetIssues(settings: KpiSettings, nameOf: NameOf = () => null): TargetIssue[] {
  const issues: TargetIssue[] = [];
  // KPI order, not stored order: the first message is the first row of the targets table.
  for (const kpiId of KPI_IDS) {
    const entry = settings.targets[kpiId];
    if (!entry) continue;
    const unit = targetUnit(kpiId, settings);
    const { min, max } = targetRange(unit);
    const label = getKpi(kpiId).label;
    const meanCsat = kpiId === 'csat' && unit.kind === 'rating';
    const check = (value: number, path: Array<string>, scope: string) => {
      if (value >= min && value <= max) return;
      const subject = meanCsat
        ? `In mean-rating mode the ${label} target${scope}`
        : `The ${label} target${scope}`;
      issues.push({
        path: ['targets', kpiId, ...path],
        message: `${subject} must be ${rangeText(unit)}; ${value} is outside that range.`,
      });
    };
    if (entry.team !== null) check(entry.team, ['team'], '');
    for (const [id, v] of Object.entries(entry.teams))
      check(v, ['teams', id], ` for ${nameOf('team', id) ?? `team ${id}`}`);
    for (const [id, v] of Object.entries(entry.agents))
      check(v, ['agents', id], ` for ${nameOf('agent', id) ?? `agent ${id}`}`);
  }
  return issues;
}

/** The targets with every value outside its unit's range left out (repairs files saved before the check). */
export function dropOutOfRangeTargets(settings: KpiSettings): KpiSettings['targets'] {
  const bad = new Set(targetIssues(settings).map((i) => i.path.join('\u0000')));
  const keep = (path: Array<string>) => !bad.has(['targets', ...path].join('\u0000'));
  const out: KpiSettings['targets'] = {};
  for (const [kpiId, entry] of Object.entries(settings.targets) as Array<[KpiId, KpiTarget]>) {
    const next: KpiTarget = {
      team: entry.team !== null && keep([kpiId, 'team']) ? entry.team : null,
      teams: Object.fromEntries(Object.entries(entry.teams).filter(([id]) => keep([kpiId, 'teams', id]))),
      agents: Object.fromEntries(Object.entries(entry.agents).filter(([id]) => keep([kpiId, 'agents', id]))),
    };
    if (next.team !== null || overridesOf(next) > 0) out[kpiId] = next;
  }
  return out;
}
