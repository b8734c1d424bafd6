import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../electron/backend/core/clock';
import { sequentialIds } from '../../electron/backend/core/ids';
import { openDataFile } from '../../electron/backend/open';
import type { ExportedReview } from '../../electron/backend/reviews/export';
import { DEFAULT_REVIEW_FORM } from '../../shared/reviews/form';
import {
  buildAgent,
  buildFormVersion,
  buildInteraction,
  buildReview,
  buildTeam,
  fullMarks,
} from '../support/builders';
import { TEST_NOW } from '../support/backend';
import { runCli } from '../support/cli';

let dir: string;
let file: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-review-cli-'));
  file = path.join(dir, 'qa.db');
  const opened = await openDataFile({
    dataFile: file,
    seedDemo: false,
    appVersion: 'test',
    backups: false,
    clock: fixedClock(TEST_NOW),
    ids: sequentialIds(),
  });
  const ctx = opened.backend.ctx;
  const team = buildTeam(ctx, { name: 'Blue' });
  const agent = buildAgent(ctx, { name: 'Ann', teamId: team.id });
  const { versionId } = buildFormVersion(ctx);
  const interactionId = buildInteraction(ctx, { agentId: agent.id, channel: 'chat' }).id;
  const marks = fullMarks(DEFAULT_REVIEW_FORM, { cross_sell_offer: 'na', res_holds: 1 });
  buildReview(ctx, {
    formVersionId: versionId,
    agentId: agent.id,
    interactionId,
    ratings: marks,
    reviewedAt: '2026-01-10T10:00:00.000Z',
  });
  const calibration = buildReview(ctx, {
    formVersionId: versionId,
    agentId: agent.id,
    ratings: fullMarks(DEFAULT_REVIEW_FORM),
    reviewedAt: '2026-01-11T10:00:00.000Z',
    calibrationGroup: 'cal_1',
  });
  ctx.db.run(`UPDATE reviews SET comment = '=HYPERLINK("http://x")' WHERE id = ?`, [calibration.id]);
  buildReview(ctx, {
    formVersionId: versionId,
    agentId: agent.id,
    ratings: marks,
    reviewedAt: '2026-02-10T10:00:00.000Z',
  });
  buildReview(ctx, { formVersionId: versionId, agentId: agent.id, status: 'draft' });
  opened.close();
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cli reviews export', () => {
  it(
    'prints the submitted reviews of the period with their answers as JSON',
    { timeout: 60_000 },
    async () => {
      const result = await runCli(
        'reviews',
        'export',
        '--db',
        file,
        '--from',
        '2026-01-01',
        '--to',
        '2026-01-31',
      );
      expect(result.code, result.stderr).toBe(0);
      const body = JSON.parse(result.stdout) as { count: number; reviews: ExportedReview[] };
      expect(body.count).toBe(2);
      const [first, second] = body.reviews;
      expect(first).toMatchObject({
        agent: 'Ann',
        team: 'Blue',
        channel: 'chat',
        form: 'Standard interaction review',
        formVersion: 1,
        score: 97.4,
        failedCritical: false,
        countsInQa: true,
        amendments: 0,
      });
      expect(first?.answers.find((a) => a.criterionId === 'cross_sell_offer')).toMatchObject({
        notApplicable: true,
        rating: null,
      });
      expect(first?.answers[0]?.label).toBe('Introduces the company and themself');
      expect(second).toMatchObject({ countsInQa: false, calibrationGroup: 'cal_1' });
    },
  );

  it('writes CSV with a column per criterion and neutralised cells', { timeout: 60_000 }, async () => {
    const result = await runCli(
      'reviews',
      'export',
      '--db',
      file,
      '--from',
      '2026-01-01',
      '--to',
      '2026-01-31',
      '--format',
      'csv',
    );
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    const header = lines[0]?.split(',') ?? [];
    expect(header.slice(0, 3)).toEqual(['review_id', 'reviewed_at', 'submitted_at']);
    expect(header).toContain('knowledge_accuracy');
    const first = lines[1]?.split(',') ?? [];
    expect(first[header.indexOf('cross_sell_offer')]).toBe('N/A');
    expect(first[header.indexOf('res_holds')]).toBe('1');
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('refuses bad arguments with a sentence and exit code 1', { timeout: 60_000 }, async () => {
    const noAction = await runCli('reviews', '--db', file);
    expect(noAction.code).toBe(1);
    expect(noAction.stderr).toMatch(/Unknown action "--db": use "reviews export"/);
    const backwards = await runCli(
      'reviews',
      'export',
      '--db',
      file,
      '--from',
      '2026-02-01',
      '--to',
      '2026-01-01',
    );
    expect(backwards).toMatchObject({ code: 1, stderr: 'Error: --from must not be after --to.\n' });
    const format = await runCli(
      'reviews',
      'export',
      '--db',
      file,
      '--from',
      '2026-01-01',
      '--to',
      '2026-01-02',
      '--format',
      'xml',
    );
    expect(format.stderr).toMatch(/--format must be json or csv/);
  });
});

describe('cli forms', () => {
  it('exports the only form and imports it back as a new form', { timeout: 60_000 }, async () => {
    const printed = await runCli('forms', 'export', '--db', file);
    expect(printed.code, printed.stderr).toBe(0);
    expect(JSON.parse(printed.stdout)).toMatchObject({
      format: 'agent-scorecard/review-form',
      version: 1,
      definition: DEFAULT_REVIEW_FORM,
    });

    const out = path.join(dir, 'form.json');
    const written = await runCli(
      'forms',
      'export',
      '--db',
      file,
      '--form',
      'standard INTERACTION review',
      '--out',
      out,
    );
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toBe(`Wrote "Standard interaction review" version 1 to ${out}\n`);
    expect((await runCli('forms', 'export', '--db', file, '--out', out)).stderr).toMatch(/already exists/);

    const imported = await runCli('forms', 'import', out, '--db', file);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/^Imported "Standard interaction review \(2\)" as a new form/);
    // Two active forms now: export must be told which.
    const ambiguous = await runCli('forms', 'export', '--db', file);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/2 active forms .* Choose one with --form NAME\./);
  });

  it('refuses a file that is not a form, changing nothing', { timeout: 60_000 }, async () => {
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, '{"hello": 1}');
    const result = await runCli('forms', 'import', bad, '--db', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not a review form exported from Agent Scorecard/);
    expect((await runCli('forms', 'export', '--db', file, '--form', 'nope')).stderr).toMatch(
      /No review form named "nope"/,
    );
  });
});
