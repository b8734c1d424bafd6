import type { KpiEvidence, KpiQueryResult, QueryGrouping } from '../../../shared/ipc/contracts/kpi';
import { UserFacingError } from '../../../shared/ipc/result';
import { toCsv, type CsvCell } from '../../../shared/kpi/csv';
import { listBuckets, periodLabel, previousRange } from '../../../shared/kpi/periods';
import { getKpi, kpiBetter } from '../../../shared/kpi/registry';
import { resolveTarget, type KpiSettings } from '../../../shared/kpi/settings';
import { kpiStatus, statusWords } from '../../../shared/kpi/status';
import type { DayRange, KpiId, KpiStatus } from '../../../shared/kpi/types';
import type { Db } from '../db/database';
import { evaluateWithEvidence, selectKpis, sumRange, toDto } from './engine';
import { loadShifts, loadSums, withExtras, type Scope } from './query';
import { measuredRetention, retentionRule } from './retentionRule';
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
  const rule = retentionRule(db);
  const rows: KpiQueryResult['rows'] = [];

  if (input.by === 'day' || input.by === 'week' || input.by === 'month' || input.by === 'quarter') {
    const daily = { sums: loadSums(db, scope, range, 'day'), shifts: loadShifts(db, scope, range, 'day') };
    for (const bucket of listBuckets(range, input.by)) {
      const sums = sumRange(daily, bucket);
      if ((sums.n ?? 0) === 0 && sums.shift_seconds === undefined) continue;
      const retention =
        needsCustomers && input.by !== 'day'
          ? measuredRetention(db, rule, scope, bucket, previousRange(bucket), 'none').get('')
          : undefined;
      rows.push({
        key: bucket.period,
        label: periodLabel(bucket.period, input.by),
        ...evaluateWithEvidence(defs, withExtras(sums, undefined, retention), settings),
      });
    }
  } else {
    const by = input.by;
    const sums = loadSums(db, scope, range, by);
    const shifts = by === 'channel' ? new Map() : loadShifts(db, scope, range, by);
    const retention =
      needsCustomers && by !== 'channel'
        ? measuredRetention(db, rule, scope, range, previousRange(range), by)
        : new Map();
    const names = by === 'agent' || by === 'team' ? labelsFor(db, by) : null;
    for (const key of [...sums.keys()].sort()) {
      const label = names ? (names.get(key) ?? (key === '' ? '(none)' : key)) : key === '' ? 'All' : key;
      const all = withExtras(sums.get(key), shifts.get(key), retention.get(key));
      rows.push({ key, label, ...evaluateWithEvidence(defs, all, settings) });
    }
    if (names) rows.sort((a, b) => a.label.localeCompare(b.label));
  }
  return { from: range.from, to: range.to, by: input.by, kpis: defs.map((d) => toDto(d, settings)), rows };
}

/**
 * The target each row of a query answers to: an agent row its agent's (or team's), a team row its
 * team's, any other row that of the queried agent or team, else the default.
 */
function targetsFor(db: Db, settings: KpiSettings, input: KpiQueryInput) {
  const teamOf = new Map(
    db
      .values('SELECT id, team_id FROM agents')
      .map(([id, team]) => [String(id), team === null ? null : String(team)]),
  );
  return (key: string, kpiId: KpiId): number | null => {
    if (input.by === 'agent')
      return resolveTarget(settings, kpiId, { agentId: key, teamId: teamOf.get(key) ?? null });
    if (input.by === 'team') return resolveTarget(settings, kpiId, { teamId: key === '' ? null : key });
    const teamId = input.teamId ?? (input.agentId ? (teamOf.get(input.agentId) ?? null) : null);
    return resolveTarget(settings, kpiId, { teamId, ...(input.agentId ? { agentId: input.agentId } : {}) });
  };
}

export interface DescribedRow {
  key: string;
  label: string;
  values: Partial<Record<KpiId, number | null>>;
  evidence: Partial<Record<KpiId, KpiEvidence>>;
  targets: Partial<Record<KpiId, number | null>>;
  status: Partial<Record<KpiId, KpiStatus>>;
  /** The status in words that follow the KPI's direction ("worse than target"). */
  statusText: Partial<Record<KpiId, string>>;
}

/** The query with each value's target and status (in words) beside it: the CLI's JSON and the CSV. */
export function describeQuery(
  db: Db,
  input: KpiQueryInput,
): Omit<KpiQueryResult, 'rows'> & { rows: DescribedRow[] } {
  const result = queryKpis(db, input);
  const settings = loadKpiSettings(db);
  const targetOf = targetsFor(db, settings, input);
  // Retention from one-off tickets is left empty on purpose (retentionRule.ts); "no data" beside
  // thousands of contacts would send the lead looking for a missing import.
  const unmeasurable = retentionRule(db).measurable ? null : 'not measurable';
  const rows = result.rows.map((row): DescribedRow => {
    const described: DescribedRow = { ...row, targets: {}, status: {}, statusText: {} };
    for (const k of result.kpis) {
      const value = row.values[k.id] ?? null;
      const target = targetOf(row.key, k.id);
      const def = getKpi(k.id);
      const status = kpiStatus(k.id, value, target, kpiBetter(def, settings), settings);
      described.targets[k.id] = target;
      described.status[k.id] = status;
      described.statusText[k.id] =
        value === null && def.needsCustomers && unmeasurable
          ? unmeasurable
          : statusWords(status, value, target);
    }
    return described;
  });
  return { ...result, rows };
}

const round = (value: number | null | undefined, decimals: number): number | null =>
  value === null || value === undefined ? null : Number(value.toFixed(Math.max(decimals, 2)));

/**
 * The queried scorecard as CSV: one row per group; per KPI its value (unit in the header), target,
 * status in words, and the evidence behind the value (n, 95% interval, low confidence). Text
 * cells are neutralised against formula injection.
 */
export function exportScorecardCsv(db: Db, input: KpiQueryInput): { fileName: string; csv: string } {
  const result = describeQuery(db, input);
  if (result.rows.length === 0)
    throw new UserFacingError('not_found', 'No interactions in this period to export.');
  const header: CsvCell[] = [input.by === 'none' ? 'scope' : input.by, 'name'];
  for (const k of result.kpis)
    header.push(
      `${k.label} (${k.unit})`,
      `${k.label} target`,
      `${k.label} status`,
      `${k.label} n`,
      `${k.label} 95% low`,
      `${k.label} 95% high`,
      `${k.label} low confidence`,
    );
  const lines: CsvCell[][] = [header];
  for (const row of result.rows) {
    const line: CsvCell[] = [row.key, row.label];
    for (const k of result.kpis) {
      const e = row.evidence[k.id];
      line.push(
        round(row.values[k.id], k.decimals),
        row.targets[k.id] ?? null,
        row.statusText[k.id] ?? null,
        e?.n ?? 0,
        round(e?.interval?.low, k.decimals),
        round(e?.interval?.high, k.decimals),
        e ? (e.lowConfidence ? 'yes' : 'no') : null,
      );
    }
    lines.push(line);
  }
  const safe = (s: string) => s.replace(/[^a-z0-9_-]+/gi, '-');
  return { fileName: `scorecard-${safe(input.by)}-${input.from}_${input.to}.csv`, csv: toCsv(lines) };
}
