import fs from 'node:fs';
import path from 'node:path';
import type { BackendMethodName, MethodInput, MethodOutput } from '../../shared/ipc/contract';
import type { Backend } from '../backend/backend';
import { openDataFile } from '../backend/open';
import { appVersion } from './app-version';
import { CliError, usageHint, type CliCommand } from './command';

/** Calls the backend through dispatch, so input is validated and changes audited like the app's. */
export async function callBackend<M extends BackendMethodName>(
  backend: Backend,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = await backend.call(method, input);
  if (!result.ok) throw new CliError(result.error.message);
  return result.value as MethodOutput<M>;
}

/** Opens an existing data file (never creating one, no backup), runs `fn`, and closes it. */
export async function withDataFile<T>(
  command: CliCommand,
  dbOption: string | undefined,
  fn: (backend: Backend) => Promise<T>,
): Promise<T> {
  if (dbOption === undefined || dbOption === '') throw new CliError(`Missing --db.\n${usageHint(command)}`);
  const dataFile = path.resolve(dbOption);
  if (!fs.existsSync(dataFile)) throw new CliError(`No data file at ${dataFile}.`);
  const opened = await openDataFile({ dataFile, seedDemo: false, appVersion: appVersion(), backups: false });
  try {
    return await fn(opened.backend);
  } finally {
    opened.close();
  }
}
