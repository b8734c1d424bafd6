import { getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import type { InteractionRow } from '../../../../shared/ipc/contracts/interactions';
import { columns, gridMinWidth, gridTemplate, type Slot } from './columns';
import { EmptyState } from './EmptyState';
import { formatCount } from './format';
import { GridHeaderCells, GridRow, ROW_HEIGHT } from './GridParts';
import { rowAt, useInteractions } from './store';
import { useGridKeys } from './useGridKeys';
import { usePageLoader } from './usePageLoader';
import { useScrollEdges } from './useScrollEdges';

/**
 * Chromium caps an element's height near 33.5M px; at 30 px a row that is ~1.1M rows. Past that the
 * table shows the first rows and asks for a narrower filter instead of breaking the scrollbar.
 */
export const MAX_SCROLL_ROWS = 1_100_000;

export function InteractionsTable() {
  const total = useInteractions((s) => s.total);
  const pages = useInteractions((s) => s.pages);
  const version = useInteractions((s) => s.version);
  const selectedIndex = useInteractions((s) => s.selectedIndex);
  const error = useInteractions((s) => s.error);
  const select = useInteractions((s) => s.select);
  const openDetails = useInteractions((s) => s.openDetails);
  const requestRange = usePageLoader();

  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const [edges, updateEdges] = useScrollEdges(scrollRef);
  const count = total === null ? 0 : Math.min(total, MAX_SCROLL_ROWS);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const onKeyDown = useGridKeys(count, scrollRef, virtualizer);
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    requestRange(firstIndex, lastIndex);
  }, [firstIndex, lastIndex, requestRange]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [version]);

  const { headers, rowsById } = useSlotTable(items, pages);
  const columnIds = headers.map((header) => header.id);
  const open = (index: number, loaded: boolean) => {
    select(index);
    if (loaded) openDetails(index);
  };

  return (
    <div className="ix-table-wrap">
      {/* The header lives outside the scroller: a sticky header over rows translated millions of
          pixels down is painted unreliably by Chromium's compositor. */}
      <div
        className="ix-grid"
        role="grid"
        aria-label="Interactions"
        aria-rowcount={count + 1}
        aria-colcount={headers.length}
        data-more-left={edges.left || undefined}
        data-more-right={edges.right || undefined}
      >
        <div className="ix-head-clip" ref={headRef} role="rowgroup">
          <div
            className="ix-head"
            role="row"
            aria-rowindex={1}
            style={{ gridTemplateColumns: gridTemplate, minWidth: gridMinWidth }}
          >
            <GridHeaderCells headers={headers} />
          </div>
        </div>
        <div
          ref={scrollRef}
          className="ix-scroll"
          role="rowgroup"
          aria-label="Interaction rows"
          tabIndex={count > 0 ? 0 : undefined}
          onKeyDown={onKeyDown}
          onScroll={(event) => {
            if (headRef.current) headRef.current.scrollLeft = event.currentTarget.scrollLeft;
            updateEdges();
          }}
          data-testid="interactions-grid"
        >
          <div className="ix-body" style={{ height: virtualizer.getTotalSize(), minWidth: gridMinWidth }}>
            {items.map((item) => (
              <GridRow
                key={item.key}
                item={item}
                row={rowsById.get(item.index)}
                columnIds={columnIds}
                selected={item.index === selectedIndex}
                onOpen={open}
              />
            ))}
          </div>
        </div>
      </div>
      <TableNotes total={total} error={error} />
    </div>
  );
}

/** The table model over just the rendered rows (the virtualizer's window), keyed by row index. */
function useSlotTable(items: VirtualItem[], pages: Readonly<Record<number, InteractionRow[]>>) {
  const data = useMemo<Slot[]>(
    () => items.map((item) => ({ index: item.index, row: rowAt(pages, item.index) })),
    [items, pages],
  );
  const table = useReactTable({
    data,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (slot) => String(slot.index),
    manualSorting: true,
  });
  return {
    headers: table.getHeaderGroups()[0]?.headers ?? [],
    rowsById: new Map(table.getRowModel().rows.map((row) => [row.original.index, row])),
  };
}

/** Below the grid: empty and loading states, a failed load, the scroll cap. */
function TableNotes({ total, error }: { total: number | null; error: string | null }) {
  return (
    <>
      {/* Outside the grid, which may hold only rows, laid over its empty body. */}
      {total === 0 && <EmptyState />}
      {total === null && !error && <div className="ix-empty muted">Loading…</div>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {total !== null && total > MAX_SCROLL_ROWS && (
        <p className="muted ix-note">
          Showing the first {formatCount(MAX_SCROLL_ROWS)} of {formatCount(total)} rows: narrow the filters to
          see the rest.
        </p>
      )}
    </>
  );
}
