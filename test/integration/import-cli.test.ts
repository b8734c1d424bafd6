import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../electron/cli/run';

const ROOT = path.resolve(__dirname, '../..');
const DATASETS = path.resolve(ROOT, '../shared/datasets');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'import-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(
    (chunk: string | Uint8Array) => ((out += String(chunk)), true),
  );
  vi.spyOn(process.stderr, 'write').mockImplementation(
    (chunk: string | Uint8Array) => ((err += String(chunk)), true),
  );
});
afterEach(() => vi.restoreAllMocks());

const fileState = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file).toString('base64') : null);

describe('cli import', () => {
  it('imports, re-imports as duplicates, dry-runs and refuses rejected rows without changing the file', async () => {
    const db = path.join(tmp, 'a.scorecard');
    const pwc = path.join(DATASETS, 'pwc_call_center_trends.csv');
    expect(await runCli(['import', pwc, '--db', db, '--json'])).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      ok: true,
      inserted: 5000,
      updated: 0,
      duplicates: 0,
      rejected: 0,
    });

    out = '';
    expect(await runCli(['import', pwc, '--db', db, '--json'])).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ inserted: 0, duplicates: 5000 });

    const before = fileState(db);
    const kaggle = path.join(DATASETS, 'kaggle_customer_support_tickets.csv');
    out = '';
    expect(await runCli(['import', kaggle, '--db', db, '--dry-run', '--json'])).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ dryRun: true, inserted: 5650, rejected: 2819 });
    expect(fileState(db)).toBe(before);

    out = '';
    expect(await runCli(['import', kaggle, '--db', db])).toBe(1);
    expect(out).toMatch(/rejected: +2819/);
    expect(out).toMatch(/2819 × started_at: no date/);
    expect(out).toMatch(/bias: 2,819 rejected rows are all unresolved: .* 49\.0%, against 32\.7%/);
    expect(err).toMatch(/Nothing was imported/);
    expect(fileState(db)).toBe(before);

    out = '';
    expect(await runCli(['import', kaggle, '--db', db, '--skip-invalid', '--json'])).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ inserted: 5650, rejected: 2819 });
  });

  it('fails clearly on bad input and leaves no new data file behind', async () => {
    const db = path.join(tmp, 'b.scorecard');
    const garbage = path.join(tmp, 'garbage.csv');
    fs.writeFileSync(garbage, Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) % 256)));
    expect(await runCli(['import', garbage, '--db', db])).toBe(1);
    expect(err).toMatch(/binary data/);
    expect(fs.existsSync(db)).toBe(false);
    expect(await runCli(['import', '--db', db])).toBe(1);
    expect(await runCli(['import', garbage, '--db', db, '--mapping', 'nope'])).toBe(1);
    expect(err).toMatch(/No saved import mapping "nope"/);
  });

  it('runs through the npm script with a mapping file', () => {
    const db = path.join(tmp, 'c.scorecard');
    const csv = path.join(tmp, 'calls.csv');
    fs.writeFileSync(csv, 'Ref,Who,When,Talk\nA1,Ada,2024-05-06 14:30,2:23\nA2,Bo,2024-05-06 15:00,-4\n');
    const mapping = path.join(tmp, 'mapping.json');
    fs.writeFileSync(
      mapping,
      JSON.stringify({
        source: 'acd',
        fields: { external_id: 'Ref', agent: 'Who', started_at: 'When', talk_seconds: 'Talk' },
      }),
    );
    const run = spawnSync(
      'npm',
      [
        'run',
        '--silent',
        'cli',
        '--',
        'import',
        csv,
        '--db',
        db,
        '--mapping',
        mapping,
        '--skip-invalid',
        '--json',
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as {
      inserted: number;
      rejected: number;
      rejectedRows: Array<{ row: number; reason: string }>;
    };
    expect(report).toMatchObject({ inserted: 1, rejected: 1 });
    expect(report.rejectedRows[0]).toMatchObject({
      row: 3,
      reason: expect.stringMatching(/negative duration/),
    });
  });
});
