import type { z } from 'zod';
import { agentsContract } from './contracts/agents';
import { appContract } from './contracts/app';
import { calibrationContract } from './contracts/calibration';
import { calibrationPacketContract } from './contracts/calibrationPacket';
import { disputesContract } from './contracts/disputes';
import { importsContract } from './contracts/imports';
import { interactionsContract } from './contracts/interactions';
import { kpiContract } from './contracts/kpi';
import { profileContract } from './contracts/profile';
import { qaContract } from './contracts/qa';
import { reviewLifecycleContract } from './contracts/reviewLifecycle';
import { reviewsContract } from './contracts/reviews';
import { settingsContract } from './contracts/settings';
import { shellContract } from './contracts/shell';
import { storeContract } from './contracts/store';
import type { MethodSpec } from './define';
import type { Result } from './result';

/**
 * The one IPC contract. Each feature owns a file in ./contracts; this merges them. Main, the
 * dev bridge and the backend validate requests against these schemas; the preload exposes one
 * named function per key.
 */
export const backendContract = {
  ...appContract,
  ...agentsContract,
  // Feature contracts are added here, one spread line each.
  ...importsContract,
  ...kpiContract,
  ...profileContract,
  ...reviewsContract,
  ...reviewLifecycleContract,
  ...disputesContract,
  ...qaContract,
  ...calibrationContract,
  ...calibrationPacketContract,
  ...settingsContract,
  ...interactionsContract,
  ...storeContract,
};

export const contract = { ...backendContract, ...shellContract };

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** Served by the backend worker; the rest (shellContract) by Electron main or the dev bridge. */
export type BackendMethodName = keyof typeof backendContract;
export type ShellMethodName = keyof typeof shellContract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> =
  Contract[M] extends MethodSpec<z.ZodTypeAny, infer O> ? O : never;

/** What the preload exposes as `window.scorecard`, and what the browser bridge client mirrors. */
export type Api = { [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>> };

export const methodNames = Object.keys(contract) as MethodName[];

export function isBackendMethodName(name: string): name is BackendMethodName {
  return Object.prototype.hasOwnProperty.call(backendContract, name);
}

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
