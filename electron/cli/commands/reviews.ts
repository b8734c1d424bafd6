import fs from 'node:fs';
import path from 'node:path';
import { DAY_RE } from '../../../shared/kpi/periods';
import { openDataFile } from '../../backend/open';
import { exportReviews, reviewsToCsv } from '../../backend/reviews/export';
import { appVersion } from '../app-version';
import {
  CliError,
  EXIT_OK,
  parseOptions,
  printJson,
  requireOption,
  usageHint,
  type CliCommand,
} from '../command';

export const reviewsCommand: CliCommand = {
  name: 'reviews',
  summary: 'Export submitted call reviews of a period with their answers (JSON or CSV)',
  usage: [
    'Usage: npm run --silent cli -- reviews export --db PATH --from YYYY-MM-DD --to YYYY-MM-DD [--format json|csv]',
    '',
    'Prints every submitted review whose review date falls on the local days --from to --to (business',
    'time zone of the data file), with score, failed critical criteria, whether it counts in QA',
    '(calibration reviews do not) and every answer. CSV: one column per criterion, cells starting',
    'with = + - @ are neutralised.',
    '',
    'Options:',
    '  --db PATH        data file to read',
    '  --from, --to     first and last local day',
    '  --format F       json (default) or csv',
  ].join('\n'),
  async run(args) {
    const [action, ...rest] = args;
    if (action !== 'export')
      throw new CliError(
        `${action === undefined ? 'Missing the action' : `Unknown action "${action}"`}: use "reviews export".\n${usageHint(reviewsCommand)}`,
      );
    const v = parseOptions(reviewsCommand, rest, {
      db: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string', default: 'json' },
    });
    const dataFile = path.resolve(requireOption(reviewsCommand, 'db', v.db));
    const from = requireOption(reviewsCommand, 'from', v.from);
    const to = requireOption(reviewsCommand, 'to', v.to);
    for (const [name, value] of [
      ['from', from],
      ['to', to],
    ] as const)
      if (!DAY_RE.test(value) || Number.isNaN(Date.parse(value)))
        throw new CliError(`--${name} must be YYYY-MM-DD (got "${value}").`);
    if (from > to) throw new CliError('--from must not be after --to.');
    if (v.format !== 'json' && v.format !== 'csv')
      throw new CliError(`--format must be json or csv (got "${v.format}").`);
    if (!fs.existsSync(dataFile)) throw new CliError(`No data file at ${dataFile}.`);

    const opened = await openDataFile({
      dataFile,
      seedDemo: false,
      appVersion: appVersion(),
      backups: false,
    });
    try {
      const reviews = exportReviews(opened.backend.ctx.db, from, to);
      if (v.format === 'csv') process.stdout.write(reviewsToCsv(reviews));
      else printJson({ from, to, count: reviews.length, reviews });
    } finally {
      opened.close();
    }
    return EXIT_OK;
  },
};
