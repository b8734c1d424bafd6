import { flexRender, type Header, type Row } from '@tanstack/react-table';
import type { VirtualItem } from '@tanstack/react-virtual';
import { gridTemplate, type Slot } from './columns';
import { useInteractions } from './store';

export const ROW_HEIGHT = 30;

function ariaSort(active: boolean, sortable: boolean, direction: 'asc' | 'desc') {
  if (active) return direction === 'asc' ? 'ascending' : 'descending';
  return sortable ? 'none' : undefined;
}

/** The column headers; sortable ones are buttons and carry aria-sort. */
export function GridHeaderCells({ headers }: { headers: Array<Header<Slot, unknown>> }) {
  const sort = useInteractions((s) => s.sort);
  const toggleSort = useInteractions((s) => s.toggleSort);
  return (
    <>
      {headers.map((header) => {
        const sortColumn = header.column.columnDef.meta?.sortColumn;
        const numeric = header.column.columnDef.meta?.numeric;
        const active = sortColumn !== undefined && sort.column === sortColumn;
        const label = flexRender(header.column.columnDef.header, header.getContext());
        return (
          <div
            key={header.id}
            role="columnheader"
            aria-sort={ariaSort(active, sortColumn !== undefined, sort.direction)}
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
    </>
  );
}

interface GridRowProps {
  item: VirtualItem;
  /** The table row once its page has loaded; skeleton cells until then. */
  row: Row<Slot> | undefined;
  columnIds: string[];
  selected: boolean;
  onOpen(index: number, loaded: boolean): void;
}

export function GridRow({ item, row, columnIds, selected, onOpen }: GridRowProps) {
  const loaded = row?.original.row !== undefined;
  return (
    <div
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
      onClick={() => onOpen(item.index, loaded)}
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
        : columnIds.map((id) => (
            <div key={id} role="gridcell" className="ix-td">
              <span className="skeleton" />
            </div>
          ))}
    </div>
  );
}
