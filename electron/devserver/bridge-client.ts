/**
 * Browser side of the dev bridge (compiled by the dev server with esbuild, never packaged).
 * Installs `window.scorecard` with the same `Api` shape the Electron preload exposes, each method
 * POSTing to the bridge. Like the preload, it never throws: every failure becomes a Result.
 */
import { methodNames, type Api, type MethodName } from '../../shared/ipc/contract';
import type { ChosenFile } from '../../shared/ipc/contracts/shell';
import type { Result } from '../../shared/ipc/result';

/**
 * The few browser globals used here, typed locally: this file is type-checked with the Node
 * project (no DOM lib there, and adding it would leak DOM types into every backend file).
 */
interface PickedFile extends Blob {
  readonly name: string;
}
interface FileInput {
  type: string;
  accept: string;
  style: { display: string };
  readonly files: ArrayLike<PickedFile> | null;
  addEventListener(type: 'change' | 'cancel', listener: () => void, options: { once: boolean }): void;
  click(): void;
  remove(): void;
}
interface BrowserGlobals {
  location: { href: string };
  history: { state: unknown; replaceState(state: unknown, unused: string, url: string): void };
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  navigator: { userActivation?: { isActive: boolean } };
  document: { createElement(tag: 'input'): FileInput; body: { append(node: FileInput): void } };
}
const window = globalThis as unknown as BrowserGlobals & typeof globalThis;
const { sessionStorage, document } = window;

const TOKEN_KEY = 'agent-scorecard.bridge-token';
const TOKEN_HEADER = 'X-Scorecard-Token';
const FILE_NAME_HEADER = 'X-Scorecard-File-Name';

/** Takes the token from the launch URL once, then drops it from the address bar and history. */
function takeToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

const token = takeToken();

const unreachable = (reason: unknown): Result<never> => ({
  ok: false,
  error: {
    code: 'internal',
    message: `Backend bridge unreachable: ${reason instanceof Error ? reason.message : String(reason)}`,
  },
});

async function post(path: string, body: string | Blob, headers: Record<string, string>): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    body,
    headers: { ...headers, [TOKEN_HEADER]: token ?? '' },
    credentials: 'omit',
  });
}

async function callBridge(method: MethodName, input: unknown): Promise<Result<unknown>> {
  try {
    const response = await post(`/__bridge/api/${method}`, JSON.stringify(input ?? {}), {
      'Content-Type': 'application/json',
    });
    if (response.status === 401)
      return unreachable('this tab has no valid bridge token; open the URL printed by `npm run dev:browser`');
    if (!response.ok) return unreachable(`HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as Result<unknown>;
  } catch (error) {
    return unreachable(error);
  }
}

function acceptAttribute(filters: { extensions: string[] }[] | undefined): string {
  const exts = (filters ?? []).flatMap((f) => f.extensions).filter((e) => e !== '*');
  return exts.map((e) => `.${e}`).join(',');
}

/** Stand-in for the native open dialog: pick with <input type=file>, upload, hand back the temp path. */
function pickFile(filters: { extensions: string[] }[] | undefined): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = acceptAttribute(filters);
    input.style.display = 'none';
    // Attached so test drivers (and some browsers) see the chooser; removed once answered.
    document.body.append(input);
    const done = (file: PickedFile | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    input.click();
  });
}

async function chooseOpenFile(input: {
  title?: string;
  filters?: { name: string; extensions: string[] }[];
}): Promise<Result<ChosenFile | null>> {
  // Without a user gesture the browser silently ignores the chooser and the promise would hang.
  if (window.navigator.userActivation && !window.navigator.userActivation.isActive)
    return {
      ok: false,
      error: { code: 'user_error', message: 'Choosing a file must start from a click or key press.' },
    };
  const file = await pickFile(input.filters);
  if (!file) return { ok: true, value: null };
  try {
    const response = await post('/__bridge/upload', file, {
      'Content-Type': 'application/octet-stream',
      [FILE_NAME_HEADER]: encodeURIComponent(file.name),
    });
    const body = (await response.json()) as ChosenFile | { error: string };
    if (!response.ok || 'error' in body) {
      const message = 'error' in body ? body.error : `HTTP ${response.status}`;
      return { ok: false, error: { code: response.status === 413 ? 'user_error' : 'internal', message } };
    }
    return { ok: true, value: body };
  } catch (error) {
    return unreachable(error);
  }
}

const api: Record<string, (input: unknown) => Promise<Result<unknown>>> = {};
for (const method of methodNames) {
  api[method] =
    method === 'chooseOpenFile'
      ? (input) => chooseOpenFile((input ?? {}) as Parameters<typeof chooseOpenFile>[0])
      : (input) => callBridge(method, input);
}
Object.defineProperty(window, 'scorecard', { value: Object.freeze(api) as unknown as Api, enumerable: true });
