import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../electron/backend/import/job';
import { checkReadable, MAX_IMPORT_BYTES } from '../../electron/backend/import/source';
import { createTestBackend, type TestBackend } from '../support/backend';

const DATASETS = path.resolve(__dirname, '../../../shared/datasets');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'import-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let n = 0;
function writeFile(content: string | Uint8Array, ext = 'csv'): string {
  const file = path.join(tmp, `f${++n}.${ext}`);
  fs.writeFileSync(file, content);
  return file;
}

/**
 * These tests read naive timestamps as UTC so expectations are plain; the default (the business
 * calendar's time zone) has its own tests in import-timezone.test.ts.
 */
const UTC = { timeZone: 'UTC' } as const;

async function importFile(
  tb: TestBackend,
  file: string,
  extra: { options?: Record<string, unknown> } & Record<string, unknown> = {},
) {
  const job = await tb.call('startImport', { path: file, ...extra, options: { ...UTC, ...extra.options } });
  return tb.ctx.jobs.wait(job.id);
}

function snapshot(tb: TestBackend) {
  return JSON.stringify([
    tb.db.all('SELECT * FROM interactions ORDER BY id'),
    tb.db.all('SELECT * FROM agents ORDER BY id'),
    tb.db.all('SELECT * FROM import_batches ORDER BY id'),
    tb.db.all('SELECT count(*) AS n FROM customers'),
  ]);
}

const CALLS = [
  'Call Id,Agent,Date,Time,Topic,Answered (Y/N),Resolved,Speed of answer in seconds,AvgTalkDuration,Satisfaction rating',
  'ID1,Diane,2021-01-01,09:12:58,Contract related,Y,Y,109,0:02:23,3',
  'ID2,Becky,2021-01-01,09:13:00,Technical Support,Y,N,70,242,5',
  'ID3,Stewart,2021-01-02,10:00:29,Technical Support,N,N,,0,',
].join('\r\n');

describe('import: sample datasets', () => {
  it('imports the PwC CSV: long dates, talk seconds, abandoned talk 0 → NULL, re-import adds nothing', async () => {
    const tb = await createTestBackend();
    const status = await importFile(tb, path.join(DATASETS, 'pwc_call_center_trends.csv'));
    expect(status.state).toBe('done');
    const report = status.result as ImportReport;
    expect(report).toMatchObject({ presetId: 'call-center', inserted: 5000, rejected: 0, agentsCreated: 8 });
    const stats = tb.db.get<Record<string, number>>(
      `SELECT count(*) AS n, sum(abandoned) AS abandoned, sum(talk_seconds IS NULL) AS nullTalk, sum(talk_seconds = 0) AS zeroTalk,
              min(day) AS lo, max(day) AS hi FROM interactions`,
    );
    expect(stats).toEqual({
      n: 5000,
      abandoned: 946,
      nullTalk: 946,
      zeroTalk: 0,
      lo: '2021-01-01',
      hi: '2021-03-31',
    });
    expect(
      tb.db.get(
        'SELECT started_at, talk_seconds, csat_score, csat_scale FROM interactions WHERE external_id = ?',
        ['ID0001'],
      ),
    ).toEqual({
      started_at: '2021-01-01T09:12:58.000Z',
      talk_seconds: 143,
      csat_score: 3,
      csat_scale: 5,
    });

    const again = (await importFile(tb, path.join(DATASETS, 'pwc_call_center_trends.csv')))
      .result as ImportReport;
    expect(again).toMatchObject({ inserted: 0, updated: 0, duplicates: 5000 });
    // The XLSX holds the same calls (time serials instead of seconds): nothing new either.
    const xlsx = (await importFile(tb, path.join(DATASETS, 'pwc_call_center_trends.xlsx')))
      .result as ImportReport;
    expect(xlsx).toMatchObject({ format: 'xlsx', inserted: 0, updated: 0, duplicates: 5000, rejected: 0 });
    expect(tb.db.get('SELECT count(*) AS n FROM interactions')).toEqual({ n: 5000 });
  });

  it('imports the PwC XLSX with Excel time serials', async () => {
    const tb = await createTestBackend();
    const report = (await importFile(tb, path.join(DATASETS, 'pwc_call_center_trends.xlsx')))
      .result as ImportReport;
    expect(report).toMatchObject({ inserted: 5000, rejected: 0 });
    expect(
      tb.db.get('SELECT started_at, talk_seconds FROM interactions WHERE external_id = ?', ['ID0002']),
    ).toEqual({
      started_at: '2021-01-01T09:12:58.000Z',
      talk_seconds: 242,
    });
    expect(
      tb.db.get('SELECT count(*) AS n FROM interactions WHERE abandoned = 1 AND talk_seconds IS NULL'),
    ).toEqual({ n: 946 });
  });

  it('imports the Kaggle tickets: multi-line fields, timestamps not durations, open tickets reported', async () => {
    const tb = await createTestBackend();
    const file = path.join(DATASETS, 'kaggle_customer_support_tickets.csv');
    const preview = await tb.call('previewImport', { path: file, options: UTC });
    expect(preview.mapping.fields).toMatchObject({
      first_response_at: 'First Response Time',
      resolved_at: 'Time to Resolution',
    });
    expect(preview.mapping.fields.first_response_seconds).toBeUndefined();

    const refused = await importFile(tb, file);
    expect(refused.state).toBe('failed');
    expect(refused.error?.message).toMatch(/2819 of 8469 rows cannot be imported/);
    expect(tb.db.get('SELECT count(*) AS n FROM interactions')).toEqual({ n: 0 });

    const report = (await importFile(tb, file, { acceptRejected: true })).result as ImportReport;
    expect(report).toMatchObject({ totalRows: 8469, inserted: 5650, rejected: 2819 });
    expect(report.rejectedReasons[0]).toMatchObject({
      count: 2819,
      reason: expect.stringMatching(/no date/),
    });
    expect(report.assumptions.join(' ')).toMatch(/no creation timestamp/);
    const closed = tb.db.get<Record<string, number>>(
      `SELECT count(*) AS n, sum(resolved) AS resolved, sum(first_response_seconds IS NULL AND resolution_seconds IS NULL) AS noDurations,
              round(avg(csat_score), 3) AS csat FROM interactions WHERE status = 'Closed'`,
    );
    expect(closed).toEqual({ n: 2769, resolved: 2769, noDurations: 2769, csat: 2.991 });
  });
});

describe('import: behaviour', () => {
  it('previews rows with raw and parsed values and per-cell errors', async () => {
    const tb = await createTestBackend();
    const file = writeFile(`${CALLS}\r\nID4,Diane,2021-01-03,11:00:00,Billing,Y,Y,-5,0:01:00,11`);
    const preview = await tb.call('previewImport', { path: file, options: UTC });
    expect(preview).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ',',
      detectedPreset: 'call-center',
      totalRowsEstimate: 4,
    });
    expect(preview.sampleRows[0]?.parsed).toMatchObject({
      external_id: 'ID1',
      agent_name: 'Diane',
      talk_seconds: 143,
      started_at: '2021-01-01T09:12:58.000Z',
    });
    const bad = preview.sampleRows[3];
    expect(bad?.parsed).toBeNull();
    expect(bad?.issues.map((i) => [i.row, i.column, i.value])).toEqual([
      [5, 'Speed of answer in seconds', '-5'],
      [5, 'Satisfaction rating', '11'],
    ]);
  });

  it('updates changed rows and counts unchanged ones as duplicates', async () => {
    const tb = await createTestBackend();
    await importFile(tb, writeFile(CALLS));
    const changed = CALLS.replace(
      'ID2,Becky,2021-01-01,09:13:00,Technical Support,Y,N,70,242,5',
      'ID2,Becky,2021-01-01,09:13:00,Technical Support,Y,Y,70,242,4',
    );
    const report = (await importFile(tb, writeFile(changed))).result as ImportReport;
    expect(report).toMatchObject({ inserted: 0, updated: 1, duplicates: 2 });
    expect(tb.db.get('SELECT resolved, csat_score FROM interactions WHERE external_id = ?', ['ID2'])).toEqual(
      { resolved: 1, csat_score: 4 },
    );
  });

  it('writes new rows in batches around updates, rejects and in-file duplicates, in file order', async () => {
    const tb = await createTestBackend();
    const line = (i: number, csat: number) =>
      `ID${i},Diane,2021-01-01,09:00:${String(i % 60).padStart(2, '0')},T,Y,Y,${i % 90},${i},${csat}`;
    const header = CALLS.split('\r\n')[0] as string;
    await importFile(
      tb,
      writeFile([header, ...Array.from({ length: 100 }, (_, i) => line(i * 7, 3))].join('\n')),
    );
    // 700 rows: every 7th already exists (changed CSAT → update), row 351 is invalid, row 500
    // repeats an id of this file; the rest are new and go in 64 at a time between them.
    const rows = Array.from({ length: 700 }, (_, i) => line(i, i % 7 === 0 ? 4 : 1 + (i % 5)));
    rows[351] = 'ID351,Diane,2021-01-01,09:00:00,T,Y,Y,-1,0,3';
    rows[500] = line(1, 2);
    const report = (await importFile(tb, writeFile([header, ...rows].join('\n')), { acceptRejected: true }))
      .result as ImportReport;
    expect(report).toMatchObject({ inserted: 598, updated: 100, duplicates: 0, rejected: 2 });
    const stored = tb.db.values(
      'SELECT id, external_id, csat_score, talk_seconds FROM interactions ORDER BY id',
    );
    expect(stored).toHaveLength(698);
    const fresh = stored.slice(100);
    const expected = Array.from({ length: 700 }, (_, i) => i).filter(
      (i) => i % 7 !== 0 && i !== 351 && i !== 500,
    );
    expect(fresh.map((r) => r[0])).toEqual(expected.map((_, k) => 101 + k));
    expect(fresh.map((r) => [r[1], r[2], r[3]])).toEqual(expected.map((i) => [`ID${i}`, 1 + (i % 5), i]));
    expect(stored.slice(0, 100).every((r) => r[2] === 4)).toBe(true);
  });

  it('a big import keeps every reference valid and restores the page cache, temp store and foreign keys', async () => {
    const tb = await createTestBackend();
    const pragmas = () => [
      tb.db.get('PRAGMA cache_size'),
      tb.db.get('PRAGMA temp_store'),
      tb.db.get('PRAGMA foreign_keys'),
    ];
    const before = pragmas();
    const agents = ['Diane', 'Zoë', 'Łukasz 😀'];
    const rows = Array.from(
      { length: 50_000 },
      (_, i) => `X${i},${agents[i % 3]},2021-01-01,09:00:00,T ${i % 7 ? 'é' : '日本'},Y,Y,1,60.5,3`,
    );
    const status = await importFile(tb, writeFile(`${CALLS}\r\n${rows.join('\r\n')}`));
    expect(status.result).toMatchObject({ inserted: 50_003, agentsCreated: 5 });
    expect(pragmas()).toEqual(before);
    expect(tb.db.all('PRAGMA foreign_key_check')).toEqual([]);
    expect(
      tb.db.all(
        `SELECT a.name AS agent, i.topic, i.talk_seconds FROM interactions i JOIN agents a ON a.id = i.agent_id
          WHERE i.external_id IN ('X1', 'X7', 'X14') ORDER BY i.external_id`,
      ),
    ).toEqual([
      { agent: 'Zoë', topic: 'T é', talk_seconds: 60.5 },
      { agent: 'Łukasz 😀', topic: 'T 日本', talk_seconds: 60.5 },
      { agent: 'Zoë', topic: 'T 日本', talk_seconds: 60.5 },
    ]);
  });

  it('dry run and rejected rows change nothing; acceptRejected imports only the valid rows', async () => {
    const tb = await createTestBackend();
    const file = writeFile(`${CALLS}\r\nID4,Diane,2021-01-03,11:00:00,Billing,Y,Y,-5,0:01:00,3`);
    const before = snapshot(tb);
    const dry = await importFile(tb, file, { dryRun: true });
    expect(dry.result).toMatchObject({ dryRun: true, inserted: 3, rejected: 1 });
    expect(snapshot(tb)).toBe(before);
    const refused = await importFile(tb, file);
    expect(refused).toMatchObject({ state: 'failed', error: { code: 'user_error' } });
    expect(refused.error?.message).toMatch(/negative duration/);
    expect(snapshot(tb)).toBe(before);
    const accepted = await importFile(tb, file, { acceptRejected: true });
    expect(accepted.result).toMatchObject({ inserted: 3, rejected: 1 });
  });

  it('is atomic: a fatal error after many rows leaves the database unchanged', async () => {
    const tb = await createTestBackend();
    const rows = Array.from({ length: 12000 }, (_, i) => `ID${i},Diane,2021-01-01,09:00:00,T,Y,Y,1,60,3`);
    const file = writeFile(`${CALLS}\n${rows.join('\n')}\nID-x,"Diane,2021-01-01\n`);
    const before = snapshot(tb);
    const status = await importFile(tb, file, { acceptRejected: true });
    expect(status.state).toBe('failed');
    expect(status.error?.message).toMatch(/Unbalanced quotes/);
    expect(snapshot(tb)).toBe(before);
  });

  it('restores the indexes a big import drops when it fails', async () => {
    const tb = await createTestBackend();
    const schema = () =>
      tb.db.all("SELECT name, sql FROM sqlite_master WHERE tbl_name = 'interactions' ORDER BY name");
    const before = schema();
    const rows = Array.from({ length: 50_000 }, (_, i) => `ID${i},Diane,2021-01-01,09:00:00,T,Y,Y,1,60,3`);
    const status = await importFile(
      tb,
      writeFile(`${CALLS}\n${rows.join('\n')}\nID-x,Diane,2021-13-45,09:00:00,T,Y,Y,1,60,3\n`),
    );
    expect(status.state).toBe('failed');
    expect(schema()).toEqual(before);
    expect(tb.db.get('SELECT count(*) AS n FROM interactions')).toEqual({ n: 0 });
  });

  it('cancel rolls back', async () => {
    const tb = await createTestBackend();
    const rows = Array.from({ length: 30000 }, (_, i) => `ID${i},Diane,2021-01-01,09:00:00,T,Y,Y,1,60,3`);
    const file = writeFile(`${CALLS}\n${rows.join('\n')}`);
    const before = snapshot(tb);
    const job = await tb.call('startImport', { path: file, options: UTC });
    await new Promise((resolve) => setTimeout(resolve, 30));
    await tb.call('cancelJob', { jobId: job.id });
    const status = await tb.ctx.jobs.wait(job.id);
    expect(status.state).toBe('cancelled');
    expect(snapshot(tb)).toBe(before);
  });

  it.each([
    ['empty file', '', /empty/],
    ['header only', 'Call Id,Agent,Date\r\n', /no data rows/],
    [
      'binary garbage',
      new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
      /binary|not a CSV/,
    ],
    ['wrong columns', 'foo,bar,baz\n1,2,3\n', /No date column/],
  ])('%s: clear message, nothing changed', async (_label, content, message) => {
    const tb = await createTestBackend();
    const before = snapshot(tb);
    const status = await importFile(tb, writeFile(content));
    expect(status.state).toBe('failed');
    expect(status.error?.message).toMatch(message);
    expect(snapshot(tb)).toBe(before);
  });

  it('a missing file is a clear error', async () => {
    const tb = await createTestBackend();
    const result = await tb.backend.call('previewImport', { path: path.join(tmp, 'nope.csv') });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/does not exist/) },
    });
  });

  it('rejects formula cells in number fields and keeps them as text in text fields', async () => {
    const tb = await createTestBackend();
    const file = writeFile(
      `${CALLS}\r\nID5,Diane,2021-01-03,11:00:00,=HYPERLINK("x"),Y,Y,=1+1,@SUM(A1),+3\r\nID6,Diane,2021-01-03,11:00:00,@topic,Y,Y,1,60,3`,
    );
    const report = (await importFile(tb, file, { acceptRejected: true })).result as ImportReport;
    expect(report.rejected).toBe(1);
    expect(report.rejectedRows.map((r) => r.column)).toEqual([
      'Speed of answer in seconds',
      'AvgTalkDuration',
      'Satisfaction rating',
    ]);
    expect(report.rejectedRows.every((r) => /formula/.test(r.reason))).toBe(true);
    expect(tb.db.get('SELECT topic FROM interactions WHERE external_id = ?', ['ID6'])).toEqual({
      topic: '@topic',
    });
  });

  it('decodes UTF-16 and Windows-1252, detects semicolons, reads DD.MM.YYYY and Zendesk Good/Bad', async () => {
    const tb = await createTestBackend();
    const zendesk = [
      'Id;Created at;Solved at;Assignee;Group;Satisfaction Score;First reply time in minutes;Full resolution time in minutes;Subject',
      '101;03.02.2024 09:00;03.02.2024 10:30;José;Support;Good;12;90;"Multi',
      'line; subject"',
      '102;04.02.2024 09:00;;Zoë;Support;Bad;5;;Café',
    ].join('\r\n');
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(zendesk, 'utf16le')]);
    const report = (await importFile(tb, writeFile(utf16))).result as ImportReport;
    expect(report).toMatchObject({ encoding: 'utf-16le', delimiter: ';', presetId: 'zendesk', inserted: 2 });
    expect(
      tb.db.all(
        'SELECT external_id, started_at, first_response_seconds, resolution_seconds, csat_score, subject, channel, resolved FROM interactions ORDER BY id',
      ),
    ).toEqual([
      {
        external_id: '101',
        started_at: '2024-02-03T09:00:00.000Z',
        first_response_seconds: 720,
        resolution_seconds: 5400,
        csat_score: 5,
        subject: 'Multi\r\nline; subject',
        channel: 'ticket',
        resolved: 1,
      },
      {
        external_id: '102',
        started_at: '2024-02-04T09:00:00.000Z',
        first_response_seconds: 300,
        resolution_seconds: null,
        csat_score: 1,
        subject: 'Café',
        channel: 'ticket',
        resolved: 0,
      },
    ]);
    expect(tb.db.all('SELECT name FROM agents ORDER BY name')).toEqual([{ name: 'José' }, { name: 'Zoë' }]);

    const tb2 = await createTestBackend();
    const cp1252 = Buffer.from(zendesk.replace('"Multi\r\nline; subject"', 'x'), 'latin1');
    const r2 = (await importFile(tb2, writeFile(cp1252))).result as ImportReport;
    expect(r2).toMatchObject({ encoding: 'windows-1252', inserted: 2 });
    expect(tb2.db.all('SELECT name FROM agents ORDER BY name')).toEqual([{ name: 'José' }, { name: 'Zoë' }]);
  });

  it('reads generated XLSX with dates, Excel time fractions and a saved mapping', async () => {
    const tb = await createTestBackend();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Calls');
    ws.addRow(['Ref', 'Who', 'When', 'Talk']);
    ws.addRow(['A1', 'Ada', new Date(Date.UTC(2024, 4, 6, 14, 30)), 0.0016550925925925926]);
    ws.getCell('D2').numFmt = 'h:mm:ss';
    ws.addRow(['A2', 'ada', 45420.5, 120]);
    const file = path.join(tmp, 'calls.xlsx');
    await wb.xlsx.writeFile(file);
    const saved = await tb.call('saveImportMapping', {
      name: 'My ACD',
      mapping: {
        source: 'my-acd',
        fields: { external_id: 'Ref', agent: 'Who', started_at: 'When', talk_seconds: 'Talk' },
        defaultChannel: 'call',
      },
    });
    expect((await tb.call('listImportMappings', {})).map((m) => m.name)).toEqual(['My ACD']);
    const report = (await importFile(tb, file, { mappingId: saved.id })).result as ImportReport;
    expect(report).toMatchObject({ format: 'xlsx', inserted: 2, agentsCreated: 1, source: 'my-acd' });
    expect(tb.db.all('SELECT started_at, talk_seconds, channel FROM interactions ORDER BY id')).toEqual([
      { started_at: '2024-05-06T14:30:00.000Z', talk_seconds: 143, channel: 'call' },
      { started_at: '2024-05-08T12:00:00.000Z', talk_seconds: 120, channel: 'call' },
    ]);
    expect(await tb.call('deleteImportMapping', { id: saved.id })).toEqual({ deleted: true });
  });

  it("refuses renaming a saved mapping onto another one's name as a conflict", async () => {
    const tb = await createTestBackend();
    const mapping = { source: 'x', fields: { started_at: 'Date' } };
    const alpha = await tb.call('saveImportMapping', { name: 'Alpha', mapping });
    const beta = await tb.call('saveImportMapping', { name: 'Beta', mapping });
    const renamed = await tb.backend.call('saveImportMapping', { id: alpha.id, name: 'beta', mapping });
    expect(renamed).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const renamedBack = await tb.backend.call('saveImportMapping', { id: beta.id, name: 'ALPHA', mapping });
    expect(renamedBack).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await tb.call('saveImportMapping', { id: alpha.id, name: 'Gamma', mapping })).name).toBe('Gamma');
    expect((await tb.call('listImportMappings', {})).map((m) => m.name)).toEqual(['Beta', 'Gamma']);
  });

  it('rejects a mapping whose columns are not in the file', async () => {
    const tb = await createTestBackend();
    const status = await importFile(tb, writeFile(CALLS), {
      mapping: { source: 'x', fields: { started_at: 'Created' } },
    });
    expect(status.error?.message).toMatch(/no column "Created"/);
  });
});

describe('import: file size limit', () => {
  it('refuses a file over the limit with advice, before reading it', async () => {
    const file = writeFile('x'.repeat(3 * 1024 * 1024));
    await expect(checkReadable(file, 2 * 1024 * 1024)).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/3 MB; one import takes at most 2 MB\. Export it in parts/),
    });
    await expect(checkReadable(file)).resolves.toBe(3 * 1024 * 1024);
    expect(MAX_IMPORT_BYTES).toBe(512 * 1024 * 1024);
  });
});
