import type { KpiDefinitionDto, KpiEvidence } from '../../../../shared/ipc/contracts/kpi';
import { statusWords } from '../../../../shared/kpi/status';
import type { KpiStatus } from '../../../../shared/kpi/types';
import { formatCount } from '../../lib/format';
import { formatKpiValue } from './format';

type Def = Pick<KpiDefinitionDto, 'unit' | 'decimals'>;

/** "1 response", "212 responses": nLabel comes plural from the backend. */
export function countOf(n: number, pluralLabel: string): string {
  const label = n === 1 && pluralLabel.endsWith('s') ? pluralLabel.slice(0, -1) : pluralLabel;
  return `${formatCount(n)} ${label}`;
}

/** "n = 212 responses": the denominator every value stands on. */
export function formatN(evidence: KpiEvidence): string {
  return `n = ${countOf(evidence.n, evidence.nLabel)}`;
}

/** "24.1–33.0%" (the unit once, at the end, where it is a suffix), "4m 12s–5m 01s" otherwise. */
export function formatRange(low: number, high: number, def: Def): string {
  const lowText = formatKpiValue(low, def.unit, def.decimals);
  const highText = formatKpiValue(high, def.unit, def.decimals);
  const suffix = def.unit === '%' ? '%' : def.unit === 'per_hour' ? '/h' : '';
  const bareLow = suffix && lowText.endsWith(suffix) ? lowText.slice(0, -suffix.length) : lowText;
  return `${bareLow}–${highText}`;
}

/** "95% interval 24.1–33.0%", or null where the KPI has no interval (volume). */
export function formatInterval(evidence: KpiEvidence | null, def: Def): string | null {
  if (!evidence?.interval) return null;
  return `95% interval ${formatRange(evidence.interval.low, evidence.interval.high, def)}`;
}

/** "only 7 complaints; at least 20 needed" for a low-confidence value, else null. */
export function lowConfidenceReason(evidence: KpiEvidence | null, minN: number | null): string | null {
  if (!evidence?.lowConfidence) return null;
  const only = `only ${countOf(evidence.n, evidence.nLabel)}`;
  return minN === null ? `${only}; too few to trust` : `${only}; at least ${formatCount(minN)} needed`;
}

/**
 * Status words that follow the KPI's direction ("worse than target", never "below target").
 * A KPI without a direction (volume) has status `none` even with a target: saying "no target"
 * beside "Target 1,500" would contradict the card, so there are no words for it.
 */
export function statusText(status: KpiStatus, value: number | null, target: number | null): string | null {
  if (value !== null && target !== null && status === 'none') return null;
  return statusWords(status, value, target);
}

/**
 * The status a value is coloured by: none without data, whatever the backend sent, so an empty
 * period is never painted as good news. A low-confidence value keeps its status but is drawn
 * muted and dashed by the components (class low-confidence / low-n).
 */
export function shownStatus(status: KpiStatus, value: number | null): KpiStatus {
  return value === null ? 'none' : status;
}

/** One line for tooltips and accessible names: "n = 40 complaints · 95% interval 16–43%". */
export function evidenceLine(evidence: KpiEvidence | null, def: Def): string | null {
  if (!evidence) return null;
  return [formatN(evidence), formatInterval(evidence, def)].filter(Boolean).join(' · ');
}

/** "worse than target 10.0%", "better than target 80.0%", "no target", "no data". */
export function statusWithTarget(
  status: KpiStatus,
  value: number | null,
  target: number | null,
  def: Def,
): string {
  const words = statusText(status, value, target);
  const targetText = target === null ? null : formatKpiValue(target, def.unit, def.decimals);
  if (words === null) return `target ${targetText ?? ''}`.trim();
  return words.endsWith('target') && targetText && value !== null ? `${words} ${targetText}` : words;
}

interface Described {
  value: number | null;
  status: KpiStatus;
  target: number | null;
  evidence: KpiEvidence | null;
}

/** Status words with the target, n and interval, and the low-confidence reason, one per line. */
export function valueDetails(def: Def, v: Described, minN: number | null): string[] {
  if (v.value === null) return [];
  const reason = lowConfidenceReason(v.evidence, minN);
  return [
    statusWithTarget(v.status, v.value, v.target, def),
    evidenceLine(v.evidence, def),
    reason && `low confidence: ${reason}`,
  ].filter((line): line is string => Boolean(line));
}

/**
 * The lines a tooltip or an accessible description gives for one value: the value with its status
 * words, its n and interval, and why it is not to be trusted where that is the case.
 */
export function describeValue(
  def: Def,
  v: Described,
  minN: number | null,
  unmeasurable: string | null = null,
): string[] {
  if (v.value === null) return [unmeasurable ? `not measurable: ${unmeasurable}` : 'no data in this period'];
  const [status, ...rest] = valueDetails(def, v, minN);
  return [`${formatKpiValue(v.value, def.unit, def.decimals)}, ${status ?? ''}`, ...rest];
}

/** "97% sure", capped at ">99%": a miss is never certain from a sample. */
export function formatCertainty(certainty: number): string {
  const pct = Math.floor(certainty * 100);
  return pct >= 100 || certainty > 0.99 ? '>99% sure' : `${Math.max(pct, 0)}% sure`;
}

/** Why an exception is listed: "28.0% of 40 complaints, 95% interval 16.2–43.1%, 98% sure". */
export function exceptionEvidence(
  e: { value: number; evidence: KpiEvidence; certainty: number },
  def: Def,
): string {
  const value = `${formatKpiValue(e.value, def.unit, def.decimals)} of ${countOf(e.evidence.n, e.evidence.nLabel)}`;
  const interval = formatInterval(e.evidence, def);
  return [value, interval, formatCertainty(e.certainty)].filter(Boolean).join(', ');
}
