import type {
  AgentRankingRow,
  AgentScorecard,
  Dashboard,
  KpiEventDto,
  KpiException,
  KpiComparison,
  KpiTile,
  KpiTrend,
} from '../../../shared/ipc/contracts/kpi';
import { UserFacingError } from '../../../shared/ipc/result';
import type { KpiSums } from '../../../shared/kpi/aggregate';
import { localDay } from '../../../shared/kpi/businessTime';
import { addDays, bucketEnd, monthStart, previousRange, rangeLength } from '../../../shared/kpi/periods';
import { kpiBetter, type KpiDefinition } from '../../../shared/kpi/registry';
import { resolveTarget, type KpiSettings } from '../../../shared/kpi/settings';
import { kpiStatus, trendDirection } from '../../../shared/kpi/status';
import type { DayRange, Granularity, KpiId } from '../../../shared/kpi/types';
import type { Db } from '../db/database';
import { bucketSeries, evaluate, rollingSeries, selectKpis, sumRange, toDto, type DailyData } from './engine';
import {
  enteredCounts,
  loadRetention,
  loadShifts,
  loadSums,
  monthlyRetention,
  monthRetention,
  withExtras,
  type Scope,
} from './query';
import { loadKpiSettings } from './settingsStore';

const ROLLING_MAX_DAYS = 400;
const RETENTION_TREND_DAYS = 366;

function loadDaily(db: Db, scope: Scope, range: DayRange): DailyData {
  return { sums: loadSums(db, scope, range, 'day'), shifts: loadShifts(db, scope, range, 'day') };
}

function retentionSums(db: Db, scope: Scope, range: DayRange): KpiSums | null {
  const r = loadRetention(db, scope, range, previousRange(range), 'none').get('');
  return r ? withExtras({}, undefined, r) : null;
}

/**
 * Retention per trend bucket. Whole calendar months come from the maintained monthly counts,
 * read once for the whole range; other coarse buckets (quarters, clipped months) read raw
 * contacts, so only the last year's get a value. Day and week buckets stay null.
 */
function bucketRetention(
  db: Db,
  scope: Scope,
  range: DayRange,
  granularity: Granularity,
  defs: readonly KpiDefinition[],
) {
  if (!defs.some((d) => d.needsCustomers) || granularity === 'day' || granularity === 'week')
    return undefined;
  const cutoff = addDays(range.to, -RETENTION_TREND_DAYS);
  const monthly =
    granularity === 'month'
      ? monthlyRetention(db, scope, monthStart(range.from, -1), monthStart(range.to))
      : null;
  const entered = scope.agentId ? new Map() : enteredCounts(db, scope.teamId ?? null);
  return (bucket: DayRange & { period: string }): KpiSums | null => {
    const whole = bucket.from === bucket.period && bucket.to === bucketEnd(bucket.period, granularity);
    const typed = entered.get(`${bucket.from}|${bucket.to}`);
    if (typed) return withExtras({}, undefined, typed);
    if (monthly && whole) {
      const r = monthRetention(monthly, bucket.period);
      return r ? withExtras({}, undefined, r) : null;
    }
    return bucket.to > cutoff ? retentionSums(db, scope, bucket) : null;
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

/** The KPI over the period against the previous period and the target. */
function compare(
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
  };
}

/**
 * A period still under way is compared like for like: November 1–24 against October 1–24, not
 * against all of October, or every volume tile would read as a collapse until the month ends.
 */
const businessToday = (settings: KpiSettings, now: Date | undefined) =>
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
  const { current: elapsed, previous } = comparisonRanges(range, businessToday(settings, now));
  const scope: Scope = { teamId: input.teamId ?? null };
  const withRolling = range.from >= addDays(range.to, -ROLLING_MAX_DAYS);
  const fetchFrom = [previous.from, withRolling ? addDays(range.from, -29) : range.from].sort()[0] as string;
  const daily = loadDaily(db, scope, { from: fetchFrom, to: range.to });

  const retention = defs.some((d) => d.needsCustomers)
    ? loadRetention(db, scope, elapsed, previous, 'none').get('')
    : undefined;
  const prevRetention = defs.some((d) => d.needsCustomers)
    ? loadRetention(db, scope, previous, previousRange(previous), 'none').get('')
    : undefined;
  const current = withExtras(sumRange(daily, elapsed), undefined, retention);
  const before = withExtras(sumRange(daily, previous), undefined, prevRetention);
  const series = bucketSeries(
    defs,
    daily,
    range,
    input.granularity,
    settings,
    bucketRetention(db, scope, range, input.granularity, defs),
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

  const { agentRanking, exceptions } = rankAgents(db, defs, settings, scope, elapsed, previous);
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
    elapsedMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

function rankAgents(
  db: Db,
  defs: readonly KpiDefinition[],
  settings: KpiSettings,
  scope: Scope,
  range: DayRange,
  previous: DayRange,
): { agentRanking: AgentRankingRow[]; exceptions: KpiException[] } {
  const sums = loadSums(db, scope, range, 'agent');
  const shifts = loadShifts(db, scope, range, 'agent');
  const retention = defs.some((d) => d.needsCustomers)
    ? loadRetention(db, scope, range, previous, 'agent')
    : new Map<string, { start: number; end: number; fresh: number }>();
  const agents = db.all<{ id: string; name: string; teamId: string | null }>(
    `SELECT id, name, team_id AS teamId FROM agents WHERE (? IS NULL OR team_id = ?) ORDER BY name`,
    [scope.teamId ?? null, scope.teamId ?? null],
  );
  const agentRanking: AgentRankingRow[] = [];
  const exceptions: KpiException[] = [];
  for (const agent of agents) {
    const agentSums = sums.get(agent.id);
    if (!agentSums) continue;
    const all = withExtras(agentSums, shifts.get(agent.id), retention.get(agent.id));
    const values = evaluate(defs, all, settings);
    const row: AgentRankingRow = {
      agentId: agent.id,
      name: agent.name,
      teamId: agent.teamId,
      volume: all.n ?? 0,
      values,
      targets: {},
      status: {},
    };
    for (const def of defs) {
      const target = resolveTarget(settings, def.id, { teamId: agent.teamId, agentId: agent.id });
      const better = kpiBetter(def, settings);
      const value = values[def.id] ?? null;
      const status = kpiStatus(def.id, value, target, better, settings);
      row.targets[def.id] = target;
      row.status[def.id] = status;
      if ((status === 'bad' || status === 'warn') && value !== null && target !== null)
        exceptions.push({
          agentId: agent.id,
          name: agent.name,
          kpiId: def.id,
          value,
          target,
          gap: Math.abs(value - target),
          status,
        });
    }
    agentRanking.push(row);
  }
  exceptions.sort(
    (a, b) =>
      (a.status === b.status ? 0 : a.status === 'bad' ? -1 : 1) ||
      b.gap / Math.max(Math.abs(b.target), 1) - a.gap / Math.max(Math.abs(a.target), 1),
  );
  return { agentRanking, exceptions };
}

export function getAgentScorecard(
  db: Db,
  input: { agentId: string; from: string; to: string; granularity: Granularity; kpiIds?: KpiId[] },
  /** Where a period still under way stops; omitted, every period counts as complete. */
  now?: Date,
): AgentScorecard {
  const started = performance.now();
  const agent = db.get<{ id: string; name: string; teamId: string | null; teamName: string | null }>(
    `SELECT a.id, a.name, a.team_id AS teamId, t.name AS teamName FROM agents a LEFT JOIN teams t ON t.id = a.team_id
      WHERE a.id = ?`,
    [input.agentId],
  );
  if (!agent) throw new UserFacingError('not_found', `No agent with id ${input.agentId}`);
  const settings = loadKpiSettings(db);
  const defs = selectKpis(input.kpiIds);
  const range = { from: input.from, to: input.to };
  const { current: elapsed, previous } = comparisonRanges(range, businessToday(settings, now));
  const fetch = { from: previous.from, to: range.to };
  const agentScope: Scope = { agentId: agent.id };
  const teamScope: Scope | null = agent.teamId ? { teamId: agent.teamId } : null;
  const mine = loadDaily(db, agentScope, fetch);
  const team = teamScope ? loadDaily(db, teamScope, fetch) : null;
  const needsCustomers = defs.some((d) => d.needsCustomers);
  const ret = (scope: Scope, r: DayRange) => (needsCustomers ? retentionSums(db, scope, r) : null);

  const current = { ...sumRange(mine, elapsed), ...ret(agentScope, elapsed) };
  const before = { ...sumRange(mine, previous), ...ret(agentScope, previous) };
  const teamNow = team && teamScope ? { ...sumRange(team, elapsed), ...ret(teamScope, elapsed) } : null;
  const series = bucketSeries(
    defs,
    mine,
    range,
    input.granularity,
    settings,
    bucketRetention(db, agentScope, range, input.granularity, defs),
  );
  const teamSeries =
    team && teamScope
      ? bucketSeries(
          defs,
          team,
          range,
          input.granularity,
          settings,
          bucketRetention(db, teamScope, range, input.granularity, defs),
        )
      : null;

  const rows = defs.map((def) => {
    const target = resolveTarget(settings, def.id, { teamId: agent.teamId, agentId: agent.id });
    const teamPoints = teamSeries?.get(def.id) ?? [];
    return {
      ...compare(def, settings, current, before, target),
      teamValue: teamNow ? def.fromAggregate(teamNow, settings) : null,
      series: (series.get(def.id) ?? []).map((p, i) => ({ ...p, teamValue: teamPoints[i]?.value ?? null })),
    };
  });
  return {
    agent,
    from: range.from,
    to: range.to,
    previous,
    granularity: input.granularity,
    kpis: defs.map((d) => toDto(d, settings)),
    rows,
    events: listEvents(db, range, agent.teamId),
    elapsedMs: Math.round((performance.now() - started) * 10) / 10,
  };
}
