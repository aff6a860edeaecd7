/**
 * The simulated Flux controllers (source, kustomize, helm): when a source's head moves, or a
 * reconcile is requested through `reconcile.fluxcd.io/requestedAt`, or the spec changes, play the
 * scenario's timeline: conditions, observedGeneration, last{Attempted,Applied}Revision, history.
 */
import type { StepClock } from '../scenario/step-clock.js';
import { artifactRevision, type Condition, condition, digestOf, gitRevision, ociRevision, sourceReadyStatus } from './flux-objects.js';
import type { KubeObject, ObjectStore } from './object-store.js';
import type { FluxObjectScenario } from './scenario.js';

export const REQUESTED_AT = 'reconcile.fluxcd.io/requestedAt';

interface Runtime {
  scenario: FluxObjectScenario;
  /** Sources: the head revision (commit SHA or tag) the remote now has. */
  head?: string;
  handledGeneration: number;
}

const key = (ns: string, name: string, kind: string): string => `${kind}/${ns}/${name}`;
const isSource = (kind: string): boolean => kind === 'GitRepository' || kind === 'OCIRepository';

export class FluxController {
  private readonly runtimes = new Map<string, Runtime>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: StepClock,
    private readonly format: 'sha1' | 'legacy',
  ) {
    this.unsubscribe = store.subscribe((e) => e.type === 'MODIFIED' && this.onModified(e.object));
  }

  register(scenario: FluxObjectScenario, obj: KubeObject): void {
    this.runtimes.set(key(obj.metadata.namespace, obj.metadata.name, obj.kind), {
      scenario,
      head: scenario.revision,
      handledGeneration: obj.metadata.generation,
    });
  }

  /** Give appliers their settled Ready status at their source's initial revision (before any client looks). */
  settleAppliers(): void {
    for (const rt of this.runtimes.values()) {
      const s = rt.scenario;
      if (isSource(s.kind)) continue;
      const ns = s.namespace ?? 'flux-system';
      const revision = this.sourceRevision(s);
      this.store.update(s.kind, ns, s.name, (o) => {
        const now = this.clock.timestamp();
        if (s.kind === 'Kustomization') o.status = kustomizationReady(o, revision ?? 'main@sha1:unknown', now, Boolean(s.wait || s.healthChecks));
        else o.status = helmReleaseReady(o, chartVersionOf(revision), now, s.chartName ?? s.name);
      });
    }
  }

  close(): void {
    this.unsubscribe();
  }

  /** The test says: the source's remote now has `revision` (a commit SHA for Git, a tag for OCI). */
  setRevision(kind: 'GitRepository' | 'OCIRepository', namespace: string, name: string, revision: string): void {
    const rt = this.runtimes.get(key(namespace, name, kind));
    if (!rt) throw new Error(`no ${kind} ${namespace}/${name} in the scenario`);
    if (kind === 'GitRepository' && !/^[0-9a-f]{40}$/.test(revision)) throw new Error(`setRevision: "${revision}" is not a 40-hex commit SHA`);
    rt.head = revision;
    if (!rt.scenario.reconcileOnlyOnRequest) this.clock.after(1, timeline(kind, namespace, name), () => this.reconcileSource(kind, namespace, name));
  }

  private onModified(obj: KubeObject): void {
    const rt = this.runtimes.get(key(obj.metadata.namespace, obj.metadata.name, obj.kind));
    if (!rt) return;
    const requested = obj.metadata.annotations?.[REQUESTED_AT];
    const newRequest = requested !== undefined && requested !== obj.status?.lastHandledReconcileAt && !this.clock.hasPending(request(obj));
    const newGeneration = obj.metadata.generation > rt.handledGeneration;
    if (!newRequest && !newGeneration) return;
    rt.handledGeneration = obj.metadata.generation;
    if (obj.spec.suspend === true) return; // a suspended object is not reconciled, not even on request
    const { kind } = obj;
    const { namespace, name } = obj.metadata;
    this.clock.after(1, request(obj), () =>
      isSource(kind) ? this.reconcileSource(kind, namespace, name, true) : this.reconcileApplier(kind, namespace, name, true),
    );
  }

  private reconcileSource(kind: string, ns: string, name: string, forced = false): void {
    const rt = this.runtimes.get(key(ns, name, kind))!;
    const obj = this.store.get(kind, ns, name)!;
    const revision = this.revisionFor(rt.scenario, rt.head);
    const now = this.clock.timestamp();
    const gen = obj.metadata.generation;
    if (artifactRevision(obj) === revision) {
      this.store.update(kind, ns, name, (o) => {
        handleRequest(o);
        o.status!.observedGeneration = gen;
      });
      if (forced) this.notifyDependents(kind, ns, name);
      return;
    }
    const message = `building artifact: new upstream revision '${revision}'`;
    this.store.update(kind, ns, name, (o) => {
      setConditions(o, [
        condition('Reconciling', 'True', 'Progressing', message, now, gen),
        condition('Ready', 'Unknown', 'Progressing', message, now, gen),
        condition('ArtifactOutdated', 'True', 'NewRevision', `new upstream revision '${revision}'`, now, gen),
      ]);
    });
    this.clock.after(1, timeline(kind, ns, name), () => {
      this.store.update(kind, ns, name, (o) => {
        const ready = sourceReadyStatus(kind, ns, name, revision, this.clock.timestamp(), o.metadata.generation);
        o.status = { ...o.status, ...ready };
        if (kind === 'OCIRepository') o.spec.ref = { tag: rt.head };
        handleRequest(o);
      });
      this.notifyDependents(kind, ns, name);
    });
  }

  /** Appliers watch their source's artifact and reconcile as soon as it changes. */
  private notifyDependents(kind: string, ns: string, name: string): void {
    for (const rt of this.runtimes.values()) {
      const s = rt.scenario;
      if (isSource(s.kind) || s.sourceRef?.kind !== kind || s.sourceRef.name !== name || (s.sourceRef.namespace ?? s.namespace ?? 'flux-system') !== ns)
        continue;
      if (s.reconcileOnlyOnRequest) continue;
      const ans = s.namespace ?? 'flux-system';
      this.clock.after(1, timeline(s.kind, ans, s.name), () => this.reconcileApplier(s.kind, ans, s.name, false));
    }
  }

  private reconcileApplier(kind: string, ns: string, name: string, forced: boolean): void {
    const rt = this.runtimes.get(key(ns, name, kind))!;
    const s = rt.scenario;
    const obj = this.store.get(kind, ns, name)!;
    const revision = this.sourceRevision(s) ?? '';
    const attempted = kind === 'HelmRelease' ? chartVersionOf(revision) : revision;
    const gen = obj.metadata.generation;
    const outcome = s.outcome ?? 'ready';
    const at = (steps: number, fn: (o: KubeObject, now: string) => void): void =>
      this.clock.after(steps, timeline(kind, ns, name), () => this.store.update(kind, ns, name, (o) => fn(o, this.clock.timestamp())));
    const settled = obj.status?.lastAttemptedRevision === attempted && obj.status?.observedGeneration === gen && readyStatus(obj) === 'True';
    if (settled && !forced) return;
    if (outcome === 'dependency-not-ready') {
      const dep = s.dependsOn?.[0] ?? { name: 'infrastructure' };
      return at(0, (o, now) => {
        setConditions(o, [
          condition('Ready', 'False', 'DependencyNotReady', s.message ?? `dependency '${dep.namespace ?? ns}/${dep.name}' is not ready`, now, gen),
        ]);
        handleRequest(o);
      });
    }
    if (kind === 'HelmRelease') return this.helmTimeline(s, attempted, revision, gen, at);
    const withHealth = Boolean(s.wait || s.healthChecks);
    const fetching = `Fetching manifests for revision ${revision} with a timeout of 5m0s`;
    at(0, (o, now) => {
      o.status!.lastAttemptedRevision = revision;
      setConditions(o, [
        condition('Reconciling', 'True', 'Progressing', fetching, now, gen),
        condition('Ready', 'Unknown', 'Progressing', 'Reconciliation in progress', now, gen),
      ]);
    });
    const fail = (steps: number, reason: string, message: string, healthy = false): void =>
      at(steps, (o, now) => {
        const conds = [
          condition('Reconciling', 'True', 'ProgressingWithRetry', conditionMessage(o, 'Reconciling') ?? fetching, now, gen),
          condition('Ready', 'False', reason, message, now, gen),
        ];
        if (healthy) conds.push(condition('Healthy', 'False', reason, message, now, gen));
        setConditions(o, conds);
        handleRequest(o);
      });
    if (outcome === 'build-failed')
      return fail(
        1,
        'BuildFailed',
        s.message ??
          `kustomize build failed: accumulating resources: accumulation err='accumulating resources from 'deployment.yaml': ` +
            `open ${s.path ?? `./overlays/${name}`}/deployment.yaml: no such file or directory'`,
      );
    if (outcome === 'reconciliation-failed')
      return fail(
        1,
        'ReconciliationFailed',
        s.message ??
          `Deployment/${name}/${name} dry-run failed: failed to create typed patch object (${name}/${name}; apps/v1, Kind=Deployment): ` +
            `.spec.template.spec.containers[name="app"].imagePullPolicy: expected string, got &value.valueUnstructured{Value:1}`,
      );
    if (outcome === 'stalled') {
      return at(1, (o, now) => {
        setConditions(o, [
          condition(
            'Stalled',
            'True',
            'InvalidCELExpression',
            s.message ?? "failed to evaluate the CEL expression 'status.ready == true': no such key: ready",
            now,
            gen,
          ),
          condition(
            'Ready',
            'False',
            'InvalidCELExpression',
            s.message ?? "failed to evaluate the CEL expression 'status.ready == true': no such key: ready",
            now,
            gen,
          ),
        ]);
        o.status!.observedGeneration = gen;
        handleRequest(o);
      });
    }
    let step = 1;
    if (withHealth) {
      const checking = `Running health checks for revision ${revision} with a timeout of 5m0s`;
      at(step, (o, now) =>
        setConditions(o, [
          condition('Reconciling', 'True', 'Progressing', checking, now, gen),
          condition('Ready', 'Unknown', 'Progressing', 'Reconciliation in progress', now, gen),
          condition('Healthy', 'Unknown', 'Progressing', checking, now, gen),
        ]),
      );
      step += s.healthCheckSteps ?? 2;
      if (outcome === 'health-check-failed') {
        const target = s.healthChecks?.[0] ?? { kind: 'Deployment', name, namespace: name };
        return fail(
          step,
          'HealthCheckFailed',
          s.message ?? `health check failed after 5m0s: timeout waiting for: [${target.kind}/${target.namespace ?? name}/${target.name} status: 'InProgress']`,
          true,
        );
      }
    }
    at(step, (o, now) => {
      const previous = (o.status!.history as unknown[] | undefined) ?? [];
      o.status = { ...kustomizationReady(o, revision, now, withHealth), history: [historyEntry(revision, now), ...previous].slice(0, 5) };
      handleRequest(o);
    });
  }

  private helmTimeline(
    s: FluxObjectScenario,
    version: string,
    revision: string,
    gen: number,
    at: (steps: number, fn: (o: KubeObject, now: string) => void) => void,
  ): void {
    const ns = s.namespace ?? 'flux-system';
    const outcome = s.outcome ?? 'ready';
    const running = "Running 'upgrade' action with timeout of 5m0s";
    at(0, (o, now) => {
      Object.assign(o.status!, {
        lastAttemptedRevision: version,
        lastAttemptedRevisionDigest: revision.split('@')[1],
        lastAttemptedGeneration: gen,
        lastAttemptedReleaseAction: 'upgrade',
      });
      setConditions(o, [condition('Reconciling', 'True', 'Progressing', running, now, gen), condition('Ready', 'Unknown', 'Progressing', running, now, gen)]);
    });
    const chart = s.chartName ?? s.name;
    at(1 + (outcome === 'health-check-failed' ? (s.healthCheckSteps ?? 2) : 0), (o, now) => {
      const history = (o.status!.history as Array<Record<string, unknown>> | undefined) ?? [];
      const release = Number(history[0]?.version ?? 0) + 1;
      const target = `${ns}/${s.name}.v${release}`;
      handleRequest(o);
      if (outcome === 'ready') {
        const message = `Helm upgrade succeeded for release ${target} with chart ${chart}@${version}`;
        o.status!.history = [releaseSnapshot(s.name, chart, version, release, 'deployed', now), ...history.map((h) => ({ ...h, status: 'superseded' }))].slice(
          0,
          5,
        );
        setConditions(o, [
          condition('Ready', 'True', 'UpgradeSucceeded', message, now, gen),
          condition('Released', 'True', 'UpgradeSucceeded', message, now, gen),
        ]);
        o.status!.observedGeneration = gen;
        return;
      }
      const detail =
        s.message ??
        (outcome === 'health-check-failed'
          ? `timeout waiting for: [Deployment/${s.name}/${s.name} status: 'InProgress']`
          : 'cannot patch "app" with kind Deployment: Deployment.apps "app" is invalid');
      const message = `Helm upgrade failed for release ${ns}/${s.name} with chart ${chart}@${version}: ${detail}`;
      o.status!.history = [releaseSnapshot(s.name, chart, version, release, 'failed', now), ...history].slice(0, 5);
      o.status!.failures = Number(o.status!.failures ?? 0) + 1;
      o.status!.upgradeFailures = Number(o.status!.upgradeFailures ?? 0) + 1;
      const conds = [condition('Ready', 'False', 'UpgradeFailed', message, now, gen), condition('Released', 'False', 'UpgradeFailed', message, now, gen)];
      if (outcome === 'stalled') {
        conds.push(condition('Stalled', 'True', 'RetriesExceeded', 'Failed to upgrade after 1 attempt(s)', now, gen));
        o.status!.observedGeneration = gen;
      } else conds.push(condition('Reconciling', 'True', 'ProgressingWithRetry', running, now, gen));
      setConditions(o, conds);
    });
  }

  /** The artifact revision an applier's source currently publishes. */
  private sourceRevision(s: FluxObjectScenario): string | undefined {
    const ref = s.sourceRef!;
    const src = this.store.get(ref.kind, ref.namespace ?? s.namespace ?? 'flux-system', ref.name);
    return artifactRevision(src);
  }

  private revisionFor(s: FluxObjectScenario, head: string | undefined): string {
    if (s.kind === 'OCIRepository') return ociRevision(head ?? '');
    return gitRevision(s.branch ?? 'main', head ?? '', this.format);
  }
}

const timeline = (kind: string, ns: string, name: string): string => `timeline:${kind}/${ns}/${name}`;
const request = (o: KubeObject): string => `request:${o.kind}/${o.metadata.namespace}/${o.metadata.name}`;

function chartVersionOf(revision: string | undefined): string {
  return (revision ?? '').split('@')[0];
}

function readyStatus(o: KubeObject): string | undefined {
  return (o.status?.conditions as Condition[] | undefined)?.find((c) => c.type === 'Ready')?.status;
}

function conditionMessage(o: KubeObject, type: string): string | undefined {
  return (o.status?.conditions as Condition[] | undefined)?.find((c) => c.type === type)?.message;
}

/** Replace conditions by type, keeping lastTransitionTime when the status did not change (as kstatus does). */
function setConditions(o: KubeObject, next: Condition[]): void {
  o.status = o.status ?? {};
  const old = (o.status.conditions as Condition[] | undefined) ?? [];
  const merged = next.map((c) => {
    const prev = old.find((p) => p.type === c.type);
    return prev && prev.status === c.status ? { ...c, lastTransitionTime: prev.lastTransitionTime } : c;
  });
  // Reconciling and Stalled exist only while True: conditions not named in `next` are dropped.
  o.status.conditions = merged;
}

/** Echo the requested-at token: this is how `flux reconcile` knows its request was handled. */
function handleRequest(o: KubeObject): void {
  const requested = o.metadata.annotations?.[REQUESTED_AT];
  if (requested !== undefined) o.status = { ...o.status, lastHandledReconcileAt: requested };
}

function kustomizationReady(o: KubeObject, revision: string, now: string, withHealth: boolean): Record<string, unknown> {
  const gen = o.metadata.generation;
  const { name } = o.metadata;
  const conditions = [condition('Ready', 'True', 'ReconciliationSucceeded', `Applied revision: ${revision}`, now, gen)];
  if (withHealth) conditions.push(condition('Healthy', 'True', 'Succeeded', 'Health check passed in 2.03s', now, gen));
  return {
    ...o.status,
    conditions,
    inventory: {
      entries: [
        { id: `${name}_${name}_apps_Deployment`, v: 'v1' },
        { id: `${name}__Namespace`, v: 'v1' },
        { id: `${name}_${name}__Service`, v: 'v1' },
      ],
    },
    lastAppliedRevision: revision,
    lastAttemptedRevision: revision,
    observedGeneration: gen,
  };
}

function historyEntry(revision: string, now: string): Record<string, unknown> {
  return {
    digest: digestOf(`inventory:${revision}`),
    firstReconciled: now,
    lastReconciled: now,
    lastReconciledDuration: '2.03s',
    lastReconciledStatus: 'ReconciliationSucceeded',
    totalReconciliations: 1,
    metadata: { revision },
  };
}

function helmReleaseReady(o: KubeObject, version: string, now: string, chart: string): Record<string, unknown> {
  const gen = o.metadata.generation;
  const { name, namespace } = o.metadata;
  const message = `Helm install succeeded for release ${namespace}/${name}.v1 with chart ${chart}@${version}`;
  return {
    conditions: [condition('Ready', 'True', 'InstallSucceeded', message, now, gen), condition('Released', 'True', 'InstallSucceeded', message, now, gen)],
    history: [releaseSnapshot(name, chart, version, 1, 'deployed', now)],
    lastAttemptedConfigDigest: digestOf('values:{}'),
    lastAttemptedGeneration: gen,
    lastAttemptedReleaseAction: 'install',
    lastAttemptedRevision: version,
    observedGeneration: gen,
    storageNamespace: name,
  };
}

/** A Helm release snapshot; the release lives in the target namespace, named like the HelmRelease. */
function releaseSnapshot(name: string, chart: string, version: string, release: number, status: string, now: string): Record<string, unknown> {
  return {
    chartName: chart,
    chartVersion: version,
    configDigest: digestOf('values:{}'),
    digest: digestOf(`release:${name}:${release}:${version}`),
    firstDeployed: now,
    lastDeployed: now,
    name,
    namespace: name,
    status,
    version: release,
  };
}
