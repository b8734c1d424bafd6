import type { KpiUnit } from '../../../../shared/kpi/types';

/** Seconds as "4m 12s", "1h 05m", "38s": handle and response times read better than raw seconds. */
export function formatDuration(seconds: number): string {
  const sign = seconds < 0 ? '−' : '';
  const s = Math.round(Math.abs(seconds));
  if (s < 60) return `${sign}${s}s`;
  if (s < 3600) return `${sign}${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  const h = Math.floor(s / 3600);
  const m = Math.round((s % 3600) / 60);
  if (h < 48) return `${sign}${h}h ${String(m).padStart(2, '0')}m`;
  return `${sign}${Math.floor(h / 24)}d ${h % 24}h`;
}

function fixed(value: number, decimals: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
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
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const abs = Math.abs(delta);
  // A change of 0.4 on a whole-number KPI would print as "−0": show one decimal instead.
  if (abs > 0 && abs < 1 && decimals === 0 && unit !== 'seconds') decimals = 1;
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

export const STATUS_TEXT = { good: 'on target', warn: 'near target', bad: 'below target', none: 'no target' };
