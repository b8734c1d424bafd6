import { parseOptions, printJson, requireOption, EXIT_OK, type CliCommand } from '../command';
import { inspectDataFile } from '../inspect';

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'Verify a data file (integrity, schema version, row counts) without changing it',
  usage: [
    'Usage: npm run --silent cli -- check --db PATH',
    '',
    'Verifies the data file and replays its change journal on a temporary copy, then prints',
    '{ ok, integrity, schemaVersion, counts }. Exit 1 when the file is missing, damaged or from a newer app.',
    '',
    'Options:',
    '  --db PATH   data file to check',
  ].join('\n'),
  async run(args) {
    const values = parseOptions(checkCommand, args, { db: { type: 'string' } });
    const report = await inspectDataFile(requireOption(checkCommand, 'db', values.db));
    printJson({ ok: true, ...report });
    return EXIT_OK;
  },
};
