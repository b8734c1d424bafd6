import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../electron/backend/import/job';
import { deriveSettings } from '../../electron/backend/kpi/derive';
import { createTestBackend, type TestBackend } from '../support/backend';

/**
 * An import whose days held nothing else refreshes the KPI aggregates from the rows it kept in
 * memory instead of reading them back. Whatever the rows, the database must end up exactly as
 * when the refresh reads the table: derived columns, daily and channel aggregates, retention
 * and customer sets. Covers a first import (memory) and a second one that may overlap it.
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'import-derive-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
afterEach(() => Object.assign(deriveSettings, { readWrittenRows: true }));

const HEADER =
  'id,agent,team,channel,created at,resolved at,customer id,topic,resolved,fcr,csat,nps,ces,escalated,complaint,cross sell eligible,cross sell offered,cross sell converted,customer comment,talk time';
const flag = fc.constantFrom('Y', 'N', '');
const BASE = Date.UTC(2025, 2, 20, 6);
const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

const rowArb = fc.record({
  agent: fc.constantFrom('Ann', 'Bo', 'Cy'),
  team: fc.constantFrom('North', 'South', ''),
  channel: fc.constantFrom('phone', 'chat', 'email'),
  // Across the end of March: the change to summer time in the business time zone.
  minutes: fc.integer({ min: 0, max: 60 * 24 * 50 }),
  resolvedAfter: fc.option(fc.integer({ min: 0, max: 60 * 24 * 6 }), { nil: null }),
  customer: fc.constantFrom('C1', 'C2', 'C3', 'C4', ''),
  topic: fc.constantFrom('Billing', 'Login', 'Zoë ünïcode', ''),
  resolved: flag,
  fcr: flag,
  csat: fc.constantFrom('1', '3', '5', ''),
  nps: fc.constantFrom('0', '7', '10', ''),
  ces: fc.constantFrom('1', '4', '7', ''),
  escalated: flag,
  complaint: flag,
  eligible: flag,
  offered: flag,
  converted: flag,
  comment: fc.constantFrom('great help, thanks', 'terrible, still not fixed', 'ok', ''),
  talk: fc.constantFrom('0', '95', '0:04:10', ''),
});
type Row = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;

let n = 0;
function csv(rows: Row[], firstId: number): string {
  const lines = rows.map((r, i) => {
    const start = BASE + r.minutes * 60_000;
    const resolvedAt = r.resolvedAfter === null ? '' : stamp(start + r.resolvedAfter * 60_000);
    return [
      `T${firstId + i}`,
      r.agent,
      r.team,
      r.channel,
      stamp(start),
      resolvedAt,
      r.customer,
      r.topic,
      r.resolved,
      r.fcr,
      r.csat,
      r.nps,
      r.ces,
      r.escalated,
      r.complaint,
      r.eligible,
      r.offered,
      r.converted,
      `"${r.comment}"`,
      r.talk,
    ].join(',');
  });
  const file = path.join(tmp, `f${++n}.csv`);
  fs.writeFileSync(file, `${HEADER}\n${lines.join('\n')}\n`);
  return file;
}

async function importAll(files: string[], readWrittenRows: boolean) {
  Object.assign(deriveSettings, { readWrittenRows });
  const tb = await createTestBackend();
  const reports: ImportReport[] = [];
  for (const file of files) {
    const job = await tb.call('startImport', { path: file, acceptRejected: true });
    const status = await tb.ctx.jobs.wait(job.id);
    expect(status.state, status.message).toBe('done');
    reports.push(status.result as ImportReport);
  }
  return { tb, reports };
}

const dump = (tb: TestBackend) =>
  JSON.stringify(
    [
      'SELECT * FROM interactions ORDER BY id',
      'SELECT * FROM agg_daily ORDER BY day, agent_id, team_id',
      'SELECT * FROM agg_channel_daily ORDER BY day, team_id, channel',
      'SELECT * FROM kpi_retention ORDER BY scope, scope_id, month',
      'SELECT scope, scope_id, month, n, hex(ids) FROM kpi_customer_months ORDER BY scope, scope_id, month',
      'SELECT * FROM kpi_customer_keys ORDER BY key',
    ].map((sql) => tb.db.values(sql)),
  );

describe('import: KPI refresh from the imported rows', () => {
  it('ends exactly as a refresh that reads the table, for one import and for a second one', async () => {
    let fromMemory = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { minLength: 1, maxLength: 40 }),
        fc.array(rowArb, { minLength: 0, maxLength: 25 }),
        fc.boolean(),
        async (first, second, shiftSecond) => {
          const later = shiftSecond
            ? second.map((r) => ({ ...r, minutes: r.minutes + 60 * 24 * 120 }))
            : second;
          const files = [csv(first, 1), ...(later.length > 0 ? [csv(later, 1000)] : [])];
          const memory = await importAll(files, true);
          const table = await importAll(files, false);
          expect(dump(memory.tb)).toBe(dump(table.tb));
          expect(memory.reports[0]?.timings.derivedFromImport).toBe(true);
          expect(table.reports.every((r) => !r.timings.derivedFromImport)).toBe(true);
          fromMemory += memory.reports.filter((r) => r.timings.derivedFromImport).length;
        },
      ),
      { numRuns: 25, seed: 20261125 },
    );
    expect(fromMemory).toBeGreaterThan(25);
  });
});
