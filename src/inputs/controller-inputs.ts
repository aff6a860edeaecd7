import type { ControllerConnections } from '../controllers/controller-settings.js';
import { readBoolean, readString } from './read-inputs.js';
import type { RunContext } from '../types.js';

/** The argocd-* and kubeconfig inputs that wait and drift-check share. */
export function readControllerConnections(run: RunContext): ControllerConnections {
  return {
    argocd: {
      server: readString('argocd-server').trim(),
      token: readString('argocd-token').trim(),
      username: readString('argocd-username').trim(),
      password: readString('argocd-password'),
      ca: readString('argocd-ca'),
      insecure: readBoolean('argocd-insecure', false),
    },
    flux: { kubeconfig: readString('kubeconfig'), context: readString('kube-context').trim(), tempDir: run.tempDir },
  };
}
