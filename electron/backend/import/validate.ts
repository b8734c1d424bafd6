/**
 * Row validation for the import job, shared by the in-thread path and the parser worker: column
 * count, `compiled.process`, content hash for rows without an id, and duplicate ids within the
 * file. What needs the database (existing ids, agent/team/customer ids) stays with the writer.
 */
import { createHash } from 'node:crypto';
import { FlagTally, type FlagTallies } from '../../../shared/import/bias';
import { cellText, type RawCell } from '../../../shared/import/parse';
import {
  emptyRowStats,
  type CompiledMapping,
  type RowStats,
  type SqlCell,
} from '../../../shared/import/rows';
import type { RowIssue } from '../../../shared/import/types';

/** The accepted rows of one chunk (`width` = compiled.columns.length values each) and what was refused. */
export interface ValidatedBatch {
  /** Data rows read in this chunk, accepted or not. */
  total: number;
  accepted: number;
  values: SqlCell[];
  rowNumbers: number[];
  /** One entry per rejected row. */
  rejected: RowIssue[][];
  /** Repeated rows of a file without an id column (same content hash): skipped, not rejected. */
  duplicates: number;
  dayLo: string | null;
  dayHi: string | null;
  /** Flag values of this chunk's accepted and rejected rows (for the report's rate bias). */
  flags: FlagTallies;
  /** 0..1 of the file consumed. */
  progress: number;
}

export class ChunkValidator {
  readonly stats: RowStats = emptyRowStats();
  /** external_id (or content hash) → row number of its first accepted row in this file. */
  private readonly seen = new Map<string, number>();
  private readonly out: SqlCell[];
  private readonly width: number;
  private readonly expected: number;
  private readonly extColumn: string | null;

  constructor(
    private readonly compiled: CompiledMapping,
    headers: string[],
    private readonly delimiter: string | null,
  ) {
    this.width = compiled.columns.length;
    this.out = new Array<SqlCell>(this.width).fill(null);
    this.expected = headers.length;
    const ci = compiled.cellIndex.external_id;
    this.extColumn = ci === undefined ? null : (headers[ci] ?? 'id');
  }

  run(rows: RawCell[][], rowNumbers: number[], progress: number): ValidatedBatch {
    const values: SqlCell[] = [];
    const { width } = this;
    const batch = this.validate(rows, rowNumbers, progress, (out) => {
      for (let j = 0; j < width; j++) values.push(out[j] as SqlCell);
    });
    return { ...batch, values };
  }

  /** `run` straight into the form that crosses to the writer thread (see `PackedBatch`). */
  runPacked(
    rows: RawCell[][],
    rowNumbers: number[],
    progress: number,
  ): { packed: PackedBatch; transfer: ArrayBuffer[] } {
    const { width } = this;
    const size = rows.length * width;
    const kinds = new Uint8Array(size);
    const numbers = new Float64Array(size);
    const strings: string[] = [];
    let nul = false;
    let at = 0;
    const batch = this.validate(rows, rowNumbers, progress, (out) => {
      for (let j = 0; j < width; j++, at++) {
        const v = out[j];
        if (typeof v === 'number') {
          kinds[at] = 1;
          numbers[at] = v;
        } else if (typeof v === 'string') {
          kinds[at] = 2;
          strings.push(v);
          if (!nul && v.includes('\u0000')) nul = true;
        }
      }
    });
    return {
      packed: {
        ...batch,
        kinds: kinds.subarray(0, at),
        numbers: numbers.subarray(0, at),
        strings: nul ? strings : strings.join('\u0000'),
        stringCount: strings.length,
      },
      transfer: [kinds.buffer, numbers.buffer],
    };
  }

  /** Checks each row; `accept` gets the values of each accepted row (a reused array). */
  private validate(
    rows: RawCell[][],
    rowNumbers: number[],
    progress: number,
    accept: (out: SqlCell[]) => void,
  ): Omit<ValidatedBatch, 'values'> {
    const { out, expected, compiled, stats, seen } = this;
    const accepted: number[] = [];
    const rejected: RowIssue[][] = [];
    const flags = new FlagTally(compiled.index);
    let duplicates = 0;
    let dayLo: string | null = null;
    let dayHi: string | null = null;
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r] as RawCell[];
      const rowNo = rowNumbers[r] as number;
      if (
        cells.length !== expected &&
        !(cells.length > expected && cells.slice(expected).every((c) => c === '' || c === null))
      ) {
        rejected.push([
          {
            row: rowNo,
            column: '(row)',
            value: cells
              .map(cellText)
              .join(this.delimiter ?? ',')
              .slice(0, 80),
            reason: `expected ${expected} columns, found ${cells.length}`,
          },
        ]);
        flags.count('rejected', null);
        continue;
      }
      const issues = compiled.process(cells, rowNo, out, stats);
      if (issues) {
        rejected.push(issues);
        // The flags a rejected row did parse still tell how leaving it out moves the rates.
        flags.count('rejected', out);
        continue;
      }
      let ext = out[0] as string | null;
      if (ext === null) ext = rowHash(cells);
      out[0] = ext;
      const first = seen.get(ext);
      if (first !== undefined) {
        if (this.extColumn === null) duplicates++;
        else
          rejected.push([
            {
              row: rowNo,
              column: this.extColumn,
              value: ext,
              reason: `the same id is already on row ${first} of this file`,
            },
          ]);
        // A second copy of an accepted row would count the same contact twice: not a bias.
        continue;
      }
      seen.set(ext, rowNo);
      const day = out[3] as string;
      if (dayLo === null || day < dayLo) dayLo = day;
      if (dayHi === null || day > dayHi) dayHi = day;
      flags.count('accepted', out);
      accept(out);
      accepted.push(rowNo);
    }
    return {
      total: rows.length,
      accepted: accepted.length,
      rowNumbers: accepted,
      rejected,
      duplicates,
      dayLo,
      dayHi,
      flags: flags.tallies,
      progress,
    };
  }
}

/** Rows without an id column get a content hash, so re-importing the same rows adds nothing. */
export function rowHash(cells: RawCell[]): string {
  return `h:${createHash('sha1').update(cells.map(cellText).join('\u001f')).digest('hex')}`;
}

// ------------------------------------------------------------------- compact form between threads

/**
 * A batch as it crosses to the writer thread (`ChunkValidator.runPacked`). Structured clone of a mixed array of ~17 values per
 * row costs the receiving thread ~0.8 µs per row; numbers in a transferred Float64Array and the
 * strings joined into one string cost a third of that.
 */
export interface PackedBatch extends Omit<ValidatedBatch, 'values'> {
  /** Per value: 0 null, 1 number (in `numbers`), 2 string (next of `strings`). */
  kinds: Uint8Array;
  numbers: Float64Array;
  /** Strings joined by NUL, or the array itself when one contains a NUL. */
  strings: string | string[];
  stringCount: number;
}

export function unpackBatch(packed: PackedBatch): ValidatedBatch {
  const { kinds, numbers, strings, stringCount, ...rest } = packed;
  const list = typeof strings !== 'string' ? strings : stringCount > 0 ? strings.split('\u0000') : [];
  const n = kinds.length;
  const values = new Array<SqlCell>(n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const k = kinds[i];
    values[i] = k === 1 ? (numbers[i] as number) : k === 2 ? (list[s++] as string) : null;
  }
  return { ...rest, values };
}
