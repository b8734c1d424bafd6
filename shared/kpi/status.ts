import type { KpiSettings } from './settings';
import type { KpiBetter, KpiId, KpiStatus } from './types';

/**
 * Colour of a value against its target: good when on the right side, warn within the tolerance
 * (relative to the target, at least 1 point), bad beyond. NPS without a target uses DOMAIN.md's
 * bands (≥ strong good, ≥ average low end warn, below bad).
 */
export function kpiStatus(
  kpiId: KpiId,
  value: number | null,
  target: number | null,
  better: KpiBetter,
  settings: KpiSettings,
): KpiStatus {
  if (value === null) return 'none';
  if (target === null) {
    if (kpiId !== 'nps') return 'none';
    if (value >= settings.nps.strongMin) return 'good';
    return value >= settings.nps.averageMin ? 'warn' : 'bad';
  }
  if (better === 'neutral') return 'none';
  const gap = better === 'higher' ? target - value : value - target;
  if (gap <= 0) return 'good';
  const tolerance = Math.max(Math.abs(target) * (settings.status.warnTolerancePct / 100), 1e-9);
  return gap <= tolerance ? 'warn' : 'bad';
}

/** Direction of travel against the previous period: an improving trend is good news even below target. */
export function trendDirection(
  value: number | null,
  previous: number | null,
  better: KpiBetter,
): { delta: number | null; direction: 'up' | 'down' | 'flat' | null; improving: boolean | null } {
  if (value === null || previous === null) return { delta: null, direction: null, improving: null };
  const delta = value - previous;
  const eps = 1e-9 * Math.max(1, Math.abs(previous));
  const direction = Math.abs(delta) <= eps ? 'flat' : delta > 0 ? 'up' : 'down';
  const improving =
    better === 'neutral' || direction === 'flat' ? null : (direction === 'up') === (better === 'higher');
  return { delta, direction, improving };
}

/**
 * Words for a status that follow the KPI's direction: "worse than target" for an escalation rate
 * of 28% against 10%, never "below target". `none` splits into "no target" and "no data" so an
 * empty period never reads as good news.
 */
export function statusWords(status: KpiStatus, value: number | null, target: number | null): string {
  if (value === null) return 'no data';
  if (target === null) return status === 'none' ? 'no target' : status === 'good' ? 'strong' : 'weak';
  switch (status) {
    case 'good':
      return 'better than target';
    case 'warn':
      return 'slightly worse than target';
    case 'bad':
      return 'worse than target';
    default:
      return 'no target';
  }
}
