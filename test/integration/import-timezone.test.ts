import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDataFile } from '../../electron/backend/open';
import { runCli } from '../../electron/cli/run';
import { DEFAULT_IMPORT_OPTIONS, type ImportReport } from '../../shared/import/types';
import { DEFAULT_KPI_SETTINGS } from '../../shared/kpi/settings';
import { importOptionsSchema } from '../../shared/ipc/contracts/imports';
import {
  firstPreviewRequest,
  importRequest,
  previewRequest,
  type WizardChoice,
} from '../../renderer/src/features/import/requests';
import type { Db } from '../../electron/backend/db/database';
import { createTestBackend, type TestBackend } from '../support/backend';

const DATASETS = path.resolve(__dirname, '../../../shared/datasets');
const PWC_XLSX = path.join(DATASETS, 'pwc_call_center_trends.xlsx');
const KAGGLE = path.join(DATASETS, 'kaggle_customer_support_tickets.csv');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'import-tz-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const CALLS = [
  'Call Id,Agent,Date,Time,Topic,Answered (Y/N),Resolved,Speed of answer in seconds,AvgTalkDuration,Satisfaction rating',
  'ID1,Diane,2021-01-01,09:12:58,Contract related,Y,Y,109,0:02:23,3',
  'ID2,Becky,2021-01-01,09:13:00,Technical Support,Y,N,70,242,5',
].join('\r\n');

let n = 0;
function writeFile(content: string): string {
  const file = path.join(tmp, `f${++n}.csv`);
  fs.writeFileSync(file, content);
  return file;
}

/** Requests cross IPC or the HTTP bridge as JSON: send them the same way. */
const asSent = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The wizard's session: first preview, dry run, then the import the user accepts. */
async function importLikeTheWizard(tb: TestBackend, file: string) {
  const preview = await tb.call('previewImport', asSent(firstPreviewRequest(file)));
  const choice: WizardChoice = { path: file, mapping: preview.mapping, dateOrder: 'auto' };
  const refreshed = await tb.call('previewImport', asSent(previewRequest(choice)));
  const dry = await tb.ctx.jobs.wait(
    (await tb.call('startImport', asSent(importRequest(choice, { dryRun: true })))).id,
  );
  const validation = (dry.result ?? dry.error?.details) as ImportReport;
  const run = importRequest(choice, { acceptRejected: validation.rejected > 0 });
  const done = await tb.ctx.jobs.wait((await tb.call('startImport', asSent(run))).id);
  expect(done.state).toBe('done');
  return { preview, refreshed, validation, report: done.result as ImportReport };
}

const TIMES = `SELECT external_id, started_at, day, first_response_at, resolved_at, resolution_business_seconds
                 FROM interactions ORDER BY source, external_id`;

async function importWithCli(file: string, extra: string[] = []): Promise<unknown[]> {
  const dataFile = path.join(tmp, `cli${++n}.scorecard`);
  expect(await runCli(['import', file, '--db', dataFile, '--skip-invalid', '--json', ...extra])).toBe(0);
  const opened = await openDataFile({ dataFile, seedDemo: false, appVersion: 'test', backups: false });
  try {
    return opened.backend.ctx.db.all(TIMES);
  } finally {
    opened.close();
  }
}

const startedAt = (db: Db, id: string) =>
  db.get<{ started_at: string }>('SELECT started_at FROM interactions WHERE external_id = ?', [id])
    ?.started_at;

beforeEach(() => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

describe('import: time zone of naive timestamps', () => {
  const firstCall = (tb: TestBackend) =>
    tb.db.get<{ started_at: string; day: string }>(
      "SELECT started_at, day FROM interactions WHERE external_id = 'ID1'",
    );

  it("defaults to the business calendar's time zone (Europe/Berlin)", async () => {
    const tb = await createTestBackend();
    const job = await tb.call('startImport', { path: writeFile(CALLS) });
    expect((await tb.ctx.jobs.wait(job.id)).state).toBe('done');
    // 09:12:58 in Berlin in January is 08:12:58 UTC.
    expect(firstCall(tb)).toEqual({ started_at: '2021-01-01T08:12:58.000Z', day: '2021-01-01' });
  });

  it('follows a changed business time zone, and an explicit option wins', async () => {
    const tb = await createTestBackend();
    await tb.call('updateKpiSettings', { calendar: { timeZone: 'America/New_York' } });
    const job = await tb.call('startImport', { path: writeFile(CALLS) });
    expect((await tb.ctx.jobs.wait(job.id)).state).toBe('done');
    expect(firstCall(tb)).toEqual({ started_at: '2021-01-01T14:12:58.000Z', day: '2021-01-01' });

    const preview = await tb.call('previewImport', {
      path: writeFile(CALLS),
      options: { timeZone: 'Asia/Tokyo' },
    });
    expect(preview.sampleRows[0]?.parsed).toMatchObject({ started_at: '2021-01-01T00:12:58.000Z' });
  });

  it('options without a zone leave the zone to the calendar', () => {
    expect(importOptionsSchema.parse({ dateOrder: 'auto' })).toEqual({ dateOrder: 'auto' });
    expect(DEFAULT_IMPORT_OPTIONS.timeZone).toBe(DEFAULT_KPI_SETTINGS.calendar.timeZone);
  });
});

describe('import: the wizard, the handlers and the CLI store the same instant', () => {
  it('PwC XLSX: ID0001 at 09:12:58 Berlin is 08:12:58Z in preview, import and CLI', async () => {
    const tb = await createTestBackend();
    const { preview, refreshed } = await importLikeTheWizard(tb, PWC_XLSX);
    expect(preview.timeZone).toBe('Europe/Berlin');
    expect(refreshed.timeZone).toBe('Europe/Berlin');
    const shown = preview.sampleRows.find((row) => row.parsed?.external_id === 'ID0001')?.parsed?.started_at;
    expect(shown).toBe('2021-01-01T08:12:58.000Z');
    expect(refreshed.sampleRows[0]?.parsed?.started_at).toBe(shown);
    expect(startedAt(tb.db, 'ID0001')).toBe(shown);
    expect(startedAt(tb.db, 'ID0003')).toBe('2021-01-01T08:47:31.000Z');

    const cli = await importWithCli(PWC_XLSX);
    expect(tb.db.all(TIMES)).toEqual(cli);
  });

  it("Kaggle tickets: the wizard stores the CLI's instants and business-hours resolution times", async () => {
    const tb = await createTestBackend();
    await importLikeTheWizard(tb, KAGGLE);
    // Ticket 3 first answered 2023-06-01 11:14:38 in Berlin summer time: 09:14:38Z.
    expect(
      tb.db.get('SELECT started_at, first_response_at, resolved_at FROM interactions WHERE external_id = ?', [
        '3',
      ]),
    ).toEqual({
      started_at: '2023-06-01T09:14:38.000Z',
      first_response_at: '2023-06-01T09:14:38.000Z',
      resolved_at: '2023-06-01T16:05:38.000Z',
    });
    const cli = await importWithCli(KAGGLE);
    expect(tb.db.all(TIMES)).toEqual(cli);
  });
});

describe('import: re-importing corrects rows stored in the wrong zone', () => {
  it('updates started_at, day and business-hours times of rows stored as UTC', async () => {
    const tb = await createTestBackend();
    const wrong = await tb.call('startImport', {
      path: KAGGLE,
      options: { timeZone: 'UTC' },
      acceptRejected: true,
    });
    expect((await tb.ctx.jobs.wait(wrong.id)).state).toBe('done');
    expect(startedAt(tb.db, '3')).toBe('2023-06-01T11:14:38.000Z');
    const before = tb.db.all<{ resolution_business_seconds: number | null }>(TIMES);

    const { validation, report } = await importLikeTheWizard(tb, KAGGLE);
    expect(validation).toMatchObject({ inserted: 0, updated: 5650, duplicates: 0 });
    expect(report).toMatchObject({ inserted: 0, updated: 5650, duplicates: 0 });
    expect(startedAt(tb.db, '3')).toBe('2023-06-01T09:14:38.000Z');
    const after = tb.db.all<{ resolution_business_seconds: number | null }>(TIMES);
    expect(after).toEqual(await importWithCli(KAGGLE));
    const moved = after.filter(
      (row, i) => row.resolution_business_seconds !== before[i]?.resolution_business_seconds,
    );
    // 854 of the 2,769 closed tickets change business-hours resolution time with the zone.
    expect(moved.length).toBeGreaterThan(500);

    const again = await importLikeTheWizard(tb, KAGGLE);
    expect(again.report).toMatchObject({ inserted: 0, updated: 0, duplicates: 5650 });
  });

  it('corrects the PwC calls stored in another zone', async () => {
    const tb = await createTestBackend();
    const wrong = await tb.call('startImport', {
      path: PWC_XLSX,
      options: { timeZone: 'Pacific/Auckland' },
    });
    expect((await tb.ctx.jobs.wait(wrong.id)).state).toBe('done');
    // 09:12:58 in Auckland is the previous day in UTC.
    expect(tb.db.get("SELECT day, started_at FROM interactions WHERE external_id = 'ID0001'")).toEqual({
      day: '2021-01-01',
      started_at: '2020-12-31T20:12:58.000Z',
    });
    const { report } = await importLikeTheWizard(tb, PWC_XLSX);
    expect(report).toMatchObject({ inserted: 0, updated: 5000 });
    expect(startedAt(tb.db, 'ID0001')).toBe('2021-01-01T08:12:58.000Z');
    expect(tb.db.all(TIMES)).toEqual(await importWithCli(PWC_XLSX));
  });
});
