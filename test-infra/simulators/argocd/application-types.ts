import type { ObjectMeta } from '../scenario/simulator-basics.js';
/**
 * The parts of Argo CD's Application (argoproj.io/v1alpha1) the simulator writes. Field names and
 * nesting follow `v1alpha1Application` in swagger.json; anything not listed here is never emitted.
 */

export interface ApplicationSource {
  repoURL: string;
  path?: string;
  targetRevision?: string;
  chart?: string;
  ref?: string;
}

export interface ApplicationCondition {
  type: string;
  message: string;
  lastTransitionTime?: string;
}

export interface SyncOperation {
  revision?: string;
  revisions?: string[];
  sourcePositions?: string[];
  prune?: boolean;
  dryRun?: boolean;
  syncStrategy?: { hook?: { force?: boolean }; apply?: { force?: boolean } };
  syncOptions?: string[];
  source?: ApplicationSource;
  sources?: ApplicationSource[];
}

export interface Operation {
  sync: SyncOperation;
  initiatedBy: { username?: string; automated?: boolean };
  retry?: { limit?: number };
}

export interface OperationState {
  operation: Operation;
  phase: 'Running' | 'Terminating' | 'Failed' | 'Error' | 'Succeeded';
  message?: string;
  startedAt: string;
  finishedAt?: string;
  retryCount?: number;
  syncResult?: {
    revision: string;
    revisions?: string[];
    source?: ApplicationSource;
    sources?: ApplicationSource[];
    resources?: Array<{
      group: string;
      version: string;
      kind: string;
      namespace: string;
      name: string;
      status: string;
      message: string;
      hookPhase: string;
      syncPhase: string;
    }>;
  };
}

export interface RevisionHistory {
  id: number;
  revision?: string;
  revisions?: string[];
  source?: ApplicationSource;
  sources?: ApplicationSource[];
  deployedAt: string;
  deployStartedAt: string;
  initiatedBy: { username?: string; automated?: boolean };
}

/**
 * No `apiVersion`/`kind`: Argo CD's API returns the object from the informer cache, whose TypeMeta is
 * empty, and swagger's v1alpha1Application does not declare them.
 */
export interface Application {
  metadata: ObjectMeta;
  spec: {
    project: string;
    source?: ApplicationSource;
    sources?: ApplicationSource[];
    destination: { server?: string; namespace?: string; name?: string };
    syncPolicy?: { automated?: { prune?: boolean; selfHeal?: boolean }; syncOptions?: string[] };
  };
  operation?: Operation;
  status: {
    sync?: {
      status: 'Synced' | 'OutOfSync' | 'Unknown';
      revision?: string;
      revisions?: string[];
      comparedTo?: { source?: ApplicationSource; sources?: ApplicationSource[]; destination: { server?: string; namespace?: string; name?: string } };
    };
    health?: { status: string; message?: string; lastTransitionTime?: string };
    operationState?: OperationState;
    conditions?: ApplicationCondition[];
    reconciledAt?: string;
    summary?: { images?: string[] };
    history?: RevisionHistory[];
    sourceType?: string;
    sourceTypes?: string[];
    controllerNamespace?: string;
    resourceHealthSource?: string;
  };
}

/** The key an app is stored under: namespace and name, as Argo CD's qualified name `ns/name`. */
export function qualifiedName(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}
