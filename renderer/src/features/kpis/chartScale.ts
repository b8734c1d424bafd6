import type { KpiUnit } from '../../../../shared/kpi/types';
import type { ValueClamp } from './chartTypes';
import { durationAxis, formatDurationTick } from './durationTicks';
import { formatAxis } from './format';

/**
 * The value axis of a chart, decided here rather than by chart.js: chart.js pads past 0–100% and
 * picks decimal steps for seconds, and the ticks it chose could not be checked without a canvas.
 */
export interface ValueAxis {
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

/** Smallest step each unit can label without two ticks reading the same (formatAxis rounds). */
const MIN_STEP: Record<KpiUnit, number> = { '%': 0.1, score: 0.01, per_hour: 0.01, count: 1, seconds: 1 };
/** Room above and below the data, as a share of its span, so points do not sit on the frame. */
const PAD = 0.05;

function clampTo(value: number, clamp: ValueClamp | undefined): number {
  return Math.min(Math.max(value, clamp?.min ?? -Infinity), clamp?.max ?? Infinity);
}

/** Rounds away float noise (0.1 × 3 = 0.30000000000000004) so ticks compare and print cleanly. */
function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

/** 1, 2, 5 × 10^k, smallest first from `from` up. */
function* niceSteps(from: number): Generator<number> {
  let magnitude = 10 ** Math.floor(Math.log10(from));
  for (;;) {
    for (const m of [1, 2, 5]) {
      const step = tidy(m * magnitude);
      if (step >= from) yield step;
    }
    magnitude *= 10;
  }
}

function numberAxis(lo: number, hi: number, maxTicks: number, minStep: number): ValueAxis {
  // An axis across zero needs a tick below, at and above it: with room for two, no step would fit.
  const limit = Math.max(lo < 0 && hi > 0 ? 3 : 2, maxTicks);
  for (const step of niceSteps(minStep)) {
    const first = Math.floor(tidy(lo / step));
    const last = Math.max(Math.ceil(tidy(hi / step)), first + 1);
    if (last - first + 1 > limit) continue;
    const ticks = Array.from({ length: last - first + 1 }, (_, i) => tidy((first + i) * step));
    return { min: ticks[0] ?? lo, max: ticks.at(-1) ?? hi, step, ticks };
  }
  throw new Error('unreachable: niceSteps never ends');
}

/**
 * Round ticks that cover every value (data and target line) inside the unit's limits: a rate stays
 * within 0–100%, a duration gets clock steps (30 s, 5 min, 1 h). At most `maxTicks` ticks.
 */
export function valueAxis(
  values: readonly number[],
  opts: { unit?: KpiUnit; clamp?: ValueClamp; maxTicks: number },
): ValueAxis {
  const { clamp } = opts;
  const maxTicks = Math.floor(opts.maxTicks);
  const finite = values.filter(Number.isFinite).map((v) => clampTo(v, clamp));
  const dataLo = finite.length ? Math.min(...finite) : (clamp?.min ?? 0);
  const dataHi = finite.length ? Math.max(...finite) : dataLo;
  const span = dataHi - dataLo;
  const lo = clampTo(dataLo - span * PAD, clamp);
  const hi = clampTo(dataHi + span * PAD, clamp);
  // durationAxis widens a flat line itself, never below 0.
  if (opts.unit === 'seconds') return durationAxis(lo, hi, maxTicks);
  const minStep = MIN_STEP[opts.unit ?? 'score'];
  // A flat line gets room either side (a 100% line sits under the top of a 0–100 clamp).
  const room = span < minStep ? Math.max(Math.abs(dataHi) * 0.1, minStep * 10) : 0;
  const axis = numberAxis(clampTo(lo - room, clamp), clampTo(hi + room, clamp), maxTicks, minStep);
  const min = clampTo(axis.min, clamp);
  const max = clampTo(axis.max, clamp);
  // The clamp bounds (0, 100, ±100) are multiples of every step, so clamping only drops ticks.
  return { ...axis, min, max, ticks: axis.ticks.filter((t) => t >= min && t <= max) };
}

/** Tick text: clock units for durations ("1 h 30 min"), the compact KPI format otherwise. */
export function formatTick(value: number, unit: KpiUnit | undefined): string {
  return unit === 'seconds' ? formatDurationTick(value) : formatAxis(value, unit ?? 'score');
}
