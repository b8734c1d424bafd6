import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/ipc/contract';
import { fixedClock } from '../../electron/backend/core/clock';
import { sequentialIds } from '../../electron/backend/core/ids';
import { openDataFile, type OpenedDataFile } from '../../electron/backend/open';
import { contentHashOf } from '../../electron/backend/calibration/hash';
import { TEST_NOW } from '../support/backend';
import { buildCalibrationScene, CRITERIA, EVALUATORS, plannedAnswer } from '../support/calibration';

let dir: string;
const files: Record<string, OpenedDataFile> = {};
// One id sequence per data file across reopens, as random ids would never repeat.
const idSequences: Record<string, ReturnType<typeof sequentialIds>> = {};

async function open(name: string): Promise<OpenedDataFile> {
  files[name]?.close();
  files[name] = await openDataFile({
    dataFile: path.join(dir, `${name}.db`),
    seedDemo: false,
    appVersion: 'test',
    backups: false,
    clock: fixedClock(TEST_NOW),
    ids: (idSequences[name] ??= sequentialIds()),
  });
  return files[name];
}

function client(name: string) {
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await (files[name] as OpenedDataFile).backend.call(method, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as MethodOutput<M>;
  };
  const refusal = async (method: MethodName, input: unknown): Promise<string> => {
    const result = await (files[name] as OpenedDataFile).backend.call(method, input);
    if (result.ok) throw new Error(`${method} should have been refused`);
    return result.error.message;
  };
  return { call, refusal };
}

const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

const lead = client('lead');
let sessionId: string;
let interactionIds: number[];
let packetPath: string;

/** One evaluator's own copy: opens the packet, scores `count` interactions blind, exports. */
async function evaluatorCopy(name: string, harshness: number, count: number) {
  await open(name);
  const me = client(name);
  await me.call('setProfile', { name });
  const opened = await me.call('openCalibrationPacket', { path: packetPath });
  const done = new Set(
    opened.interactions.filter((i) => i.status === 'submitted').map((i) => i.interactionId),
  );
  for (const interactionId of interactionIds.slice(0, count)) {
    if (done.has(interactionId)) continue;
    await me.call('startPacketReview', { sessionId, interactionId });
    for (const c of CRITERIA)
      await me.call('savePacketAnswer', {
        sessionId,
        interactionId,
        change: {
          criterionId: c.id,
          ...plannedAnswer(c, harshness),
          comment: c.id === 'res_holds' ? `${name}: hold` : null,
        },
      });
    await me.call('submitPacketReview', { sessionId, interactionId });
  }
  const answers = await me.call('exportCalibrationAnswers', { sessionId });
  return { opened, answers, path: write(`${name}-${count}.scanswers`, answers.json), me };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calibration-packet-'));
  const leadFile = await open('lead');
  const scene = buildCalibrationScene(leadFile.backend, 3);
  interactionIds = scene.interactionIds;
  await lead.call('setProfile', { name: 'Lead' });
  const created = await lead.call('createCalibrationSession', {
    name: 'Remote calibration',
    interactionIds,
    evaluators: EVALUATORS,
  });
  sessionId = created.id;
  await lead.call('setCalibrationSessionState', { sessionId, state: 'scoring' });
  const packet = await lead.call('exportCalibrationPacket', { sessionId });
  expect(packet.fileName).toBe('Remote-calibration.scpacket');
  packetPath = write(packet.fileName, packet.json);
}, 60_000);

afterAll(() => {
  for (const file of Object.values(files)) file.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('calibration packet between two data files', { timeout: 60_000 }, () => {
  it('carries the form version and the interactions facts, and scores blind in the other copy', async () => {
    const sabine = await evaluatorCopy('Sabine', 0, 2);
    expect(sabine.opened).toMatchObject({
      sessionId,
      name: 'Remote calibration',
      formVersion: 1,
      interactionCount: 3,
      evaluators: EVALUATORS,
      exportedBy: 'Lead',
      alreadyOpen: false,
      me: { name: 'Sabine', listed: true },
    });
    expect(sabine.opened.interactions.map((i) => [i.interactionId, i.agentName, i.subject])).toEqual([
      [interactionIds[0], 'Ann Agent', 'Call 1'],
      [interactionIds[1], 'Ann Agent', 'Call 2'],
      [interactionIds[2], 'Ann Agent', 'Call 3'],
    ]);
    const context = await sabine.me.call('getPacketReviewContext', {
      sessionId,
      interactionId: interactionIds[2] as number,
    });
    expect(context.interaction).toMatchObject({ holdSeconds: 150, csat: 3, reviews: [] });
    expect(context.hints.some((h) => h.criterionIds.includes('res_holds'))).toBe(true);
    expect(sabine.answers).toMatchObject({
      fileName: 'Remote-calibration-Sabine.scanswers',
      reviews: 2,
      of: 3,
    });
    // Nothing of the packet lands among the copy's own reviews or interactions.
    expect((await sabine.me.call('listReviews', {})).total).toBe(0);
    expect((await sabine.me.call('queryInteractions', {})).total).toBe(0);
  });

  it('keeps the evaluator copy answers across a restart, and opening the packet again changes nothing', async () => {
    await open('Sabine');
    const me = client('Sabine');
    const again = await me.call('openCalibrationPacket', { path: packetPath });
    expect(again).toMatchObject({ alreadyOpen: true, me: { submitted: 2, drafts: 0 } });
  });

  it('imports answers files in any order, any number of times, and ends in the same place', async () => {
    const partial = path.join(dir, 'Sabine-2.scanswers');
    const sabine = await evaluatorCopy('Sabine', 0, 3);
    const marco = await evaluatorCopy('Marco', 1, 3);
    const full = await lead.call('importCalibrationAnswers', { path: sabine.path });
    expect(full).toMatchObject({ evaluator: 'Sabine', added: 3, unchanged: 0, alreadyImported: false });
    // The older, partial file after the full one adds nothing.
    expect(await lead.call('importCalibrationAnswers', { path: partial })).toMatchObject({
      added: 0,
      unchanged: 2,
    });
    expect(await lead.call('importCalibrationAnswers', { path: sabine.path })).toMatchObject({
      alreadyImported: true,
      added: 0,
    });
    const after = await lead.call('importCalibrationAnswers', { path: marco.path });
    expect(after.session.evaluators.map((e) => [e.name, e.submitted, e.fromFile])).toEqual([
      ['Sabine', 3, true],
      ['Marco', 3, true],
      ['Katrin', 0, false],
    ]);
    expect(after.session.imports.map((i) => [i.evaluator, i.reviews])).toEqual([
      ['Sabine', 3],
      ['Sabine', 2],
      ['Marco', 3],
    ]);
    await lead.call('setCalibrationSessionState', { sessionId, state: 'revealed' });
    const reveal = await lead.call('getCalibrationReveal', { sessionId });
    const holds = reveal.criteria.find((c) => c.criterionId === 'res_holds');
    expect(holds?.cells[0]?.ratings.map((r) => [r.evaluator, r.rating, r.comment])).toEqual([
      ['Sabine', 2, 'Sabine: hold'],
      ['Marco', 1, 'Marco: hold'],
      ['Katrin', null, null],
    ]);
  });
});

describe('refused files change nothing', { timeout: 60_000 }, () => {
  let answersJson: string;
  let counts: () => unknown[];

  beforeAll(async () => {
    await open('lead');
    const created = await lead.call('createCalibrationSession', {
      name: 'Second',
      interactionIds,
      evaluators: EVALUATORS,
    });
    sessionId = created.id;
    await lead.call('setCalibrationSessionState', { sessionId, state: 'scoring' });
    packetPath = write('second.scpacket', (await lead.call('exportCalibrationPacket', { sessionId })).json);
    await open('Dora');
    await client('Dora').call('setProfile', { name: 'Dora' });
    await client('Dora').call('openCalibrationPacket', { path: packetPath });
    // Dora was not listed: the lead adds her and sends the packet again, which replaces the first.
    await lead.call('updateCalibrationSession', { sessionId, evaluators: [...EVALUATORS, 'Dora'] });
    packetPath = write('second-b.scpacket', (await lead.call('exportCalibrationPacket', { sessionId })).json);
    const dora = await evaluatorCopy('Dora', 0, 1);
    expect(dora.opened).toMatchObject({ alreadyOpen: false, evaluators: [...EVALUATORS, 'Dora'] });
    answersJson = dora.answers.json;
    const db = (files.lead as OpenedDataFile).store.db;
    counts = () => [
      db.get('SELECT count(*) AS n FROM reviews'),
      db.get('SELECT count(*) AS n FROM audit_log'),
      db.get('SELECT count(*) AS n FROM calibration_answer_imports'),
    ];
  });

  const tampered = (edit: (file: Record<string, unknown>) => void, rehash: boolean) => {
    const file = JSON.parse(answersJson) as Record<string, unknown>;
    edit(file);
    if (rehash) file.contentHash = contentHashOf(file);
    return write(`tampered-${Math.random().toString(36).slice(2)}.scanswers`, JSON.stringify(file));
  };

  it('an evaluator whose profile is not on the list cannot score the packet', async () => {
    await open('Eve');
    const eve = client('Eve');
    await eve.call('setProfile', { name: 'Eve' });
    await eve.call('openCalibrationPacket', { path: packetPath });
    expect(await eve.refusal('startPacketReview', { sessionId, interactionId: interactionIds[0] })).toMatch(
      /The lead listed "Sabine", "Marco", "Katrin", "Dora" for "Second", and your profile is "Eve"/,
    );
  });

  it('refuses edited, foreign and mismatched files with a sentence, and nothing changes', async () => {
    const before = counts();
    const cases: Array<[string, RegExp]> = [
      [
        tampered((f) => {
          const reviews = f.reviews as Array<{ answers: Array<{ rating: number | null }> }>;
          (reviews[0]?.answers[1] as { rating: number | null }).rating = 1;
        }, false),
        /was changed after it was exported: its content hash does not match/,
      ],
      [
        tampered((f) => (f.sessionId = 'cal_elsewhere'), true),
        /answers the session "Second", which is not in this data file/,
      ],
      [tampered((f) => (f.formVersionId = 'fver_other'), true), /scored on another version of the form/],
      [tampered((f) => (f.evaluator = 'Mallory'), true), /"Mallory", who is not an evaluator of "Second"/],
      [
        tampered(
          (f) =>
            (((f.reviews as Array<{ interactionId: number }>)[0] as { interactionId: number }).interactionId =
              999),
          true,
        ),
        /answers interaction 999, which is not part of "Second"/,
      ],
      [
        tampered(
          (f) => ((f.reviews as Array<{ answers: unknown[] }>)[0] as { answers: unknown[] }).answers.pop(),
          true,
        ),
        /leaves 1 criterion unanswered/,
      ],
      [packetPath, /is a calibration packet, not an answers file/],
      [write('not-json.scanswers', 'hello'), /is not a calibration answers file: it is not JSON/],
    ];
    for (const [file, message] of cases)
      expect(await lead.refusal('importCalibrationAnswers', { path: file })).toMatch(message);
    expect(counts()).toEqual(before);
  });

  it('refuses a packet that was edited, one from this very data file, and an answers file as a packet', async () => {
    const packet = JSON.parse(fs.readFileSync(packetPath, 'utf8')) as { session: { name: string } };
    packet.session.name = 'Renamed by hand';
    const edited = write('edited.scpacket', JSON.stringify(packet));
    const eve = client('Eve');
    expect(await eve.refusal('openCalibrationPacket', { path: edited })).toMatch(
      /was changed after it was exported/,
    );
    expect(await lead.refusal('openCalibrationPacket', { path: packetPath })).toBe(
      'The packet "Second" comes from this data file: score the session here under Reviews ▸ Calibration.',
    );
    const answers = write('dora.scanswers', answersJson);
    expect(await eve.refusal('openCalibrationPacket', { path: answers })).toMatch(
      /is an answers file, not a packet/,
    );
  });
});
