import {
  isBackendMethodName,
  methodNames,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
  type ShellMethodName,
} from '../../shared/ipc/contract';
import { fail, ok, UserFacingError, type AppError, type Result } from '../../shared/ipc/result';
import { parseRequest } from '../../shared/ipc/validate';

/** Prefix of every invoke channel; the preload uses the same one. */
export const CHANNEL_PREFIX = 'api:';
export const channelFor = (method: string): string => `${CHANNEL_PREFIX}${method}`;

/** What ipc.ts needs from BackendClient; a fake in tests. */
export interface BackendPort {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  readonly startupError: AppError | null;
}

export interface IpcEventLike {
  senderFrame: { url: string; parent?: unknown } | null;
  sender?: unknown;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** Shell methods run in main; they get the IPC event so dialogs can be parented to the right window. */
export type ShellMethods = {
  [M in ShellMethodName]: (input: ParsedInput<M>, event: IpcEventLike) => Promise<MethodOutput<M>>;
};

/** Methods that read a file from disk: only files the user chose in the file dialog are allowed. */
export const FILE_READING_METHODS: ReadonlySet<MethodName> = new Set<MethodName>([
  'previewImport',
  'startImport',
  'openCalibrationPacket',
  'importCalibrationAnswers',
]);

export interface IpcDeps {
  /**
   * The current backend, or null when none is running. May be a promise so calls made while a
   * data file is being opened wait for it instead of failing.
   */
  backend: () => BackendPort | null | Promise<BackendPort | null>;
  shell: ShellMethods;
  isTrustedSender: (frame: IpcEventLike['senderFrame']) => boolean;
  /**
   * Whether the user chose this file (dialog or upload). A compromised renderer must not be able
   * to read arbitrary local files through an import preview.
   */
  isChosenFile?: (file: string) => boolean;
  onRejectedSender?: (method: MethodName, url: string | null) => void;
  onInternalError?: (method: MethodName, error: unknown) => void;
}

/**
 * Registers one `api:<method>` handler per contract method. Each handler checks the sender,
 * validates the input with the method's zod schema and answers with a Result; nothing thrown ever
 * crosses IPC (Electron would turn it into an opaque rejected promise in the renderer).
 * Returns a function that removes the handlers again.
 */
export function registerIpc(ipcMain: IpcMainLike, deps: IpcDeps): () => void {
  for (const method of methodNames) {
    ipcMain.handle(channelFor(method), (event, input) => handleCall(method, event, input, deps));
  }
  return () => {
    for (const method of methodNames) ipcMain.removeHandler(channelFor(method));
  };
}

export async function handleCall(
  method: MethodName,
  event: IpcEventLike,
  input: unknown,
  deps: IpcDeps,
): Promise<Result<unknown>> {
  try {
    if (!deps.isTrustedSender(event.senderFrame)) {
      deps.onRejectedSender?.(method, event.senderFrame?.url ?? null);
      return fail('invalid_input', `Rejected ${method}: the request did not come from the app window.`);
    }
    const parsed = parseRequest(method, input);
    if (!parsed.ok) return parsed;
    if (deps.isChosenFile && FILE_READING_METHODS.has(method)) {
      const file = (parsed.value as { path: string }).path;
      if (!deps.isChosenFile(file))
        return fail('invalid_input', `${method} reads only files chosen in the open dialog (not ${file}).`);
    }
    if (isBackendMethodName(method)) {
      const backend = await deps.backend();
      if (!backend) return fail('internal', 'The data file is not open yet. Try again in a moment.');
      return await backend.call(method, parsed.value);
    }
    return await callShell(method, parsed.value, event, deps.shell);
  } catch (error) {
    if (error instanceof UserFacingError) return fail(error.code, error.message, error.details);
    deps.onInternalError?.(method, error);
    const message = error instanceof Error ? error.message : String(error);
    return fail('internal', `Unexpected error in ${method}: ${message}`);
  }
}

async function callShell(
  method: ShellMethodName,
  input: unknown,
  event: IpcEventLike,
  shell: ShellMethods,
): Promise<Result<unknown>> {
  const impl = shell[method] as (input: unknown, event: IpcEventLike) => Promise<unknown>;
  return ok(await impl(input, event));
}
