/**
 * CSV for spreadsheets. Cells starting with = + - @ (or tab / carriage return) are prefixed with a
 * quote so a spreadsheet shows them as text instead of running them as formulas (CSV injection).
 * Numbers are written as numbers: a negative delta stays a number, not a neutralised string.
 */
const DANGEROUS = /^[=+\-@\t\r]/;

export function neutralise(text: string): string {
  return DANGEROUS.test(text) ? `'${text}` : text;
}

export type CsvCell = string | number | null | undefined;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = neutralise(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: CsvCell[][]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
