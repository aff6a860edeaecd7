/** What every Argo CD route handler needs, and the two ways it answers: a body or an error. */
import type { ServerResponse } from 'node:http';
import type { FaultInjector } from '../scenario/faults.js';
import { sendJson } from '../scenario/http-server.js';
import type { StepClock } from '../scenario/step-clock.js';
import { type ArgoController, SimulatorError } from './app-controller.js';
import type { ArgoAuth } from './argocd-auth.js';
import type { ArgoContract } from './argocd-contract.js';
import { httpStatusForGrpc, runtimeError } from './argocd-errors.js';
import type { AppStore } from './app-store.js';

export interface ArgoContext {
  store: AppStore;
  controller: ArgoController;
  auth: ArgoAuth;
  contract: ArgoContract;
  faults: FaultInjector;
  clock: StepClock;
  secureCookies: boolean;
  sseKeepAliveMs: number;
  /** Namespace the API server runs in: apps there need no `appNamespace`. */
  serverNamespace: string;
}

/** Send a 200 body after checking it against the response schema swagger.json declares for the route. */
export function reply(
  ctx: ArgoContext,
  res: ServerResponse,
  route: string,
  method: string,
  body: unknown,
  headers: Record<string, string | string[]> = {},
): void {
  ctx.contract.checkResponse(route, method, 200, body, `${method} ${route} response`);
  sendJson(res, 200, body, headers);
}

/** Send an error in runtimeError shape; unexpected exceptions become Unknown (HTTP 500) like a Go error would. */
export function replyError(ctx: ArgoContext, res: ServerResponse, route: string, method: string, err: unknown): void {
  const code = err instanceof SimulatorError ? err.grpcCode : 2;
  const message = err instanceof Error ? err.message : String(err);
  const body = runtimeError(code, message);
  ctx.contract.checkResponse(route, method, httpStatusForGrpc(code), body, `${method} ${route} error`);
  sendJson(res, httpStatusForGrpc(code), body);
}
