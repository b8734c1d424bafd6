import type { AgentScorecard, ScorecardKpi } from '../../../shared/ipc/contracts/kpi';
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
import { bucketSeries, selectKpis, sumRange, toDto } from './engine';
import type { Scope } from './query';
import { retentionRule, retentionSums } from './retentionRule';
import { loadKpiSettings } from './settingsStore';

/**
 * Contacts per agent-day of one team, for "the average agent": volume is additive, so an agent's
 * 300 contacts set against the team's 2,400 says nothing; against the 300 of an average agent it
 * does. Only contacts with an agent count, and only agents with at least one contact in the span.
 */
function agentDays(
  db: Db,
  teamId: string,
  range: DayRange,
): Array<{ day: string; agent: string; n: number }> {
  return db
    .values(
      `SELECT day, agent_id, SUM(n) FROM agg_daily
        WHERE team_id = ? AND day BETWEEN ? AND ? AND agent_id IS NOT NULL
        GROUP BY day, agent_id HAVING SUM(n) > 0`,
      [teamId, range.from, range.to],
    )
    .map(([day, agent, n]) => ({ day: String(day), agent: String(agent), n: Number(n) }));
}

export function averageAgent(
  rows: ReadonlyArray<{ day: string; agent: string; n: number }>,
  range: DayRange,
) {
  const agents = new Set<string>();
  let total = 0;
  for (const r of rows) {
    if (r.day < range.from || r.day > range.to) continue;
    agents.add(r.agent);
    total += r.n;
  }
  return agents.size > 0 ? total / agents.size : null;
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
  const series = bucketSeries(
    defs,
    mine,
    range,
    input.granularity,
    settings,
    bucketRetention(db, rule, agentScope, range, input.granularity, defs),
    today,
  );
  const teamSeries =
    team && teamScope
      ? bucketSeries(
          defs,
          team,
          range,
          input.granularity,
          settings,
          bucketRetention(db, rule, teamScope, range, input.granularity, defs),
        )
      : null;
  const perAgent =
    agent.teamId && defs.some((d) => d.id === 'volume') ? agentDays(db, agent.teamId, fetch) : null;
  const buckets = listBuckets(range, input.granularity);

  const rows = defs.map((def): ScorecardKpi => {
    const target = resolveTarget(settings, def.id, { teamId: agent.teamId, agentId: agent.id });
    const teamPoints = teamSeries?.get(def.id) ?? [];
    const points = series.get(def.id) ?? [];
    if (def.id === 'volume')
      return {
        ...compare(def, settings, current, before, target),
        teamValue: perAgent ? averageAgent(perAgent, elapsed) : null,
        teamBasis: 'average_agent',
        series: points.map((p, i) => {
          const bucket = buckets[i];
          return { ...p, teamValue: perAgent && bucket ? averageAgent(perAgent, bucket) : null };
        }),
      };
    return {
      ...compare(def, settings, current, before, target),
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
