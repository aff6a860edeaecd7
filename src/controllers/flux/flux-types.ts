/** The parts of Flux's Kustomization (v1) and HelmRelease (v2) objects the wait reads. */

export interface FluxCondition {
  type: string;
  /** 'True', 'False' or 'Unknown' (a string, as the API sends it). */
  status: string;
  reason?: string;
  message?: string;
  observedGeneration?: number;
}

export interface FluxObject {
  apiVersion?: string;
  kind?: string;
  metadata: { name: string; namespace?: string; generation?: number; resourceVersion?: string; annotations?: Record<string, string> };
  spec?: {
    wait?: boolean;
    healthChecks?: unknown[];
    suspend?: boolean;
    sourceRef?: { kind: string; name: string; namespace?: string };
    chartRef?: { kind: string; name: string; namespace?: string };
  };
  status?: {
    observedGeneration?: number;
    conditions?: FluxCondition[];
    lastAppliedRevision?: string;
    lastAttemptedRevision?: string;
    lastHandledReconcileAt?: string;
  };
}

export const RECONCILE_ANNOTATION = 'reconcile.fluxcd.io/requestedAt';

/** Group, version and plural of each kind the wait touches. */
export const FLUX_RESOURCES = {
  Kustomization: { group: 'kustomize.toolkit.fluxcd.io', version: 'v1', plural: 'kustomizations' },
  HelmRelease: { group: 'helm.toolkit.fluxcd.io', version: 'v2', plural: 'helmreleases' },
  GitRepository: { group: 'source.toolkit.fluxcd.io', version: 'v1', plural: 'gitrepositories' },
  OCIRepository: { group: 'source.toolkit.fluxcd.io', version: 'v1', plural: 'ocirepositories' },
} as const;

export type FluxKind = keyof typeof FLUX_RESOURCES;

/** The commit in `main@sha1:<sha>` (Flux ≥ 2.0), `main/<sha>` (older) or a bare SHA; undefined for chart versions and OCI digests. */
export function commitOfRevision(revision: string | undefined): string | undefined {
  if (!revision) return undefined;
  const match = /(?:^|@sha1:|\/)([0-9a-f]{40})$/.exec(revision);
  return match?.[1];
}
