import { InputError } from '../errors.js';
import { ArgoTransientError, type ArgoCdClient } from '../controllers/argocd/argocd-client.js';
import { parseArgoAppRef, type ArgoApplication } from '../controllers/argocd/argocd-types.js';
import { FluxClient, FluxTransientError } from '../controllers/flux/flux-client.js';
import type { FluxObject } from '../controllers/flux/flux-types.js';
import type { AppConfig, Environment } from '../config/promotion-config.js';
import type { FluxInputs } from '../controllers/wait-inputs.js';
import { sleep } from '../controllers/backoff.js';

/** The controller object that runs an app in an environment, as the promotion config names it. */
export type ControllerTarget =
  | { controller: 'argocd'; label: string; name: string }
  | { controller: 'flux'; label: string; kind: 'Kustomization' | 'HelmRelease'; name: string; namespace: string };

/** `<app>-<environment>` when the config names no object, as `wait` assumes too. */
export function controllerTarget(app: AppConfig, env: Environment, flux: Pick<FluxInputs, 'kind' | 'namespace'>): ControllerTarget | undefined {
  const ref = app.environments[env.name] ?? {};
  const controller = ref.controller ?? env.controller;
  const fallback = `${app.name}-${env.name}`;
  if (controller === 'argocd') return { controller, label: ref.argocdApp ?? fallback, name: ref.argocdApp ?? fallback };
  if (controller === 'flux') {
    const kind = ref.fluxKind ?? flux.kind;
    const name = ref.fluxName ?? fallback;
    const namespace = ref.fluxNamespace ?? flux.namespace;
    return { controller, label: `${kind}/${namespace}/${name}`, kind, name, namespace };
  }
  return undefined;
}

export type ControllerRead<T> = { found: true; object: T } | { found: false; reason: 'unknown' | 'unreachable'; message: string };

/**
 * Reads (never refreshes, never syncs) an Argo CD Application. Argo CD
 * answers 403 for an app the token may not see and for one that does not
 * exist alike, so both are "unknown to the controller".
 */
export async function readArgoApplication(client: ArgoCdClient, name: string): Promise<ControllerRead<ArgoApplication>> {
  return readWithOneRetry(
    async () => client.getApplication(parseArgoAppRef(name), { timeoutMs: 30_000 }),
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
async function readWithOneRetry<T>(read: () => Promise<T>, unknown: (error: unknown) => string | undefined, transient: (error: unknown) => boolean): Promise<ControllerRead<T>> {
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
