/** What every Kubernetes route needs, and how it answers: an object, a list or a Status error. */
import type { ServerResponse } from 'node:http';
import type { FaultInjector } from '../scenario/faults.js';
import { sendJson } from '../scenario/http-server.js';
import type { StepClock } from '../scenario/step-clock.js';
import type { FluxController } from './flux-controller.js';
import type { KubeAuth } from './kube-auth.js';
import type { KubeContract } from './kube-contract.js';
import { KubeError } from './kube-status.js';
import type { ObjectStore } from './object-store.js';

export interface KubeContext {
  store: ObjectStore;
  controller: FluxController;
  auth: KubeAuth;
  contract: KubeContract;
  faults: FaultInjector;
  clock: StepClock;
  bookmarkIntervalMs: number;
  /** Server address for /api's serverAddressByClientCIDRs. */
  address: () => string;
}

export function replyStatus(ctx: KubeContext, res: ServerResponse, err: unknown, where: string): void {
  const error = err instanceof KubeError ? err : undefined;
  if (!error) throw err; // a simulator bug: let the server answer 500 and the test see it
  ctx.contract.checkStatus(error.status, where);
  sendJson(res, error.status.code, error.status);
}
