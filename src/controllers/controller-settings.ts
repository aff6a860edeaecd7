/** How to reach Argo CD's API (the argocd-* inputs). */
export interface ArgoCdConnection {
  server: string;
  token: string;
  username: string;
  password: string;
  /** PEM text or the path of a PEM file. */
  ca: string;
  insecure: boolean;
}

/** How to reach the cluster that runs Flux (kubeconfig, kube-context). */
export interface FluxConnection {
  /** The kubeconfig's text; '' for the runner's own (KUBECONFIG or ~/.kube/config). */
  kubeconfig: string;
  context: string;
  /** Where the 0600 kubeconfig file is written for the client, and removed after. */
  tempDir: string;
}

/** Both controllers' connections: a command opens only those its objects need. */
export interface ControllerConnections {
  argocd: ArgoCdConnection;
  flux: FluxConnection;
}
