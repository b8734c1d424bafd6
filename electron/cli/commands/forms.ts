import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ReviewFormSummary } from '../../../shared/ipc/contracts/reviews';
import { CliError, EXIT_OK, usageHint, type CliCommand } from '../command';
import { callBackend, withDataFile } from '../dataFile';

const usage = [
  'Usage: npm run --silent cli -- forms export --db PATH [--form NAME] [--out FILE]',
  '       npm run --silent cli -- forms import FILE --db PATH',
  '',
  'export  writes the latest version of a review form as JSON (to FILE, else to the terminal).',
  '        Without --form the data file must hold exactly one active form.',
  'import  adds a form file (as exported) to the data file as a new form; a name already taken',
  '        gets " (2)". The file is checked first and refused with the reason, changing nothing.',
  '',
  'Options:',
  '  --db PATH      data file',
  '  --form NAME    the form to export (name, case-insensitive)',
  '  --out FILE     where to write the export; an existing file is not overwritten',
].join('\n');

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { db: { type: 'string' }, form: { type: 'string' }, out: { type: 'string' } },
    });
  } catch (error) {
    throw new CliError(
      `${error instanceof Error ? error.message : String(error)}\n${usageHint(formsCommand)}`,
    );
  }
}

function chooseForm(forms: ReviewFormSummary[], name: string | undefined): ReviewFormSummary {
  const names = forms.map((f) => `"${f.name}"${f.archived ? ' (archived)' : ''}`).join(', ');
  if (name !== undefined) {
    const match = forms.find((f) => f.name.toLowerCase() === name.toLowerCase());
    if (!match)
      throw new CliError(`No review form named "${name}". The data file has: ${names || 'no forms'}.`);
    return match;
  }
  const active = forms.filter((f) => !f.archived);
  if (active.length === 1 && active[0]) return active[0];
  if (active.length === 0) throw new CliError('The data file has no active review form to export.');
  throw new CliError(
    `The data file has ${active.length} active forms (${names}). Choose one with --form NAME.`,
  );
}

async function exportAction(values: ReturnType<typeof parse>['values'], positionals: string[]) {
  if (positionals.length > 0)
    throw new CliError(`Unexpected "${positionals[0]}".\n${usageHint(formsCommand)}`);
  const out = values.out === undefined ? undefined : path.resolve(values.out);
  if (out && fs.existsSync(out)) throw new CliError(`${out} already exists: choose another file name.`);
  await withDataFile(formsCommand, values.db, async (backend) => {
    const form = chooseForm(
      await callBackend(backend, 'listReviewForms', { includeArchived: true }),
      values.form,
    );
    const file = await callBackend(backend, 'exportReviewForm', { versionId: form.latestVersion.id });
    if (!out) {
      process.stdout.write(file.json);
      return;
    }
    fs.writeFileSync(out, file.json, { flag: 'wx' });
    process.stdout.write(`Wrote "${form.name}" version ${form.latestVersion.version} to ${out}\n`);
  });
}

async function importAction(values: ReturnType<typeof parse>['values'], positionals: string[]) {
  const [file, ...extra] = positionals;
  if (file === undefined) throw new CliError(`Missing the form FILE to import.\n${usageHint(formsCommand)}`);
  if (extra.length > 0) throw new CliError(`Unexpected "${extra[0]}".\n${usageHint(formsCommand)}`);
  if (values.form !== undefined || values.out !== undefined)
    throw new CliError(`--form and --out belong to "forms export".\n${usageHint(formsCommand)}`);
  let json: string;
  try {
    json = fs.readFileSync(path.resolve(file), 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  await withDataFile(formsCommand, values.db, async (backend) => {
    const saved = await callBackend(backend, 'importReviewForm', { json });
    const version = await callBackend(backend, 'getReviewFormVersion', { versionId: saved.versionId });
    process.stdout.write(`Imported "${version.definition.name}" as a new form (${saved.formId}).\n`);
  });
}

export const formsCommand: CliCommand = {
  name: 'forms',
  summary: 'Export a review form to JSON, or import one',
  usage,
  async run(args) {
    const [action, ...rest] = args;
    const { values, positionals } = parse(rest);
    if (action === 'export') await exportAction(values, positionals);
    else if (action === 'import') await importAction(values, positionals);
    else
      throw new CliError(
        `${action === undefined ? 'Missing the action' : `Unknown action "${action}"`}: use "forms export" or "forms import".\n${usageHint(formsCommand)}`,
      );
    return EXIT_OK;
  },
};
