import { InputError } from '../errors.js';
import { ArgoTransientError, type ArgoCdClient } from '../controllers/argocd/argocd-client.js';
import type { ArgoAppRef, ArgoApplication } from '../controllers/argocd/argocd-types.js';
import type { WaitTarget } from '../controllers/controller-targets.js';
import { FluxClient, FluxTransientError } from '../controllers/flux/flux-client.js';
import type { FluxObject } from '../controllers/flux/flux-types.js';
import { sleep } from '../controllers/poll-interval.js';

/** The controller object that runs an app in an environment: the same one `wait` waits on. */
export type ControllerTarget = WaitTarget;

export type ControllerRead<T> = { found: true; object: T } | { found: false; reason: 'unknown' | 'unreachable'; message: string };

/**
 * Reads (never refreshes, never syncs) an Argo CD Application. Argo CD
 * answers 403 for an app the token may not see and for one that does not
 * exist alike, so both are "unknown to the controller".
 */
export async function readArgoApplication(client: ArgoCdClient, ref: ArgoAppRef): Promise<ControllerRead<ArgoApplication>> {
  return readWithOneRetry(
    async () => client.getApplication(ref, { timeoutMs: 30_000 }),
    (error) => (error instanceof InputError && error.input === 'argocd-app' ? error.message.replace(/^Input 'argocd-app': /, '') : undefined),
    (error) => error instanceof ArgoTransientError,
  );
}

export async function readFluxObject(client: FluxClient, target: Extract<ControllerTarget, { controller: 'flux' }>): Promise<ControllerRead<FluxObject>> {
  return readWithOneRetry(
    () => client.get(target),
    (error) => (error instanceof InputError && /does not exist/.test(error.message) ? error.message.replace(/^Input '[^']+': /, '') : undefined),
    (error) => error instanceof FluxTransientError,
  );
}

/** One retry after a short pause for transient failures; anything else (bad credentials, TLS) fails the step. */
async function readWithOneRetry<T>(
  read: () => Promise<T>,
  unknown: (error: unknown) => string | undefined,
  transient: (error: unknown) => boolean,
): Promise<ControllerRead<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { found: true, object: await read() };
    } catch (error) {
      const missing = unknown(error);
      if (missing) return { found: false, reason: 'unknown', message: missing };
      if (!transient(error)) throw error;
      if (attempt >= 2) return { found: false, reason: 'unreachable', message: (error as Error).message };
      await sleep(1000);
    }
  }
}
