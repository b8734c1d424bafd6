import type { AgentScorecard, PeriodValue, ScorecardKpi } from '../../../shared/ipc/contracts/kpi';
import { listBuckets } from '../../../shared/kpi/periods';
import { resolveTarget } from '../../../shared/kpi/settings';
import type { DayRange, Granularity, KpiId } from '../../../shared/kpi/types';
import { UserFacingError } from '../../../shared/ipc/result';
import type { Db } from '../db/database';
import {
  bucketRetention,
  businessToday,
  compare,
  comparisonRanges,
  listEvents,
  loadDaily,
} from './dashboard';
import { bucketSeries, selectKpis, sumRange, toDto, type DailyData } from './engine';
import type { Scope } from './query';
import { retentionRule, retentionSums } from './retentionRule';
import { loadKpiSettings } from './settingsStore';

/**
 * Contacts per agent-day of one team, for "the average agent": volume is additive, so an agent's
 * 300 contacts set against the team's 2,400 says nothing; against the 300 of an average agent it
 * does. Only contacts with an agent count, and only agents with at least one contact in the span.
 * Rows come in day order from the (team_id, day) index.
 */
type AgentDay = { day: string; agent: string; n: number };

function agentDays(db: Db, teamId: string, range: DayRange): AgentDay[] {
  return db
    .values(
      `SELECT day, agent_id, n FROM agg_daily
        WHERE team_id = ? AND day BETWEEN ? AND ? AND agent_id IS NOT NULL AND n > 0
        ORDER BY day`,
      [teamId, range.from, range.to],
    )
    .map(([day, agent, n]) => ({ day: String(day), agent: String(agent), n: Number(n) }));
}

/** Team contacts ÷ active agents for each range (ranges sorted by day, not overlapping), in one sweep. */
export function averageAgents(rows: readonly AgentDay[], ranges: readonly DayRange[]): Array<number | null> {
  const out: Array<number | null> = [];
  let i = 0;
  for (const range of ranges) {
    while (i < rows.length && (rows[i] as AgentDay).day < range.from) i += 1;
    const agents = new Set<string>();
    let total = 0;
    for (let j = i; j < rows.length && (rows[j] as AgentDay).day <= range.to; j += 1) {
      const r = rows[j] as AgentDay;
      agents.add(r.agent);
      total += r.n;
    }
    out.push(agents.size > 0 ? total / agents.size : null);
  }
  return out;
}

function loadAgent(db: Db, agentId: string): AgentScorecard['agent'] {
  const agent = db.get<AgentScorecard['agent']>(
    `SELECT a.id, a.name, a.team_id AS teamId, t.name AS teamName FROM agents a LEFT JOIN teams t ON t.id = a.team_id
      WHERE a.id = ?`,
    [agentId],
  );
  if (!agent) throw new UserFacingError('not_found', `No agent with id ${agentId}`);
  return agent;
}

/** Volume beside the average agent of the team, for the whole period and each point. */
function averageAgentValues(
  points: PeriodValue[],
  average: { now: number | null; points: Array<number | null> } | null,
): Pick<ScorecardKpi, 'teamValue' | 'teamBasis' | 'series'> {
  return {
    teamValue: average?.now ?? null,
    teamBasis: 'average_agent',
    series: points.map((p, i) => ({ ...p, teamValue: average?.points[i] ?? null })),
  };
}

export function getAgentScorecard(
  db: Db,
  input: { agentId: string; from: string; to: string; granularity: Granularity; kpiIds?: KpiId[] },
  /** Where a period still under way stops; omitted, every period counts as complete. */
  now?: Date,
): AgentScorecard {
  const started = performance.now();
  const agent = loadAgent(db, input.agentId);
  const settings = loadKpiSettings(db);
  const defs = selectKpis(input.kpiIds);
  const range = { from: input.from, to: input.to };
  const today = businessToday(settings, now);
  const { current: elapsed, previous } = comparisonRanges(range, today);
  const fetch = { from: previous.from, to: range.to };
  const agentScope: Scope = { agentId: agent.id };
  const teamScope: Scope | null = agent.teamId ? { teamId: agent.teamId } : null;
  const mine = loadDaily(db, agentScope, fetch);
  const team = teamScope ? loadDaily(db, teamScope, fetch) : null;
  const rule = retentionRule(db);
  const needsCustomers = defs.some((d) => d.needsCustomers);
  const ret = (scope: Scope, r: DayRange) => (needsCustomers ? retentionSums(db, rule, scope, r) : null);

  const current = { ...sumRange(mine, elapsed), ...ret(agentScope, elapsed) };
  const before = { ...sumRange(mine, previous), ...ret(agentScope, previous) };
  const teamNow = team && teamScope ? { ...sumRange(team, elapsed), ...ret(teamScope, elapsed) } : null;
  const seriesOf = (data: DailyData, scope: Scope, today?: string) =>
    bucketSeries(
      defs,
      data,
      range,
      input.granularity,
      settings,
      bucketRetention(db, rule, scope, range, input.granularity, defs),
      today,
    );
  const series = seriesOf(mine, agentScope, today);
  const teamSeries = team && teamScope ? seriesOf(team, teamScope) : null;
  const perAgent =
    agent.teamId && defs.some((d) => d.id === 'volume') ? agentDays(db, agent.teamId, fetch) : null;
  const average = perAgent
    ? {
        now: averageAgents(perAgent, [elapsed])[0] ?? null,
        points: averageAgents(perAgent, listBuckets(range, input.granularity)),
      }
    : null;

  const rows = defs.map((def): ScorecardKpi => {
    const target = resolveTarget(settings, def.id, { teamId: agent.teamId, agentId: agent.id });
    const points = series.get(def.id) ?? [];
    const own = compare(def, settings, current, before, target);
    if (def.id === 'volume') return { ...own, ...averageAgentValues(points, average) };
    const teamPoints = teamSeries?.get(def.id) ?? [];
    return {
      ...own,
      teamValue: teamNow ? def.fromAggregate(teamNow, settings) : null,
      teamBasis: 'pooled',
      series: points.map((p, i) => ({ ...p, teamValue: teamPoints[i]?.value ?? null })),
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
