import { createColumnHelper } from '@tanstack/react-table';
import type { InteractionRow, InteractionSortColumn } from '../../../../shared/ipc/contracts/interactions';
import { formatDateTime, formatDuration, formatScore, orDash } from './format';

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
    numeric?: boolean;
    sortColumn?: InteractionSortColumn;
  }
}

const helper = createColumnHelper<Slot>();

function OutcomeBadges({ row }: { row: InteractionRow }) {
  const badges: Array<[string, string]> = [];
  if (row.abandoned || row.answered === false) badges.push(['Abandoned', 'bad']);
  else if (row.resolved) badges.push(['Resolved', 'good']);
  else if (row.resolved === false) badges.push(['Open', 'warn']);
  if (row.escalated) badges.push(['Escalated', 'warn']);
  if (row.fcr) badges.push(['FCR', 'good']);
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
    meta: { width: '150px', sortColumn: 'startedAt' },
  }),
  helper.accessor((slot) => slot.row?.channel, {
    id: 'channel',
    header: 'Channel',
    cell: (c) => <span className={`channel channel-${c.getValue() ?? 'other'}`}>{c.getValue()}</span>,
    meta: { width: '78px', sortColumn: 'channel' },
  }),
  helper.accessor((slot) => slot.row?.agentName, {
    id: 'agentName',
    header: 'Agent',
    cell: (c) => orDash(c.getValue()),
    meta: { width: 'minmax(110px, 1.2fr)', sortColumn: 'agentName' },
  }),
  helper.accessor((slot) => slot.row?.teamName, {
    id: 'teamName',
    header: 'Team',
    cell: (c) => orDash(c.getValue()),
    meta: { width: 'minmax(90px, 1fr)', sortColumn: 'teamName' },
  }),
  helper.accessor((slot) => slot.row?.topic ?? slot.row?.subject, {
    id: 'topic',
    header: 'Topic',
    cell: (c) => orDash(c.getValue()),
    meta: { width: 'minmax(120px, 1.5fr)', sortColumn: 'topic' },
  }),
  helper.display({
    id: 'outcome',
    header: 'Outcome',
    cell: (c) => (c.row.original.row ? <OutcomeBadges row={c.row.original.row} /> : null),
    meta: { width: '180px' },
  }),
  helper.accessor((slot) => slot.row?.firstResponseSeconds, {
    id: 'firstResponseSeconds',
    header: 'Wait',
    cell: (c) => formatDuration(c.getValue()),
    meta: { width: '72px', numeric: true, sortColumn: 'firstResponseSeconds' },
  }),
  helper.accessor((slot) => slot.row?.talkSeconds, {
    id: 'talkSeconds',
    header: 'Talk',
    cell: (c) => formatDuration(c.getValue()),
    meta: { width: '68px', numeric: true, sortColumn: 'talkSeconds' },
  }),
  helper.accessor((slot) => slot.row?.handleSeconds, {
    id: 'handleSeconds',
    header: 'Handle',
    cell: (c) => formatDuration(c.getValue()),
    meta: { width: '72px', numeric: true, sortColumn: 'handleSeconds' },
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
    meta: { width: '48px', numeric: true, sortColumn: 'nps' },
  }),
];

export const gridTemplate = columns.map((column) => column.meta?.width ?? '1fr').join(' ');
