import type { KpiDefinitionDto, KpiEvidence, PeriodValue } from '../../../shared/ipc/contracts/kpi';
import { addSums, emptySums, type KpiSums } from '../../../shared/kpi/aggregate';
import { kpiEvidence, kpiN } from '../../../shared/kpi/kpiEvidence';
import { addDays, bucketEnd, eachDay, listBuckets, periodLabel } from '../../../shared/kpi/periods';
import { KPI_REGISTRY, kpiBetter, kpiUnit, type KpiDefinition } from '../../../shared/kpi/registry';
import { resolveTarget, type KpiSettings } from '../../../shared/kpi/settings';
import type { DayRange, Granularity, KpiId } from '../../../shared/kpi/types';

export function selectKpis(ids: readonly KpiId[] | undefined): KpiDefinition[] {
  return ids ? KPI_REGISTRY.filter((k) => ids.includes(k.id)) : [...KPI_REGISTRY];
}

export function toDto(def: KpiDefinition, settings: KpiSettings): KpiDefinitionDto {
  return {
    id: def.id,
    label: def.label,
    unit: kpiUnit(def, settings),
    better: kpiBetter(def, settings),
    description: def.description,
    decimals: def.id === 'csat' && settings.csat.mode === 'mean' ? 2 : def.decimals,
    target: resolveTarget(settings, def.id, {}),
  };
}

export function modesText(settings: KpiSettings): { csat: string; fcr: string; ces: string } {
  const { csat, fcr, ces } = settings;
  return {
    csat:
      csat.mode === 'mean'
        ? `mean rating on a 1–${csat.scale} scale`
        : `% of responses rated ≥ ${csat.scale === 5 ? csat.satisfiedMin5 : csat.satisfiedMin10} of ${csat.scale}`,
    fcr:
      fcr.mode === 'flag'
        ? 'from the FCR flag'
        : `no repeat contact on the same topic within ${fcr.windowDays} days`,
    ces: `mean on 1–${ces.scale}, ${ces.direction === 'high_is_easy' ? 'high = easy' : 'high = hard'}`,
  };
}

export function evaluate(defs: readonly KpiDefinition[], sums: KpiSums, settings: KpiSettings) {
  const values: Partial<Record<KpiId, number | null>> = {};
  for (const def of defs) values[def.id] = def.fromAggregate(sums, settings);
  return values;
}

/** Values and the evidence behind each non-null one. */
export function evaluateWithEvidence(defs: readonly KpiDefinition[], sums: KpiSums, settings: KpiSettings) {
  const values: Partial<Record<KpiId, number | null>> = {};
  const evidence: Partial<Record<KpiId, KpiEvidence>> = {};
  for (const def of defs) {
    const value = def.fromAggregate(sums, settings);
    values[def.id] = value;
    const e = kpiEvidence(def, value, sums, settings);
    if (e) evidence[def.id] = e;
  }
  return { values, evidence };
}

/** Daily sums plus logged-in time per day, the raw material of every series. */
export interface DailyData {
  sums: Map<string, KpiSums>;
  shifts: Map<string, { seconds: number; handled: number }>;
}

/** Sum of the days in a range, with logged-in time attached when any was recorded. */
export function sumRange(data: DailyData, range: DayRange): KpiSums {
  const total = emptySums();
  let seconds = 0;
  let handled = 0;
  let anyShift = false;
  for (const [day, sums] of data.sums) if (day >= range.from && day <= range.to) addSums(total, sums);
  for (const [day, shift] of data.shifts) {
    if (day < range.from || day > range.to) continue;
    seconds += shift.seconds;
    handled += shift.handled;
    anyShift = true;
  }
  if (anyShift) {
    total.shift_seconds = seconds;
    total.shift_handled = handled;
  }
  return total;
}

/**
 * A bucket is partial when the range cuts it (a week or month only partly inside) or when it is
 * not over yet on the business "today" (under way, or still to come): a chart marks it rather
 * than compare it with whole buckets.
 */
export function isPartialBucket(
  bucket: DayRange & { period: string },
  granularity: Granularity,
  today: string | undefined,
): boolean {
  const clipped = bucket.from !== bucket.period || bucket.to !== bucketEnd(bucket.period, granularity);
  return clipped || (today !== undefined && bucket.to >= today);
}

export function bucketSeries(
  defs: readonly KpiDefinition[],
  data: DailyData,
  range: DayRange,
  granularity: Granularity,
  settings: KpiSettings,
  retention?: (bucket: DayRange & { period: string }) => KpiSums | null,
  today?: string,
): Map<KpiId, PeriodValue[]> {
  const out = new Map<KpiId, PeriodValue[]>(defs.map((d) => [d.id, []]));
  for (const bucket of listBuckets(range, granularity)) {
    const sums = sumRange(data, bucket);
    const extra = defs.some((d) => d.needsCustomers) ? retention?.(bucket) : null;
    if (extra) Object.assign(sums, extra);
    const label = periodLabel(bucket.period, granularity);
    const partial = isPartialBucket(bucket, granularity, today);
    for (const def of defs) {
      const value = def.fromAggregate(sums, settings);
      const n = value === null ? 0 : kpiN(def.id, sums, settings);
      out.get(def.id)?.push({ period: bucket.period, label, value, n, partial });
    }
  }
  return out;
}

/**
 * Trailing-window values for each day of the range from dense prefix sums; retention (not
 * additive) is left out (null).
 */
export function rollingSeries(
  defs: readonly KpiDefinition[],
  data: DailyData,
  range: DayRange,
  window: number,
  settings: KpiSettings,
): Map<KpiId, Array<{ day: string; value: number | null }>> {
  const out = new Map<KpiId, Array<{ day: string; value: number | null }>>(defs.map((d) => [d.id, []]));
  const days = eachDay({ from: addDays(range.from, -(window - 1)), to: range.to });
  const acc = emptySums();
  let seconds = 0;
  let handled = 0;
  let shiftDays = 0;
  const zero = emptySums();
  for (let i = 0; i < days.length; i += 1) {
    const day = days[i] as string;
    addSums(acc, data.sums.get(day) ?? zero);
    const shift = data.shifts.get(day);
    if (shift) {
      seconds += shift.seconds;
      handled += shift.handled;
      shiftDays += 1;
    }
    if (i >= window) {
      const leaving = days[i - window] as string;
      const old = data.sums.get(leaving);
      if (old) for (const col of Object.keys(old)) acc[col] = (acc[col] ?? 0) - (old[col] ?? 0);
      const oldShift = data.shifts.get(leaving);
      if (oldShift) {
        seconds -= oldShift.seconds;
        handled -= oldShift.handled;
        shiftDays -= 1;
      }
    }
    if (i < window - 1) continue;
    const sums: KpiSums = shiftDays > 0 ? { ...acc, shift_seconds: seconds, shift_handled: handled } : acc;
    for (const def of defs) {
      if (def.needsCustomers) out.get(def.id)?.push({ day, value: null });
      else out.get(def.id)?.push({ day, value: def.fromAggregate(sums, settings) });
    }
  }
  return out;
}
