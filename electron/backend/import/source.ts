/**
 * Opens an export file: checks it, detects format and text encoding, and hands out the header
 * plus the data rows in chunks. CSV is decoded once into a string and parsed with papaparse's
 * core parser chunk by chunk (so the caller can yield between chunks); XLSX is read with exceljs.
 */
import { createHash } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { RawCell } from '../../../shared/import/parse';
import { UserFacingError } from '../../../shared/ipc/result';

export type FileFormat = 'csv' | 'xlsx';
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface SourceChunk {
  /** Data rows; `firstRow` is the spreadsheet row number of rows[0] (header = row 1). */
  rows: RawCell[][];
  rowNumbers: number[];
  /** 0..1 of the file consumed, for progress. */
  progress: number;
}

export interface OpenedSource {
  format: FileFormat;
  encoding: TextEncoding | null;
  delimiter: string | null;
  headers: string[];
  fileName: string;
  sizeBytes: number;
  sha256: string;
  /** Rough count for progress and the preview (exact for XLSX). */
  totalRowsEstimate: number;
  chunks(chunkRows?: number): AsyncGenerator<SourceChunk>;
  /** Up to `n` first data rows (for detection and preview). */
  head(n: number): Promise<RawCell[][]>;
  /** CSV only: the decoded text, so a parser worker can read the same rows. */
  text?: string;
}

const bad = (message: string, details?: unknown) => new UserFacingError('invalid_input', message, details);

/**
 * The whole file is decoded into one string, and V8 caps strings at about 512M characters; above
 * this size an import would die with an opaque allocation error instead of a clear message.
 */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

export async function checkReadable(filePath: string, maxBytes = MAX_IMPORT_BYTES): Promise<number> {
  if (!path.isAbsolute(filePath)) throw bad(`Choose the file again: "${filePath}" is not an absolute path.`);
  let stat;
  try {
    stat = await fs.stat(filePath);
    await fs.access(filePath, constants.R_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw bad(`The file "${filePath}" does not exist (moved or deleted?).`);
    throw bad(`The file "${filePath}" cannot be read (${code ?? 'access denied'}).`);
  }
  if (!stat.isFile()) throw bad(`"${filePath}" is a folder, not a file.`);
  if (stat.size === 0) throw bad('The file is empty.');
  if (stat.size > maxBytes) {
    const mb = (bytes: number) => Math.round(bytes / (1024 * 1024)).toLocaleString('en-US');
    throw bad(
      `The file is ${mb(stat.size)} MB; one import takes at most ${mb(maxBytes)} MB. Export it in parts (for example a month at a time) and import each part.`,
    );
  }
  return stat.size;
}

export async function openSource(filePath: string): Promise<OpenedSource> {
  const size = await checkReadable(filePath);
  const buffer = await fs.readFile(filePath);
  const sha256 = createHash('sha256').update(buffer).digest('hex');
  const fileName = path.basename(filePath);
  if (buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04) {
    return openXlsx(buffer, fileName, size, sha256);
  }
  if (buffer[0] === 0xd0 && buffer[1] === 0xcf && buffer[2] === 0x11 && buffer[3] === 0xe0) {
    throw bad('This is an old Excel .xls file. Save it as .xlsx or CSV and import that.');
  }
  const { text, encoding } = decodeText(buffer);
  return openCsv(text, encoding, fileName, size, sha256);
}

// ------------------------------------------------------------------------------------- decoding

/** BOM first; then strict UTF-8; then Windows-1252 (which accepts any byte). Rejects binary data. */
export function decodeText(buffer: Uint8Array): { text: string; encoding: TextEncoding } {
  if (buffer.length === 0) throw bad('The file is empty.');
  let text: string;
  let encoding: TextEncoding;
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    encoding = 'utf-8-bom';
    text = decodeStrict('utf-8', buffer.subarray(3));
  } else if (buffer[0] === 0xff && buffer[1] === 0xfe) {
    encoding = 'utf-16le';
    text = decodeStrict('utf-16le', buffer.subarray(2));
  } else if (buffer[0] === 0xfe && buffer[1] === 0xff) {
    encoding = 'utf-16be';
    text = decodeStrict('utf-16be', buffer.subarray(2));
  } else if (looksLikeUtf16(buffer)) {
    encoding = buffer[0] === 0 ? 'utf-16be' : 'utf-16le';
    text = decodeStrict(encoding, buffer);
  } else {
    if (hasNul(buffer)) throw notText();
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
      encoding = 'utf-8';
    } catch {
      text = new TextDecoder('windows-1252').decode(buffer);
      encoding = 'windows-1252';
    }
  }
  if (looksBinary(text)) throw notText();
  return { text, encoding };
}

const notText = () =>
  bad(
    'This file is not a CSV or XLSX export: it contains binary data. Choose the CSV or XLSX file exported from your system.',
  );

function decodeStrict(label: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    throw bad(`The file says it is ${label.toUpperCase()} but contains invalid ${label.toUpperCase()} text.`);
  }
}

function looksLikeUtf16(buffer: Uint8Array): boolean {
  const n = Math.min(buffer.length, 1024) & ~1;
  if (n < 4) return false;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buffer[i] === 0) evenZero++;
    if (buffer[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  return (
    (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) || (evenZero > pairs * 0.4 && oddZero < pairs * 0.05)
  );
}

function hasNul(buffer: Uint8Array): boolean {
  const n = Math.min(buffer.length, 65_536);
  for (let i = 0; i < n; i++) if (buffer[i] === 0) return true;
  return false;
}

/** Control characters other than tab/CR/LF in more than 1% of the first 64k characters. */
function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 65_536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++;
  }
  return n > 0 && control > Math.max(2, n * 0.01);
}

// ------------------------------------------------------------------------------------------ CSV

const DELIMITERS = [',', ';', '\t', '|'];
const CHUNK_CHARS = 1 << 20;

export function detectNewline(text: string): '\r\n' | '\n' | '\r' {
  const lf = text.indexOf('\n');
  if (lf > 0 && text.charCodeAt(lf - 1) === 13) return '\r\n';
  if (lf >= 0) return '\n';
  return text.includes('\r') ? '\r' : '\n';
}

/** The delimiter that splits the first lines into the same number (> 1) of fields most often. */
export function detectDelimiter(text: string, newline: '\r\n' | '\n' | '\r'): string {
  const sample = text.slice(0, 65_536);
  let best = ',';
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const parsed = new Papa.Parser({ delimiter, newline, quoteChar: '"' }).parse(
      sample,
      0,
      sample.length === 65_536,
    ) as {
      data: string[][];
    };
    const rows = parsed.data.slice(0, 50).filter((r) => !(r.length === 1 && r[0] === ''));
    const first = rows[0]?.length ?? 0;
    if (first < 2) continue;
    const consistent = rows.filter((r) => r.length === first).length;
    const score = consistent * 1000 + first;
    if (score > bestScore) {
      bestScore = score;
      best = delimiter;
    }
  }
  return best;
}

interface PapaResult {
  data: string[][];
  errors: Array<{ type: string; code: string; message: string; row?: number; index?: number }>;
  meta: { cursor: number };
}

export function openCsv(
  text: string,
  encoding: TextEncoding,
  fileName: string,
  size: number,
  sha256: string,
): OpenedSource {
  if (text.trim().length === 0) throw bad('The file is empty.');
  const newline = detectNewline(text);
  const delimiter = detectDelimiter(text, newline);

  /** Parses records from the whole text in chunks; the first record is the header. */
  async function* records(
    chunkRows: number,
  ): AsyncGenerator<{ rows: string[][]; numbers: number[]; progress: number }> {
    const parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
    let pos = 0;
    let partial = '';
    let base = 0;
    let recordNo = 0;
    let rows: string[][] = [];
    let numbers: number[] = [];
    while (pos < text.length || partial.length > 0) {
      const end = Math.min(pos + CHUNK_CHARS, text.length);
      const finished = end >= text.length;
      const input = partial + text.slice(pos, end);
      pos = end;
      const result = parser.parse(input, base, !finished) as PapaResult;
      const quoteError = result.errors.find((e) => e.code === 'MissingQuotes');
      if (quoteError) {
        throw bad(
          `Unbalanced quotes: a quoted field opened near row ${recordNo + (quoteError.row ?? 0) + 1} is never closed, so the rest of the file cannot be read. Fix the quote in the file and import again.`,
        );
      }
      if (!finished) {
        partial = input.substring(result.meta.cursor - base);
        base = result.meta.cursor;
        if (partial.length > 64 * CHUNK_CHARS) {
          throw bad(
            `Unbalanced quotes near row ${recordNo + 1}: a quoted field runs on for more than 64 MB.`,
          );
        }
      } else {
        partial = '';
      }
      for (const record of result.data) {
        recordNo++;
        if (record.length === 1 && record[0] === '') continue;
        rows.push(record);
        numbers.push(recordNo);
        if (rows.length >= chunkRows) {
          yield { rows, numbers, progress: pos / text.length };
          rows = [];
          numbers = [];
        }
      }
      if (finished) break;
    }
    if (rows.length > 0) yield { rows, numbers, progress: 1 };
  }

  // Header: first non-empty record of the first chunk.
  const headParse = new Papa.Parser({ delimiter, newline, quoteChar: '"' }).parse(
    text.slice(0, CHUNK_CHARS),
    0,
    text.length > CHUNK_CHARS,
  ) as PapaResult;
  const headerRecord = headParse.data.find((r) => !(r.length === 1 && r[0] === ''));
  if (!headerRecord) throw bad('The file is empty.');
  const headers = headerRecord.map((h, i) => h.replace(/^\uFEFF/, '').trim() || `Column ${i + 1}`);
  const sampleRows = headParse.data.filter((r) => !(r.length === 1 && r[0] === '')).length - 1;
  const sampleChars = Math.min(text.length, CHUNK_CHARS);
  const totalRowsEstimate =
    text.length <= CHUNK_CHARS
      ? Math.max(0, sampleRows)
      : Math.round((Math.max(1, sampleRows) * text.length) / sampleChars);

  async function* chunks(chunkRows = 5000): AsyncGenerator<SourceChunk> {
    let first = true;
    for await (const chunk of records(chunkRows)) {
      let { rows, numbers } = chunk;
      if (first) {
        rows = rows.slice(1);
        numbers = numbers.slice(1);
        first = false;
      }
      if (rows.length > 0) yield { rows, rowNumbers: numbers, progress: chunk.progress };
    }
  }

  return {
    format: 'csv',
    encoding,
    delimiter,
    headers,
    fileName,
    sizeBytes: size,
    sha256,
    totalRowsEstimate,
    chunks,
    text,
    async head(n) {
      const out: RawCell[][] = [];
      for await (const chunk of chunks(Math.min(n, 5000))) {
        out.push(...chunk.rows.slice(0, n - out.length));
        if (out.length >= n) break;
      }
      return out;
    },
  };
}

// ----------------------------------------------------------------------------------------- XLSX

async function openXlsx(
  buffer: Buffer,
  fileName: string,
  size: number,
  sha256: string,
): Promise<OpenedSource> {
  // Loaded on first use: exceljs is large, and the CSV parser worker imports this module too
  // (loading exceljs there cost ~0.15 s of every big CSV import's start).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    throw bad(
      `This XLSX file cannot be read (${error instanceof Error ? error.message : String(error)}). Is it damaged or password-protected?`,
    );
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw bad('The workbook has no data: every sheet is empty.');
  const all: RawCell[][] = [];
  const numbers: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as unknown[];
    const cells: RawCell[] = [];
    for (let c = 1; c < values.length; c++) cells.push(xlsxCell(values[c]));
    if (cells.every((c) => c === null || c === '')) return;
    all.push(cells);
    numbers.push(rowNumber);
  });
  const headerCells = all.shift();
  const headerRow = numbers.shift();
  if (!headerCells || headerRow === undefined) throw bad('The workbook has no data: every sheet is empty.');
  const headers = headerCells.map((h, i) =>
    h === null || h === undefined || String(h).trim() === '' ? `Column ${i + 1}` : String(h).trim(),
  );
  // exceljs drops trailing empty cells: the PwC abandoned calls end after "Resolved".
  for (const cells of all) while (cells.length < headers.length) cells.push(null);
  return {
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    headers,
    fileName,
    sizeBytes: size,
    sha256,
    totalRowsEstimate: all.length,
    async *chunks(chunkRows = 5000) {
      for (let i = 0; i < all.length; i += chunkRows) {
        const end = Math.min(all.length, i + chunkRows);
        yield { rows: all.slice(i, end), rowNumbers: numbers.slice(i, end), progress: end / all.length };
      }
    },
    async head(n) {
      return all.slice(0, n);
    },
  };
}

/** exceljs cell values to plain cells. A formula cell gives its cached result: formulas are never evaluated. */
function xlsxCell(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as {
      richText?: Array<{ text: string }>;
      text?: unknown;
      result?: unknown;
      formula?: string;
      error?: string;
    };
    if (Array.isArray(v.richText)) return v.richText.map((part) => part.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return xlsxCell(v.result ?? null);
    if (typeof v.text === 'string') return v.text;
    if (v.error) return String(v.error);
  }
  return String(value);
}
