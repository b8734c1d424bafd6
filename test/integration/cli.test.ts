import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../../electron/backend/db/database';
import { migrate } from '../../electron/backend/db/migrate';
import { loadSqlJs } from '../../electron/backend/db/sqljs';
import { runCli, type CliOutcome } from '../support/cli';

const NOW = '2026-01-15T09:00:00Z';

type Outcome = CliOutcome;
const cli = runCli;

const expectUserError = (outcome: Outcome, message: RegExp) => {
  expect(outcome.code, outcome.stderr).toBe(1);
  expect(outcome.stderr).toMatch(message);
  // User errors are explained, not dumped: no stack frames.
  expect(outcome.stderr).not.toMatch(/^\s+at /m);
  expect(outcome.stdout).toBe('');
};

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-cli-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('cli demo + check', () => {
  it(
    'creates a demo file, then check reports it intact with the same counts',
    { timeout: 180_000 },
    async () => {
      const file = path.join(dir, 'demo.db');
      const demo = await cli(
        'demo',
        '--db',
        file,
        '--agents',
        '4',
        '--months',
        '2',
        '--seed',
        '9',
        '--now',
        NOW,
      );
      expect(demo.code, demo.stderr).toBe(0);
      const summary = JSON.parse(demo.stdout) as Record<string, unknown>;
      expect(summary).toMatchObject({ ok: true, agents: 4, seed: 9, dataFile: file });
      expect(summary.interactions).toBeGreaterThan(1000);

      const check = await cli('check', '--db', file);
      expect(check.code, check.stderr).toBe(0);
      const report = JSON.parse(check.stdout) as {
        ok: boolean;
        integrity: string;
        schemaVersion: number;
        counts: Record<string, number>;
      };
      expect(report).toMatchObject({ ok: true, integrity: 'ok' });
      expect(report.schemaVersion).toBeGreaterThanOrEqual(1);
      expect(report.counts.interactions).toBe(summary.interactions);
      expect(report.counts.agents).toBe(4);
      expect(report.counts.reviews).toBe(summary.reviews);

      // Same seed and end date: the same rows, ids included.
      const again = path.join(dir, 'again.db');
      const second = await cli(
        'demo',
        '--db',
        again,
        '--agents',
        '4',
        '--months',
        '2',
        '--seed',
        '9',
        '--now',
        NOW,
      );
      expect(second.code, second.stderr).toBe(0);
      const { durationMs: _a, dataFile: _b, bytes: _c, ...first } = summary;
      const {
        durationMs: _d,
        dataFile: _e,
        bytes: _f,
        ...other
      } = JSON.parse(second.stdout) as Record<string, unknown>;
      expect(other).toEqual(first);
      expect(await tableDump(again)).toBe(await tableDump(file));
    },
  );

  it('refuses to overwrite a file with data unless --force', { timeout: 180_000 }, async () => {
    const file = path.join(dir, 'keep.db');
    expect((await cli('demo', '--db', file, '--agents', '2', '--months', '1', '--now', NOW)).code).toBe(0);
    const before = fs.readFileSync(file);
    expectUserError(
      await cli('demo', '--db', file, '--agents', '2', '--months', '1', '--now', NOW),
      /already holds data.*--force/,
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const forced = await cli('demo', '--db', file, '--agents', '3', '--months', '1', '--now', NOW, '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({ agents: 3 });
  });
});

describe('cli errors', () => {
  it('exits 1 on bad arguments', { timeout: 120_000 }, async () => {
    const target = path.join(dir, 'x.db');
    const [agents, bogus, missing, unknown] = await Promise.all([
      cli('demo', '--db', target, '--agents', 'many'),
      cli('demo', '--db', target, '--bogus'),
      cli('demo'),
      cli('frobnicate'),
    ]);
    expectUserError(agents, /--agents must be a whole number/);
    expectUserError(bogus, /Unknown option '--bogus'/);
    expectUserError(missing, /Missing --db/);
    expectUserError(unknown, /Unknown command "frobnicate"/);
    expect(fs.existsSync(target)).toBe(false);
  });

  it('prints help with exit 0', { timeout: 120_000 }, async () => {
    const [help, demoHelp] = await Promise.all([cli('--help'), cli('demo', '--help')]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/demo\s+Create/);
    expect(help.stdout).toMatch(/check\s+Verify/);
    expect(demoHelp.code).toBe(0);
    expect(demoHelp.stdout).toMatch(/--seed S/);
  });

  it(
    'check exits 1 for a missing, corrupt, truncated or too-new file and changes nothing',
    { timeout: 120_000 },
    async () => {
      const sub = fs.mkdtempSync(path.join(dir, 'bad-'));
      const garbage = path.join(sub, 'garbage.db');
      fs.writeFileSync(garbage, 'this is not a database at all, just text\n'.repeat(10));

      const SQL = await loadSqlJs();
      const db = new Db(new SQL.Database());
      migrate(db);
      db.run("INSERT INTO teams (id, name, created_at) VALUES ('t1', 'Team', '2026-01-01T00:00:00Z')");
      const good = Buffer.from(db.raw.export());
      db.configure();
      const truncated = path.join(sub, 'truncated.db');
      fs.writeFileSync(truncated, good.subarray(0, Math.floor(good.length / 2)));
      db.exec('PRAGMA user_version = 999');
      const newer = path.join(sub, 'newer.db');
      fs.writeFileSync(newer, Buffer.from(db.raw.export()));
      db.close();

      const snapshot = () =>
        fs
          .readdirSync(sub)
          .sort()
          .map((name) => `${name}:${fs.readFileSync(path.join(sub, name)).toString('base64')}`);
      const before = snapshot();
      const [missing, corrupt, cut, tooNew] = await Promise.all([
        cli('check', '--db', path.join(sub, 'missing.db')),
        cli('check', '--db', garbage),
        cli('check', '--db', truncated),
        cli('check', '--db', newer),
      ]);
      expectUserError(missing, /No data file/);
      expectUserError(corrupt, new RegExp(`${escape(garbage)}.*damaged`));
      expectUserError(cut, /damaged.*cut off/);
      expectUserError(tooNew, /newer version/);
      // Nothing created (no journal, no missing.db), nothing modified.
      expect(snapshot()).toEqual(before);
    },
  );
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every table's rows, for comparing two files. */
async function tableDump(file: string): Promise<string> {
  const SQL = await loadSqlJs();
  const raw = new SQL.Database(fs.readFileSync(file));
  try {
    const tables = raw.exec(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY name",
    );
    return (tables[0]?.values ?? [])
      .map(
        ([name]) =>
          `${String(name)}:${JSON.stringify(raw.exec(`SELECT * FROM "${String(name)}" ORDER BY 1, 2`))}`,
      )
      .join('\n');
  } finally {
    raw.close();
  }
}
