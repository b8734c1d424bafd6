import { unusedDateColumns } from '../../../shared/import/dateColumns';
import { displayCell } from '../../../shared/import/display';
import { hasAmbiguousNumericDates, type RawCell } from '../../../shared/import/parse';
import { normalizeHeader } from '../../../shared/import/presets';
import { compileMapping, emptyRowStats, MappingError, type SqlCell } from '../../../shared/import/rows';
import { DEFAULT_IMPORT_OPTIONS, type ImportMapping, type ImportOptions } from '../../../shared/import/types';
import type { ImportPreview, PreviewRow } from '../../../shared/ipc/contracts/imports';
import { UserFacingError } from '../../../shared/ipc/result';
import { chooseMapping } from './job';
import { openSource } from './source';

/**
 * What the wizard shows before anything is written: format, encoding, delimiter, detected preset
 * and mapping, and the first rows with raw and parsed values and per-cell reasons. A mapping that
 * does not fit the file is reported in `mappingError` rather than thrown, so the user can fix it.
 */
export async function previewImport(request: {
  path: string;
  mapping?: ImportMapping;
  presetId?: string;
  options?: Partial<ImportOptions>;
  sampleSize?: number;
}): Promise<ImportPreview> {
  const options: ImportOptions = { ...DEFAULT_IMPORT_OPTIONS, ...request.options };
  const source = await openSource(request.path);
  const { samples, detected, mapping } = await chooseMapping(source, request);
  const mapped = new Set(Object.values(mapping.fields).map((h) => normalizeHeader(h)));
  const base = {
    fileName: source.fileName,
    format: source.format,
    encoding: source.encoding,
    delimiter: source.delimiter,
    headers: source.headers,
    detectedPreset: detected.presetId,
    mapping,
    fieldColumns: mapping.fields,
    unmappedHeaders: source.headers.filter((h) => !mapped.has(normalizeHeader(h))),
    dateColumns: unusedDateColumns(source.headers, samples, mapping),
    totalRowsEstimate: source.totalRowsEstimate,
    timeZone: options.timeZone,
  };
  if (samples.length === 0)
    throw new UserFacingError(
      'invalid_input',
      'The file has a header row but no data rows: nothing to import.',
    );
  let compiled;
  try {
    compiled = compileMapping(source.headers, mapping, options, samples);
  } catch (error) {
    if (!(error instanceof MappingError)) throw error;
    return {
      ...base,
      dateOrder: null,
      dateOrderAmbiguous: false,
      csatScale: null,
      assumptions: [],
      sampleRows: samples.slice(0, request.sampleSize ?? 20).map((cells, i) => ({
        row: i + 2,
        raw: rawRecord(source.headers, cells),
        parsed: null,
        issues: [],
      })),
      mappingError: error.message,
    };
  }
  const dateFields = ['started_at', 'first_response_at', 'resolved_at', 'started_fallback'] as const;
  const dateCells = dateFields.flatMap((field) => {
    const i = compiled.cellIndex[field];
    return i === undefined ? [] : samples.map((row) => row[i]);
  });
  const out: SqlCell[] = new Array(compiled.columns.length).fill(null);
  const stats = emptyRowStats();
  const sampleRows: PreviewRow[] = samples.slice(0, request.sampleSize ?? 20).map((cells, i) => {
    const row = i + 2;
    const issues = compiled.process(cells, row, out, stats) ?? [];
    const parsed: Record<string, SqlCell> = {};
    compiled.columns.forEach((column, c) => {
      parsed[column] = out[c] ?? null;
    });
    return { row, raw: rawRecord(source.headers, cells), parsed: issues.length > 0 ? null : parsed, issues };
  });
  return {
    ...base,
    dateOrder: compiled.dateOrder,
    dateOrderAmbiguous:
      options.dateOrder === 'auto' && compiled.dateOrder === null && hasAmbiguousNumericDates(dateCells),
    csatScale: compiled.csatScale,
    assumptions: compiled.assumptions,
    sampleRows,
    mappingError: null,
  };
}

function rawRecord(headers: string[], cells: RawCell[]): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((header, i) => {
    record[header] = displayCell(cells[i]);
  });
  return record;
}
