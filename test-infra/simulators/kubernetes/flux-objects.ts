/** Builds Flux objects in their settled, Ready state at the scenario's initial revision. */
import { createHash, randomUUID } from 'node:crypto';
import { apiVersionOf, resourceByKind } from './flux-resources.js';
import type { KubeObject } from './object-store.js';
import type { FluxObjectScenario } from './scenario.js';

export const DEFAULT_GIT_SHA = '696f056df216eea4f9401adbee0ff744d4df390f';
export const DEFAULT_CHART_VERSION = '6.5.3';
export const SOURCE_CONTROLLER = 'http://source-controller.flux-system.svc.cluster.local.';

export const digestOf = (text: string): string => `sha256:${createHash('sha256').update(text).digest('hex')}`;

export function gitRevision(branch: string, sha: string, format: 'sha1' | 'legacy'): string {
  return format === 'legacy' ? `${branch}/${sha}` : `${branch}@sha1:${sha}`;
}

export function ociRevision(tag: string): string {
  return `${tag}@${digestOf(`oci:${tag}`)}`;
}

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  lastTransitionTime: string;
  observedGeneration: number;
}

export function condition(type: string, status: Condition['status'], reason: string, message: string, now: string, generation: number): Condition {
  return { type, status, reason, message, lastTransitionTime: now, observedGeneration: generation };
}

/** The revision of the artifact a source publishes now (undefined before its first). */
export function artifactRevision(source: KubeObject | undefined): string | undefined {
  return (source?.status?.artifact as { revision?: string } | undefined)?.revision;
}

/** The artifact a source publishes for a revision. */
export function artifactFor(kind: string, ns: string, name: string, revision: string, now: string): Record<string, unknown> {
  const folder = kind.toLowerCase();
  const file = `${digestOf(revision).slice(7, 47)}.tar.gz`;
  return {
    digest: digestOf(`artifact:${revision}`),
    lastUpdateTime: now,
    path: `${folder}/${ns}/${name}/${file}`,
    revision,
    size: 20_000 + ((revision.length * 37) % 5000),
    url: `${SOURCE_CONTROLLER}/${folder}/${ns}/${name}/${file}`,
  };
}

export function buildFluxObject(s: FluxObjectScenario, format: 'sha1' | 'legacy', now: string): KubeObject {
  const r = resourceByKind(s.kind);
  const ns = s.namespace ?? 'flux-system';
  const metadata = { name: s.name, namespace: ns, uid: randomUUID(), resourceVersion: '0', generation: 1, creationTimestamp: now };
  const base = { apiVersion: apiVersionOf(r), kind: s.kind, metadata };
  switch (s.kind) {
    case 'GitRepository': {
      const revision = gitRevision(s.branch ?? 'main', s.revision ?? DEFAULT_GIT_SHA, format);
      return {
        ...base,
        spec: { interval: '1m', url: s.url ?? 'https://github.com/acme/gitops-config', ref: { branch: s.branch ?? 'main' } },
        status: sourceReadyStatus(s.kind, ns, s.name, revision, now, 1),
      };
    }
    case 'OCIRepository': {
      const tag = s.revision ?? DEFAULT_CHART_VERSION;
      return {
        ...base,
        spec: { interval: '5m', url: s.url ?? `oci://ghcr.io/acme/charts/${s.name}`, ref: { tag } },
        status: { ...sourceReadyStatus(s.kind, ns, s.name, ociRevision(tag), now, 1), url: `${SOURCE_CONTROLLER}/ocirepository/${ns}/${s.name}/latest.tar.gz` },
      };
    }
    case 'Kustomization': {
      const sourceRef = { kind: s.sourceRef!.kind, name: s.sourceRef!.name, ...(s.sourceRef!.namespace ? { namespace: s.sourceRef!.namespace } : {}) };
      const spec: Record<string, unknown> = { interval: '10m', path: s.path ?? `./overlays/${s.name}`, prune: true, sourceRef, timeout: '5m' };
      if (s.wait) spec.wait = true;
      if (s.healthChecks)
        spec.healthChecks = s.healthChecks.map((h) => ({
          apiVersion: h.apiVersion ?? 'apps/v1',
          kind: h.kind,
          name: h.name,
          namespace: h.namespace ?? s.name,
        }));
      if (s.dependsOn) spec.dependsOn = s.dependsOn.map((d) => ({ name: d.name, ...(d.namespace ? { namespace: d.namespace } : {}) }));
      // The initial revision is filled in by the controller from the source, once both exist.
      return { ...base, spec, status: {} };
    }
    case 'HelmRelease': {
      const chartRef = { kind: 'OCIRepository', name: s.sourceRef!.name, ...(s.sourceRef!.namespace ? { namespace: s.sourceRef!.namespace } : {}) };
      const spec: Record<string, unknown> = { interval: '10m', chartRef, releaseName: s.name, targetNamespace: s.name, timeout: '5m' };
      if (s.dependsOn) spec.dependsOn = s.dependsOn.map((d) => ({ name: d.name, ...(d.namespace ? { namespace: d.namespace } : {}) }));
      return { ...base, spec, status: {} };
    }
  }
}

export function sourceReadyStatus(kind: string, ns: string, name: string, revision: string, now: string, generation: number): Record<string, unknown> {
  const message = `stored artifact for revision '${revision}'`;
  return {
    artifact: artifactFor(kind, ns, name, revision, now),
    conditions: [
      condition('Ready', 'True', 'Succeeded', message, now, generation),
      condition('ArtifactInStorage', 'True', 'Succeeded', message, now, generation),
    ],
    observedGeneration: generation,
  };
}
