import { flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { columns, gridMinWidth, gridTemplate, type Slot } from './columns';
import { EmptyState } from './EmptyState';
import { formatCount } from './format';
import { rowAt, useInteractions } from './store';
import { usePageLoader } from './usePageLoader';
import { useScrollEdges } from './useScrollEdges';

const ROW_HEIGHT = 30;
/**
 * Chromium caps an element's height near 33.5M px; at 30 px a row that is ~1.1M rows. Past that the
 * table shows the first rows and asks for a narrower filter instead of breaking the scrollbar.
 */
export const MAX_SCROLL_ROWS = 1_100_000;

export function InteractionsTable() {
  const total = useInteractions((s) => s.total);
  const pages = useInteractions((s) => s.pages);
  const version = useInteractions((s) => s.version);
  const sort = useInteractions((s) => s.sort);
  const selectedIndex = useInteractions((s) => s.selectedIndex);
  const error = useInteractions((s) => s.error);
  const toggleSort = useInteractions((s) => s.toggleSort);
  const select = useInteractions((s) => s.select);
  const openDetails = useInteractions((s) => s.openDetails);
  const closeDetails = useInteractions((s) => s.closeDetails);
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
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    requestRange(firstIndex, lastIndex);
  }, [firstIndex, lastIndex, requestRange]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [version]);

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

  function moveTo(index: number) {
    if (count === 0) return;
    const next = Math.max(0, Math.min(count - 1, index));
    select(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const current = selectedIndex ?? -1;
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: Math.max(0, current - 1),
      PageDown: current + pageRows,
      PageUp: Math.max(0, current - pageRows),
      Home: 0,
      End: count - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter' && selectedIndex !== null) {
      event.preventDefault();
      openDetails(selectedIndex);
    } else if (event.key === 'Escape') {
      closeDetails();
    }
  }

  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const rowsById = new Map(table.getRowModel().rows.map((row) => [row.original.index, row]));

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
            {headers.map((header) => {
              const sortColumn = header.column.columnDef.meta?.sortColumn;
              const numeric = header.column.columnDef.meta?.numeric;
              const active = sortColumn !== undefined && sort.column === sortColumn;
              const ariaSort = active
                ? sort.direction === 'asc'
                  ? 'ascending'
                  : 'descending'
                : sortColumn
                  ? 'none'
                  : undefined;
              const label = flexRender(header.column.columnDef.header, header.getContext());
              return (
                <div
                  key={header.id}
                  role="columnheader"
                  aria-sort={ariaSort}
                  className={numeric ? 'ix-th num' : 'ix-th'}
                >
                  {sortColumn ? (
                    <button type="button" className="ix-sort" onClick={() => toggleSort(sortColumn)}>
                      {label}
                      <span className="ix-sort-mark" aria-hidden="true">
                        {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                      </span>
                    </button>
                  ) : (
                    label
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <div
          ref={scrollRef}
          className="ix-scroll"
          role="rowgroup"
          tabIndex={count > 0 ? 0 : undefined}
          onKeyDown={onKeyDown}
          onScroll={(event) => {
            if (headRef.current) headRef.current.scrollLeft = event.currentTarget.scrollLeft;
            updateEdges();
          }}
          data-testid="interactions-grid"
        >
          <div className="ix-body" style={{ height: virtualizer.getTotalSize(), minWidth: gridMinWidth }}>
            {items.map((item) => {
              const row = rowsById.get(item.index);
              const loaded = row?.original.row !== undefined;
              const selected = item.index === selectedIndex;
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={selected}
                  data-index={item.index}
                  className={`ix-row${selected ? ' selected' : ''}${item.index % 2 ? ' odd' : ''}`}
                  style={{
                    transform: `translateY(${item.start}px)`,
                    height: ROW_HEIGHT,
                    gridTemplateColumns: gridTemplate,
                  }}
                  onClick={() => {
                    select(item.index);
                    if (loaded) openDetails(item.index);
                  }}
                >
                  {row && loaded
                    ? row.getVisibleCells().map((cell) => {
                        const meta = cell.column.columnDef.meta;
                        const value = cell.getValue();
                        return (
                          <div
                            key={cell.id}
                            role="gridcell"
                            className={meta?.numeric ? 'ix-td num' : 'ix-td'}
                            title={meta?.clipsText && typeof value === 'string' ? value : undefined}
                          >
                            {flexRender(cell.column.columnDef.cell, cell.getContext())}
                          </div>
                        );
                      })
                    : headers.map((header) => (
                        <div key={header.id} role="gridcell" className="ix-td">
                          <span className="skeleton" />
                        </div>
                      ))}
                </div>
              );
            })}
          </div>
        </div>
      </div>
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
    </div>
  );
}
