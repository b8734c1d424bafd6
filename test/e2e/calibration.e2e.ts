import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ReviewCriterion } from '../../shared/reviews/form';
import { openDataFile } from '../../electron/backend/open';
import { buildCalibrationScene, EVALUATORS as PACKET_EVALUATORS } from '../support/calibration';
import { expectAccessible } from './support/axe';
import { startApp, type App } from './support/harness';

const EVALUATORS = ['Ana Evaluator', 'Ben Evaluator', 'Cleo Evaluator'];

/** The key an evaluator presses for a criterion: the best rating, one lower for Ben, N/A for Cleo where allowed. */
function keyFor(c: ReviewCriterion, evaluator: number, interaction: number): string {
  if (evaluator === 2 && c.allowNa) return 'n';
  if (c.scale === 'yes_no_na') return evaluator === 1 && interaction === 1 && !c.critical ? '0' : '1';
  if (c.scale === 'points') return String(c.maxPoints ?? 1);
  return String(5 - (evaluator === 1 ? 1 : 0) - (evaluator === 2 && interaction === 0 ? 2 : 0));
}

describe('Calibration in Chromium', () => {
  let app: App;

  beforeAll(async () => {
    app = await startApp({ demo: { agents: 6, months: 6, seed: 7 } });
    await app.value('setProfile', { name: 'Lead' });
  });
  afterEach(() => app.assertNoBrowserErrors());
  afterAll(async () => {
    await app?.close();
  });

  const openTab = async (page: Page) => {
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('button', { name: 'Reviews', exact: true })
      .click();
    await page.getByRole('tab', { name: 'Calibration' }).click();
    // The tab keeps where it was; the breadcrumb leads back to the list.
    const crumb = page
      .getByRole('navigation', { name: 'Breadcrumb' })
      .getByRole('button', { name: 'Calibration sessions' });
    if (await crumb.count()) await crumb.click();
    await page.getByRole('heading', { name: 'Calibration sessions' }).waitFor();
    await app.settle();
  };

  it('lists the demo sessions and shows a revealed one with its statistics and history', async () => {
    const { page } = app;
    await openTab(page);
    await app.screenshot('calibration-sessions');
    await expectAccessible(page, 'the calibration sessions');
    const revealed = (await app.value('listCalibrationSessions', { states: ['revealed'] })).sessions[0];
    if (!revealed) throw new Error('the demo has no revealed session');
    await page.getByRole('button', { name: revealed.name }).click();
    await page.getByRole('tab', { name: 'Discussion' }).waitFor();
    await app.settle();
    await app.screenshot('calibration-reveal');
    await page.getByRole('tab', { name: 'Agreement' }).click();
    await app.settle();
    await app.screenshot('calibration-demo-agreement');
    await page.getByRole('tab', { name: 'Evaluators' }).click();
    await app.settle();
    await app.screenshot('calibration-demo-evaluators');
    await page.getByRole('button', { name: 'Drift across sessions' }).click();
    await page.getByRole('heading', { name: 'Is the team converging?' }).waitFor();
    await app.settle();
    await app.screenshot('calibration-history');
    await expectAccessible(page, 'the calibration history');
    await page.getByRole('heading', { name: 'Evaluator drift' }).scrollIntoViewIfNeeded();
    await app.screenshot('calibration-drift');
    expect(await page.getByTestId('form-trend').textContent()).toMatch(
      /^Converging|^No clear change|^Drifting/,
    );
  });

  it('runs a blind session with three evaluator profiles, the reveal and an agreed answer', async () => {
    const { page } = app;
    await openTab(page);
    await page.getByRole('button', { name: 'New session…' }).click();
    await page.getByLabel('Name').fill('E2E calibration');
    const adds = page.getByRole('button', { name: /^Add interaction \d+:/ });
    await adds.first().waitFor();
    const ids: number[] = [];
    for (let n = 0; n < 2; n += 1) {
      // An added one reads "Added …", so the first "Add" is always the next one.
      const label = (await adds.first().getAttribute('aria-label')) ?? '';
      ids.push(Number(/^Add interaction (\d+):/.exec(label)?.[1]));
      await adds.first().click();
    }
    const addEvaluator = page.getByLabel('Add evaluator');
    for (const name of EVALUATORS) {
      await addEvaluator.fill(name);
      await addEvaluator.press('Enter');
    }
    await app.settle();
    await app.screenshot('calibration-new-session');
    await expectAccessible(page, 'a new calibration session');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await expect.poll(() => page.getByTestId('session-state').textContent()).toBe('Draft');
    await page.getByRole('button', { name: 'Start scoring…' }).click();
    const start = page.getByRole('dialog', { name: 'Start blind scoring' });
    await start.getByRole('button', { name: 'Start scoring' }).click();
    await expect.poll(() => page.getByTestId('session-state').textContent()).toBe('Scoring (blind)');
    const session = (await app.value('listCalibrationSessions', { states: ['scoring'] })).sessions.find(
      (x) => x.name === 'E2E calibration',
    );
    if (!session) throw new Error('session not created');
    expect(session.interactionCount).toBe(2);
    const form = await app.value('getReviewFormVersion', { versionId: session.formVersionId });
    const criteria = form.definition.sections.flatMap((x) => x.criteria);

    for (const [e, name] of EVALUATORS.entries()) {
      await page.getByLabel('Switch evaluator (shared machine)').selectOption(name);
      await page.getByRole('button', { name: 'Switch', exact: true }).click();
      await expect.poll(() => page.getByTestId('scoring-as').textContent()).toBe(name);
      if (e === 1) {
        // Blind: Ben sees how far Ana got, never what she answered, and the backend refuses her review.
        await app.settle();
        await app.screenshot('calibration-scoring-blind');
        await expectAccessible(page, 'blind scoring progress');
        const ana = (await app.value('listReviews', { evaluator: EVALUATORS[0] as string })).rows;
        expect(ana).toEqual([]);
        const detail = await app.value('getCalibrationSession', { sessionId: session.id });
        expect(detail.evaluators[0]).toMatchObject({ name: EVALUATORS[0], submitted: 2 });
      }
      await page.getByRole('button', { name: `Score interaction ${ids[0]}` }).click();
      for (const [i] of ids.entries()) {
        await expect
          .poll(() => page.getByTestId('review-status').textContent(), { timeout: 20_000 })
          .toBe('Draft');
        await app.settle();
        for (const [index, c] of criteria.entries()) {
          await page.keyboard.press(keyFor(c, e, i));
          if (index < criteria.length - 1) await page.keyboard.press('j');
        }
        await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('All changes saved');
        if (e === 2 && i === 0) {
          await app.screenshot('calibration-workspace');
          await expectAccessible(page, 'blind calibration scoring in the workspace');
        }
        await page.keyboard.press('Control+Enter');
        await expect.poll(() => page.getByTestId('review-status').textContent()).toMatch(/^Submitted/);
        // The next interaction of the session, then back to the session: Enter, without the mouse.
        await expect
          .poll(() => page.locator(':focus').textContent())
          .toMatch(i === 0 ? /Open next/ : /Back to the session/);
        await page.keyboard.press('Enter');
      }
      await expect.poll(() => page.getByTestId('session-state').textContent()).toBe('Scoring (blind)');
    }

    await page.getByRole('button', { name: 'Reveal…' }).click();
    await page
      .getByRole('dialog', { name: 'Reveal the answers' })
      .getByRole('button', { name: 'Reveal' })
      .click();
    await expect.poll(() => page.getByTestId('session-state').textContent()).toBe('Revealed');
    await app.settle();
    const reveal = await app.value('getCalibrationReveal', { sessionId: session.id });
    const top = reveal.criteria[0];
    if (!top) throw new Error('no criteria');
    expect(top.disagreement).toBeGreaterThan(0);
    expect(await page.locator('.cal-criterion h3').first().textContent()).toBe(top.label);
    await app.screenshot('calibration-reveal-new-session');
    await expectAccessible(page, 'the reveal');

    // Agree the first interaction of the most disputed criterion, with a note that goes into the anchors.
    await page
      .getByRole('button', {
        name: `Agree… ${top.label} on interaction ${top.cells[0]?.interactionId}`,
      })
      .click();
    const dialog = page.getByRole('dialog', { name: `Agree: ${top.label}` });
    // A tie (5, 4 and N/A): no consensus to preselect, so the lead picks the answer with the keyboard.
    expect(await dialog.getByRole('radio', { checked: true }).count()).toBe(0);
    await dialog.getByRole('radio', { name: '5' }).focus();
    await page.keyboard.press('ArrowLeft');
    expect(await dialog.getByRole('radio', { name: '4' }).isChecked()).toBe(true);
    await dialog.getByLabel(/^Note/).fill('A 4 needs the next steps with times.');
    await app.screenshot('calibration-agree');
    await expectAccessible(page, 'the agree dialog', '.cal-dialog');
    await dialog.getByRole('button', { name: 'Save agreed answer' }).click();
    await dialog.getByRole('button', { name: 'Save as a new form version' }).click();
    await dialog.waitFor({ state: 'detached' });
    const agreed = (await app.value('getCalibrationReveal', { sessionId: session.id })).criteria.find(
      (c) => c.criterionId === top.criterionId,
    )?.cells[0]?.agreed;
    expect(agreed).toMatchObject({
      rating: 4,
      note: 'A 4 needs the next steps with times.',
      anchorFormVersion: 2,
    });
    const latest = await app.value('getReviewFormVersion', { formId: form.formId });
    expect(latest.version).toBe(2);

    // The sub-tabs by keyboard: arrows move between Discussion, Agreement and Evaluators.
    await page.getByRole('tab', { name: 'Discussion' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('heading', { name: 'Per criterion' }).waitFor();
    await app.settle();
    await app.screenshot('calibration-agreement');
    await expectAccessible(page, 'the agreement statistics');
    await page.keyboard.press('ArrowRight');
    await page.getByRole('heading', { name: 'Lenient or harsh' }).waitFor();
    expect(await page.locator('[data-evaluator="Ben Evaluator"]').textContent()).toMatch(/harsh/);
  });

  it('opens a packet from another machine, scores it blind and sends the answers back', async () => {
    const { page } = app;
    // The lead's own data file, elsewhere: a session being scored, exported as a packet.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calibration-e2e-'));
    const lead = await openDataFile({
      dataFile: path.join(dir, 'lead.db'),
      seedDemo: false,
      appVersion: 'e2e',
      backups: false,
    });
    const leadCall = async <T>(method: string, input: unknown): Promise<T> => {
      const result = await lead.backend.call(method as never, input);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as T;
    };
    try {
      const scene = buildCalibrationScene(lead.backend, 2);
      await leadCall('setProfile', { name: 'Remote Lead' });
      const created = await leadCall<{ id: string }>('createCalibrationSession', {
        name: 'Remote packet',
        interactionIds: scene.interactionIds,
        evaluators: PACKET_EVALUATORS,
      });
      await leadCall('setCalibrationSessionState', { sessionId: created.id, state: 'scoring' });
      const packet = await leadCall<{ fileName: string; json: string }>('exportCalibrationPacket', {
        sessionId: created.id,
      });
      const packetFile = path.join(dir, packet.fileName);
      fs.writeFileSync(packetFile, packet.json);

      await app.value('setProfile', { name: 'Sabine' });
      await page.reload();
      await openTab(page);
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Open calibration packet…' }).click();
      await (await chooser).setFiles(packetFile);
      await page.getByRole('heading', { name: 'Interactions to score' }).waitFor();
      await app.settle();
      expect(await page.getByTestId('scoring-as').textContent()).toBe('Sabine');
      await app.screenshot('calibration-packet');
      await expectAccessible(page, 'a calibration packet');

      const form = await app.value('getCalibrationPacket', { sessionId: created.id });
      const criteria = form.definition.sections.flatMap((x) => x.criteria);
      await page.getByRole('button', { name: `Score interaction ${scene.interactionIds[0]}` }).click();
      await expect
        .poll(() => page.getByTestId('review-status').textContent(), { timeout: 20_000 })
        .toBe('Draft');
      await app.settle();
      for (const [index, c] of criteria.entries()) {
        await page.keyboard.press(keyFor(c, 0, 0));
        if (index < criteria.length - 1) await page.keyboard.press('j');
      }
      await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('All changes saved');
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => page.getByTestId('review-status').textContent()).toMatch(/^Submitted/);
      // Submitted packet reviews are final: no Amend.
      expect(await page.getByRole('button', { name: 'Amend…' }).count()).toBe(0);
      // Nothing of the packet became a review or an interaction of this copy.
      expect((await app.value('listReviews', { evaluator: 'Sabine' })).total).toBe(0);

      await page.getByRole('button', { name: /Remote packet/ }).click();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export answers… (1 of 2)' }).click();
      const answersFile = path.join(dir, 'answers.scanswers');
      await (await download).saveAs(answersFile);
      const imported = await leadCall<{ added: number; evaluator: string }>('importCalibrationAnswers', {
        path: answersFile,
      });
      expect(imported).toMatchObject({ added: 1, evaluator: 'Sabine' });
    } finally {
      lead.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
