import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiQueryResult } from '../../shared/ipc/contracts/kpi';
import type { describeQuery } from '../../electron/backend/kpi/report';

type DescribedQuery = ReturnType<typeof describeQuery>;
import { runCli } from '../support/cli';

const cli = runCli;

let dir: string;
let file: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-kpi-cli-'));
  file = path.join(dir, 'team.db');
  const demo = await cli(
    'demo',
    '--db',
    file,
    '--agents',
    '4',
    '--months',
    '2',
    '--seed',
    '5',
    '--now',
    '2026-01-15T09:00:00Z',
  );
  expect(demo.code, demo.stderr).toBe(0);
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cli kpi', () => {
  it('prints KPIs per agent as JSON, and the same figures as CSV', { timeout: 120_000 }, async () => {
    const json = await cli(
      'kpi',
      '--db',
      file,
      '--from',
      '2025-12-01',
      '--to',
      '2025-12-31',
      '--by',
      'agent',
    );
    expect(json.code, json.stderr).toBe(0);
    const result = JSON.parse(json.stdout) as DescribedQuery;
    expect(result).toMatchObject({ from: '2025-12-01', to: '2025-12-31', by: 'agent' });
    expect(result.rows).toHaveLength(4);
    for (const row of result.rows) {
      expect(row.values.volume).toBeGreaterThan(0);
      expect(row.values.csat).toBeGreaterThanOrEqual(0);
      expect(row.values.csat).toBeLessThanOrEqual(100);
      expect(row.values.nps).toBeGreaterThanOrEqual(-100);
      // Every value with its evidence, and its status in words that follow the KPI's direction.
      const csat = row.evidence.csat;
      expect(csat?.nLabel).toBe('responses');
      expect(csat?.interval?.low).toBeLessThanOrEqual(row.values.csat ?? NaN);
      expect(csat?.interval?.high).toBeGreaterThanOrEqual(row.values.csat ?? NaN);
      expect(row.targets.escalation_rate).toBe(10);
      const esc = row.values.escalation_rate ?? null;
      expect(row.statusText.escalation_rate).toMatch(
        esc === null ? /^no data$/ : esc <= 10 ? /^better than target$/ : /^(slightly )?worse than target$/,
      );
    }

    const csv = await cli(
      'kpi',
      '--db',
      file,
      '--from',
      '2025-12-01',
      '--to',
      '2025-12-31',
      '--by',
      'agent',
      '--format',
      'csv',
    );
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csv.stdout.trim().split(/\r?\n/);
    expect(lines).toHaveLength(1 + 4);
    expect(lines[0]).toMatch(
      /,Escalation rate \(%\),Escalation rate target,Escalation rate status,Escalation rate n,Escalation rate 95% low,Escalation rate 95% high,Escalation rate low confidence,/,
    );
    const first = result.rows[0];
    expect(lines.some((line) => first !== undefined && line.includes(first.label))).toBe(true);
  });

  it('narrows to one agent by name and groups by month', { timeout: 120_000 }, async () => {
    const all = JSON.parse(
      (await cli('kpi', '--db', file, '--from', '2025-11-16', '--to', '2026-01-15', '--by', 'agent')).stdout,
    ) as KpiQueryResult;
    const agent = all.rows[1];
    if (!agent) throw new Error('demo has no second agent');
    const out = await cli(
      'kpi',
      '--db',
      file,
      '--from',
      '2025-11-16',
      '--to',
      '2026-01-15',
      '--by',
      'month',
      '--agent',
      agent.label.toUpperCase(),
    );
    expect(out.code, out.stderr).toBe(0);
    const months = JSON.parse(out.stdout) as KpiQueryResult;
    expect(months.rows.map((r) => r.label)).toEqual(['2025-11', '2025-12', '2026-01']);
    const volume = months.rows.reduce((sum, r) => sum + (r.values.volume ?? 0), 0);
    expect(volume).toBe(agent.values.volume);
  });

  it.each([
    [['--from', '2025-12-31', '--to', '2025-12-01'], /--from must not be after --to/],
    [['--from', '2025-12-01', '--to', '2025-12-31', '--by', 'year'], /--by must be one of/],
    [['--from', '12/01/2025', '--to', '2025-12-31'], /--from must be YYYY-MM-DD/],
    [['--from', '2025-12-01', '--to', '2025-12-31', '--agent', 'Nobody'], /No agent named "Nobody"/],
    [['--from', '2025-12-01', '--to', '2025-12-31', '--format', 'xml'], /--format must be json or csv/],
  ])('exits 1 with a clear message for %j', { timeout: 120_000 }, async (args, message) => {
    const out = await cli('kpi', '--db', file, ...args);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(message);
    expect(out.stdout).toBe('');
  });

  it('exits 1 for a missing data file', { timeout: 120_000 }, async () => {
    const out = await cli(
      'kpi',
      '--db',
      path.join(dir, 'nope.db'),
      '--from',
      '2025-12-01',
      '--to',
      '2025-12-31',
    );
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/No data file/);
  });
});
