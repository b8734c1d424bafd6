import type { ImportMapping } from '../../../../shared/import/types';
import { refreshAppInfo } from '../../app/store';
import { call } from '../../lib/api';
import {
  firstPreviewRequest,
  importRequest,
  presetPreviewRequest,
  previewRequest,
  type WizardChoice,
} from './requests';
import { followJob } from './runJob';
import { useImportWizard } from './store';
import { asReport } from './types';

const FILE_FILTERS = [
  { name: 'CSV or Excel', extensions: ['csv', 'txt', 'tsv', 'xlsx'] },
  { name: 'All files', extensions: ['*'] },
];

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const wizard = () => useImportWizard.getState();

/** True while the wizard session that called it is still open (closing resets the wizard). */
function sessionAlive(): () => boolean {
  const session = wizard().session;
  return () => wizard().session === session;
}

/** Runs a step's backend work with a busy label; failures stay on the current step as an error. */
async function step(label: string, work: (alive: () => boolean) => Promise<void>): Promise<void> {
  const alive = sessionAlive();
  wizard().patch({ busy: label, error: null });
  try {
    await work(alive);
  } catch (error) {
    if (alive()) wizard().patch({ error: message(error) });
  } finally {
    if (alive()) wizard().patch({ busy: null });
  }
}

export function chooseFile(): Promise<void> {
  return step('Reading the file…', async (alive) => {
    const file = await call('chooseOpenFile', { title: 'Import interactions', filters: FILE_FILTERS });
    if (!file || !alive()) return;
    const preview = await call('previewImport', firstPreviewRequest(file.path));
    if (!alive()) return;
    wizard().patch({
      file,
      preview,
      mapping: preview.mapping,
      startFrom: `preset:${preview.detectedPreset}`,
      validation: null,
      result: null,
      dateOrder: 'auto',
    });
    wizard().goTo('preview');
  });
}

/** Re-reads the sample with the mapping being edited, so preview and mapping errors stay current. */
export function refreshPreview(mapping: ImportMapping | null): Promise<void> {
  const { file, dateOrder } = wizard();
  if (!file) return Promise.resolve();
  return step('Updating the preview…', async (alive) => {
    const preview = await call('previewImport', previewRequest({ path: file.path, mapping, dateOrder }));
    if (!alive()) return;
    wizard().patch({ preview, mapping: preview.mapping, validation: null });
  });
}

/** Restarts the mapping from a preset, fitted to the file's headers by the backend. */
export function startFromPreset(presetId: string): Promise<void> {
  const { file, dateOrder } = wizard();
  if (!file) return Promise.resolve();
  return step('Updating the preview…', async (alive) => {
    const preview = await call(
      'previewImport',
      presetPreviewRequest({ path: file.path, dateOrder }, presetId),
    );
    if (!alive()) return;
    wizard().patch({ preview, mapping: preview.mapping, startFrom: `preset:${presetId}`, validation: null });
  });
}

function choice(): WizardChoice {
  const { file, mapping, dateOrder } = wizard();
  if (!file) throw new Error('Choose a file first.');
  return { path: file.path, mapping, dateOrder };
}

export function validate(): Promise<void> {
  return step('Checking every row…', async (alive) => {
    const started = await call('startImport', importRequest(choice(), { dryRun: true }));
    const done = await followJob(started, (job) => alive() && wizard().patch({ job }), alive);
    if (!alive()) {
      // Closed mid-check: a dry run writes nothing, so stop it instead of letting it run on.
      if (done.state === 'queued' || done.state === 'running')
        await call('cancelJob', { jobId: done.id }).catch(() => undefined);
      return;
    }
    const report = asReport(done.result) ?? asReport(done.error?.details);
    if (done.state !== 'done' || !report) throw new Error(done.error?.message ?? done.message);
    wizard().patch({ validation: report });
    wizard().goTo('validate');
  });
}

export async function runImport(): Promise<void> {
  const { validation } = wizard();
  const alive = sessionAlive();
  wizard().patch({ job: null, error: null });
  wizard().goTo('import');
  try {
    const started = await call(
      'startImport',
      importRequest(choice(), { acceptRejected: (validation?.rejected ?? 0) > 0 }),
    );
    const done = await followJob(started, (job) => alive() && wizard().patch({ job }), alive);
    if (!alive()) return;
    if (done.state === 'done') {
      wizard().patch({ result: asReport(done.result) });
      void refreshAppInfo();
      wizard().goTo('result');
    } else if (done.state === 'cancelled') {
      wizard().goTo('validate');
      wizard().patch({ error: 'Import cancelled: nothing was changed.' });
    } else {
      wizard().goTo('validate');
      wizard().patch({ error: done.error?.message ?? done.message });
    }
  } catch (error) {
    if (!alive()) return;
    wizard().goTo('validate');
    wizard().patch({ error: message(error) });
  }
}

export async function cancelImport(): Promise<void> {
  const job = wizard().job;
  if (!job) return;
  try {
    wizard().patch({ job: await call('cancelJob', { jobId: job.id }) });
  } catch (error) {
    wizard().patch({ error: message(error) });
  }
}
