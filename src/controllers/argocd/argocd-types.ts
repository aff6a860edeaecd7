/**
 * The parts of Argo CD's `v1alpha1Application` the wait reads (swagger.json);
 * everything is optional because the API omits empty fields.
 */

export interface ArgoSource {
  repoURL?: string;
  path?: string;
  chart?: string;
  targetRevision?: string;
}

export interface ArgoSyncOperation {
  revision?: string;
  revisions?: string[];
}

export interface ArgoOperationState {
  operation?: { sync?: ArgoSyncOperation };
  phase?: string;
  message?: string;
  startedAt?: string;
  finishedAt?: string;
  syncResult?: { revision?: string; revisions?: string[] };
}

export interface ArgoApplication {
  metadata: {
    name: string;
    namespace?: string;
    annotations?: Record<string, string>;
    resourceVersion?: string;
  };
  spec?: {
    project?: string;
    source?: ArgoSource;
    sources?: ArgoSource[];
    syncPolicy?: { automated?: Record<string, unknown> };
  };
  status?: {
    sync?: { status?: string; revision?: string; revisions?: string[] };
    health?: { status?: string; message?: string };
    operationState?: ArgoOperationState;
    reconciledAt?: string;
    conditions?: Array<{ type: string; message?: string }>;
  };
  operation?: { sync?: ArgoSyncOperation };
}

export const MANIFEST_GENERATE_PATHS = 'argocd.argoproj.io/manifest-generate-paths';

/** An app named `name`, or `namespace/name` for an app outside Argo CD's own namespace. */
export interface ArgoAppRef {
  name: string;
  namespace?: string;
}

export function parseArgoAppRef(text: string): ArgoAppRef {
  const parts = text.split('/', 2);
  const [first] = parts;
  const second = parts.at(1);
  return second === undefined ? { name: first } : { namespace: first, name: second };
}

export const argoAppLabel = (ref: ArgoAppRef): string => (ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name);
