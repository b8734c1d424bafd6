import type { SqlValue } from 'sql.js';

/**
 * The row of refreshDerived's single pass: what it reads per interaction, in a fixed layout, either
 * from the table (`SCAN_SELECT`) or from rows an import just wrote (`WrittenRows`).
 *
 * 0/1/NULL columns (and the two rating scales) are packed two bits each into one integer: every
 * column read costs sql.js one or more calls into WASM per row, a quarter of the pass at 1M rows.
 * The CHECK constraints guarantee the values; NULL is 2 (3 for sentiment, stored + 1).
 */
export const FLAGS = [
  'answered',
  'abandoned',
  'resolved',
  'fcr',
  'is_complaint',
  'escalated',
  'cross_sell_eligible',
  'cross_sell_offered',
  'cross_sell_converted',
  'repeat_contact',
] as const;
export const F = Object.fromEntries(FLAGS.map((name, k) => [name, k * 2])) as Record<
  (typeof FLAGS)[number],
  number
>;
export const SENTIMENT_SHIFT = FLAGS.length * 2;
export const CSAT_SCALE_SHIFT = SENTIMENT_SHIFT + 2;
export const CES_SCALE_SHIFT = CSAT_SCALE_SHIFT + 2;
const PACKED_FLAGS = [
  ...FLAGS.map((name, k) => `coalesce(i.${name}, 2) * ${2 ** (k * 2)}`),
  `coalesce(i.sentiment + 1, 3) * ${2 ** SENTIMENT_SHIFT}`,
  `CASE i.csat_scale WHEN 5 THEN 0 WHEN 10 THEN 1 ELSE 2 END * ${2 ** CSAT_SCALE_SHIFT}`,
  `CASE i.ces_scale WHEN 5 THEN 0 WHEN 7 THEN 1 ELSE 2 END * ${2 ** CES_SCALE_SHIFT}`,
].join(' + ');

/** Cell positions (-1: no such column) of what `packFlags` reads. */
export interface FlagPositions {
  flags: number[];
  sentiment: number;
  csatScale: number;
  cesScale: number;
}

export function flagPositions(at: (column: string) => number): FlagPositions {
  return {
    flags: FLAGS.map((name) => at(name)),
    sentiment: at('sentiment'),
    csatScale: at('csat_scale'),
    cesScale: at('ces_scale'),
  };
}

const FLAG_WEIGHTS = FLAGS.map((_, k) => 2 ** (k * 2));

/** `PACKED_FLAGS` computed from the cells of a row not read from SQL (its cells from `offset` on). */
export function packFlags(cells: readonly SqlValue[], offset: number, at: FlagPositions): number {
  let packed = 0;
  const { flags } = at;
  for (let k = 0; k < flags.length; k++) {
    const p = flags[k] as number;
    const v = p < 0 ? null : (cells[offset + p] ?? null);
    packed += (v === null ? 2 : (v as number)) * (FLAG_WEIGHTS[k] as number);
  }
  const sentiment = at.sentiment < 0 ? null : (cells[offset + at.sentiment] ?? null);
  packed += (sentiment === null ? 3 : (sentiment as number) + 1) * 2 ** SENTIMENT_SHIFT;
  const csatScale = at.csatScale < 0 ? null : cells[offset + at.csatScale];
  packed += (csatScale === 5 ? 0 : csatScale === 10 ? 1 : 2) * 2 ** CSAT_SCALE_SHIFT;
  const cesScale = at.cesScale < 0 ? null : cells[offset + at.cesScale];
  packed += (cesScale === 5 ? 0 : cesScale === 7 ? 1 : 2) * 2 ** CES_SCALE_SHIFT;
  return packed;
}

export const tri = (flags: number, shift: number): number | null => {
  const v = (flags >>> shift) & 3;
  return v === 2 ? null : v;
};
export const SENTIMENTS = [-1, 0, 1, null] as const;
export const CSAT_SCALES = [5, 10, null, null] as const;
export const CES_SCALES = [5, 7, null, null] as const;

/** Columns of the single pass, in this order (see `R`). */
export const SCAN_SELECT = `i.id, unixepoch(i.started_at, 'subsec') * 1000, i.day, i.agent_id, i.team_id, i.channel, i.customer_id, i.topic,
  unixepoch(i.resolved_at, 'subsec') * 1000, i.resolution_seconds, i.resolution_business_seconds,
  CASE WHEN i.sentiment IS NULL THEN i.customer_comment END, ${PACKED_FLAGS},
  i.first_response_seconds, i.talk_seconds, i.hold_seconds, i.wrap_seconds,
  i.csat_score, i.nps_score, i.ces_score`;
export const R = {
  id: 0,
  startedAt: 1,
  day: 2,
  agent: 3,
  team: 4,
  channel: 5,
  customer: 6,
  topic: 7,
  resolvedAt: 8,
  resolutionSeconds: 9,
  biz: 10,
  comment: 11,
  flags: 12,
  firstResponseSeconds: 13,
  talkSeconds: 14,
  holdSeconds: 15,
  wrapSeconds: 16,
  csatScore: 17,
  npsScore: 18,
  cesScore: 19,
} as const;
export const ROW_WIDTH = 20;

/** Which rows the pass reads: days of `day` and a `started_at` window that lets the index narrow the scan. */
export interface ScanWindow {
  lo: string;
  hi: string;
  from: string;
  to: string;
}

/** Where the pass reads its rows: in (started_at, id) order, one reused array per row. */
export interface ScanSource {
  /** Start instants (`unixepoch(started_at, 'subsec') * 1000`) of the first and last row. */
  span(window: ScanWindow | null): { lo: number | null; hi: number | null };
  scan(window: ScanWindow | null, visit: (row: SqlValue[]) => void): void;
}
