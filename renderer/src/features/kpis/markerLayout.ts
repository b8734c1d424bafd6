/** Pure layout of event-marker labels above a chart (kept apart from chart.js so it can be unit tested). */

export const MARKER_ROW_HEIGHT = 18;
export const MARKER_MAX_ROWS = 3;

export interface LabelBox {
  /** Pixel x of the marker line. */
  x: number;
  /** Measured label width, padding included. */
  width: number;
}

export interface PlacedLabel {
  left: number;
  row: number;
}

/**
 * Puts each label just right of its line (pulled left at the right edge) in the first row where it
 * does not overlap an earlier label. Past `maxRows` the row that ends furthest left is reused: a
 * little overlap beats labels spilling into the plot.
 */
export function layoutMarkerLabels(
  boxes: readonly LabelBox[],
  bounds: { left: number; right: number },
  maxRows = MARKER_MAX_ROWS,
  gap = 6,
): PlacedLabel[] {
  const order = boxes.map((b, i) => ({ ...b, i })).sort((a, b) => a.x - b.x || a.i - b.i);
  const rowEnds: number[] = [];
  const placed: PlacedLabel[] = boxes.map(() => ({ left: 0, row: 0 }));
  for (const box of order) {
    const left = Math.max(bounds.left, Math.min(box.x + 3, bounds.right - box.width));
    let row = rowEnds.findIndex((end) => end + gap <= left);
    if (row === -1) {
      if (rowEnds.length < Math.max(1, maxRows)) row = rowEnds.length;
      else row = rowEnds.indexOf(Math.min(...rowEnds));
    }
    rowEnds[row] = Math.max(rowEnds[row] ?? -Infinity, left + box.width);
    placed[box.i] = { left, row };
  }
  return placed;
}

export function rowsUsed(placed: readonly PlacedLabel[]): number {
  return placed.reduce((n, p) => Math.max(n, p.row + 1), 0);
}

/** Shortens text with an ellipsis until `measure` says it fits; the full label stays in the events list. */
export function truncateToWidth(text: string, maxWidth: number, measure: (s: string) => number): string {
  if (measure(text) <= maxWidth) return text;
  let lo = 0;
  let hi = text.length;
  // Binary search on the kept prefix length: measureText is the costly part.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${text.slice(0, mid).trimEnd()}…`) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo).trimEnd()}…`;
}
