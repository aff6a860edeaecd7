import { describe, expect, test } from '@jest/globals';
import type { ArgoApplication } from '../../src/controllers/argocd/argocd-types.js';
import type { FluxObject } from '../../src/controllers/flux/flux-types.js';
import type { DeclaredImages } from '../../src/drift/drift-types.js';
import { compareImages, judgeArgoDrift, judgeFluxDrift, lastSyncedRevision, type DriftContext, type RevisionStanding } from '../../src/drift/judge-drift.js';

const NOW = Date.parse('2026-03-20T12:00:00Z');
const HEAD = 'a'.repeat(40);
const OLD = 'b'.repeat(40);
const minutesAgo = (minutes: number): string => new Date(NOW - minutes * 60_000).toISOString();
const IMAGES = ['ghcr.io/acme/web:1.4.0', 'docker.io/fluent/fluent-bit:3.1.9'];
const declared: DeclaredImages = { overlays: ['apps/web/overlays/staging'], images: IMAGES, rendered: true };

function context(standings: Record<string, RevisionStanding> = { [HEAD]: 'head', [OLD]: 'behind' }, headAgeMinutes = 60): DriftContext {
  return {
    head: { branch: 'main', sha: HEAD, committedAt: NOW - headAgeMinutes * 60_000 },
    now: NOW,
    staleAfterMs: 10 * 60_000,
    declared,
    standings: new Map(Object.entries(standings)),
  };
}

type AppChanges = {
  sync?: string;
  health?: string;
  healthMessage?: string;
  revision?: string;
  synced?: string;
  phase?: string;
  reconciledMinutesAgo?: number;
  autoSync?: boolean;
  images?: string[];
  operation?: boolean;
  conditions?: Array<{ type: string; message: string }>;
  history?: readonly string[];
};

function argoApp(changes: AppChanges = {}): ArgoApplication {
  const revision = changes.revision ?? HEAD;
  return {
    metadata: { name: 'web-staging', namespace: 'argocd' },
    spec: {
      source: { repoURL: 'https://github.com/acme/config.git', path: 'apps/web/overlays/staging', targetRevision: 'main' },
      syncPolicy: changes.autoSync === false ? {} : { automated: {} },
    },
    status: {
      sync: { status: changes.sync ?? 'Synced', revision },
      health: { status: changes.health ?? 'Healthy', ...(changes.healthMessage ? { message: changes.healthMessage } : {}) },
      operationState: { phase: changes.phase ?? 'Succeeded', syncResult: { revision: changes.synced ?? revision } },
      reconciledAt: minutesAgo(changes.reconciledMinutesAgo ?? 1),
      ...(changes.conditions ? { conditions: changes.conditions } : {}),
      summary: { images: changes.images ?? IMAGES },
      ...(changes.history ? { history: changes.history.map((revision, id) => ({ id, revision })) } : {}),
    } as ArgoApplication['status'],
    ...(changes.operation ? { operation: { sync: { revision: HEAD } } } : {}),
  };
}

describe('judgeArgoDrift', () => {
  test.each<[string, AppChanges, Record<string, RevisionStanding> | undefined, number | undefined, Array<[string, RegExp]>]>([
    ['Synced, Healthy, at the head, same images: clean', {}, undefined, undefined, []],
    ['at an older commit that did not touch the app: clean', { revision: OLD }, { [OLD]: 'unchanged' }, undefined, []],
    ['OutOfSync with auto-sync on', { sync: 'OutOfSync' }, undefined, undefined, [['out-of-sync', /sync status OutOfSync at aaaaaaa/]]],
    [
      'OutOfSync after a failed auto-sync names the condition',
      { sync: 'OutOfSync', phase: 'Failed', conditions: [{ type: 'SyncError', message: 'admission webhook denied' }] },
      undefined,
      undefined,
      [['out-of-sync', /SyncError: admission webhook denied/]],
    ],
    [
      'manual sync waiting for a newer commit that changed the app: pending',
      { sync: 'OutOfSync', autoSync: false, synced: OLD },
      undefined,
      undefined,
      [['pending', /manual sync: aaaaaaa waits to be synced \(last synced bbbbbbb\)/]],
    ],
    [
      'manual sync, OutOfSync at what it last synced (changed in the cluster): drift',
      { sync: 'OutOfSync', autoSync: false },
      undefined,
      undefined,
      [['out-of-sync', /OutOfSync/]],
    ],
    [
      'Degraded, with the health message',
      { health: 'Degraded', healthMessage: 'Deployment "web" exceeded its progress deadline' },
      undefined,
      undefined,
      [['degraded', /health Degraded: Deployment "web" exceeded/]],
    ],
    ['Missing health counts as degraded', { health: 'Missing' }, undefined, undefined, [['degraded', /health Missing/]]],
    ['Progressing is a rollout: pending', { health: 'Progressing' }, undefined, undefined, [['pending', /rollout is in progress/]]],
    ['a sync running: pending', { phase: 'Running' }, undefined, undefined, [['pending', /sync is running/]]],
    ['a sync queued: pending', { operation: true }, undefined, undefined, [['pending', /sync is queued/]]],
    [
      'compared an older commit, the head changed the app an hour ago: not applied',
      { revision: OLD },
      undefined,
      60,
      [['not-applied', /reports bbbbbbb \(status.sync.revision\), but aaaaaaa \(60m old\) changed the app since/]],
    ],
    [
      'compared an older commit, the head is two minutes old: pending',
      { revision: OLD },
      undefined,
      2,
      [['pending', /aaaaaaa is 2m old and not looked at yet/]],
    ],
    ['a revision git does not know: not applied', { revision: 'c'.repeat(40) }, undefined, 60, [['not-applied', /reports ccccccc/]]],
    [
      'not reconciled for an hour: stale, not in sync',
      { reconciledMinutesAgo: 60 },
      undefined,
      undefined,
      [
        [
          'stale',
          /last reconciled 60m ago \(status.reconciledAt\), longer than stale-after: the controller may be down, so its Synced\/Healthy cannot be trusted/,
        ],
      ],
    ],
    [
      'Synced, but other images run',
      { images: ['ghcr.io/acme/web:1.3.2', 'docker.io/fluent/fluent-bit:3.1.9', 'busybox:latest'] },
      undefined,
      undefined,
      [['images-differ', /declared but not running: ghcr.io\/acme\/web:1.4.0; running but not declared: ghcr.io\/acme\/web:1.3.2, busybox:latest/]],
    ],
    [
      'Degraded and other images: both',
      { health: 'Degraded', images: ['x:1'] },
      undefined,
      undefined,
      [
        ['degraded', /Degraded/],
        ['images-differ', /x:1/],
      ],
    ],
  ])('%s', (_title, changes, standings, headAge, expected) => {
    const { findings } = judgeArgoDrift(argoApp(changes), context(standings, headAge));
    expect(findings.map((finding) => [finding.kind, finding.message])).toEqual(expected.map(([kind, message]) => [kind, expect.stringMatching(message)]));
  });

  test('the view carries what the report shows', () => {
    const { view } = judgeArgoDrift(argoApp({ autoSync: false }), context());
    expect(view).toEqual({
      controller: 'argocd',
      object: 'web-staging',
      found: true,
      sync: 'Synced',
      health: 'Healthy',
      revision: HEAD,
      images: IMAGES,
      reconciledAt: minutesAgo(1),
      autoSync: false,
    });
  });

  test('the last synced revision comes from a succeeded operation, else from history', () => {
    expect(lastSyncedRevision(argoApp({ synced: OLD }))).toBe(OLD);
    const failed = argoApp({ phase: 'Failed', synced: HEAD });
    (failed.status as { history?: unknown[] }).history = [{ revision: OLD }];
    expect(lastSyncedRevision(failed)).toBe(OLD);
  });
});

describe('compareImages', () => {
  test.each([
    [['a:1', 'b:2'], true, ['b:2', 'a:1'], undefined],
    [['a:1'], false, ['a:1', 'sidecar:3'], undefined],
    [['a:1'], true, ['a:1', 'sidecar:3'], 'running but not declared: sidecar:3'],
    [['a:2'], false, ['a:1'], 'declared but not running: a:2'],
  ])('declared %j (rendered %s) vs live %j', (images, rendered, live, message) => {
    expect(compareImages({ overlays: [], images, rendered }, live)?.message).toBe(message);
  });
});

type FluxChanges = {
  ready?: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  applied?: string;
  attempted?: string;
  suspend?: boolean;
  stalled?: boolean;
  reconciling?: boolean;
  generation?: number;
  kind?: string;
};

function fluxObject(changes: FluxChanges = {}): FluxObject {
  const applied = `main@sha1:${changes.applied ?? HEAD}`;
  return {
    kind: changes.kind ?? 'Kustomization',
    metadata: { name: 'web-staging', namespace: 'flux-system', generation: changes.generation ?? 1 },
    spec: changes.suspend ? { suspend: true } : {},
    status: {
      observedGeneration: 1,
      lastAppliedRevision: applied,
      lastAttemptedRevision: changes.attempted ? `main@sha1:${changes.attempted}` : applied,
      conditions: [
        {
          type: 'Ready',
          status: changes.ready ?? 'True',
          reason: changes.reason ?? 'ReconciliationSucceeded',
          message: changes.message ?? `Applied revision: ${applied}`,
        },
        ...(changes.stalled ? [{ type: 'Stalled', status: 'True', reason: 'InvalidCELExpression', message: 'bad expression' }] : []),
        ...(changes.reconciling ? [{ type: 'Reconciling', status: 'True', reason: 'Progressing', message: 'Fetching manifests' }] : []),
      ],
    },
  };
}

describe('judgeFluxDrift', () => {
  test.each<[string, FluxChanges, Array<[string, RegExp]>]>([
    ['Ready at the head: clean', {}, []],
    ['applied an older commit that did not touch the app: clean', { applied: 'd'.repeat(40) }, []],
    ['applied an older commit behind a change: not applied', { applied: OLD }, [['not-applied', /reports bbbbbbb \(status.lastAppliedRevision\)/]]],
    ['suspended: out of sync', { suspend: true }, [['out-of-sync', /suspended/]]],
    [
      'Stalled: degraded',
      { stalled: true, ready: 'False', reason: 'InvalidCELExpression' },
      [['degraded', /Stalled \(InvalidCELExpression: bad expression\)/]],
    ],
    [
      'health checks fail: degraded',
      { ready: 'False', reason: 'HealthCheckFailed', message: 'timeout waiting for Deployment/web' },
      [['degraded', /Ready=False \(HealthCheckFailed: timeout waiting/]],
    ],
    [
      'a newer commit failed to build: not applied',
      { ready: 'False', reason: 'BuildFailed', message: 'kustomize build failed', attempted: HEAD, applied: OLD },
      [['not-applied', /main@sha1:a{40} failed to apply \(BuildFailed/]],
    ],
    [
      'reconciling: pending',
      { ready: 'Unknown', reason: 'Progressing', message: 'Reconciliation in progress', reconciling: true },
      [['pending', /reconciling \(Reconciliation in progress\)/]],
    ],
    ['a spec change not reconciled yet: pending', { generation: 2 }, [['pending', /observedGeneration/]]],
    ['a HelmRelease is judged on Ready alone', { kind: 'HelmRelease', applied: OLD }, []],
  ])('%s', (_title, changes, expected) => {
    const { findings } = judgeFluxDrift(fluxObject(changes), context({ [HEAD]: 'head', [OLD]: 'behind', ['d'.repeat(40)]: 'unchanged' }));
    expect(findings.map((finding) => [finding.kind, finding.message])).toEqual(expected.map(([kind, message]) => [kind, expect.stringMatching(message)]));
  });
});

describe('a head younger than stale-after explains what a controller shows before it applied the head, and nothing else', () => {
  const YOUNG = 2;
  const OLD_HEAD = 60;
  const standings = { [HEAD]: 'head', [OLD]: 'behind', ['d'.repeat(40)]: 'unchanged' } as const;
  const argo = (changes: AppChanges, headAge: number) => judgeArgoDrift(argoApp(changes), context(standings, headAge)).findings;
  const flux = (changes: FluxChanges, headAge: number) => judgeFluxDrift(fluxObject(changes), context(standings, headAge)).findings;
  const notSynced = { sync: 'OutOfSync', synced: OLD } as const;
  const failedAtHead = { ...notSynced, phase: 'Failed', synced: HEAD, history: [OLD] } as const;
  const dependencyWait = { ready: 'False', reason: 'DependencyNotReady', message: "dependency 'flux-system/infra' is not ready", applied: OLD } as const;

  test.each<[string, (headAge: number) => ReturnType<typeof argo>, Array<[string, RegExp]>, Array<[string, RegExp]>]>([
    // Argo CD
    [
      'Argo CD out-of-sync: compared the head, auto-sync has not started yet',
      (age) => argo(notSynced, age),
      [['pending', /^OutOfSync at aaaaaaa, and aaaaaaa is 2m old: auto-sync has not started a sync yet$/]],
      [['out-of-sync', /^sync status OutOfSync at aaaaaaa$/]],
    ],
    [
      'Argo CD out-of-sync: an older commit failed to sync, the head not tried yet',
      (age) => argo({ ...notSynced, phase: 'Failed', history: [OLD] }, age),
      [['pending', /auto-sync has not started/]],
      [['out-of-sync', /OutOfSync at aaaaaaa/]],
    ],
    [
      'Argo CD out-of-sync at what it last synced (a change in the cluster)',
      (age) => argo({ sync: 'OutOfSync' }, age),
      [['out-of-sync', /OutOfSync at aaaaaaa/]],
      [['out-of-sync', /OutOfSync at aaaaaaa/]],
    ],
    [
      'Argo CD out-of-sync: the sync of the head failed',
      (age) => argo(failedAtHead, age),
      [['out-of-sync', /OutOfSync at aaaaaaa/]],
      [['out-of-sync', /OutOfSync at aaaaaaa/]],
    ],
    [
      'Argo CD out-of-sync: a SyncError condition',
      (age) => argo({ ...notSynced, conditions: [{ type: 'SyncError', message: 'Failed last sync attempt' }] }, age),
      [['out-of-sync', /SyncError: Failed last sync attempt/]],
      [['out-of-sync', /SyncError/]],
    ],
    [
      'Argo CD out-of-sync: the head does not render (sync Unknown, ComparisonError)',
      (age) => argo({ sync: 'Unknown', synced: OLD, conditions: [{ type: 'ComparisonError', message: 'kustomize build failed' }] }, age),
      [['out-of-sync', /sync status Unknown at aaaaaaa \(ComparisonError/]],
      [['out-of-sync', /ComparisonError/]],
    ],
    [
      'Argo CD not-applied: still compares an older commit',
      (age) => argo({ revision: OLD }, age),
      [['pending', /not looked at yet/]],
      [['not-applied', /changed the app since/]],
    ],
    [
      'Argo CD degraded (Missing): what the unsynced head adds does not exist yet',
      (age) => argo({ ...notSynced, health: 'Missing' }, age),
      [
        ['pending', /auto-sync has not started/],
        ['pending', /^health Missing: aaaaaaa \(2m old\) is not synced yet$/],
      ],
      [
        ['out-of-sync', /OutOfSync/],
        ['degraded', /health Missing/],
      ],
    ],
    [
      'Argo CD degraded (Missing) at what it last synced',
      (age) => argo({ health: 'Missing' }, age),
      [['degraded', /health Missing/]],
      [['degraded', /health Missing/]],
    ],
    [
      'Argo CD degraded: the running version fails, whatever the head',
      (age) => argo({ ...notSynced, health: 'Degraded' }, age),
      [
        ['pending', /auto-sync has not started/],
        ['degraded', /health Degraded/],
      ],
      [
        ['out-of-sync', /OutOfSync/],
        ['degraded', /health Degraded/],
      ],
    ],
    [
      'Argo CD images-differ: Synced at the head but other images run',
      (age) => argo({ images: ['x:1'] }, age),
      [['images-differ', /x:1/]],
      [['images-differ', /x:1/]],
    ],
    [
      'Argo CD stale: the controller stopped reconciling',
      (age) => argo({ reconciledMinutesAgo: 30 }, age),
      [['stale', /last reconciled 30m ago/]],
      [['stale', /last reconciled 30m ago/]],
    ],
    // Flux
    [
      'Flux not-applied: applied an older commit behind a change',
      (age) => flux({ applied: OLD }, age),
      [['pending', /not looked at yet/]],
      [['not-applied', /changed the app since/]],
    ],
    [
      'Flux not-applied: the head failed to build',
      (age) => flux({ ready: 'False', reason: 'BuildFailed', message: 'kustomize build failed', attempted: HEAD, applied: OLD }, age),
      [['not-applied', /failed to apply \(BuildFailed/]],
      [['not-applied', /failed to apply \(BuildFailed/]],
    ],
    [
      'Flux waits for a dependency that applies the head',
      (age) => flux(dependencyWait, age),
      [['pending', /^waits for a dependency \(DependencyNotReady: dependency 'flux-system\/infra' is not ready\), and aaaaaaa is 2m old$/]],
      [['degraded', /Ready=False \(DependencyNotReady/]],
    ],
    [
      'Flux waits for a dependency after it applied the head',
      (age) => flux({ ...dependencyWait, applied: HEAD }, age),
      [['degraded', /DependencyNotReady/]],
      [['degraded', /DependencyNotReady/]],
    ],
    [
      'Flux degraded: health checks fail',
      (age) => flux({ ready: 'False', reason: 'HealthCheckFailed', message: 'timeout', applied: OLD }, age),
      [['degraded', /HealthCheckFailed/]],
      [['degraded', /HealthCheckFailed/]],
    ],
    [
      'Flux degraded: Stalled',
      (age) => flux({ stalled: true, ready: 'False', reason: 'InvalidCELExpression', applied: OLD }, age),
      [['degraded', /Stalled/]],
      [['degraded', /Stalled/]],
    ],
    ['Flux out-of-sync: suspended', (age) => flux({ suspend: true, applied: OLD }, age), [['out-of-sync', /suspended/]], [['out-of-sync', /suspended/]]],
  ])('%s', (_title, judge, young, old) => {
    const shape = (findings: ReturnType<typeof argo>) => findings.map((finding) => [finding.kind, finding.message]);
    const expected = (rows: Array<[string, RegExp]>) => rows.map(([kind, message]) => [kind, expect.stringMatching(message)]);
    expect({ young: shape(judge(YOUNG)), old: shape(judge(OLD_HEAD)) }).toEqual({ young: expected(young), old: expected(old) });
  });
});
