import { methodNames, type Api } from '../../shared/ipc/contract';

/** Prefix of every invoke channel; must match electron/main/ipc.ts. */
const CHANNEL_PREFIX = 'api:';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

/**
 * The object exposed to the page as `window.scorecard`: one plain function per contract method and
 * nothing else. Only `invoke` is captured, never ipcRenderer itself, so page code cannot reach
 * other channels or listeners. Frozen so page scripts cannot swap methods out.
 */
export function buildApi(invoke: Invoke): Api {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of methodNames) {
    const channel = CHANNEL_PREFIX + name;
    api[name] = (input: unknown) => invoke(channel, input ?? {});
  }
  return Object.freeze(api) as unknown as Api;
}
