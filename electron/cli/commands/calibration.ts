import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { MethodOutput } from '../../../shared/ipc/contract';
import type { CalibrationSessionSummary } from '../../../shared/ipc/contracts/calibration';
import type { Backend } from '../../backend/backend';
import { CliError, EXIT_OK, EXIT_USER_ERROR, printJson, usageHint, type CliCommand } from '../command';
import { callBackend, withDataFile } from '../dataFile';

const usage = [
  'Usage: npm run --silent cli -- calibration sessions --db PATH',
  '       npm run --silent cli -- calibration export-packet --db PATH --session ID|NAME [--out FILE]',
  '       npm run --silent cli -- calibration import-answers FILE... --db PATH',
  '       npm run --silent cli -- calibration report --db PATH --session ID|NAME [--format json|csv]',
  '       npm run --silent cli -- calibration open-packet FILE --db PATH',
  '       npm run --silent cli -- calibration export-answers --db PATH --session ID|NAME [--out FILE]',
  '',
  'sessions        lists the calibration sessions (id, state, form, evaluators and their progress).',
  'export-packet   writes the packet evaluators on other machines open: the form version, the',
  "                interactions' facts and the session id. Only while the session is being scored.",
  "import-answers  imports evaluators' answers files into the session they answer. Any order, any number",
  '                of times: a file already imported, or answers already here, change nothing. A file',
  '                that was edited, belongs to another data file or does not match the session is',
  '                refused with the reason and changes nothing; the other files still go in.',
  'report          agreement per criterion and for the form (95% intervals, n, too-little-data flags),',
  '                evaluator deviations and every rating of a revealed session. CSV cells starting',
  '                with = + - @ are neutralised.',
  "open-packet     opens a packet in an evaluator's own data file (scoring happens in the app).",
  "export-answers  writes the answers file of the data file's profile for a packet opened there.",
  '',
  'Options:',
  '  --db PATH          data file',
  '  --session ID|NAME  the session (or packet): its id, or its name (case-insensitive)',
  '  --out FILE         where to write; an existing file is not overwritten (default: the terminal)',
  '  --format F         json (default) or csv',
].join('\n');

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        session: { type: 'string' },
        out: { type: 'string' },
        format: { type: 'string' },
      },
    });
  } catch (error) {
    throw new CliError(
      `${error instanceof Error ? error.message : String(error)}\n${usageHint(calibrationCommand)}`,
    );
  }
}

type Values = ReturnType<typeof parse>['values'];

function pick<T extends { name: string }>(
  items: T[],
  idOf: (item: T) => string,
  wanted: string | undefined,
  what: string,
): T {
  if (!wanted) throw new CliError(`Missing --session.\n${usageHint(calibrationCommand)}`);
  const match =
    items.find((s) => idOf(s) === wanted) ?? items.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
  if (match) return match;
  const known = items.map((s) => `"${s.name}" (${idOf(s)})`).join(', ');
  throw new CliError(`No ${what} "${wanted}". The data file has: ${known || `no ${what}s`}.`);
}

async function chooseSession(
  backend: Backend,
  wanted: string | undefined,
): Promise<CalibrationSessionSummary> {
  const { sessions } = await callBackend(backend, 'listCalibrationSessions', {});
  return pick(sessions, (s) => s.id, wanted, 'calibration session');
}

/** Writes to --out (never over an existing file) or to the terminal. */
function output(values: Values, text: string, what: string): void {
  if (!values.out) {
    process.stdout.write(text);
    return;
  }
  const out = path.resolve(values.out);
  if (fs.existsSync(out)) throw new CliError(`${out} already exists: choose another file name.`);
  fs.writeFileSync(out, text, { flag: 'wx' });
  process.stdout.write(`Wrote ${what} to ${out}\n`);
}

function noPositionals(positionals: string[]): void {
  if (positionals.length > 0)
    throw new CliError(`Unexpected "${positionals[0]}".\n${usageHint(calibrationCommand)}`);
}

async function importAnswers(values: Values, files: string[]): Promise<number> {
  if (files.length === 0)
    throw new CliError(`Missing the answers FILE to import.\n${usageHint(calibrationCommand)}`);
  let failed = 0;
  await withDataFile(calibrationCommand, values.db, async (backend) => {
    for (const file of files) {
      const result = await backend.call('importCalibrationAnswers', { path: path.resolve(file) });
      if (!result.ok) {
        failed += 1;
        process.stderr.write(`Error: ${result.error.message}\n`);
        continue;
      }
      const r = result.value as MethodOutput<'importCalibrationAnswers'>;
      process.stdout.write(
        r.alreadyImported
          ? `${file}: already imported, nothing changed ("${r.sessionName}", ${r.evaluator}).\n`
          : `${file}: ${r.evaluator} → "${r.sessionName}": ${r.added} review${r.added === 1 ? '' : 's'} added, ${r.unchanged} already here.\n`,
      );
    }
  });
  return failed > 0 ? EXIT_USER_ERROR : EXIT_OK;
}

const ACTIONS: Record<string, (values: Values, positionals: string[]) => Promise<number>> = {
  sessions: async (values, positionals) => {
    noPositionals(positionals);
    await withDataFile(calibrationCommand, values.db, async (backend) =>
      printJson(await callBackend(backend, 'listCalibrationSessions', {})),
    );
    return EXIT_OK;
  },
  'export-packet': async (values, positionals) => {
    noPositionals(positionals);
    await withDataFile(calibrationCommand, values.db, async (backend) => {
      const session = await chooseSession(backend, values.session);
      const packet = await callBackend(backend, 'exportCalibrationPacket', { sessionId: session.id });
      output(values, packet.json, `the packet of "${session.name}"`);
    });
    return EXIT_OK;
  },
  'import-answers': (values, positionals) => importAnswers(values, positionals),
  report: async (values, positionals) => {
    noPositionals(positionals);
    const format = values.format ?? 'json';
    if (format !== 'json' && format !== 'csv')
      throw new CliError(`--format must be json or csv (got "${format}").`);
    await withDataFile(calibrationCommand, values.db, async (backend) => {
      const session = await chooseSession(backend, values.session);
      const report = await callBackend(backend, 'exportCalibrationReport', { sessionId: session.id, format });
      output(values, report.text, `the report of "${session.name}"`);
    });
    return EXIT_OK;
  },
  'open-packet': async (values, positionals) => {
    const [file, ...extra] = positionals;
    if (file === undefined) throw new CliError(`Missing the packet FILE.\n${usageHint(calibrationCommand)}`);
    noPositionals(extra);
    await withDataFile(calibrationCommand, values.db, async (backend) => {
      const opened = await callBackend(backend, 'openCalibrationPacket', { path: path.resolve(file) });
      process.stdout.write(
        `${opened.alreadyOpen ? 'Already open' : 'Opened'}: "${opened.name}" (${opened.sessionId}), ${opened.interactionCount} interactions on ${opened.formName} v${opened.formVersion}, from ${opened.exportedBy}. Score it in the app under Reviews ▸ Calibration.\n`,
      );
    });
    return EXIT_OK;
  },
  'export-answers': async (values, positionals) => {
    noPositionals(positionals);
    await withDataFile(calibrationCommand, values.db, async (backend) => {
      const packets = await callBackend(backend, 'listCalibrationPackets', {});
      const packet = pick(packets, (p) => p.sessionId, values.session, 'calibration packet');
      const answers = await callBackend(backend, 'exportCalibrationAnswers', { sessionId: packet.sessionId });
      output(values, answers.json, `${answers.reviews} of ${answers.of} answered interactions`);
    });
    return EXIT_OK;
  },
};

export const calibrationCommand: CliCommand = {
  name: 'calibration',
  summary: 'Calibration packets and answers files between machines, session reports (JSON or CSV)',
  usage,
  async run(args) {
    const [action, ...rest] = args;
    const run = action === undefined ? undefined : ACTIONS[action];
    if (!run)
      throw new CliError(
        `${action === undefined ? 'Missing the action' : `Unknown action "${action}"`}: use ${Object.keys(
          ACTIONS,
        )
          .map((a) => `"calibration ${a}"`)
          .join(', ')}.\n${usageHint(calibrationCommand)}`,
      );
    const { values, positionals } = parse(rest);
    return run(values, positionals);
  },
};
