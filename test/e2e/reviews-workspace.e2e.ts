import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { periodRange } from '../../shared/kpi/periods';
import { explainReviewScore } from '../../shared/reviews/explain';
import type { ReviewAnswer, ReviewCriterion } from '../../shared/reviews/form';
import type { ReviewQueue } from '../../shared/ipc/contracts/qa';
import { expectAccessible } from './support/axe';
import { startApp, type App } from './support/harness';

const EVALUATOR = 'Sam Lead';

/** The key a keyboard-only evaluator presses for each criterion, and the answer it stands for. */
function plannedKey(c: ReviewCriterion, index: number): { key: string; answer: ReviewAnswer } {
  if (c.allowNa && c.scale === 'yes_no_na')
    return { key: 'n', answer: { criterionId: c.id, rating: null, notApplicable: true } };
  const rating = c.scale === 'yes_no_na' ? 1 : c.scale === 'points' ? (c.maxPoints ?? 1) : 3 + (index % 3);
  return { key: String(rating), answer: { criterionId: c.id, rating, notApplicable: false } };
}

describe('Review workspace in Chromium', () => {
  let app: App;
  let queue: ReviewQueue;

  beforeAll(async () => {
    app = await startApp({ demo: { agents: 6, months: 2, seed: 7 } });
    const facets = await app.value('getInteractionFacets', {});
    if (!facets.dayRange) throw new Error('demo has no interactions');
    const range = periodRange('month', facets.dayRange.to);
    // The queue tab's defaults: the latest month, every team, risk-weighted, seed 1.
    queue = await app.value('getReviewQueue', { ...range, strategy: 'risk', seed: 1, limit: 50 });
    if (queue.items.length < 2) throw new Error('demo queue too short');
  });
  afterEach(() => app.assertNoBrowserErrors());
  afterAll(async () => {
    await app?.close();
  });

  const nav = (page: Page, name: string) =>
    page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('button', { name, exact: true })
      .click();

  it('asks the name once, then starts, rates and submits a review from the queue with the keyboard only', async () => {
    const { page } = app;
    await nav(page, 'Reviews');
    const name = page.getByLabel('Your name');
    await name.waitFor();
    await app.settle();
    await app.screenshot('reviews-profile');
    await expectAccessible(page, 'the profile prompt');
    await name.fill(EVALUATOR);
    await page.keyboard.press('Enter');
    await name.waitFor({ state: 'detached' });
    expect((await app.value('getProfile', {})).name).toBe(EVALUATOR);

    const picks = page.getByTestId('queue-picks');
    await picks.waitFor();
    await app.settle();
    const [first, second] = queue.items;
    if (!first || !second) throw new Error('no picks');
    expect(await picks.getByRole('option').count()).toBe(queue.items.length);
    expect(await picks.getByRole('option').first().textContent()).toContain(first.reason);
    const bob = queue.quota.agents[0];
    if (bob)
      expect(await page.locator(`[data-agent="${bob.agentName}"]`).textContent()).toContain(
        `of ${bob.target}`,
      );
    await app.screenshot('reviews-queue');
    await expectAccessible(page, 'the review queue');

    await picks.focus();
    await page.keyboard.press('ArrowDown');
    expect(await picks.getByRole('option').nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');

    await expect
      .poll(() => page.getByTestId('review-status').textContent(), { timeout: 20_000 })
      .toBe('Draft');
    await app.settle();
    expect(await page.locator('.rw-sub').textContent()).toContain(`interaction ${first.interactionId}`);
    const draft = (
      await app.value('listReviews', { evaluator: EVALUATOR, status: 'draft', limit: 5, offset: 0 })
    ).rows[0];
    if (!draft) throw new Error('no draft started');
    const review = await app.value('getReview', { reviewId: draft.id });
    const criteria = review.definition.sections.flatMap((s) => s.criteria);

    // A refusal is a sentence, not a silent no-op: N on a criterion that cannot be N/A.
    const noNa = criteria.findIndex((c) => !c.allowNa);
    expect(noNa).toBe(0);
    await page.keyboard.press('n');
    await expect.poll(() => page.locator('.rw-notice').textContent()).toContain('cannot be N/A');

    // C opens the criterion's comment; typing there is text, not shortcuts; Esc goes back to rating.
    await page.keyboard.press('c');
    await page.keyboard.type('Clear greeting, 1 second of dead air.');
    await page.keyboard.press('Escape');

    const answers: ReviewAnswer[] = [];
    for (const [index, c] of criteria.entries()) {
      const { key, answer } = plannedKey(c, index);
      await page.keyboard.press(key);
      answers.push(answer);
      if (index < criteria.length - 1) await page.keyboard.press(index % 2 === 0 ? 'j' : 'ArrowDown');
    }
    // K goes back one; a second rating replaces the first.
    await page.keyboard.press('k');
    const back = criteria[criteria.length - 2];
    if (!back) throw new Error('form too short');
    const again = plannedKey(back, criteria.length);
    await page.keyboard.press(again.key);
    answers[criteria.length - 2] = again.answer;

    const expected = explainReviewScore(review.definition, answers);
    const firstCriterion = criteria[0]?.id;
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('All changes saved');
    expect(await page.getByTestId('review-score').textContent()).toBe(`${expected.score?.toFixed(1)}%`);
    const stored = await app.value('getReview', { reviewId: draft.id });
    expect(stored.score).toBeCloseTo(expected.score ?? -1, 6);
    expect(stored.answers.find((a) => a.criterionId === firstCriterion)).toMatchObject({
      rating: answers[0]?.rating,
      comment: 'Clear greeting, 1 second of dead air.',
    });
    expect(await page.getByTestId('score-announcement').textContent()).toContain(
      `${criteria.length} of ${criteria.length} answered`,
    );
    const why = page.locator('.rw-why');
    expect(await why.textContent()).toContain('N/A, removed');
    expect(await why.textContent()).toContain('N/A removed weight');
    await app.screenshot('reviews-workspace');
    await expectAccessible(page, 'the review workspace');

    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('review-status').textContent()).toMatch(/^Submitted/);
    const next = page.getByTestId('next-in-queue');
    expect(await next.textContent()).toContain(`Next: ${second.agentName}`);
    expect(await page.locator(':focus').textContent()).toContain('Open next');
    expect((await app.value('getReview', { reviewId: draft.id })).status).toBe('submitted');
    await app.screenshot('reviews-submitted-next');
    await expectAccessible(page, 'a submitted review with the next pick');

    // Amend: the form unlocks, the change waits for a reason, Ctrl+Enter saves it.
    await page.getByRole('button', { name: 'Amend…' }).click();
    const changed = { ...again.answer, rating: back.scale === 'yes_no_na' ? 0 : 1, notApplicable: false };
    await page.keyboard.press(String(changed.rating));
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('#rw-amend-error').textContent()).toContain('Give a reason');
    await app.screenshot('reviews-amend');
    await expectAccessible(page, 'an amendment waiting for its reason');
    await page.keyboard.type('Listened again: no summary at the end.');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('review-status').textContent()).toContain('amended 1×');
    const amended = await app.value('getReview', { reviewId: draft.id });
    expect(amended.amendments[0]?.reason).toBe('Listened again: no summary at the end.');
    answers[criteria.length - 2] = changed;
    expect(amended.score).toBeCloseTo(explainReviewScore(review.definition, answers).score ?? -1, 6);

    // Focus is back on "Open next": Enter opens the next pick of the queue.
    await expect.poll(() => page.locator(':focus').textContent()).toContain('Open next');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.rw-sub').textContent(), { timeout: 20_000 })
      .toContain(`interaction ${second.interactionId}`);
    expect(await page.getByTestId('review-status').textContent()).toBe('Draft');

    // The submitted review counts toward its agent's quota; the started draft is shown beside it.
    const quotaBefore = queue.quota.agents.find((a) => a.agentId === first.agentId);
    await page.getByRole('tab', { name: 'Queue' }).click();
    await app.settle();
    const quotaLine = page.locator(`[data-agent="${first.agentName}"]`);
    expect(await quotaLine.textContent()).toContain(
      `${(quotaBefore?.submitted ?? 0) + 1} of ${quotaBefore?.target}`,
    );
    expect(await page.getByTestId('queue-picks').textContent()).not.toContain(first.reason);
  });

  it('starts a review from the interactions drawer', async () => {
    const { page } = app;
    const rows = await app.value('queryInteractions', {
      filters: {},
      sort: { column: 'startedAt', direction: 'desc' },
      offset: 0,
      limit: 20,
    });
    let index = -1;
    for (const [i, row] of rows.rows.entries()) {
      const detail = await app.value('getInteraction', { id: row.id });
      if (row.agentId && detail.reviews.length === 0) {
        index = i;
        break;
      }
    }
    expect(index).toBeGreaterThanOrEqual(0);
    const target = rows.rows[index];
    if (!target) throw new Error('no unreviewed row');

    await nav(page, 'Interactions');
    await page.locator(`.ix-row[data-index="${index}"] [role="gridcell"]`).first().click();
    const drawer = page.getByTestId('interaction-details');
    const start = drawer.getByRole('button', { name: 'Start a review' });
    await start.waitFor();
    await start.scrollIntoViewIfNeeded();
    await app.screenshot('reviews-drawer-start');
    await start.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.rw-sub').textContent(), { timeout: 20_000 })
      .toContain(`interaction ${target.id}`);
    expect(await page.getByTestId('review-status').textContent()).toBe('Draft');
    await app.settle();
    await app.screenshot('reviews-from-drawer');

    // Honest save state: the review is submitted elsewhere, so the next rating is refused; the
    // form goes back to what is on disk and says why.
    const reviewId = (
      await app.value('listReviews', { evaluator: EVALUATOR, status: 'draft', limit: 50, offset: 0 })
    ).rows.find((r) => r.interactionId === target.id)?.id;
    if (!reviewId) throw new Error('no draft from the drawer');
    const review = await app.value('getReview', { reviewId });
    for (const [i, c] of review.definition.sections.flatMap((s) => s.criteria).entries()) {
      const { answer } = plannedKey(c, i);
      await app.value('saveReviewAnswer', {
        reviewId,
        criterionId: answer.criterionId,
        ...(answer.notApplicable ? { notApplicable: true } : { rating: answer.rating }),
      });
    }
    await app.value('submitReview', { reviewId });
    await page.keyboard.press('1');
    await expect.poll(() => page.locator('.rw-notice').textContent()).toContain('is final');
    expect(await page.getByTestId('save-state').textContent()).toBe('A change was not saved');
    expect(await page.locator('.rw-crit').first().locator('.rw-crit-state').textContent()).toContain(
      'Not rated',
    );
    await expectAccessible(page, 'a refused save');
  });
});
