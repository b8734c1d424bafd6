import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../electron/backend/import/job';
import { parserSettings } from '../../electron/backend/import/parser';
import { createTestBackend, type TestBackend } from '../support/backend';

/**
 * The parser worker (parse + validate on another thread) must give exactly what the in-thread
 * path gives: same rows, ids, rejected rows, duplicates and progress; and stay atomic.
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'import-worker-test-'));
const defaults = { ...parserSettings };
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
afterEach(() => Object.assign(parserSettings, defaults));

let n = 0;
function writeFile(content: string): string {
  const file = path.join(tmp, `f${++n}.csv`);
  fs.writeFileSync(file, content);
  return file;
}

const HEADER =
  'Call Id,Agent,Date,Time,Topic,Answered (Y/N),Resolved,Speed of answer in seconds,AvgTalkDuration,Satisfaction rating';

/** 12k rows across several chunks: bad dates, negative durations, short rows, repeated ids, a NUL. */
function messyFile(): string {
  const rows: string[] = [];
  for (let i = 0; i < 12_000; i++) {
    if (i % 997 === 5) rows.push(`ID${i},Diane,2021-13-45,09:00:00,T,Y,Y,1,60,3`);
    else if (i % 1009 === 7) rows.push(`ID${i},Becky,2021-01-02,09:00:00,T,Y,Y,-5,60,3`);
    else if (i % 1201 === 9) rows.push(`ID${i},Becky,2021-01-02`);
    else if (i % 1499 === 11) rows.push(`ID${i - 1},Stewart,2021-01-03,10:00:00,T,Y,N,2,61,4`);
    else if (i === 4242) rows.push(`ID${i},Greg,2021-01-04,10:00:00,"a\u0000b",Y,N,2,61,4`);
    else
      rows.push(
        `ID${i},${['Diane', 'Becky', 'Stewart'][i % 3]},2021-0${1 + (i % 3)}-1${i % 10},09:${String(i % 60).padStart(2, '0')}:00,Topic ${i % 5},${i % 6 ? 'Y' : 'N'},${i % 4 ? 'Y' : 'N'},${i % 120},${i % 6 ? 30 + (i % 500) : 0},${i % 6 ? 1 + (i % 5) : ''}`,
      );
  }
  return writeFile(`${HEADER}\n${rows.join('\n')}\n`);
}

async function run(tb: TestBackend, file: string, extra: Record<string, unknown> = {}) {
  const job = await tb.call('startImport', { path: file, acceptRejected: true, ...extra });
  return tb.ctx.jobs.wait(job.id);
}

function contents(tb: TestBackend) {
  return JSON.stringify([
    tb.db.all('SELECT * FROM interactions ORDER BY id'),
    tb.db.all('SELECT * FROM agents ORDER BY id'),
    tb.db.all('SELECT * FROM teams ORDER BY id'),
  ]);
}

const comparable = (report: ImportReport) => {
  const { elapsedMs: _e, timings: _t, ...rest } = report;
  return rest;
};

describe('import: parser worker', () => {
  it('gives the same report and rows as parsing in the backend thread, also on re-import', async () => {
    const file = messyFile();
    const results = [];
    for (const useWorker of [false, true]) {
      Object.assign(parserSettings, { useWorker, workerMinRows: 1 });
      const tb = await createTestBackend();
      const first = await run(tb, file);
      const again = await run(tb, file);
      expect(first.state).toBe('done');
      expect((first.result as ImportReport).timings.parsedInWorker).toBe(useWorker);
      results.push({
        first: comparable(first.result as ImportReport),
        again: comparable(again.result as ImportReport),
        rows: contents(tb),
      });
    }
    const [local, worker] = results;
    expect(worker).toEqual(local);
    const report = local?.first;
    expect(report?.rejected).toBeGreaterThan(20);
    expect(report?.rejectedReasons.map((r) => r.reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(/already on row/), expect.stringMatching(/columns/)]),
    );
    expect(local?.again).toMatchObject({ inserted: 0, updated: 0 });
  });

  it('a fatal error in the worker rolls everything back', async () => {
    Object.assign(parserSettings, { workerMinRows: 1 });
    const tb = await createTestBackend();
    const before = contents(tb);
    const rows = Array.from({ length: 12_000 }, (_, i) => `ID${i},Diane,2021-01-01,09:00:00,T,Y,Y,1,60,3`);
    const status = await run(tb, writeFile(`${HEADER}\n${rows.join('\n')}\nID-x,"Diane,2021-01-01\n`));
    expect(status.state).toBe('failed');
    expect(status.error?.message).toMatch(/Unbalanced quotes/);
    expect(contents(tb)).toBe(before);
  });

  it('cancel stops the worker and rolls back', async () => {
    Object.assign(parserSettings, { workerMinRows: 1 });
    const tb = await createTestBackend();
    const before = contents(tb);
    const rows = Array.from({ length: 60_000 }, (_, i) => `ID${i},Diane,2021-01-01,09:00:00,T,Y,Y,1,60,3`);
    const job = await tb.call('startImport', { path: writeFile(`${HEADER}\n${rows.join('\n')}`) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await tb.call('cancelJob', { jobId: job.id });
    const status = await tb.ctx.jobs.wait(job.id);
    expect(status.state).toBe('cancelled');
    expect(contents(tb)).toBe(before);
  });
});
