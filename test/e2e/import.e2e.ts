import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { startApp, type App } from './support/harness';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATASETS = path.resolve(REPO_ROOT, '../shared/datasets');
const CSV = path.join(DATASETS, 'pwc_call_center_trends.csv');
const XLSX = path.join(DATASETS, 'pwc_call_center_trends.xlsx');
const KAGGLE = path.join(DATASETS, 'kaggle_customer_support_tickets.csv');
const DIALOG = '[role="dialog"]';

/** The header's button: an empty page shows a second one in its empty state. */
const importButton = (page: Page) => page.locator('.ix-header').getByRole('button', { name: 'Import…' });

async function openWizardAndChoose(page: Page, file: string, opener: Locator = importButton(page)) {
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Import interactions' });
  await dialog.waitFor();
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose file…' }).click();
  await (await chooser).setFiles(file);
  await dialog.getByTestId('detected-preset').waitFor();
  return dialog;
}

async function count(page: Page, scope: string, name: string): Promise<string> {
  const text = await page
    .getByTestId(scope)
    .getByTestId(`count-${name}`)
    .locator('.iw-card-value')
    .textContent();
  return (text ?? '').trim();
}

/** The page's focused element, typed locally: this file is checked without the DOM lib. */
interface FocusedDocument {
  document: {
    activeElement: {
      getAttribute(name: string): string | null;
      textContent: string | null;
      closest(selector: string): unknown;
    } | null;
  };
}

/** What the focused element is: its label, else its text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = (globalThis as unknown as FocusedDocument).document.activeElement;
    return el ? (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() : '';
  });
const focusInDialog = (page: Page) =>
  page.evaluate(() =>
    Boolean((globalThis as unknown as FocusedDocument).document.activeElement?.closest('[role="dialog"]')),
  );

/** The earliest stored call, read back through the bridge: the instant the import wrote. */
async function firstStoredCall(app: App) {
  const page = await app.value('queryInteractions', {
    sort: { column: 'startedAt', direction: 'asc' },
    limit: 2,
  });
  const details = await Promise.all(page.rows.map((row) => app.value('getInteraction', { id: row.id })));
  return details.map((d) => `${d.externalId ?? ''} ${d.startedAt}`).sort();
}

async function validateAndCheck(page: Page, dialog: Locator, label: string) {
  await dialog.getByRole('button', { name: 'Next: validate' }).click();
  await dialog.getByTestId('validation-report').waitFor();
  await expectAccessible(page, label, DIALOG);
}

describe('import wizard in Chromium', () => {
  let app: App | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it(
    'imports the PwC CSV into an empty file, then the XLSX of the same calls adds nothing new',
    { timeout: 180_000 },
    async () => {
      app = await startApp();
      const { page } = app;
      await page.getByRole('button', { name: 'Interactions' }).click();
      await page.getByTestId('interactions-total').filter({ hasText: '0 interactions' }).waitFor();
      await app.screenshot('import-0-empty-page');

      // 1. Choose + preview, from the empty page's own "Import…", which the import will replace.
      const emptyPageImport = page.getByTestId('interactions-empty').getByRole('button', { name: 'Import…' });
      let dialog = await openWizardAndChoose(page, CSV, emptyPageImport);
      expect(await dialog.getByTestId('detected-preset').textContent()).toBe('call-center');
      await expect.poll(() => dialog.getByText('Friday, 1 January, 2021').count()).toBeGreaterThan(0);
      // The file's 09:12:58 is Berlin time (the default business time zone): 08:12:58 UTC.
      expect(await dialog.getByTestId('import-time-zone').textContent()).toBe('Europe/Berlin');
      await expect.poll(() => dialog.getByText('2021-01-01T08:12:58.000Z').count()).toBeGreaterThan(0);
      await expectAccessible(page, 'the import preview', DIALOG);
      await app.screenshot('import-1-preview');

      // 2. Mapping, auto-detected, and "Start from" says so.
      await dialog.getByRole('button', { name: 'Next: mapping' }).click();
      const agentColumn = dialog.getByLabel('Column for agent');
      expect(await agentColumn.inputValue()).toBe('agent');
      expect(await dialog.getByLabel('Column for talk seconds').inputValue()).toBe('avg talk duration');
      await expect.poll(() => dialog.getByLabel('Start from').inputValue()).toBe('preset:call-center');
      await expectAccessible(page, 'the import mapping', DIALOG);
      await app.screenshot('import-2-mapping');

      // 3. Validate (dry run): every row is valid, 5,000 would be new.
      await validateAndCheck(page, dialog, 'the validation report');
      expect(await count(page, 'validation-report', 'rows-in-file')).toBe('5,000');
      expect(await count(page, 'validation-report', 'new')).toBe('5,000');
      expect(await count(page, 'validation-report', 'rejected')).toBe('0');
      await app.screenshot('import-3-validate');

      // 4. Import with progress, 5. result. The button that opened the wizard is gone with the empty
      // page, so focus goes to the header's "Import…", not to the document body.
      await dialog.getByRole('button', { name: 'Import 5,000 rows' }).click();
      await dialog.getByTestId('import-result').waitFor({ timeout: 60_000 });
      expect(await count(page, 'import-result', 'inserted')).toBe('5,000');
      await expectAccessible(page, 'the import result', DIALOG);
      await app.screenshot('import-4-result');
      await dialog.getByRole('button', { name: 'Done' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(await focused(page)).toBe('Import…');

      // The wizard stored the instant its preview showed.
      expect(await firstStoredCall(app)).toEqual([
        'ID0001 2021-01-01T08:12:58.000Z',
        'ID0002 2021-01-01T08:12:58.000Z',
      ]);

      // The table refreshed and the numbers from the datasets README hold.
      await page.getByTestId('interactions-total').filter({ hasText: '5,000 interactions' }).waitFor();
      await page.getByLabel('Answered').selectOption('no');
      await page.getByTestId('interactions-total').filter({ hasText: '946 interactions' }).waitFor();
      await app.screenshot('import-5-unanswered');
      await page.getByRole('button', { name: 'Clear filters' }).click();

      // Re-import: the XLSX holds the same calls at the same instants, so nothing is new or changed.
      dialog = await openWizardAndChoose(page, XLSX);
      expect(await dialog.getByText('XLSX', { exact: true }).count()).toBe(1);
      // Excel's time cells show as times, not as 1899-12-30T09:12:58.000Z.
      await expect
        .poll(() => dialog.getByRole('cell', { name: '09:12:58', exact: true }).count())
        .toBeGreaterThan(0);
      expect(await dialog.getByText(/1899-12-30/).count()).toBe(0);
      await app.screenshot('import-6-xlsx-preview');
      await dialog.getByRole('button', { name: 'Next: mapping' }).click();
      await validateAndCheck(page, dialog, 'the XLSX validation report');
      expect(await count(page, 'validation-report', 'new')).toBe('0');
      expect(await count(page, 'validation-report', 'changed')).toBe('0');
      expect(await count(page, 'validation-report', 'rejected')).toBe('0');
      await app.screenshot('import-7-xlsx-validate');
      await dialog.getByRole('button', { name: /^Import / }).click();
      await dialog.getByTestId('import-result').waitFor({ timeout: 60_000 });
      expect(await count(page, 'import-result', 'inserted')).toBe('0');
      expect(await count(page, 'import-result', 'updated')).toBe('0');
      await app.screenshot('import-8-xlsx-result');
      await dialog.getByRole('button', { name: 'Done' }).click();
      await page.getByTestId('interactions-total').filter({ hasText: '5,000 interactions' }).waitFor();
      expect(await firstStoredCall(app)).toEqual([
        'ID0001 2021-01-01T08:12:58.000Z',
        'ID0002 2021-01-01T08:12:58.000Z',
      ]);
      app.assertNoBrowserErrors();
    },
  );

  it(
    'keeps focus inside the wizard; Escape closes it and focus returns to "Import…"',
    { timeout: 60_000 },
    async () => {
      app = await startApp();
      const { page } = app;
      await page.getByRole('button', { name: 'Interactions' }).click();
      await importButton(page).click();
      const dialog = page.getByRole('dialog', { name: 'Import interactions' });
      await dialog.waitFor();
      await expectAccessible(page, 'the first import step', DIALOG);
      const seen = new Set<string>();
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('Tab');
        expect(await focusInDialog(page)).toBe(true);
        seen.add(await focused(page));
      }
      expect([...seen].sort()).toEqual(['Choose file…', 'Close']);
      await page.keyboard.press('Shift+Tab');
      expect(await focusInDialog(page)).toBe(true);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await focused(page)).toBe('Import…');
      app.assertNoBrowserErrors();
    },
  );

  it(
    'offers "Date of Purchase" for the Kaggle open tickets and says how leaving them out biases the rates',
    { timeout: 180_000 },
    async () => {
      app = await startApp();
      const { page } = app;
      await page.getByRole('button', { name: 'Interactions' }).click();
      const dialog = await openWizardAndChoose(page, KAGGLE);
      expect(await dialog.getByTestId('detected-preset').textContent()).toBe('generic');
      await dialog.getByRole('button', { name: 'Next: mapping' }).click();
      await expect.poll(() => dialog.getByLabel('Start from').inputValue()).toBe('preset:generic');
      const offer = dialog.getByLabel('Rows without any time start on');
      expect(await offer.inputValue()).toBe('');
      await expectAccessible(page, 'the mapping with the open-rows offer', DIALOG);
      await app.screenshot('import-9-kaggle-mapping');

      await validateAndCheck(page, dialog, 'the report with rejected open tickets');
      expect(await count(page, 'validation-report', 'rejected')).toBe('2,819');
      expect(await dialog.getByTestId('rate-bias').textContent()).toContain(
        '2,819 rejected rows are all unresolved: the resolution rate of the accepted rows is 49.0%, against 32.7% if they were counted.',
      );
      expect(await dialog.getByTestId('report-hint').textContent()).toContain('“Date of Purchase”');
      await app.screenshot('import-10-kaggle-bias');

      await dialog.getByRole('button', { name: 'Back to mapping' }).click();
      await offer.selectOption('Date of Purchase');
      await expect
        .poll(() => dialog.getByLabel('Column for Start date of rows without any time').inputValue())
        .toBe('Date of Purchase');
      await validateAndCheck(page, dialog, 'the report with every ticket accepted');
      expect(await count(page, 'validation-report', 'rejected')).toBe('0');
      expect(await dialog.getByTestId('rate-bias').count()).toBe(0);
      await dialog.getByRole('button', { name: 'Import 8,469 rows' }).click();
      await dialog.getByTestId('import-result').waitFor({ timeout: 60_000 });
      expect(await count(page, 'import-result', 'inserted')).toBe('8,469');
      await dialog.getByRole('button', { name: 'Done' }).click();
      await page.getByTestId('interactions-total').filter({ hasText: '8,469 interactions' }).waitFor();
      const resolved = await app.value('queryInteractions', { filters: { resolved: true }, limit: 1 });
      expect(resolved.total).toBe(2769);
      app.assertNoBrowserErrors();
    },
  );
});
