import type { BackendMethodName } from '../../../shared/ipc/contract';
import { agentHandlers } from './agents';
import { appHandlers } from './app';
import { calibrationHandlers, calibrationPacketHandlers } from './calibration';
import { importHandlers } from './imports';
import { interactionHandlers } from './interactions';
import { kpiHandlers } from './kpi';
import { profileHandlers } from './profile';
import { disputeHandlers, qaHandlers, reviewHandlers, reviewLifecycleHandlers } from './reviews';
import { settingsHandlers } from './settings';
import { storeHandlers } from './store';
import type { Handlers } from './types';

/** Type-checked to cover every method of the contract. */
export const handlers: Handlers<BackendMethodName> = {
  ...appHandlers,
  ...agentHandlers,
  // Feature handlers are added here, one spread line each.
  ...importHandlers,
  ...kpiHandlers,
  ...profileHandlers,
  ...reviewHandlers,
  ...reviewLifecycleHandlers,
  ...disputeHandlers,
  ...qaHandlers,
  ...calibrationHandlers,
  ...calibrationPacketHandlers,
  ...settingsHandlers,
  ...interactionHandlers,
  ...storeHandlers,
};

/** Methods that only read job state and must answer while a job holds the lock. */
export const lockFreeMethods: ReadonlySet<BackendMethodName> = new Set<BackendMethodName>([
  'getJob',
  'cancelJob',
]);
