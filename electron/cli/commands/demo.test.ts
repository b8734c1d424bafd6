import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { journalPathFor } from '../../backend/db/store';
import { generateDemoData } from '../../backend/demo/generate';
import { openDataFile } from '../../backend/open';
import { demoCommand } from './demo';

vi.mock('../../backend/demo/generate', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../backend/demo/generate')>();
  return { ...actual, generateDemoData: vi.fn(actual.generateDemoData) };
});

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('demo --force', () => {
  it('leaves the existing file untouched when generating the new one fails', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-demo-'));
    dirs.push(dir);
    const file = path.join(dir, 'team.db');
    const opened = await openDataFile({
      dataFile: file,
      seedDemo: false,
      appVersion: 'test',
      backups: false,
    });
    opened.store.db.run("INSERT INTO teams (id, name, created_at) VALUES ('t1', 'Billing', 'x')");
    opened.store.abandon();
    const before = { db: fs.readFileSync(file), log: fs.readFileSync(journalPathFor(file)) };
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);

    vi.mocked(generateDemoData).mockImplementationOnce(() => {
      throw new Error('out of memory');
    });
    const args = ['--db', file, '--agents', '2', '--months', '1', '--now', '2026-01-15T09:00:00Z', '--force'];
    await expect(demoCommand.run(args)).rejects.toThrow('out of memory');
    expect(fs.readFileSync(file).equals(before.db)).toBe(true);
    expect(fs.readFileSync(journalPathFor(file)).equals(before.log)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['team.db', 'team.db.log']);

    expect(await demoCommand.run(args)).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(['team.db']);
    const reopened = await openDataFile({
      dataFile: file,
      seedDemo: false,
      appVersion: 'test',
      backups: false,
    });
    try {
      const db = reopened.store.db;
      expect(db.get('SELECT 1 AS found FROM teams WHERE id = ?', ['t1'])).toBeUndefined();
      expect(db.get<{ n: number }>('SELECT count(*) AS n FROM agents')?.n).toBe(2);
    } finally {
      reopened.close();
    }
  });
});
