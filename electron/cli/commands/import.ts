import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importMappingSchema } from '../../../shared/ipc/contracts/imports';
import { isPresetId } from '../../../shared/import/presets';
import { isValidTimeZone } from '../../../shared/import/parse';
import type { ImportMapping, ImportOptions } from '../../../shared/import/types';
import { UserFacingError } from '../../../shared/ipc/result';
import { journalPathFor } from '../../backend/db/store';
import { loadKpiSettings } from '../../backend/kpi/settingsStore';
import { runImport, type ImportReport } from '../../backend/import/job';
import { findMapping } from '../../backend/import/mappings';
import { openDataFile } from '../../backend/open';
import { appVersion } from '../app-version';
import { CliError, EXIT_OK, EXIT_USER_ERROR, printJson, type CliCommand } from '../command';

const usage = [
  'Usage: npm run --silent cli -- import FILE --db PATH [--mapping NAME|FILE] [--dry-run] [--json]',
  '                                [--skip-invalid] [--date-order auto|mdy|dmy] [--time-zone ZONE] [--fallback-date YYYY-MM-DD]',
  '',
  'Imports a CSV or XLSX export into the data file (created when missing). Every accepted row lands',
  'in one transaction, or none: with rejected rows nothing is imported unless --skip-invalid is given.',
  'Re-importing the same file adds nothing; changed rows (same id) are updated.',
  '',
  'Options:',
  '  --db PATH             data file',
  '  --mapping NAME|FILE   a preset (generic, zendesk, call-center), a saved mapping name, or a mapping JSON file;',
  '                        default: detected from the headers',
  '  --dry-run             validate and count only; the data file is not changed',
  '  --skip-invalid        import the valid rows even when some rows are rejected',
  '  --date-order ORDER    how to read 03/04/2021: auto (default), mdy or dmy',
  '  --time-zone ZONE      IANA zone of naive timestamps and of the `day` column',
  '                        (default: the business calendar time zone in the data file, Europe/Berlin)',
  '  --fallback-date DATE  date for rows without any timestamp (default: reject them)',
  '  --json                print the report as JSON',
  '',
  'Exit codes: 0 imported (or dry run without rejected rows), 1 rejected rows or bad input (nothing changed), 2 internal error.',
].join('\n');

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        mapping: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'skip-invalid': { type: 'boolean', default: false },
        'date-order': { type: 'string' },
        'time-zone': { type: 'string' },
        'fallback-date': { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
  }
}

function loadMappingArg(
  value: string,
  lookupSaved: (name: string) => ImportMapping,
): ImportMapping | { presetId: string } {
  if (isPresetId(value.toLowerCase())) return { presetId: value.toLowerCase() };
  if (value.toLowerCase().endsWith('.json') || fs.existsSync(value)) {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(value, 'utf8'));
    } catch (error) {
      throw new CliError(
        `Cannot read the mapping file "${value}": ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const candidate = (json as { mapping?: unknown }).mapping ?? json;
    const parsed = importMappingSchema.safeParse(candidate);
    if (!parsed.success) {
      throw new CliError(
        `The mapping file "${value}" is not a valid mapping: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    }
    return parsed.data as ImportMapping;
  }
  return lookupSaved(value);
}

function summary(report: ImportReport): string {
  const lines = [
    `${report.dryRun ? 'Dry run (nothing written)' : 'Imported'}: ${report.fileName} (${report.format}${report.encoding ? `, ${report.encoding}` : ''}${report.delimiter ? `, delimiter ${JSON.stringify(report.delimiter)}` : ''}; mapping ${report.presetId ?? 'custom'}, source "${report.source}")`,
    `  rows:       ${report.totalRows}`,
    `  imported:   ${report.inserted}`,
    `  updated:    ${report.updated}`,
    `  duplicates: ${report.duplicates}`,
    `  rejected:   ${report.rejected}`,
  ];
  for (const r of report.rejectedReasons.slice(0, 20))
    lines.push(`    ${r.count} × ${r.column}: ${r.reason}`);
  if (report.rejectedRows.length > 0) {
    lines.push('  first rejected rows:');
    for (const r of report.rejectedRows.slice(0, 10))
      lines.push(`    row ${r.row}, ${r.column} = ${JSON.stringify(r.value)}: ${r.reason}`);
  }
  for (const b of report.rateBias) lines.push(`  bias: ${b.note}`);
  for (const a of report.assumptions) lines.push(`  note: ${a}`);
  return lines.join('\n');
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import a CSV or XLSX export of tickets or calls (atomic, re-import safe)',
  usage,
  async run(args) {
    const { values, positionals } = parse(args);
    if (positionals.length !== 1) throw new CliError(`Give exactly one FILE to import.\n\n${usage}`);
    if (!values.db) throw new CliError(`Missing --db.\n\n${usage}`);
    const file = path.resolve(positionals[0] as string);
    const dataFile = path.resolve(values.db);
    const dateOrder = values['date-order'] ?? 'auto';
    if (dateOrder !== 'auto' && dateOrder !== 'mdy' && dateOrder !== 'dmy')
      throw new CliError('--date-order must be auto, mdy or dmy.');
    const timeZone = values['time-zone'];
    if (timeZone !== undefined && !isValidTimeZone(timeZone))
      throw new CliError(`Unknown time zone "${timeZone}".`);
    const fallbackDate = values['fallback-date'];
    if (fallbackDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(fallbackDate))
      throw new CliError('--fallback-date must be YYYY-MM-DD.');

    const existed = fs.existsSync(dataFile);
    const opened = await openDataFile({
      dataFile,
      seedDemo: false,
      appVersion: appVersion(),
      backups: false,
    });
    let report: ImportReport | undefined;
    let failure: unknown;
    try {
      const options: ImportOptions = {
        dateOrder,
        timeZone: timeZone ?? loadKpiSettings(opened.backend.ctx.db).calendar.timeZone,
        ...(fallbackDate ? { fallbackDate } : {}),
      };
      const chosen = values.mapping
        ? loadMappingArg(values.mapping, (name) => findMapping(opened.backend.ctx.db, name).mapping)
        : undefined;
      report = await runImport(opened.backend.ctx, {
        path: file,
        ...(chosen && 'fields' in chosen ? { mapping: chosen } : {}),
        ...(chosen && !('fields' in chosen) ? { presetId: chosen.presetId } : {}),
        options,
        dryRun: values['dry-run'] === true,
        acceptRejected: values['skip-invalid'] === true,
      });
    } catch (error) {
      failure = error;
    } finally {
      opened.close();
      // A data file this command created for an import that did not happen is removed again.
      if (!existed && (failure !== undefined || values['dry-run'])) {
        for (const f of [dataFile, journalPathFor(dataFile)]) fs.rmSync(f, { force: true });
      }
    }
    if (failure !== undefined) {
      const details =
        failure instanceof UserFacingError ? (failure.details as ImportReport | undefined) : undefined;
      if (details && typeof details === 'object' && 'rejectedReasons' in details) {
        if (values.json)
          printJson({
            ok: false,
            error: failure instanceof Error ? failure.message : String(failure),
            ...details,
          });
        else process.stdout.write(`${summary(details)}\n`);
        process.stderr.write(`Error: ${failure instanceof Error ? failure.message : String(failure)}\n`);
        return EXIT_USER_ERROR;
      }
      if (values.json && failure instanceof UserFacingError && failure.code !== 'internal') {
        printJson({ ok: false, error: failure.message, code: failure.code });
        process.stderr.write(`Error: ${failure.message}\n`);
        return EXIT_USER_ERROR;
      }
      throw failure;
    }
    if (!report) return EXIT_USER_ERROR;
    if (values.json) printJson({ ok: true, ...report });
    else process.stdout.write(`${summary(report)}\n`);
    return report.dryRun && report.rejected > 0 ? EXIT_USER_ERROR : EXIT_OK;
  },
};
