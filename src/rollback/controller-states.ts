import type { AppConfig, Environment } from '../config/promotion-config.js';
import type { WorkflowSettings } from '../config/environment-settings.js';
import { gitRevisions } from '../controllers/argocd/judge-argo-application.js';
import type { ControllerConnections } from '../controllers/controller-settings.js';
import { configuredTarget, type WaitTarget } from '../controllers/controller-targets.js';
import { commitOfRevision } from '../controllers/flux/flux-types.js';
import { openControllers, type Controllers } from '../controllers/open-controllers.js';

/** What the controller says of one app right now, for the rollback PR's body: read only, nothing refreshed or synced. */
export interface ControllerState {
  app: string;
  /** The controller object (`argocd web-production`, `Kustomization/flux-system/web`). */
  object: string;
  /** Sync and health in the controller's words, or why they could not be read. */
  state: string;
  revision: string;
}

/**
 * Each app's controller object in the environment, read once. Only where the
 * workflow gave a way to reach the controller (argocd-server, or a kubeconfig
 * for Flux): a rollback must not fail because a cluster is out of reach.
 */
export async function readControllerStates(
  apps: readonly AppConfig[],
  env: Environment,
  settings: WorkflowSettings,
  connections: ControllerConnections,
): Promise<ControllerState[]> {
  const reachable = (target: WaitTarget | undefined): target is WaitTarget =>
    target !== undefined && (target.controller === 'argocd' ? connections.argocd.server !== '' : connections.flux.kubeconfig !== '');
  const targets = apps.flatMap((app) => {
    const target = configuredTarget(app, env, settings);
    return reachable(target) ? [{ app: app.name, target }] : [];
  });
  if (targets.length === 0) return [];
  const controllers = await openControllers(
    targets.map((entry) => entry.target),
    connections,
  );
  try {
    return await Promise.all(targets.map(({ app, target }) => readState(controllers, app, target)));
  } finally {
    await controllers.close();
  }
}

async function readState(controllers: Controllers, app: string, target: WaitTarget): Promise<ControllerState> {
  const object = `${target.controller} ${target.label}`;
  try {
    if (target.controller === 'argocd' && controllers.argocd) {
      const found = await controllers.argocd.getApplication(target.ref, { timeoutMs: 30_000 });
      const status = found.status ?? {};
      return { app, object, state: `${status.sync?.status ?? 'Unknown'}, ${status.health?.status ?? 'Unknown'}`, revision: gitRevisions(found).join(',') };
    }
    if (target.controller === 'flux' && controllers.flux) {
      const found = await controllers.flux.get(target);
      const ready = found.status?.conditions?.find((condition) => condition.type === 'Ready');
      const state = ready ? `Ready=${ready.status}${ready.reason ? ` (${ready.reason})` : ''}` : 'Ready=Unknown';
      return { app, object, state, revision: commitOfRevision(found.status?.lastAppliedRevision) ?? '' };
    }
    return { app, object, state: 'not read: no client', revision: '' };
  } catch (error) {
    return { app, object, state: `not read: ${(error as Error).message.split('\n')[0]}`, revision: '' };
  }
}
