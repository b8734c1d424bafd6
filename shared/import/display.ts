import { cellText, type RawCell } from './parse';

const DAY_MS = 86_400_000;
/** Excel's day 0. exceljs hands a time-only cell (numFmt h:mm:ss) over as a Date on that day. */
const EXCEL_DAY_ZERO = Date.UTC(1899, 11, 30);
/** Excel's 1900 leap-year bug puts some time-only cells on 1899-12-31 instead. */
const EXCEL_DAY_ONE_END = EXCEL_DAY_ZERO + 2 * DAY_MS;

/**
 * A cell as the user saw it in their spreadsheet: the "As in the file" table would otherwise show
 * exceljs's Dates as "1899-12-30T09:12:58.000Z". Those Dates hold wall-clock time encoded as UTC,
 * so they are printed without a zone. Everything else is the cell's text.
 */
export function displayCell(raw: RawCell): string {
  if (!(raw instanceof Date)) return cellText(raw);
  // exceljs computes these from a fraction of a day, which can land a millisecond off.
  const ms = Math.round(raw.getTime() / 1000) * 1000;
  if (!Number.isFinite(ms)) return '';
  const iso = new Date(ms).toISOString();
  const time = iso.slice(11, 19);
  if (ms >= EXCEL_DAY_ZERO && ms < EXCEL_DAY_ONE_END) return time;
  const date = iso.slice(0, 10);
  return ms % DAY_MS === 0 ? date : `${date} ${time}`;
}
