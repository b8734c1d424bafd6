import type {
  Dashboard,
  KpiComparison,
  KpiEventDto,
  KpiTile,
  KpiTrend,
} from '../../../shared/ipc/contracts/kpi';
import type { KpiSums } from '../../../shared/kpi/aggregate';
import { localDay } from '../../../shared/kpi/businessTime';
import { kpiEvidence } from '../../../shared/kpi/kpiEvidence';
import { addDays, bucketEnd, monthStart, previousRange, rangeLength } from '../../../shared/kpi/periods';
import { kpiBetter, type KpiDefinition } from '../../../shared/kpi/registry';
import { resolveTarget, type KpiSettings } from '../../../shared/kpi/settings';
import { kpiStatus, trendDirection } from '../../../shared/kpi/status';
import type { DayRange, Granularity, KpiId } from '../../../shared/kpi/types';
import type { Db } from '../db/database';
import { bucketSeries, rollingSeries, selectKpis, sumRange, toDto, type DailyData } from './engine';
import {
  enteredCounts,
  loadShifts,
  loadSums,
  monthlyRetention,
  monthRetention,
  withExtras,
  type Scope,
} from './query';
import { rankAgents } from './ranking';
import { measuredRetention, retentionRule, retentionSums, type RetentionRule } from './retentionRule';
import { loadKpiSettings } from './settingsStore';

const ROLLING_MAX_DAYS = 400;
const RETENTION_TREND_DAYS = 366;

export function loadDaily(db: Db, scope: Scope, range: DayRange): DailyData {
  return { sums: loadSums(db, scope, range, 'day'), shifts: loadShifts(db, scope, range, 'day') };
}

/**
 * Retention per trend bucket. Whole calendar months come from the maintained monthly counts,
 * read once for the whole range; other coarse buckets (quarters, clipped months) read raw
 * contacts, so only the last year's get a value. Day and week buckets stay null, and so does
 * every bucket when retention is not measurable from this data (retentionRule.ts).
 */
export function bucketRetention(
  db: Db,
  rule: RetentionRule,
  scope: Scope,
  range: DayRange,
  granularity: Granularity,
  defs: readonly KpiDefinition[],
) {
  if (!defs.some((d) => d.needsCustomers) || granularity === 'day' || granularity === 'week')
    return undefined;
  const cutoff = addDays(range.to, -RETENTION_TREND_DAYS);
  const monthly =
    granularity === 'month' && rule.measurable
      ? monthlyRetention(db, scope, monthStart(range.from, -1), monthStart(range.to))
      : null;
  const entered = scope.agentId ? new Map() : enteredCounts(db, scope.teamId ?? null);
  return (bucket: DayRange & { period: string }): KpiSums | null => {
    const whole = bucket.from === bucket.period && bucket.to === bucketEnd(bucket.period, granularity);
    const typed = entered.get(`${bucket.from}|${bucket.to}`);
    if (typed) return withExtras({}, undefined, typed);
    if (!rule.measurable) return null;
    if (monthly && whole) {
      const r = monthRetention(monthly, bucket.period);
      return r ? withExtras({}, undefined, r) : null;
    }
    return bucket.to > cutoff ? retentionSums(db, rule, scope, bucket) : null;
  };
}

export function listEvents(db: Db, range: DayRange, teamId: string | null | undefined): KpiEventDto[] {
  return db.all<KpiEventDto>(
    `SELECT id, team_id AS teamId, day, label FROM kpi_events
      WHERE day BETWEEN ? AND ? AND (team_id IS NULL OR ? IS NULL OR team_id = ?)
      ORDER BY day, label`,
    [range.from, range.to, teamId ?? null, teamId ?? null],
  );
}

/** The KPI over the period against the previous period and the target, with the evidence of both. */
export function compare(
  def: KpiDefinition,
  settings: KpiSettings,
  current: KpiSums,
  before: KpiSums,
  target: number | null,
): KpiComparison {
  const better = kpiBetter(def, settings);
  const value = def.fromAggregate(current, settings);
  const previous = def.fromAggregate(before, settings);
  return {
    kpiId: def.id,
    value,
    previous,
    ...trendDirection(value, previous, better),
    target,
    status: kpiStatus(def.id, value, target, better, settings),
    evidence: kpiEvidence(def, value, current, settings),
    previousEvidence: kpiEvidence(def, previous, before, settings),
  };
}

/**
 * A period still under way is compared like for like: November 1–24 against October 1–24, not
 * against all of October, or every volume tile would read as a collapse until the month ends.
 */
export const businessToday = (settings: KpiSettings, now: Date | undefined) =>
  now ? localDay(now.getTime(), settings.calendar.timeZone) : undefined;

export function comparisonRanges(range: DayRange, today?: string): { current: DayRange; previous: DayRange } {
  const previous = previousRange(range);
  if (!today || today < range.from || today >= range.to) return { current: range, previous };
  const elapsed = rangeLength({ from: range.from, to: today });
  const previousTo = addDays(previous.from, elapsed - 1);
  return {
    current: { from: range.from, to: today },
    previous: { from: previous.from, to: previousTo < previous.to ? previousTo : previous.to },
  };
}

export function getDashboard(
  db: Db,
  input: { from: string; to: string; teamId?: string; granularity: Granularity; kpiIds?: KpiId[] },
  /** Where a period still under way stops; omitted, every period counts as complete. */
  now?: Date,
): Dashboard {
  const started = performance.now();
  const settings = loadKpiSettings(db);
  const defs = selectKpis(input.kpiIds);
  const range = { from: input.from, to: input.to };
  const today = businessToday(settings, now);
  const { current: elapsed, previous } = comparisonRanges(range, today);
  const scope: Scope = { teamId: input.teamId ?? null };
  const withRolling = range.from >= addDays(range.to, -ROLLING_MAX_DAYS);
  const fetchFrom = [previous.from, withRolling ? addDays(range.from, -29) : range.from].sort()[0] as string;
  const daily = loadDaily(db, scope, { from: fetchFrom, to: range.to });

  const needsCustomers = defs.some((d) => d.needsCustomers);
  const rule = retentionRule(db);
  const retention = needsCustomers
    ? measuredRetention(db, rule, scope, elapsed, previous, 'none').get('')
    : undefined;
  const prevRetention = needsCustomers
    ? measuredRetention(db, rule, scope, previous, previousRange(previous), 'none').get('')
    : undefined;
  const current = withExtras(sumRange(daily, elapsed), undefined, retention);
  const before = withExtras(sumRange(daily, previous), undefined, prevRetention);
  const series = bucketSeries(
    defs,
    daily,
    range,
    input.granularity,
    settings,
    bucketRetention(db, rule, scope, range, input.granularity, defs),
    today,
  );
  // No rolling values for days still to come: a window ending tomorrow would only repeat today's.
  const r7 = withRolling ? rollingSeries(defs, daily, elapsed, 7, settings) : new Map();
  const r30 = withRolling ? rollingSeries(defs, daily, elapsed, 30, settings) : new Map();

  const tiles: KpiTile[] = [];
  const trends: KpiTrend[] = [];
  for (const def of defs) {
    const target = resolveTarget(settings, def.id, { teamId: input.teamId ?? null });
    const points = series.get(def.id) ?? [];
    tiles.push({ ...compare(def, settings, current, before, target), sparkline: points });
    trends.push({
      kpiId: def.id,
      granularity: input.granularity,
      points,
      target,
      rolling7: r7.get(def.id) ?? [],
      rolling30: r30.get(def.id) ?? [],
    });
  }

  const { agentRanking, exceptions } = rankAgents(db, defs, settings, rule, scope, elapsed, previous);
  return {
    teamId: input.teamId ?? null,
    from: range.from,
    to: range.to,
    previous,
    granularity: input.granularity,
    kpis: defs.map((d) => toDto(d, settings)),
    tiles,
    trends,
    events: listEvents(db, range, input.teamId),
    agentRanking,
    exceptions,
    interactionCount: current.n ?? 0,
    minN: settings.status.minN,
    elapsedMs: Math.round((performance.now() - started) * 10) / 10,
  };
}
