import type { KpiQueryResult, QueryGrouping } from '../../../shared/ipc/contracts/kpi';
import { UserFacingError } from '../../../shared/ipc/result';
import { toCsv, type CsvCell } from '../../../shared/kpi/csv';
import { listBuckets, periodLabel, previousRange } from '../../../shared/kpi/periods';
import { resolveTarget } from '../../../shared/kpi/settings';
import type { DayRange, KpiId } from '../../../shared/kpi/types';
import type { Db } from '../db/database';
import { evaluate, selectKpis, sumRange, toDto } from './engine';
import { loadRetention, loadShifts, loadSums, withExtras, type Scope } from './query';
import { loadKpiSettings } from './settingsStore';

export interface KpiQueryInput {
  from: string;
  to: string;
  by: QueryGrouping;
  teamId?: string;
  agentId?: string;
  kpiIds?: KpiId[];
}

function labelsFor(db: Db, by: 'agent' | 'team'): Map<string, string> {
  const table = by === 'agent' ? 'agents' : 'teams';
  return new Map(db.values(`SELECT id, name FROM ${table}`).map(([id, name]) => [String(id), String(name)]));
}

/** KPI values grouped by agent, team, channel, a period granularity, or one total row. */
export function queryKpis(db: Db, input: KpiQueryInput): KpiQueryResult {
  const settings = loadKpiSettings(db);
  const defs = selectKpis(input.kpiIds);
  const range: DayRange = { from: input.from, to: input.to };
  const scope: Scope = { teamId: input.teamId ?? null, agentId: input.agentId ?? null };
  const needsCustomers = defs.some((d) => d.needsCustomers);
  const rows: KpiQueryResult['rows'] = [];

  if (input.by === 'day' || input.by === 'week' || input.by === 'month' || input.by === 'quarter') {
    const daily = { sums: loadSums(db, scope, range, 'day'), shifts: loadShifts(db, scope, range, 'day') };
    for (const bucket of listBuckets(range, input.by)) {
      const sums = sumRange(daily, bucket);
      if ((sums.n ?? 0) === 0 && sums.shift_seconds === undefined) continue;
      const retention =
        needsCustomers && input.by !== 'day'
          ? loadRetention(db, scope, bucket, previousRange(bucket), 'none').get('')
          : undefined;
      rows.push({
        key: bucket.period,
        label: periodLabel(bucket.period, input.by),
        values: evaluate(defs, withExtras(sums, undefined, retention), settings),
      });
    }
  } else {
    const by = input.by;
    const sums = loadSums(db, scope, range, by);
    const shifts = by === 'channel' ? new Map() : loadShifts(db, scope, range, by);
    const retention =
      needsCustomers && by !== 'channel'
        ? loadRetention(db, scope, range, previousRange(range), by)
        : new Map();
    const names = by === 'agent' || by === 'team' ? labelsFor(db, by) : null;
    for (const key of [...sums.keys()].sort()) {
      const label = names ? (names.get(key) ?? (key === '' ? '(none)' : key)) : key === '' ? 'All' : key;
      rows.push({
        key,
        label,
        values: evaluate(defs, withExtras(sums.get(key), shifts.get(key), retention.get(key)), settings),
      });
    }
    if (names) rows.sort((a, b) => a.label.localeCompare(b.label));
  }
  return { from: range.from, to: range.to, by: input.by, kpis: defs.map((d) => toDto(d, settings)), rows };
}

const round = (value: number | null | undefined, decimals: number): number | null =>
  value === null || value === undefined ? null : Number(value.toFixed(Math.max(decimals, 2)));

/**
 * The queried scorecard as CSV: one row per group, one column per KPI (unit in the header), and
 * for agent rows each KPI's target beside it. Text cells are neutralised against formula injection.
 */
export function exportScorecardCsv(db: Db, input: KpiQueryInput): { fileName: string; csv: string } {
  const result = queryKpis(db, input);
  if (result.rows.length === 0)
    throw new UserFacingError('not_found', 'No interactions in this period to export.');
  const settings = loadKpiSettings(db);
  const agents =
    input.by === 'agent'
      ? new Map(
          db
            .values('SELECT id, team_id FROM agents')
            .map(([id, team]) => [String(id), team as string | null]),
        )
      : null;
  const header: CsvCell[] = [input.by === 'none' ? 'scope' : input.by, 'name'];
  for (const k of result.kpis) {
    header.push(`${k.label} (${k.unit})`);
    if (agents) header.push(`${k.label} target`);
  }
  const lines: CsvCell[][] = [header];
  for (const row of result.rows) {
    const line: CsvCell[] = [row.key, row.label];
    for (const k of result.kpis) {
      line.push(round(row.values[k.id], k.decimals));
      if (agents)
        line.push(resolveTarget(settings, k.id, { agentId: row.key, teamId: agents.get(row.key) ?? null }));
    }
    lines.push(line);
  }
  const safe = (s: string) => s.replace(/[^a-z0-9_-]+/gi, '-');
  return { fileName: `scorecard-${safe(input.by)}-${input.from}_${input.to}.csv`, csv: toCsv(lines) };
}
