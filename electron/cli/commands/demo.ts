import fs from 'node:fs';
import path from 'node:path';
import { fixedClock } from '../../backend/core/clock';
import { fsyncDir } from '../../backend/db/files';
import { journalPathFor } from '../../backend/db/store';
import { DEMO_DEFAULTS, generateDemoData } from '../../backend/demo/generate';
import { seededIds } from '../../backend/demo/ids';
import { openDataFile } from '../../backend/open';
import { appVersion } from '../app-version';
import {
  CliError,
  dateOption,
  EXIT_OK,
  intOption,
  isUserError,
  parseOptions,
  printJson,
  requireOption,
  type CliCommand,
} from '../command';
import { inspectDataFile } from '../inspect';

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'Create a data file filled with deterministic demo data',
  usage: [
    'Usage: npm run --silent cli -- demo --db PATH [--agents N] [--months M] [--seed S] [--interactions K] [--now ISO] [--force]',
    '',
    'Writes a new data file with seeded demo data (same options, same rows) and prints a JSON summary.',
    '',
    'Options:',
    '  --db PATH           data file to create',
    `  --agents N          number of agents (default ${DEMO_DEFAULTS.agents}, about six per team)`,
    `  --months M          months of history ending at --now (default ${DEMO_DEFAULTS.months})`,
    `  --seed S            random seed (default ${DEMO_DEFAULTS.seed})`,
    '  --interactions K    approximate number of interactions (default: 20,000 per 12 agents and 6 months)',
    '  --now ISO           end of the data (default: the current time)',
    '  --force             replace an existing data file that already holds data',
  ].join('\n'),
  async run(args) {
    const values = parseOptions(demoCommand, args, {
      db: { type: 'string' },
      agents: { type: 'string' },
      months: { type: 'string' },
      seed: { type: 'string' },
      interactions: { type: 'string' },
      now: { type: 'string' },
      force: { type: 'boolean', default: false },
    });
    const dataFile = path.resolve(requireOption(demoCommand, 'db', values.db));
    const agents = intOption('agents', values.agents, 1, 500) ?? DEMO_DEFAULTS.agents;
    const months = intOption('months', values.months, 1, 120) ?? DEMO_DEFAULTS.months;
    const seed = intOption('seed', values.seed, 0, 2 ** 32 - 1) ?? DEMO_DEFAULTS.seed;
    const interactions = intOption('interactions', values.interactions, 0, 20_000_000);
    const now = dateOption('now', values.now) ?? new Date();

    await makeRoom(dataFile, values.force === true);
    const started = performance.now();
    // Built beside the target and renamed over it once complete: a failed or interrupted run
    // (--force included) leaves the existing file as it was.
    const building = `${dataFile}.demo-new`;
    removeDataFile(building);
    const opened = await openDataFile({
      dataFile: building,
      clock: fixedClock(now.toISOString()),
      ids: seededIds(seed, now),
      seedDemo: false,
      appVersion: appVersion(),
      backups: false,
    });
    let summary;
    try {
      summary = generateDemoData(opened.backend.ctx.db, {
        agents,
        months,
        seed,
        now,
        ids: opened.backend.ctx.ids,
        ...(interactions === undefined ? {} : { interactions }),
      });
    } catch (error) {
      opened.store.abandon();
      removeDataFile(building);
      throw error;
    }
    opened.close();
    // The old log goes first: left beside the new snapshot, it would be replayed onto it.
    fs.rmSync(journalPathFor(dataFile), { force: true });
    fs.renameSync(building, dataFile);
    fs.rmSync(journalPathFor(building), { force: true });
    fsyncDir(path.dirname(dataFile));
    printJson({
      ok: true,
      dataFile,
      seed,
      now: now.toISOString(),
      ...summary,
      bytes: fs.statSync(dataFile).size,
      durationMs: Math.round(performance.now() - started),
    });
    return EXIT_OK;
  },
};

/** Tables whose rows someone entered or imported; settings and derived tables do not count. */
const USER_DATA_TABLES = [
  'teams',
  'agents',
  'customers',
  'interactions',
  'reviews',
  'goals',
  'performance_reviews',
  'import_batches',
];

/** Refuses to replace a file holding data unless forced; an empty or schema-only file is reused. */
async function makeRoom(dataFile: string, force: boolean): Promise<void> {
  const journal = journalPathFor(dataFile);
  const exists = fs.existsSync(dataFile) || fs.existsSync(journal);
  if (!exists) return;
  if (force) {
    if (fs.existsSync(dataFile) && fs.statSync(dataFile).isDirectory()) {
      throw new CliError(`${dataFile} is a folder, not a data file.`);
    }
    return;
  }
  if (fs.existsSync(dataFile) && fs.statSync(dataFile).size === 0 && !fs.existsSync(journal)) {
    fs.rmSync(dataFile);
    return;
  }
  let rows: number;
  try {
    const report = await inspectDataFile(dataFile);
    rows = USER_DATA_TABLES.reduce((sum, table) => sum + (report.counts[table] ?? 0), 0);
  } catch (error) {
    if (!isUserError(error)) throw error;
    throw new CliError(
      `${dataFile} exists but cannot be used (${error.message}). Use --force to replace it.`,
    );
  }
  if (rows > 0) {
    throw new CliError(`${dataFile} already holds data (${rows} rows). Use --force to replace it.`);
  }
}

function removeDataFile(dataFile: string): void {
  fs.rmSync(dataFile, { force: true });
  fs.rmSync(journalPathFor(dataFile), { force: true });
}
