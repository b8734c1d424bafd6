import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/ipc/contract';
import { fixedClock } from '../../electron/backend/core/clock';
import { sequentialIds } from '../../electron/backend/core/ids';
import { openDataFile } from '../../electron/backend/open';
import { TEST_NOW } from '../support/backend';
import {
  buildCalibrationScene,
  CRITERIA,
  EVALUATORS,
  plannedAnswer,
  scoreInteraction,
} from '../support/calibration';
import { runCli } from '../support/cli';

let dir: string;
let leadDb: string;
let sabineDb: string;
let sessionId: string;
let interactionIds: number[];

/** Runs `fn` against a data file through real dispatch, then closes it (the CLI opens it next). */
async function withFile<T>(
  file: string,
  fn: (call: <M extends MethodName>(m: M, i: MethodInput<M>) => Promise<MethodOutput<M>>) => Promise<T>,
) {
  const opened = await openDataFile({
    dataFile: file,
    seedDemo: false,
    appVersion: 'test',
    backups: false,
    clock: fixedClock(TEST_NOW),
    ids: sequentialIds(),
  });
  try {
    return await fn(async (method, input) => {
      const result = await opened.backend.call(method, input);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as MethodOutput<typeof method>;
    });
  } finally {
    opened.close();
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calibration-cli-'));
  leadDb = path.join(dir, 'lead.db');
  sabineDb = path.join(dir, 'sabine.db');
  const opened = await openDataFile({
    dataFile: leadDb,
    seedDemo: false,
    appVersion: 'test',
    backups: false,
    clock: fixedClock(TEST_NOW),
    ids: sequentialIds(),
  });
  const scene = buildCalibrationScene(opened.backend, 2);
  interactionIds = scene.interactionIds;
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>) => {
    const result = await opened.backend.call(method, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as MethodOutput<M>;
  };
  await call('setProfile', { name: 'Lead' });
  // A revealed session for the report, and one being scored for the packet.
  const done = await call('createCalibrationSession', {
    name: 'December',
    interactionIds,
    evaluators: ['Marco', 'Katrin'],
  });
  await call('setCalibrationSessionState', { sessionId: done.id, state: 'scoring' });
  for (const name of ['Marco', 'Katrin']) {
    await call('setProfile', { name });
    for (const id of interactionIds)
      await scoreInteraction({ call }, done.id, id, (c) => (name === 'Marco' && c.scale === '1-5' ? 1 : 0));
  }
  await call('setProfile', { name: 'Lead' });
  await call('setCalibrationSessionState', { sessionId: done.id, state: 'revealed' });
  sessionId = (
    await call('createCalibrationSession', { name: 'January', interactionIds, evaluators: EVALUATORS })
  ).id;
  await call('setCalibrationSessionState', { sessionId, state: 'scoring' });
  opened.close();
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cli calibration', () => {
  it(
    'moves a session to another data file and back: export-packet, open-packet, export-answers, import-answers',
    { timeout: 120_000 },
    async () => {
      const packet = path.join(dir, 'january.scpacket');
      const exported = await runCli(
        'calibration',
        'export-packet',
        '--db',
        leadDb,
        '--session',
        'january',
        '--out',
        packet,
      );
      expect(exported.code, exported.stderr).toBe(0);
      expect(exported.stdout).toBe(`Wrote the packet of "January" to ${packet}\n`);

      await withFile(sabineDb, async (call) => call('setProfile', { name: 'Sabine' }));
      const opened = await runCli('calibration', 'open-packet', packet, '--db', sabineDb);
      expect(opened.code, opened.stderr).toBe(0);
      expect(opened.stdout).toMatch(
        /^Opened: "January" \(cal_\d+\), 2 interactions on Standard interaction review v1, from Lead\./,
      );
      await withFile(sabineDb, async (call) => {
        for (const interactionId of interactionIds) {
          await call('startPacketReview', { sessionId, interactionId });
          for (const c of CRITERIA)
            await call('savePacketAnswer', {
              sessionId,
              interactionId,
              change: { criterionId: c.id, ...plannedAnswer(c, 0) },
            });
          await call('submitPacketReview', { sessionId, interactionId });
        }
      });
      const answers = path.join(dir, 'sabine.scanswers');
      const written = await runCli(
        'calibration',
        'export-answers',
        '--db',
        sabineDb,
        '--session',
        'January',
        '--out',
        answers,
      );
      expect(written.code, written.stderr).toBe(0);
      expect(written.stdout).toBe(`Wrote 2 of 2 answered interactions to ${answers}\n`);

      const tampered = path.join(dir, 'tampered.scanswers');
      fs.writeFileSync(tampered, fs.readFileSync(answers, 'utf8').replace('"rating": 5', '"rating": 4'));
      const imported = await runCli(
        'calibration',
        'import-answers',
        answers,
        tampered,
        answers,
        '--db',
        leadDb,
      );
      expect(imported.code).toBe(1);
      expect(imported.stdout).toBe(
        `${answers}: Sabine → "January": 2 reviews added, 0 already here.\n${answers}: already imported, nothing changed ("January", Sabine).\n`,
      );
      expect(imported.stderr).toMatch(/^Error: tampered\.scanswers was changed after it was exported/);
    },
  );

  it(
    'prints the report of a revealed session as JSON or CSV, and refuses an unknown session',
    { timeout: 120_000 },
    async () => {
      const json = await runCli('calibration', 'report', '--db', leadDb, '--session', 'December');
      expect(json.code, json.stderr).toBe(0);
      const report = JSON.parse(json.stdout) as { stats: { reviews: number; evaluators: string[] } };
      expect(report.stats).toMatchObject({ reviews: 4, evaluators: ['Marco', 'Katrin'] });
      const csv = await runCli(
        'calibration',
        'report',
        '--db',
        leadDb,
        '--session',
        'December',
        '--format',
        'csv',
      );
      expect(csv.code, csv.stderr).toBe(0);
      expect(csv.stdout.split('\r\n')[0]).toBe('calibration_session,December');
      const unknown = await runCli('calibration', 'report', '--db', leadDb, '--session', 'Nope');
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(
        /^Error: No calibration session "Nope"\. The data file has: "January" \(cal_\d+\), "December" \(cal_\d+\)\./,
      );
      const blind = await runCli('calibration', 'report', '--db', leadDb, '--session', 'January');
      expect(blind.code).toBe(1);
      expect(blind.stderr).toMatch(/nobody sees another evaluator's answers before it is revealed/);
    },
  );
});
