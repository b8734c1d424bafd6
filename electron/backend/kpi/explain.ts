import type { KpiEvidence, KpiExplanation } from '../../../shared/ipc/contracts/kpi';
import { UserFacingError } from '../../../shared/ipc/result';
import type { KpiSums } from '../../../shared/kpi/aggregate';
import { kpiEvidence } from '../../../shared/kpi/kpiEvidence';
import { addDays, previousRange, rangeLength } from '../../../shared/kpi/periods';
import { MIN_RETENTION_DAYS } from '../../../shared/kpi/ratings';
import { getKpi, kpiUnit, type KpiDefinition } from '../../../shared/kpi/registry';
import type { KpiSettings } from '../../../shared/kpi/settings';
import { trailParts, type RawCounts, type TrailParts } from '../../../shared/kpi/trail';
import type { DayRange, KpiId } from '../../../shared/kpi/types';
import type { Db } from '../db/database';
import { businessToday, comparisonRanges } from './dashboard';
import { enteredCounts, loadRetention, loadShifts, loadSums, withExtras, type Scope } from './query';
import { retentionRule, type RetentionRule } from './retentionRule';
import { loadKpiSettings } from './settingsStore';

export interface ExplainInput {
  from: string;
  to: string;
  kpiId: KpiId;
  teamId?: string;
  agentId?: string;
}

const TEAM_EXPR = 'COALESCE(i.team_id, (SELECT a.team_id FROM agents a WHERE a.id = i.agent_id))';

/**
 * The few counts the aggregates do not keep, from the scope's raw rows: one pass through the
 * started_at (or agent, started_at) index over the range, like the aggregates' own scoping.
 */
function rawCounts(db: Db, scope: Scope, range: DayRange): RawCounts {
  const where = ['i.started_at >= :lo', 'i.started_at < :hi', 'i.day BETWEEN :from AND :to'];
  const params: Record<string, string> = {
    ':lo': addDays(range.from, -2),
    ':hi': addDays(range.to, 2),
    ':from': range.from,
    ':to': range.to,
  };
  if (scope.agentId) {
    where.push('i.agent_id = :agent');
    params[':agent'] = scope.agentId;
  }
  if (scope.teamId) {
    where.push(`${TEAM_EXPR} = :team`);
    params[':team'] = scope.teamId;
  }
  const row = db.values(
    `SELECT COUNT(i.csat_score), COUNT(i.nps_score), COUNT(i.ces_score),
            TOTAL(i.is_complaint = 1), TOTAL(i.cross_sell_eligible = 1), TOTAL(i.cross_sell_offered = 1),
            COUNT(i.customer_id)
       FROM interactions i WHERE ${where.join(' AND ')}`,
    params,
  )[0];
  const at = (k: number) => Number(row?.[k] ?? 0);
  return {
    csatPresent: at(0),
    npsPresent: at(1),
    cesPresent: at(2),
    complaints: at(3),
    eligible: at(4),
    offered: at(5),
    withCustomer: at(6),
  };
}

const fmt = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

function valueText(def: KpiDefinition, settings: KpiSettings, value: number): string {
  const unit = kpiUnit(def, settings);
  const digits = def.id === 'csat' && unit === 'score' ? 2 : def.decimals;
  const v = value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  if (unit === '%') return `${v}%`;
  if (unit === 'seconds') return `${v} seconds`;
  if (unit === 'per_hour') return `${v} per hour`;
  return v;
}

function evidenceStep(def: KpiDefinition, settings: KpiSettings, e: KpiEvidence): string {
  const interval = e.interval
    ? ` The 95% interval is ${valueText(def, settings, e.interval.low)} to ${valueText(def, settings, e.interval.high)}.`
    : ' There is no interval: the value counts every interaction of the period rather than a sample of them.';
  const trust = e.lowConfidence
    ? ` That is fewer than ${settings.status.minN}, so the value is marked low-confidence and kept out of the exceptions.`
    : '';
  return `It rests on ${fmt(e.n)} ${e.nLabel}.${interval}${trust}`;
}

/**
 * Retention is measurable for this scope and range when the data as a whole has recurring
 * customers (retentionRule) and this scope had customers in the previous period.
 */
function retentionVerdict(
  rule: RetentionRule,
  sums: KpiSums,
  current: DayRange,
  previous: DayRange,
): string | null {
  if (!rule.measurable) return rule.reason;
  const days = rangeLength(current);
  if (days < MIN_RETENTION_DAYS)
    return `Retention needs a period of at least ${MIN_RETENTION_DAYS} days; this one has ${days}. Over a shorter window, whether a customer is in touch again says how often customers call, not whether they stayed.`;
  if (sums.ret_start === undefined)
    return 'No interaction of this scope in this period or the one before carries a customer id.';
  if (sums.ret_start <= 0)
    return `No customer of this scope was in contact in the previous period (${previous.from} to ${previous.to}), so there is no one to retain.`;
  if ((sums.ret_end ?? 0) <= 0)
    return 'No customer of this scope was in contact during this period, so the contact data cannot tell whether anyone stayed.';
  return null;
}

function steps(
  def: KpiDefinition,
  settings: KpiSettings,
  parts: TrailParts,
  value: number | null,
  evidence: KpiEvidence | null,
  scopeText: string,
): string[] {
  const out = [`${scopeText}.`, `Formula: ${parts.formula}`];
  for (const x of parts.excluded) out.push(`${fmt(x.count)} ${x.label}: not counted.`);
  if (parts.numerator) out.push(`Numerator: ${fmt(parts.numerator.count)} ${parts.numerator.label}.`);
  if (parts.denominator) out.push(`Denominator: ${fmt(parts.denominator.count)} ${parts.denominator.label}.`);
  if (value === null) {
    if (!parts.denominator?.count)
      out.push('With nothing in the denominator there is no value: no data, not good news.');
  } else {
    const pctUnit = kpiUnit(def, settings) === '%';
    const calc =
      parts.numerator && parts.denominator && def.id !== 'nps'
        ? `${fmt(parts.numerator.count)} ÷ ${fmt(parts.denominator.count)}${pctUnit ? ' × 100' : ''} = `
        : '';
    out.push(`${def.label}: ${calc}${valueText(def, settings, value)}.`);
  }
  if (evidence) out.push(evidenceStep(def, settings, evidence));
  return out;
}

export function explainKpi(db: Db, input: ExplainInput, now?: Date): KpiExplanation {
  const settings = loadKpiSettings(db);
  const def = getKpi(input.kpiId);
  if (input.agentId && !db.get('SELECT 1 FROM agents WHERE id = ?', [input.agentId]))
    throw new UserFacingError('not_found', `No agent with id ${input.agentId}`);
  if (input.teamId && !db.get('SELECT 1 FROM teams WHERE id = ?', [input.teamId]))
    throw new UserFacingError('not_found', `No team with id ${input.teamId}`);
  const range = { from: input.from, to: input.to };
  // The same days the dashboard tile counts: a period under way stops at the business "today".
  const { current } = comparisonRanges(range, businessToday(settings, now));
  const scope: Scope = { teamId: input.teamId ?? null, agentId: input.agentId ?? null };
  const rule = retentionRule(db);
  const previous = previousRange(current);
  // The counts are shown even when retention is not measurable: they are the reason why.
  const retention = def.needsCustomers
    ? loadRetention(db, scope, current, previous, 'none').get('')
    : undefined;
  const entered =
    def.needsCustomers && !scope.agentId
      ? enteredCounts(db, scope.teamId ?? null).has(`${current.from}|${current.to}`)
      : false;
  const sums = withExtras(
    loadSums(db, scope, current, 'none').get(''),
    def.needsShifts ? loadShifts(db, scope, current, 'none').get('') : undefined,
    retention,
  );
  const raw = rawCounts(db, scope, current);
  const parts = trailParts(def.id, sums, raw, settings);
  const notMeasurable =
    def.needsCustomers && !entered ? retentionVerdict(rule, sums, current, previous) : null;
  const value = notMeasurable ? null : def.fromAggregate(sums, settings);
  const evidence = kpiEvidence(def, value, sums, settings);
  const cut = current.to !== range.to ? `, counted up to ${current.to} (later days are still to come)` : '';
  const scopeText = `${fmt(sums.n ?? 0)} interactions in scope from ${current.from} to ${current.to}${cut}`;
  const trail = steps(def, settings, parts, value, evidence, scopeText);
  if (retention && def.needsCustomers)
    trail.splice(
      2,
      0,
      `Customers at start (in contact from ${previous.from} to ${previous.to}): ${fmt(retention.start)}; at end (in contact from ${current.from} to ${current.to}): ${fmt(retention.end)}; new (not in contact before): ${fmt(retention.fresh)}.`,
    );
  if (notMeasurable) trail.push(`Not measurable: ${notMeasurable}`);
  return {
    kpiId: def.id,
    label: def.label,
    from: range.from,
    to: range.to,
    formula: parts.formula,
    value,
    evidence,
    scope: { count: sums.n ?? 0, label: 'interactions in scope' },
    numerator: parts.numerator,
    denominator: parts.denominator,
    excluded: parts.excluded,
    retention:
      def.needsCustomers && retention
        ? { atStart: retention.start, atEnd: retention.end, fresh: retention.fresh }
        : null,
    measurable: notMeasurable === null,
    notMeasurableReason: notMeasurable,
    steps: trail,
  };
}
