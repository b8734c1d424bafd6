import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/harness';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATASETS = path.resolve(REPO_ROOT, '../shared/datasets');
const CSV = path.join(DATASETS, 'pwc_call_center_trends.csv');
const XLSX = path.join(DATASETS, 'pwc_call_center_trends.xlsx');

async function openWizardAndChoose(page: Page, file: string) {
  await page.getByRole('button', { name: 'Import…' }).click();
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

      // 1. Choose + preview.
      let dialog = await openWizardAndChoose(page, CSV);
      expect(await dialog.getByTestId('detected-preset').textContent()).toBe('call-center');
      await expect.poll(() => dialog.getByText('Friday, 1 January, 2021').count()).toBeGreaterThan(0);
      // The file's 09:12:58 is Berlin time (the default business time zone): 08:12:58 UTC.
      expect(await dialog.getByTestId('import-time-zone').textContent()).toBe('Europe/Berlin');
      await expect.poll(() => dialog.getByText('2021-01-01T08:12:58.000Z').count()).toBeGreaterThan(0);
      await app.screenshot('import-1-preview');

      // 2. Mapping, auto-detected.
      await dialog.getByRole('button', { name: 'Next: mapping' }).click();
      const agentColumn = dialog.getByLabel('Column for agent');
      expect(await agentColumn.inputValue()).toBe('agent');
      expect(await dialog.getByLabel('Column for talk seconds').inputValue()).toBe('avg talk duration');
      await app.screenshot('import-2-mapping');

      // 3. Validate (dry run): every row is valid, 5,000 would be new.
      await dialog.getByRole('button', { name: 'Next: validate' }).click();
      await dialog.getByTestId('validation-report').waitFor();
      expect(await count(page, 'validation-report', 'rows-in-file')).toBe('5,000');
      expect(await count(page, 'validation-report', 'new')).toBe('5,000');
      expect(await count(page, 'validation-report', 'rejected')).toBe('0');
      await app.screenshot('import-3-validate');

      // 4. Import with progress, 5. result.
      await dialog.getByRole('button', { name: 'Import 5,000 rows' }).click();
      await dialog.getByTestId('import-result').waitFor({ timeout: 60_000 });
      expect(await count(page, 'import-result', 'inserted')).toBe('5,000');
      await app.screenshot('import-4-result');
      await dialog.getByRole('button', { name: 'Done' }).click();
      await dialog.waitFor({ state: 'detached' });

      // The table refreshed and the numbers from the datasets README hold.
      await page.getByTestId('interactions-total').filter({ hasText: '5,000 interactions' }).waitFor();
      await page.getByLabel('Answered').selectOption('no');
      await page.getByTestId('interactions-total').filter({ hasText: '946 interactions' }).waitFor();
      await app.screenshot('import-5-unanswered');
      await page.getByRole('button', { name: 'Clear filters' }).click();

      // Re-import: the XLSX holds the same calls (same call ids), so nothing is new.
      dialog = await openWizardAndChoose(page, XLSX);
      expect(await dialog.getByText('XLSX', { exact: true }).count()).toBe(1);
      await app.screenshot('import-6-xlsx-preview');
      await dialog.getByRole('button', { name: 'Next: mapping' }).click();
      await dialog.getByRole('button', { name: 'Next: validate' }).click();
      await dialog.getByTestId('validation-report').waitFor();
      expect(await count(page, 'validation-report', 'new')).toBe('0');
      expect(await count(page, 'validation-report', 'rejected')).toBe('0');
      await app.screenshot('import-7-xlsx-validate');
      await dialog.getByRole('button', { name: /^Import / }).click();
      await dialog.getByTestId('import-result').waitFor({ timeout: 60_000 });
      expect(await count(page, 'import-result', 'inserted')).toBe('0');
      await app.screenshot('import-8-xlsx-result');
      await dialog.getByRole('button', { name: 'Done' }).click();
      await page.getByTestId('interactions-total').filter({ hasText: '5,000 interactions' }).waitFor();
      app.assertNoBrowserErrors();
    },
  );
});
