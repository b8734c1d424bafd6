import { format } from 'date-fns';
import type { Channel } from '../../../../shared/domain/types';

/** Display helpers for the Interactions table and drawer; every value may be missing. */

const DASH = '—';

/**
 * `m:ss`, `h:mm:ss` from one hour, and `Xd Yh` from one day: e-mail and ticket waits run to weeks,
 * where seconds are noise and `192:19:12` is hard to read (and too wide for the table column).
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return DASH;
  const total = Math.round(seconds);
  if (total >= DAY) return `${Math.floor(total / DAY)}d ${Math.floor((total % DAY) / 3600)}h`;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
const DAY = 86_400;

const CHANNEL_LABELS: Record<Channel, string> = {
  call: 'Call',
  chat: 'Chat',
  email: 'Email',
  ticket: 'Ticket',
  social: 'Social',
  other: 'Other',
};

/** The one label a channel has everywhere: table, filter chips and details. */
export function channelLabel(channel: Channel): string {
  return CHANNEL_LABELS[channel];
}

/**
 * Codes stored as typed by a source system (`pending`, `team_lead`) shown as labels (`Pending`,
 * `Team lead`). Text someone already capitalised (`VIP`, `In Progress`) is left as it is.
 */
export function enumLabel(code: string | null | undefined): string {
  if (code === null || code === undefined || code.trim() === '') return DASH;
  const text = code.trim();
  if (text !== text.toLowerCase()) return text;
  const words = text.replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return DASH;
  const date = new Date(iso);
  // Fixed, compact and column-aligned (`12 Mar 2021 09:12`) rather than the locale's long form.
  return Number.isNaN(date.getTime()) ? iso : format(date, 'dd MMM yyyy HH:mm');
}

/** A local calendar day (YYYY-MM-DD) shown without shifting it through UTC. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return DASH;
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return format(new Date(y, m - 1, d), 'EEE dd MMM yyyy');
}

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? DASH : integer.format(n);
}

export function formatScore(score: number | null | undefined, scale?: number | null): string {
  if (score === null || score === undefined) return DASH;
  const text = Number.isInteger(score) ? String(score) : score.toFixed(1);
  return scale ? `${text}/${scale}` : text;
}

export function formatFlag(value: boolean | null | undefined): string {
  if (value === null || value === undefined) return DASH;
  return value ? 'Yes' : 'No';
}

export function orDash(text: string | null | undefined): string {
  return text === null || text === undefined || text === '' ? DASH : text;
}
