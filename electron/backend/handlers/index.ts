import type { MethodName } from '../../../shared/ipc/contract';
import { agentHandlers } from './agents';
import { appHandlers } from './app';
import type { Handlers } from './types';

/** Type-checked to cover every method of the contract. */
export const handlers: Handlers<MethodName> = {
  ...appHandlers,
  ...agentHandlers,
};

/** Methods that only read job state and must answer while a job holds the lock. */
export const lockFreeMethods: ReadonlySet<MethodName> = new Set<MethodName>(['getJob', 'cancelJob']);
