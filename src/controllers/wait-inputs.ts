import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { readBoolean, readDuration, readList, readString } from '../inputs/read-inputs.js';

export type ControllerName = 'argocd' | 'flux';

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
  kind: 'Kustomization' | 'HelmRelease';
  names: string[];
  namespace: string;
  reconcile: boolean;
}

/** Everything `wait` reads, in one typed object. */
export interface WaitInputs {
  controller?: ControllerName;
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
    controller: readChoice('controller', ['argocd', 'flux'] as const, undefined),
    revision: readString('revision').trim(),
    path: resolve(readString('path', '.')),
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
      kind: readChoice('flux-kind', ['Kustomization', 'HelmRelease'] as const, 'Kustomization'),
      names: readList('flux-name'),
      namespace: readString('flux-namespace', 'flux-system').trim(),
      reconcile: readBoolean('flux-reconcile', false),
    },
    token: readString('token').trim(),
    repository: readString('repository').trim(),
    deployment: readBoolean('deployment', false),
    environmentUrl: readString('environment-url').trim(),
  };
}

function readChoice<T extends string, F extends T | undefined>(name: string, choices: readonly T[], fallback: F): T | F {
  const value = readString(name).trim();
  if (value === '') return fallback;
  const match = choices.find((choice) => choice.toLowerCase() === value.toLowerCase());
  if (!match) throw new InputError(name, `expected one of ${choices.join(', ')}, got '${value}'.`);
  return match;
}
