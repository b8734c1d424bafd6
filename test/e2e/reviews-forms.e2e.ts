import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewFormDefinition } from '../../shared/reviews/form';
import { describeChange } from '../../renderer/src/features/reviews/forms/wording';
import { expectAccessible } from './support/axe';
import { startApp, type App } from './support/harness';

const FORM = 'Standard interaction review';

describe('Review form editor in Chromium', () => {
  let app: App;
  let formId: string;
  let firstVersionId: string;
  let reviewsOnFirst: number;

  beforeAll(async () => {
    app = await startApp({ demo: { agents: 6, months: 3, seed: 11 } });
    const forms = await app.value('listReviewForms', {});
    const form = forms.find((f) => f.name === FORM);
    if (!form) throw new Error('the demo has no default form');
    formId = form.id;
    firstVersionId = form.latestVersion.id;
    reviewsOnFirst = form.latestVersion.reviewCount;
    expect(reviewsOnFirst).toBeGreaterThan(0);
  });
  afterEach(() => app.assertNoBrowserErrors());
  afterAll(async () => {
    await app?.close();
  });

  const nav = () => app.page.getByRole('navigation', { name: 'Main navigation' });
  const criterion = (name: RegExp) => app.page.getByRole('group', { name });
  const openForms = async () => {
    await nav().getByRole('button', { name: 'Reviews', exact: true }).click();
    await app.page.getByRole('tab', { name: 'Forms' }).click();
    // The editor stays open across tabs and pages; these tests start from the list.
    const back = app.page.getByRole('button', { name: '← All forms' });
    if (await back.isVisible()) await back.click();
  };

  it('lists the default form with its versions and the reviews on it', async () => {
    await openForms();
    const row = app.page.getByRole('row', { name: new RegExp(FORM) });
    await row.waitFor();
    expect(await row.textContent()).toContain(reviewsOnFirst.toLocaleString('en-US'));
    await app.screenshot('reviews-forms-list');
    await expectAccessible(app.page, 'the forms list');
  });

  it('edits weights, adds and reorders a criterion, previews the impact and saves a new version', async () => {
    const { page } = app;
    await page.getByRole('button', { name: `Edit: ${FORM}` }).click();
    const accuracy = criterion(/^Criterion 1: Gives correct information$/);
    const share = accuracy.getByTestId('criterion-share');
    // Weights 20 in all; 3 of them here.
    await expect.poll(() => share.textContent()).toBe('15% of the score');
    await accuracy.getByLabel('Weight').fill('6');
    await expect.poll(() => share.textContent()).toBe('26.1% of the score');
    expect(
      await criterion(/^Criterion 1: Introduces the company/)
        .getByTestId('criterion-share')
        .textContent(),
    ).toBe('4.3% of the score');

    await page.getByRole('button', { name: 'Add criterion to Closing' }).click();
    // Focus goes to the new criterion's label, so the lead types straight away.
    await page.keyboard.type('Offers further help');
    const added = criterion(/Offers further help$/);
    await added.getByLabel('Scale').selectOption('yes_no_na');
    await added.getByLabel('Anchor for Yes').fill('Asked whether there was anything else before closing.');
    await added.getByLabel('Anchor for No').fill('Closed without checking for other needs.');
    await added.getByLabel('Weight').fill('2');
    await expect.poll(() => added.getByTestId('criterion-share').textContent()).toBe('8% of the score');

    // Reorder with the keyboard: the focus stays on the button, so Enter moves it again.
    await added.getByRole('button', { name: 'Move up: Offers further help' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    const closing = page.getByRole('list', { name: 'Criteria of Closing' });
    await expect
      .poll(() => closing.locator('legend').first().textContent())
      .toBe('Criterion 1: Offers further help');
    await app.settle();
    await app.screenshot('reviews-form-editor');
    await expectAccessible(page, 'the form editor');

    await page.getByRole('button', { name: 'Preview impact' }).click();
    const change = page.getByTestId('impact-change');
    await change.waitFor();
    const shownChange = await change.textContent();
    const shownCrossings = await page.getByTestId('impact-crossings').textContent();
    await page.getByRole('heading', { name: 'Preview impact' }).scrollIntoViewIfNeeded();
    await app.screenshot('reviews-form-whatif');
    await expectAccessible(page, 'the impact preview');

    const outcome = page.locator('#fe-save-outcome');
    expect(await outcome.textContent()).toBe(
      `This version is used by ${reviewsOnFirst.toLocaleString('en-US')} reviews: saving creates version 2; those reviews keep version 1.`,
    );
    await page.getByRole('button', { name: 'Save as version 2' }).click();
    await page.getByText('latest version 2').waitFor();

    const saved = await app.value('getReviewFormVersion', { formId });
    expect(saved.version).toBe(2);
    const closingSection = saved.definition.sections.find((s) => s.id === 'closing');
    expect(closingSection?.criteria[0]?.label).toBe('Offers further help');
    expect(closingSection?.criteria[0]?.anchors).toEqual({
      '1': 'Asked whether there was anything else before closing.',
      '0': 'Closed without checking for other needs.',
    });
    // The old reviews keep the version they were scored on.
    const first = await app.value('getReviewFormVersion', { versionId: firstVersionId });
    expect(first.reviewCount).toBe(reviewsOnFirst);
    expect(
      first.definition.sections.flatMap((s) => s.criteria).some((c) => c.label === 'Offers further help'),
    ).toBe(false);

    // The preview shown was the saved draft's.
    const preview = await app.value('previewReviewForm', { formId, definition: saved.definition, days: 90 });
    expect(shownChange).toBe(describeChange(preview.change));
    expect(shownCrossings).toContain(`${preview.crossings.length} review`);
  });

  it('exports the version as JSON and imports it back as a new form', async () => {
    const { page } = app;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export version 2 (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Standard-interaction-review-v2.json');
    const filePath = await download.path();
    const json = fs.readFileSync(filePath, 'utf8');
    const file = JSON.parse(json) as { definition: ReviewFormDefinition };
    expect(file.definition.sections.find((s) => s.id === 'closing')?.criteria[0]?.label).toBe(
      'Offers further help',
    );

    await page.getByRole('button', { name: '← All forms' }).click();
    await page.getByLabel('Import JSON…').setInputFiles({
      name: 'form.json',
      mimeType: 'application/json',
      buffer: Buffer.from(json),
    });
    await expect.poll(() => page.getByLabel('Form name').inputValue()).toBe(`${FORM} (2)`);
    const forms = await app.value('listReviewForms', {});
    expect(forms.map((f) => f.name).sort()).toEqual([FORM, `${FORM} (2)`]);
  });

  it('refuses a broken file with the backend sentence and changes nothing', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '← All forms' }).click();
    const before = await app.value('listReviewForms', { includeArchived: true });
    await page.getByLabel('Import JSON…').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "agent-scorecard/review-form", '),
    });
    const alert = page.getByRole('alert').filter({ hasText: 'Not imported' });
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'Not imported: This file is not JSON, so it cannot be a review form.',
    );
    expect(await app.value('listReviewForms', { includeArchived: true })).toEqual(before);
    await expectAccessible(page, 'the import error');
  });

  it('marks problems next to their field and asks before unsaved changes are left', async () => {
    const { page } = app;
    await openForms();
    await page.getByRole('button', { name: `Edit: ${FORM}`, exact: true }).click();
    // By position: the legend follows the label, which this test empties.
    const label = page
      .getByRole('list', { name: 'Criteria of Knowledge' })
      .locator('fieldset')
      .nth(1)
      .getByLabel('Label');
    expect(await label.inputValue()).toBe('Diagnoses the real problem');
    await label.fill('');
    await page.getByRole('button', { name: 'Save version 2' }).click();
    await expect.poll(() => label.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await label.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent()).toBe(
      'A criterion needs a label.',
    );
    expect(
      await label.evaluate(
        (el) =>
          el === (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement,
      ),
    ).toBe(true);
    await app.screenshot('reviews-form-problem');
    await expectAccessible(page, 'the editor with a problem');

    await nav().getByRole('button', { name: 'Dashboard', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Stay on this form' }).click();
    expect(await label.inputValue()).toBe('');
    await page.getByRole('button', { name: 'Discard' }).click();
    expect(await label.inputValue()).toBe('Diagnoses the real problem');
    expect((await app.value('getReviewFormVersion', { formId })).version).toBe(2);
  });

  it('starts a new form, keeps the draft across tabs, saves it, archives and restores it', async () => {
    const { page } = app;
    await openForms();
    await page.getByRole('button', { name: 'New form' }).click();
    expect(await page.locator('#fe-save-outcome').textContent()).toBe(
      'Saving creates this form as version 1.',
    );
    await page.getByLabel('Form name').fill('Chat quick check');
    await page.getByLabel('Section name').fill('Tone');
    const first = criterion(/^Criterion 1: /);
    await first.getByLabel('Label').fill('Friendly');
    await first.getByLabel('Critical: failing it fails the review').check();
    await first.getByLabel('Passes from').selectOption('4');
    await page.getByLabel('Set the score to 0').check();

    // Another Reviews tab and back: the draft waits, nothing to ask.
    await page.getByRole('tab', { name: 'Disputes' }).click();
    await page.getByRole('tab', { name: 'Forms' }).click();
    expect(await page.getByLabel('Form name').inputValue()).toBe('Chat quick check');
    await page.getByText('Unsaved changes').waitFor();
    await page.getByRole('heading', { name: 'Form', exact: true }).scrollIntoViewIfNeeded();
    await app.screenshot('reviews-form-new');
    await expectAccessible(page, 'a new form');

    await page.getByRole('button', { name: 'Save form' }).click();
    await page.getByText('latest version 1').waitFor();
    const forms = await app.value('listReviewForms', {});
    const created = forms.find((f) => f.name === 'Chat quick check');
    if (!created) throw new Error('the new form was not saved');
    const { definition } = await app.value('getReviewFormVersion', { formId: created.id });
    expect(definition.criticalFailure).toBe('zero_score');
    expect(definition.sections[0]?.criteria[0]).toMatchObject({
      label: 'Friendly',
      critical: true,
      passMinimum: 4,
    });

    await page.getByRole('button', { name: '← All forms' }).click();
    await page.getByRole('button', { name: 'Archive: Chat quick check' }).click();
    const archived = page.getByRole('region', { name: 'Archived forms' });
    await archived.getByRole('row', { name: /Chat quick check/ }).waitFor();
    expect(await archived.getByRole('button', { name: 'Edit: Chat quick check' }).count()).toBe(0);
    expect(
      (await app.value('listReviewForms', { includeArchived: true })).find((f) => f.id === created.id)
        ?.archived,
    ).toBe(true);
    await expectAccessible(page, 'the forms list with an archived form');
    await archived.getByRole('button', { name: 'Restore: Chat quick check' }).click();
    await page
      .getByRole('region', { name: 'Active forms' })
      .getByRole('row', { name: /Chat quick check/ })
      .waitFor();
  });
});
