import { describe, expect, it } from 'vitest';
import { layoutMarkerLabels, rowsUsed, truncateToWidth } from './markerLayout';

const bounds = { left: 50, right: 650 };

describe('layoutMarkerLabels', () => {
  it('puts a label just right of its line', () => {
    expect(layoutMarkerLabels([{ x: 100, width: 80 }], bounds)).toEqual([{ left: 103, row: 0 }]);
  });

  it('pulls a label left at the right edge and right at the left edge', () => {
    expect(layoutMarkerLabels([{ x: 640, width: 80 }], bounds)).toEqual([{ left: 570, row: 0 }]);
    expect(layoutMarkerLabels([{ x: 20, width: 80 }], bounds)).toEqual([{ left: 50, row: 0 }]);
  });

  it('keeps labels that do not overlap on one row', () => {
    const placed = layoutMarkerLabels(
      [
        { x: 100, width: 80 },
        { x: 300, width: 80 },
      ],
      bounds,
    );
    expect(placed.map((p) => p.row)).toEqual([0, 0]);
    expect(rowsUsed(placed)).toBe(1);
  });

  it('moves overlapping labels to the next row, in x order whatever the input order', () => {
    const placed = layoutMarkerLabels(
      [
        { x: 140, width: 120 },
        { x: 100, width: 120 },
        { x: 400, width: 60 },
      ],
      bounds,
    );
    expect(placed).toEqual([
      { left: 143, row: 1 },
      { left: 103, row: 0 },
      { left: 403, row: 0 },
    ]);
  });

  it('reuses the least crowded row past the row limit', () => {
    const boxes = [100, 110, 120, 130].map((x) => ({ x, width: 200 }));
    const placed = layoutMarkerLabels(boxes, bounds, 3);
    expect(rowsUsed(placed)).toBe(3);
    expect(placed[3]?.row).toBe(0);
  });

  it('handles no markers', () => {
    expect(layoutMarkerLabels([], bounds)).toEqual([]);
    expect(rowsUsed([])).toBe(0);
  });
});

describe('truncateToWidth', () => {
  const measure = (s: string) => s.length * 6;

  it('keeps text that fits', () => {
    expect(truncateToWidth('Outage', 60, measure)).toBe('Outage');
  });

  it('cuts long text with an ellipsis that fits the width', () => {
    const text = 'Product launch: FiberMax 1000 in every region';
    const cut = truncateToWidth(text, 120, measure);
    expect(cut.endsWith('…')).toBe(true);
    expect(measure(cut)).toBeLessThanOrEqual(120);
    expect(text.startsWith(cut.slice(0, -1))).toBe(true);
    expect(measure(truncateToWidth(text, 126, measure))).toBeGreaterThan(measure(cut) - 1);
  });

  it('does not end the kept part with a space', () => {
    expect(truncateToWidth('Network outage in the north', 54, measure)).toBe('Network…');
  });
});
