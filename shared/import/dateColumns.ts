import { isBlank, isFail, parseDateTime, type RawCell } from './parse';
import type { ImportMapping, TargetField } from './types';

/** Fields that already take a time from the file; their columns are not offered again. */
const TIME_FIELDS: TargetField[] = [
  'started_at',
  'started_time',
  'started_fallback',
  'first_response_at',
  'resolved_at',
];

/** At most one filled sample cell in ten may fail to read as a date (integers: no float edge). */
const MISSES_PER_TEN = 1;

/**
 * Columns of the file that hold dates but take no time field yet ("Date of Purchase" in the
 * Kaggle export), in file order: the wizard offers them as the start of rows with no time at all.
 * Plain numbers are not counted, although Excel serials are dates: an age or a count would read
 * as a day in 1900.
 */
export function unusedDateColumns(headers: string[], samples: RawCell[][], mapping: ImportMapping): string[] {
  const used = new Set(TIME_FIELDS.map((field) => mapping.fields[field]).filter(Boolean));
  return headers.filter((header, i) => !used.has(header) && looksLikeDates(samples.map((row) => row[i])));
}

function looksLikeDates(cells: RawCell[]): boolean {
  let filled = 0;
  let dates = 0;
  // A text column (the ticket descriptions) is given up on after a few misses.
  for (const cell of cells) {
    if (isBlank(cell)) continue;
    filled++;
    if (isDateCell(cell)) dates++;
    else if ((filled - dates) * 10 > cells.length * MISSES_PER_TEN) return false;
  }
  return filled > 0 && (filled - dates) * 10 <= filled * MISSES_PER_TEN;
}

const EXCEL_TIME_ONLY_END = Date.UTC(1900, 0, 1);

function isDateCell(cell: RawCell): boolean {
  if (cell instanceof Date) return cell.getTime() >= EXCEL_TIME_ONLY_END;
  if (typeof cell !== 'string' || /^\s*[\d.]+\s*$/.test(cell)) return false;
  const value = parseDateTime(cell, 'auto');
  return value !== null && !isFail(value);
}
