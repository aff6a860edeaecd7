/** Builds the initial, Synced and Healthy, Application object for a scenario entry. */
import { randomUUID } from 'node:crypto';
import type { Application, ApplicationSource } from './application-types.js';
import type { ArgoAppScenario } from './scenario.js';

export const DEFAULT_INITIAL_REVISION = '6f3b2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a';
export const MANIFEST_GENERATE_PATHS = 'argocd.argoproj.io/manifest-generate-paths';

export function appSources(scenario: ArgoAppScenario): { git: ApplicationSource; chart?: ApplicationSource } {
  const git: ApplicationSource = {
    repoURL: scenario.repoURL ?? 'https://github.com/acme/gitops-config.git',
    path: scenario.path ?? `overlays/${scenario.name}`,
    targetRevision: scenario.targetRevision ?? 'main',
  };
  const chart = scenario.helmChart && {
    repoURL: scenario.helmChart.repoURL,
    chart: scenario.helmChart.chart,
    targetRevision: scenario.helmChart.targetRevision,
  };
  return { git, chart };
}

export function buildApplication(scenario: ArgoAppScenario, now: string): Application {
  const { git, chart } = appSources(scenario);
  const revision = scenario.initialRevision ?? DEFAULT_INITIAL_REVISION;
  const destination = { server: scenario.destinationServer ?? 'https://kubernetes.default.svc', namespace: scenario.destinationNamespace ?? scenario.name };
  const multi = chart !== undefined;
  const sources = multi ? [git, chart] : undefined;
  const revisions = multi ? [revision, chart.targetRevision ?? ''] : undefined;
  const annotations = scenario.manifestGeneratePaths ? { [MANIFEST_GENERATE_PATHS]: scenario.manifestGeneratePaths } : undefined;
  const operation = { sync: multi ? { revisions } : { revision }, initiatedBy: { automated: true }, retry: { limit: 5 } };
  return {
    metadata: {
      name: scenario.name,
      namespace: scenario.namespace ?? 'argocd',
      uid: randomUUID(),
      resourceVersion: '0',
      generation: 1,
      creationTimestamp: now,
      ...(scenario.labels ? { labels: scenario.labels } : {}),
      ...(annotations ? { annotations } : {}),
    },
    spec: {
      project: scenario.project ?? 'default',
      ...(multi ? { sources } : { source: git }),
      destination,
      syncPolicy:
        scenario.autoSync === false
          ? { syncOptions: ['CreateNamespace=true'] }
          : { automated: { prune: true, selfHeal: true }, syncOptions: ['CreateNamespace=true'] },
    },
    status: {
      sync: multi
        ? { status: 'Synced', revisions, comparedTo: { sources, destination } }
        : { status: 'Synced', revision, comparedTo: { source: git, destination } },
      health: { status: 'Healthy', lastTransitionTime: now },
      operationState: {
        operation,
        phase: 'Succeeded',
        message: 'successfully synced (all tasks run)',
        startedAt: now,
        finishedAt: now,
        syncResult: multi ? { revision: revision, revisions, sources } : { revision, source: git },
      },
      reconciledAt: now,
      summary: { images: scenario.images ?? [`ghcr.io/acme/${scenario.name}:1.0.0`] },
      history: [
        { id: 0, ...(multi ? { revisions, sources } : { revision, source: git }), deployedAt: now, deployStartedAt: now, initiatedBy: { automated: true } },
      ],
      sourceType: multi ? 'Helm' : 'Kustomize',
      ...(multi ? { sourceTypes: ['Kustomize', 'Helm'] } : {}),
      controllerNamespace: 'argocd',
    },
  };
}
