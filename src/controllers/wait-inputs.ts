import { readBoolean, readFolder, readChoice, readDuration, readList, readString } from '../inputs/read-inputs.js';
import { readWorkflowSettings, type WorkflowSettings } from '../inputs/environment-settings.js';

export type { ControllerName } from '../inputs/environment-settings.js';

export interface ArgoInputs {
  server: string;
  token: string;
  username: string;
  password: string;
  apps: string[];
  refresh: 'normal' | 'hard';
  sync: boolean;
  ca: string;
  insecure: boolean;
  watch: 'stream' | 'poll';
}

export interface FluxInputs {
  kubeconfig: string;
  context: string;
  names: string[];
  reconcile: boolean;
}

/** Everything `wait` reads, in one typed object. */
export interface WaitInputs {
  /** controller, flux-kind and flux-namespace as the workflow set them (the config's apps may set them too). */
  settings: WorkflowSettings;
  revision: string;
  path: string;
  environment: string;
  apps: string[];
  timeoutMs: number;
  failFast: boolean;
  degradedGraceMs: number;
  argocd: ArgoInputs;
  flux: FluxInputs;
  token: string;
  repository: string;
  deployment: boolean;
  environmentUrl: string;
}

export function readWaitInputs(): WaitInputs {
  return {
    settings: readWorkflowSettings(),
    revision: readString('revision').trim(),
    path: readFolder('path', '.'),
    environment: readString('environment').trim(),
    apps: readList('apps'),
    timeoutMs: readDuration('timeout', '10m'),
    failFast: readBoolean('fail-fast', true),
    degradedGraceMs: readDuration('degraded-grace', '30s'),
    argocd: {
      server: readString('argocd-server').trim(),
      token: readString('argocd-token').trim(),
      username: readString('argocd-username').trim(),
      password: readString('argocd-password'),
      apps: readList('argocd-app'),
      refresh: readChoice('argocd-refresh', ['normal', 'hard'] as const, 'normal'),
      sync: readBoolean('argocd-sync', false),
      ca: readString('argocd-ca'),
      insecure: readBoolean('argocd-insecure', false),
      watch: readChoice('argocd-watch', ['stream', 'poll'] as const, 'stream'),
    },
    flux: {
      kubeconfig: readString('kubeconfig'),
      context: readString('kube-context').trim(),
      names: readList('flux-name'),
      reconcile: readBoolean('flux-reconcile', false),
    },
    token: readString('token').trim(),
    repository: readString('repository').trim(),
    deployment: readBoolean('deployment', false),
    environmentUrl: readString('environment-url').trim(),
  };
}
