import type { ArgoCdClient } from './argocd/argocd-client.js';
import { connectArgoCd } from './argocd/connect-argocd.js';
import type { ControllerConnections } from './controller-settings.js';
import { FluxClient } from './flux/flux-client.js';

/** The controller clients a command uses, each opened once, and closed together. */
export interface Controllers {
  argocd?: ArgoCdClient;
  flux?: FluxClient;
  close(): Promise<void>;
}

/**
 * Opens a client for each controller the targets run on, and only those: an
 * Argo CD session (logged in), and @kubernetes/client-node, which loads only
 * when a Flux object is read.
 */
export async function openControllers(
  targets: ReadonlyArray<{ controller: 'argocd' | 'flux' } | undefined>,
  connections: ControllerConnections,
): Promise<Controllers> {
  const controllers: Controllers = {
    close: async () => {
      await controllers.argocd?.logout();
      await controllers.flux?.close();
    },
  };
  try {
    if (targets.some((target) => target?.controller === 'argocd')) {
      controllers.argocd = connectArgoCd(connections.argocd);
      await controllers.argocd.login();
    }
    if (targets.some((target) => target?.controller === 'flux')) controllers.flux = await FluxClient.open(connections.flux);
  } catch (error) {
    await controllers.close();
    throw error;
  }
  return controllers;
}
