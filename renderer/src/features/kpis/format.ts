import type { KpiUnit } from '../../../../shared/kpi/types';

/** Seconds as "4m 12s", "1h 05m", "38s": handle and response times read better than raw seconds. */
export function formatDuration(seconds: number): string {
  const s = Math.round(Math.abs(seconds));
  // −0.4 s rounds to 0: no minus sign on a zero.
  const sign = seconds < 0 && s > 0 ? '−' : '';
  if (s < 60) return `${sign}${s}s`;
  if (s < 3600) return `${sign}${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  // Round to whole minutes before splitting, or 1h 59m 50s would print as "1h 60m".
  const minutes = Math.round(s / 60);
  const h = Math.floor(minutes / 60);
  if (h < 48) return `${sign}${h}h ${String(minutes % 60).padStart(2, '0')}m`;
  const hours = Math.round(s / 3600);
  return `${sign}${Math.floor(hours / 24)}d ${hours % 24}h`;
}

/** Whether toLocaleString at these decimals shows the value as zero (it rounds half away from zero). */
function roundsToZero(value: number, decimals: number): boolean {
  return Math.abs(value) * 10 ** decimals < 0.5;
}

function fixed(value: number, decimals: number): string {
  // Intl prints −0 (and −0.001 at one decimal) as "-0.0"; a zero has no sign.
  const v = roundsToZero(value, decimals) ? 0 : value;
  return v.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A KPI value in its unit; null (no data in scope) is an em dash. */
export function formatKpiValue(value: number | null | undefined, unit: KpiUnit, decimals: number): string {
  if (value === null || value === undefined) return '—';
  switch (unit) {
    case '%':
      return `${fixed(value, decimals)}%`;
    case 'seconds':
      return formatDuration(value);
    case 'count':
      return fixed(value, 0);
    case 'per_hour':
      return `${fixed(value, decimals)}/h`;
    case 'score':
      return fixed(value, decimals);
  }
}

/** A signed change; percentages change by points (pp), not by percent. */
export function formatKpiDelta(delta: number | null, unit: KpiUnit, decimals: number): string {
  if (delta === null) return '—';
  const abs = Math.abs(delta);
  // A change of 0.4 on a whole-number KPI would print as "−0": show one decimal instead.
  if (abs > 0 && abs < 1 && decimals === 0 && unit !== 'seconds') decimals = 1;
  const shownDecimals = unit === 'seconds' || unit === 'count' ? 0 : decimals;
  // A change too small to show reads "±0", not "+0.0" or "−0.0".
  const sign = roundsToZero(abs, shownDecimals) ? '±' : delta > 0 ? '+' : '−';
  switch (unit) {
    case '%':
      return `${sign}${fixed(abs, decimals)} pp`;
    case 'seconds':
      return `${sign}${formatDuration(abs)}`;
    case 'count':
      return `${sign}${fixed(abs, 0)}`;
    case 'per_hour':
      return `${sign}${fixed(abs, decimals)}/h`;
    case 'score':
      return `${sign}${fixed(abs, decimals)}`;
  }
}

/** Axis ticks: compact, same unit as the values. */
export function formatAxis(value: number, unit: KpiUnit): string {
  if (unit === 'seconds') return formatDuration(value);
  if (unit === '%') return `${Math.round(value * 10) / 10}%`;
  return String(Math.round(value * 100) / 100);
}
