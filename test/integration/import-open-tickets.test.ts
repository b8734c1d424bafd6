import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parserSettings } from '../../electron/backend/import/parser';
import type { ImportMapping, ImportReport } from '../../shared/import/types';
import { createTestBackend, type TestBackend } from '../support/backend';

const DATASETS = path.resolve(__dirname, '../../../shared/datasets');
const KAGGLE = path.join(DATASETS, 'kaggle_customer_support_tickets.csv');
const PWC_XLSX = path.join(DATASETS, 'pwc_call_center_trends.xlsx');
const PWC_CSV = path.join(DATASETS, 'pwc_call_center_trends.csv');

async function run(tb: TestBackend, input: Parameters<TestBackend['call']>[1] & object) {
  const job = await tb.call('startImport', input as { path: string });
  const status = await tb.ctx.jobs.wait(job.id);
  return { status, report: (status.result ?? status.error?.details) as ImportReport };
}

const rate = (tb: TestBackend) =>
  tb.db.get<{ n: number; resolved: number }>(
    'SELECT count(*) AS n, sum(resolved) AS resolved FROM interactions',
  );

describe('import: open tickets without a time of their own', () => {
  it("the preview offers the file's other date columns; the PwC files have none left", async () => {
    const tb = await createTestBackend();
    const kaggle = await tb.call('previewImport', { path: KAGGLE });
    expect(kaggle.mapping.fields.started_at).toBeUndefined();
    expect(kaggle.dateColumns).toEqual(['Date of Purchase']);
    expect((await tb.call('previewImport', { path: PWC_CSV })).dateColumns).toEqual([]);
    expect((await tb.call('previewImport', { path: PWC_XLSX })).dateColumns).toEqual([]);
  });

  it('the validation report says how the rejected open tickets bias the resolution rate', async () => {
    const tb = await createTestBackend();
    const { report } = await run(tb, { path: KAGGLE, dryRun: true });
    expect(report).toMatchObject({ totalRows: 8469, rejected: 2819 });
    expect(report.rateBias).toEqual([
      expect.objectContaining({
        flag: 'resolved',
        rejected: { yes: 0, no: 2819, unknown: 0 },
        accepted: { yes: 2769, no: 2881, unknown: 0 },
        acceptedRate: 2769 / 5650,
        countedRate: 2769 / 8469,
        note: '2,819 rejected rows are all unresolved: the resolution rate of the accepted rows is 49.0%, against 32.7% if they were counted.',
      }),
    ]);
  });

  it('the parser worker reports the same bias', async () => {
    const tb = await createTestBackend();
    const inThread = (await run(tb, { path: KAGGLE, dryRun: true })).report;
    Object.assign(parserSettings, { workerMinRows: 1 });
    try {
      const inWorker = (await run(tb, { path: KAGGLE, dryRun: true })).report;
      expect(inWorker.timings.parsedInWorker).toBe(true);
      expect(inWorker.rateBias).toEqual(inThread.rateBias);
    } finally {
      Object.assign(parserSettings, { workerMinRows: 50_000 });
    }
  });

  it('rows without any time start on the chosen date column; nothing is rejected', async () => {
    const tb = await createTestBackend();
    const preview = await tb.call('previewImport', { path: KAGGLE });
    const mapping: ImportMapping = {
      ...preview.mapping,
      fields: { ...preview.mapping.fields, started_fallback: 'Date of Purchase' },
    };
    const offered = await tb.call('previewImport', { path: KAGGLE, mapping });
    expect(offered.mappingError).toBeNull();
    expect(offered.assumptions.join(' ')).toMatch(/"Date of Purchase"/);

    const { status, report } = await run(tb, { path: KAGGLE, mapping });
    expect(status.state).toBe('done');
    expect(report).toMatchObject({ inserted: 8469, rejected: 0, rateBias: [] });
    expect(report.assumptions.join(' ')).toMatch(
      /2,819 rows without any time start on their "Date of Purchase"/,
    );
    expect(rate(tb)).toEqual({ n: 8469, resolved: 2769 });
    // Ticket 8 is open and was bought on 2020-08-09 (midnight in Berlin); ticket 1 keeps its first response.
    expect(
      tb.db.all(
        `SELECT external_id, status, started_at, day, first_response_seconds FROM interactions
          WHERE external_id IN ('1', '8') ORDER BY id`,
      ),
    ).toEqual([
      {
        external_id: '1',
        status: 'Pending Customer Response',
        started_at: '2023-06-01T10:15:36.000Z',
        day: '2023-06-01',
        first_response_seconds: null,
      },
      {
        external_id: '8',
        status: 'Open',
        started_at: '2020-08-08T22:00:00.000Z',
        day: '2020-08-09',
        first_response_seconds: null,
      },
    ]);
  });

  it('the XLSX preview shows Excel times as times and dates as dates', async () => {
    const tb = await createTestBackend();
    const preview = await tb.call('previewImport', { path: PWC_XLSX });
    expect(preview.sampleRows[0]?.raw).toMatchObject({
      'Call Id': 'ID0001',
      Date: '2021-01-01',
      Time: '09:12:58',
      AvgTalkDuration: '00:02:23',
    });
  });

  it('lists a generic preset that maps any file by its column names', async () => {
    const tb = await createTestBackend();
    const presets = await tb.call('listImportPresets', {});
    expect(presets.map((p) => p.id)).toEqual(['generic', 'zendesk', 'call-center']);
    const generic = await tb.call('previewImport', { path: PWC_CSV, mappingId: 'generic' });
    expect(generic.mapping.presetId).toBe('generic');
    expect(generic.mapping.fields.started_at).toBe('date');
  });
});
