import type { AgentRankingRow, KpiException } from '../../../shared/ipc/contracts/kpi';
import type { KpiSums } from '../../../shared/kpi/aggregate';
import { kpiMissCertainty } from '../../../shared/kpi/kpiEvidence';
import { kpiBetter, type KpiDefinition } from '../../../shared/kpi/registry';
import { resolveTarget, type KpiSettings } from '../../../shared/kpi/settings';
import { kpiStatus } from '../../../shared/kpi/status';
import type { DayRange } from '../../../shared/kpi/types';
import type { Db } from '../db/database';
import { evaluateWithEvidence } from './engine';
import { loadShifts, loadSums, withExtras, type Scope } from './query';
import { measuredRetention, type RetentionRule } from './retentionRule';

/**
 * Exceptions, surest misses first: a 60% escalation rate from 3 complaints is not news, 28% from
 * 400 is. Ties (certainty 1 for misses with no spread) fall back to status, then relative gap.
 */
export function sortExceptions(exceptions: KpiException[]): KpiException[] {
  return exceptions.sort(
    (a, b) =>
      b.certainty - a.certainty ||
      (a.status === b.status ? 0 : a.status === 'bad' ? -1 : 1) ||
      b.gap / Math.max(Math.abs(b.target), 1) - a.gap / Math.max(Math.abs(a.target), 1) ||
      a.name.localeCompare(b.name),
  );
}

interface Agent {
  id: string;
  name: string;
  teamId: string | null;
}

function agentRow(
  agent: Agent,
  all: KpiSums,
  defs: readonly KpiDefinition[],
  settings: KpiSettings,
  exceptions: KpiException[],
): AgentRankingRow {
  const { values, evidence } = evaluateWithEvidence(defs, all, settings);
  const row: AgentRankingRow = {
    agentId: agent.id,
    name: agent.name,
    teamId: agent.teamId,
    volume: all.n ?? 0,
    values,
    evidence,
    targets: {},
    status: {},
  };
  for (const def of defs) {
    const target = resolveTarget(settings, def.id, { teamId: agent.teamId, agentId: agent.id });
    const value = values[def.id] ?? null;
    const status = kpiStatus(def.id, value, target, kpiBetter(def, settings), settings);
    row.targets[def.id] = target;
    row.status[def.id] = status;
    const e = evidence[def.id];
    // A miss on fewer than minN cases is shown marked in the ranking, never raised as an exception.
    if ((status !== 'bad' && status !== 'warn') || value === null || target === null || !e || e.lowConfidence)
      continue;
    exceptions.push({
      agentId: agent.id,
      name: agent.name,
      kpiId: def.id,
      value,
      target,
      gap: Math.abs(value - target),
      status,
      evidence: e,
      certainty: kpiMissCertainty(def, value, target, all, settings),
    });
  }
  return row;
}

export function rankAgents(
  db: Db,
  defs: readonly KpiDefinition[],
  settings: KpiSettings,
  rule: RetentionRule,
  scope: Scope,
  range: DayRange,
  previous: DayRange,
): { agentRanking: AgentRankingRow[]; exceptions: KpiException[] } {
  const sums = loadSums(db, scope, range, 'agent');
  const shifts = loadShifts(db, scope, range, 'agent');
  const retention = defs.some((d) => d.needsCustomers)
    ? measuredRetention(db, rule, scope, range, previous, 'agent')
    : new Map<string, { start: number; end: number; fresh: number }>();
  const agents = db.all<Agent>(
    `SELECT id, name, team_id AS teamId FROM agents WHERE (? IS NULL OR team_id = ?) ORDER BY name`,
    [scope.teamId ?? null, scope.teamId ?? null],
  );
  const agentRanking: AgentRankingRow[] = [];
  const exceptions: KpiException[] = [];
  for (const agent of agents) {
    const agentSums = sums.get(agent.id);
    if (!agentSums) continue;
    const all = withExtras(agentSums, shifts.get(agent.id), retention.get(agent.id));
    agentRanking.push(agentRow(agent, all, defs, settings, exceptions));
  }
  return { agentRanking, exceptions: sortExceptions(exceptions) };
}
