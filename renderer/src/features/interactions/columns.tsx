import { createColumnHelper } from '@tanstack/react-table';
import type { InteractionRow, InteractionSortColumn } from '../../../../shared/ipc/contracts/interactions';
import { channelLabel, formatDateTime, formatDuration, formatScore, orDash } from './format';

/** One virtual row: its position in the full result and the row once its page has loaded. */
export interface Slot {
  index: number;
  row: InteractionRow | undefined;
}

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData, TValue> {
    /** Grid track width. */
    width: string;
    /** Free text that may not fit: the cell repeats it in a tooltip. */
    clipsText?: boolean;
    numeric?: boolean;
    sortColumn?: InteractionSortColumn;
  }
}

const helper = createColumnHelper<Slot>();

/*
 * Track widths hold the widest value whole in the widest UI font (DejaVu Sans, 13 px, 6 px padding
 * a side): `24 May 2026 00:00`, formatDuration's `23:59:59`, `10/10`. Their sum stays under the
 * ~995 px a 1280 px window leaves, so no column hides behind a sideways scroll there.
 */
const DURATION_WIDTH = '74px';

type Tone = 'good' | 'warn' | 'bad';

function outcomes(row: InteractionRow): Array<[string, Tone]> {
  const badges: Array<[string, Tone]> = [];
  if (row.abandoned || row.answered === false) badges.push(['Abandoned', 'bad']);
  else if (row.resolved) badges.push(['Resolved', 'good']);
  else if (row.resolved === false) badges.push(['Open', 'warn']);
  if (row.escalated) badges.push(['Escalated', 'warn']);
  if (row.fcr) badges.push(['FCR', 'good']);
  return badges;
}

function OutcomeBadges({ row }: { row: InteractionRow }) {
  const badges = outcomes(row);
  if (badges.length === 0) return <span className="muted">—</span>;
  return (
    <>
      {badges.map(([label, tone]) => (
        <span key={label} className={`ix-badge ix-badge-${tone}`}>
          {label}
        </span>
      ))}
    </>
  );
}

export const columns = [
  helper.accessor((slot) => slot.row?.startedAt, {
    id: 'startedAt',
    header: 'Started',
    cell: (c) => formatDateTime(c.getValue()),
    meta: { width: '142px', sortColumn: 'startedAt' },
  }),
  helper.accessor((slot) => slot.row?.channel, {
    id: 'channel',
    header: 'Channel',
    cell: (c) => {
      const channel = c.getValue();
      return channel ? <span className={`channel channel-${channel}`}>{channelLabel(channel)}</span> : null;
    },
    meta: { width: '68px', sortColumn: 'channel' },
  }),
  helper.accessor((slot) => slot.row?.agentName, {
    id: 'agentName',
    header: 'Agent',
    cell: (c) => orDash(c.getValue()),
    meta: { width: 'minmax(96px, 1.2fr)', sortColumn: 'agentName', clipsText: true },
  }),
  helper.accessor((slot) => slot.row?.teamName, {
    id: 'teamName',
    header: 'Team',
    cell: (c) => orDash(c.getValue()),
    meta: { width: 'minmax(80px, 1fr)', sortColumn: 'teamName', clipsText: true },
  }),
  helper.accessor((slot) => slot.row?.topic ?? slot.row?.subject, {
    id: 'topic',
    header: 'Topic',
    cell: (c) => orDash(c.getValue()),
    meta: { width: 'minmax(100px, 1.5fr)', sortColumn: 'topic', clipsText: true },
  }),
  // Three badges can outgrow the column; the value (their labels) becomes the cell's tooltip.
  helper.accessor(
    (slot) =>
      slot.row
        ? outcomes(slot.row)
            .map(([label]) => label)
            .join(', ')
        : undefined,
    {
      id: 'outcome',
      header: 'Outcome',
      cell: (c) => (c.row.original.row ? <OutcomeBadges row={c.row.original.row} /> : null),
      meta: { width: '170px', clipsText: true },
    },
  ),
  helper.accessor((slot) => slot.row?.firstResponseSeconds, {
    id: 'firstResponseSeconds',
    header: 'Wait',
    cell: (c) => formatDuration(c.getValue()),
    meta: { width: DURATION_WIDTH, numeric: true, sortColumn: 'firstResponseSeconds' },
  }),
  helper.accessor((slot) => slot.row?.talkSeconds, {
    id: 'talkSeconds',
    header: 'Talk',
    cell: (c) => formatDuration(c.getValue()),
    meta: { width: DURATION_WIDTH, numeric: true, sortColumn: 'talkSeconds' },
  }),
  helper.accessor((slot) => slot.row?.handleSeconds, {
    id: 'handleSeconds',
    header: 'Handle',
    cell: (c) => formatDuration(c.getValue()),
    meta: { width: DURATION_WIDTH, numeric: true, sortColumn: 'handleSeconds' },
  }),
  helper.accessor((slot) => slot.row?.csat, {
    id: 'csat',
    header: 'CSAT',
    cell: (c) => formatScore(c.getValue(), c.row.original.row?.csatScale),
    meta: { width: '56px', numeric: true, sortColumn: 'csat' },
  }),
  helper.accessor((slot) => slot.row?.nps, {
    id: 'nps',
    header: 'NPS',
    cell: (c) => formatScore(c.getValue()),
    meta: { width: '44px', numeric: true, sortColumn: 'nps' },
  }),
];

export const gridTemplate = columns.map((column) => column.meta?.width ?? '1fr').join(' ');

/** Narrowest the row can get (each track's px minimum); below it the grid scrolls sideways. */
export const gridMinWidth = columns.reduce(
  (sum, column) => sum + Number(/(\d+)px/.exec(column.meta?.width ?? '')?.[1] ?? 0),
  0,
);
