/**
 * Round ticks for a seconds axis. chart.js picks decimal steps (2,000 s → "33m 20s"), which nobody
 * reads as a duration; these steps follow the clock instead: 30 s, 1 min, 5 min, 1 h, 1 d…
 */

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;

/** Steps in seconds, smallest first; past 30 days the 1-2-5 series of days goes on. */
export const DURATION_STEPS: readonly number[] = [
  1,
  2,
  5,
  10,
  15,
  30,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  5 * DAY,
  10 * DAY,
  20 * DAY,
];

export interface DurationAxis {
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

function stepAfter(step: number): number {
  const next = DURATION_STEPS.find((s) => s > step);
  if (next !== undefined) return next;
  // 20 d → 50 d → 100 d → 200 d…: the 1-2-5 series in days.
  const days = step / DAY;
  // The nudge keeps log10(1000) = 2.9999999999999996 from landing a decade low and repeating a step.
  const magnitude = 10 ** Math.floor(Math.log10(days) + 1e-9);
  const lead = days / magnitude;
  return (lead < 2 ? 2 : lead < 5 ? 5 : 10) * magnitude * DAY;
}

function spaces(min: number, max: number, step: number): number {
  return Math.max(Math.ceil(max / step) - Math.floor(min / step), 1);
}

/**
 * The smallest clock step whose multiples cover [min, max] in at most `maxTicks` ticks, and those
 * ticks. A flat series (min = max) gets an axis around it, 10% either side.
 */
export function durationAxis(dataMin: number, dataMax: number, maxTicks = 6): DurationAxis {
  let lowest = Math.min(dataMin, dataMax);
  let highest = Math.max(dataMin, dataMax);
  if (highest - lowest < 1) {
    // A flat line: a one-second axis would read "1 min 30 s, 1 min 31 s". Widen by 10% (never below 0).
    const pad = Math.max(Math.abs(highest) * 0.1, 1);
    lowest = lowest >= 0 ? Math.max(lowest - pad, 0) : lowest - pad;
    highest += pad;
  }
  // An axis across zero needs a tick below, at and above it: with room for two, no step would fit.
  const limit = Math.max(lowest < 0 && highest > 0 ? 3 : 2, Math.floor(maxTicks));
  let step = DURATION_STEPS[0] ?? 1;
  while (spaces(lowest, highest, step) + 1 > limit) step = stepAfter(step);
  const first = Math.floor(lowest / step);
  const count = spaces(lowest, highest, step);
  const ticks = Array.from({ length: count + 1 }, (_, i) => (first + i) * step);
  return { min: first * step, max: (first + count) * step, step, ticks };
}

const UNITS: Array<[number, string]> = [
  [DAY, 'd'],
  [HOUR, 'h'],
  [MINUTE, 'min'],
  [1, 's'],
];

/**
 * A tick label in whole units, largest first ("1 h 30 min", "45 s", "2 d"). Ticks are multiples of
 * a clock step, so every part is exact: the label reads back as the tick's value.
 */
export function formatDurationTick(seconds: number): string {
  const whole = Math.round(Math.abs(seconds));
  if (whole === 0) return '0';
  let rest = whole;
  const parts: string[] = [];
  for (const [size, unit] of UNITS) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count} ${unit}`);
    rest -= count * size;
  }
  return `${seconds < 0 ? '−' : ''}${parts.join(' ')}`;
}
