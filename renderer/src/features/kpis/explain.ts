import type { KpiCount, KpiDefinitionDto, KpiExplanation } from '../../../../shared/ipc/contracts/kpi';
import type { KpiId } from '../../../../shared/kpi/types';
import { formatCount } from '../../lib/format';
import { formatN, formatInterval } from './evidence';
import { formatKpiValue } from './format';

/** What the "how is this computed" dialog is asked about: a KPI in a team or an agent scope. */
export interface ExplainTarget {
  kpiId: KpiId;
  from: string;
  to: string;
  teamId?: string;
  agentId?: string;
  /** "Team North", "All teams", "Sofia Romano": the scope in words, for the dialog's subtitle. */
  scopeLabel: string;
}

/** Counts are whole, except rating points in mean mode (a sum of ratings over mapped scales). */
export const formatAmount = (n: number): string =>
  Number.isInteger(n) ? formatCount(n) : n.toLocaleString('en-US', { maximumFractionDigits: 2 });

const count = (c: KpiCount) => `${formatAmount(c.count)} ${c.label}`;

/**
 * The one-sentence summary of what stands behind the value: "412 rated of 1,603 interactions;
 * 1,191 without a rating are not counted". Counts what was left out, so a share of rated
 * interactions is never mistaken for all of them.
 */
export function countsSentence(x: KpiExplanation): string {
  const base = x.denominator ? `${count(x.denominator)} of ${count(x.scope)}` : count(x.scope);
  const left = x.excluded.filter((e) => e.count > 0);
  if (left.length === 0) return base;
  const verb = left.length === 1 && left[0]?.count === 1 ? 'is' : 'are';
  return `${base}; ${left.map(count).join(', ')} ${verb} not counted`;
}

/** The headline of the dialog: the value with its n and interval, or why there is none. */
export function explanationHeadline(x: KpiExplanation, def: Pick<KpiDefinitionDto, 'unit' | 'decimals'>) {
  if (!x.measurable) return `Not measurable: ${x.notMeasurableReason ?? 'this data cannot give this KPI'}`;
  if (x.value === null) return 'No data in this period';
  const parts = [formatKpiValue(x.value, def.unit, def.decimals)];
  if (x.evidence) parts.push(formatN(x.evidence));
  const interval = formatInterval(x.evidence, def);
  if (interval) parts.push(interval);
  return parts.join(' · ');
}

/** The request for explainKpi: a scope is a team or an agent, never both. */
export function explainInput(t: ExplainTarget) {
  return {
    kpiId: t.kpiId,
    from: t.from,
    to: t.to,
    ...(t.agentId ? { agentId: t.agentId } : t.teamId ? { teamId: t.teamId } : {}),
  };
}
