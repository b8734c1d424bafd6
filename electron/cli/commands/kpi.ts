import fs from 'node:fs';
import path from 'node:path';
import { QUERY_GROUPINGS, type QueryGrouping } from '../../../shared/ipc/contracts/kpi';
import { DAY_RE } from '../../../shared/kpi/periods';
import { ensureAggregates } from '../../backend/kpi/derive';
import { describeQuery, exportScorecardCsv } from '../../backend/kpi/report';
import { openDataFile } from '../../backend/open';
import { appVersion } from '../app-version';
import { CliError, EXIT_OK, parseOptions, printJson, requireOption, type CliCommand } from '../command';

const BY = QUERY_GROUPINGS.filter((g) => g !== 'none');

export const kpiCommand: CliCommand = {
  name: 'kpi',
  summary: 'Print KPIs for a period, grouped by agent, team, channel or period (JSON or CSV)',
  usage: [
    'Usage: npm run --silent cli -- kpi --db PATH --from YYYY-MM-DD --to YYYY-MM-DD [--by agent|team|channel|day|week|month|quarter] [--agent NAME] [--format json|csv]',
    '',
    'Computes every KPI of the scorecard over the inclusive day range with the settings stored in',
    'the data file. Without --by: one total row. CSV cells starting with = + - @ are neutralised.',
    '',
    'Options:',
    '  --db PATH        data file to read',
    '  --from, --to     first and last local day',
    '  --by G           grouping (default: one total row)',
    '  --agent NAME     only this agent (name, case-insensitive)',
    '  --format F       json (default) or csv',
  ].join('\n'),
  async run(args) {
    const v = parseOptions(kpiCommand, args, {
      db: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      by: { type: 'string' },
      agent: { type: 'string' },
      format: { type: 'string', default: 'json' },
    });
    const dataFile = path.resolve(requireOption(kpiCommand, 'db', v.db));
    const from = requireOption(kpiCommand, 'from', v.from);
    const to = requireOption(kpiCommand, 'to', v.to);
    for (const [name, value] of [
      ['from', from],
      ['to', to],
    ] as const)
      if (!DAY_RE.test(value) || Number.isNaN(Date.parse(value)))
        throw new CliError(`--${name} must be YYYY-MM-DD (got "${value}").`);
    if (from > to) throw new CliError('--from must not be after --to.');
    const by = (v.by ?? 'none') as QueryGrouping;
    if (!QUERY_GROUPINGS.includes(by))
      throw new CliError(`--by must be one of ${BY.join(', ')} (got "${v.by}").`);
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
      const db = opened.backend.ctx.db;
      ensureAggregates(db);
      let agentId: string | undefined;
      if (v.agent !== undefined) {
        const row = db.get<{ id: string }>('SELECT id FROM agents WHERE name = ? COLLATE NOCASE', [v.agent]);
        if (!row) throw new CliError(`No agent named "${v.agent}".`);
        agentId = row.id;
      }
      const input = { from, to, by, ...(agentId ? { agentId } : {}) };
      if (v.format === 'csv') process.stdout.write(exportScorecardCsv(db, input).csv);
      else printJson(describeQuery(db, input));
    } finally {
      opened.close();
    }
    return EXIT_OK;
  },
};
