/** The Kubernetes/Flux scenario: which Flux objects exist, how each reacts to a new revision, who may call. */
import { parseFault, type Fault } from '../scenario/faults.js';
import { resourceByKind } from './flux-resources.js';

export const FLUX_OUTCOMES = [
  'ready', // applied (and healthy, with wait/healthChecks): Ready=True
  'build-failed', // Kustomization: Ready=False BuildFailed
  'health-check-failed', // Healthy=False / Ready=False HealthCheckFailed after the health checks time out
  'reconciliation-failed', // Ready=False ReconciliationFailed (HelmRelease: UpgradeFailed)
  'stalled', // Stalled=True (HelmRelease: RetriesExceeded), Ready=False
  'dependency-not-ready', // Ready=False DependencyNotReady, the new revision is never attempted
] as const;
export type FluxOutcome = (typeof FLUX_OUTCOMES)[number];

export interface FluxObjectScenario {
  kind: 'GitRepository' | 'OCIRepository' | 'Kustomization' | 'HelmRelease';
  name: string;
  namespace?: string;
  /** Sources: the repository URL. */
  url?: string;
  /** GitRepository: tracked branch (default main). */
  branch?: string;
  /** Sources: commit SHA (Git) or tag (OCI) at start. */
  revision?: string;
  /** Appliers: the source (Kustomization `sourceRef`, HelmRelease `chartRef` to an OCIRepository). */
  sourceRef?: { kind: 'GitRepository' | 'OCIRepository'; name: string; namespace?: string };
  /** Kustomization: path in the source. */
  path?: string;
  /** Kustomization `spec.wait`; with it (or healthChecks) Ready waits for health. Without both, Ready means applied. */
  wait?: boolean;
  healthChecks?: Array<{ apiVersion?: string; kind: string; name: string; namespace?: string }>;
  dependsOn?: Array<{ name: string; namespace?: string }>;
  outcome?: FluxOutcome;
  message?: string;
  /** The object ignores its interval and moves only when `reconcile.fluxcd.io/requestedAt` changes. */
  reconcileOnlyOnRequest?: boolean;
  /** Steps spent running health checks (default 2). */
  healthCheckSteps?: number;
  /** HelmRelease: chart name (default the release name). */
  chartName?: string;
}

export interface KubeUser {
  name: string;
  /** Bearer token (default: generated for the first user). */
  token?: string;
  groups?: string[];
  /** Verbs allowed (default all of get, list, watch, patch). */
  verbs?: string[];
}

export interface KubeScenario {
  objects: FluxObjectScenario[];
  /** `sha1` (Flux ≥ 2.0, `main@sha1:<sha>`) or `legacy` (`main/<sha>`). */
  revisionFormat?: 'sha1' | 'legacy';
  users?: KubeUser[];
  stepMs?: number;
  simulatedSecondsPerStep?: number;
  faults?: Fault[];
}

export function parseKubeScenario(input: unknown, source = 'scenario'): KubeScenario {
  if (typeof input !== 'object' || input === null) throw new Error(`${source}: expected a mapping with "objects"`);
  const raw = input as Record<string, unknown>;
  if (!Array.isArray(raw.objects)) throw new Error(`${source}: "objects" must be a list`);
  const objects = raw.objects.map((o, i) => {
    const obj = o as FluxObjectScenario;
    resourceByKind(obj?.kind);
    if (typeof obj.name !== 'string' || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(obj.name))
      throw new Error(`${source}: objects[${i}].name must be a DNS-1123 name`);
    if ((obj.kind === 'Kustomization' || obj.kind === 'HelmRelease') && !obj.sourceRef)
      throw new Error(`${source}: objects[${i}] (${obj.kind}) needs a sourceRef`);
    if (obj.kind === 'HelmRelease' && obj.sourceRef?.kind !== 'OCIRepository')
      throw new Error(`${source}: objects[${i}]: a HelmRelease's sourceRef (chartRef) must be an OCIRepository`);
    if (obj.outcome !== undefined && !FLUX_OUTCOMES.includes(obj.outcome))
      throw new Error(`${source}: objects[${i}].outcome must be one of ${FLUX_OUTCOMES.join(', ')}`);
    if (obj.kind === 'GitRepository' && obj.revision !== undefined && !/^[0-9a-f]{40}$/.test(obj.revision))
      throw new Error(`${source}: objects[${i}].revision must be a 40-hex commit SHA`);
    return obj;
  });
  const format = raw.revisionFormat;
  if (format !== undefined && format !== 'sha1' && format !== 'legacy') throw new Error(`${source}: revisionFormat must be sha1 or legacy`);
  return {
    objects,
    revisionFormat: format,
    users: raw.users as KubeUser[] | undefined,
    stepMs: raw.stepMs === undefined ? undefined : Number(raw.stepMs),
    simulatedSecondsPerStep: raw.simulatedSecondsPerStep === undefined ? undefined : Number(raw.simulatedSecondsPerStep),
    faults: Array.isArray(raw.faults) ? raw.faults.map(parseFault) : undefined,
  };
}
