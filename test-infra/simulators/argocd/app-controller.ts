/**
 * The simulated application controller: plays a scenario's timeline when a new commit becomes the
 * head of an app's branch, reconciles on refresh requests and runs sync operations. All state
 * changes go through the AppStore so that every step is one resourceVersion and one watch event.
 */
import type { StepClock } from '../scenario/step-clock.js';
import type { Application, Operation } from './application-types.js';
import { qualifiedName } from './application-types.js';
import { appSources } from './application-factory.js';
import type { AppStore } from './app-store.js';
import type { ArgoAppScenario, ArgoOutcome } from './scenario.js';

export const REFRESH_ANNOTATION = 'argocd.argoproj.io/refresh';

/** Per-app knowledge that lives outside the Application object: what git and the chart repo hold now. */
interface AppRuntime {
  scenario: ArgoAppScenario;
  /** Commit at the head of the tracked branch, as told by the test. */
  head: string;
  chartVersion?: string;
  /** Images the next successful sync will report in `status.summary.images`. */
  nextImages?: string[];
  /** Whether the newest commit touched the app's manifest-generate-paths. */
  headTouchesPaths: boolean;
  /** A sync ended but health was not re-assessed yet (healthLagSteps): the next reconcile assesses it. */
  healthPending?: boolean;
}

export interface SetRevisionOptions {
  appNamespace?: string;
  /** Multi-source apps: the new version of the Helm chart source (changes `spec.sources[1].targetRevision`). */
  chartVersion?: string;
  /** Images the app will run once synced. */
  images?: string[];
  /** Whether this commit changed files under the app's manifest-generate-paths (default from the scenario). */
  touchesPaths?: boolean;
}

export class SimulatorError extends Error {
  constructor(
    readonly grpcCode: number,
    message: string,
  ) {
    super(message);
  }
}

const DEFAULT_MESSAGES: Record<ArgoOutcome, string> = {
  healthy: '',
  degraded: 'Deployment "app" exceeded its progress deadline',
  'degraded-then-healthy': 'Deployment "app" exceeded its progress deadline',
  'sync-failed': 'one or more objects failed to apply, reason: Deployment.apps "app" is invalid: spec.template.spec.containers[0].image: Required value',
  'sync-error': 'Operation termination had errors',
  'comparison-error': 'Failed to load target state: failed to generate manifest for source 1 of 1: rpc error: code = Unknown desc = kustomize build failed',
  'invalid-spec': 'Unable to generate manifests in overlays/app: rpc error: code = Unknown desc = app path does not exist',
};

export class ArgoController {
  private readonly runtimes = new Map<string, AppRuntime>();

  constructor(
    private readonly store: AppStore,
    private readonly clock: StepClock,
  ) {}

  register(scenario: ArgoAppScenario, initialRevision: string): void {
    const ns = scenario.namespace ?? 'argocd';
    this.runtimes.set(qualifiedName(ns, scenario.name), {
      scenario,
      head: initialRevision,
      chartVersion: scenario.helmChart?.targetRevision,
      headTouchesPaths: true,
    });
  }

  /** The test says: `sha` is now the head of the app's branch. The scenario's timeline plays out from here. */
  setRevision(name: string, sha: string, options: SetRevisionOptions = {}): void {
    if (!/^[0-9a-f]{40}$/.test(sha)) throw new Error(`setRevision(${name}): "${sha}" is not a 40-character lowercase hex commit SHA`);
    const ns = options.appNamespace ?? this.namespaceOf(name);
    const rt = this.runtime(ns, name);
    rt.head = sha;
    rt.headTouchesPaths = options.touchesPaths ?? rt.scenario.commitsTouchPaths ?? true;
    if (options.images) rt.nextImages = options.images;
    if (options.chartVersion !== undefined) {
      if (!rt.scenario.helmChart) throw new Error(`setRevision(${name}): chartVersion given but the app has no Helm chart source`);
      rt.chartVersion = options.chartVersion;
      // A chart version lives in the spec, so changing it is a spec change: generation moves.
      this.store.update(ns, name, (app) => {
        app.spec.sources![1].targetRevision = options.chartVersion;
        app.metadata.generation++;
      });
    }
    // An app whose controller never polls only learns of the commit through a refresh request.
    if (rt.scenario.selfRefresh !== false) this.clock.after(1, timelineKey(ns, name), () => this.reconcile(ns, name));
  }

  /** What `GET ...?refresh=` does: annotate, then the controller reconciles and removes the annotation. */
  requestRefresh(ns: string, name: string, kind: 'normal' | 'hard'): Application | undefined {
    const app = this.store.update(ns, name, (a) => {
      a.metadata.annotations = { ...a.metadata.annotations, [REFRESH_ANNOTATION]: kind };
    });
    // A hard refresh regenerates manifests, which takes the repo-server a little longer.
    this.clock.after(kind === 'hard' ? 2 : 1, `refresh:${qualifiedName(ns, name)}`, () => this.reconcile(ns, name));
    return app;
  }

  /** POST .../sync: store a pending operation; the controller picks it up on the next step. */
  requestSync(
    ns: string,
    name: string,
    request: { revision?: string; revisions?: string[]; prune?: boolean; dryRun?: boolean },
    username: string,
  ): Application {
    const app = this.store.get(ns, name);
    if (!app) throw new SimulatorError(5, `applications.argoproj.io "${name}" not found`);
    const phase = app.status.operationState?.phase;
    if (app.operation || phase === 'Running' || phase === 'Terminating') {
      throw new SimulatorError(9, 'another operation is already in progress');
    }
    const rt = this.runtime(ns, name);
    const resolve = (rev: string | undefined, branch: string | undefined): string => {
      if (!rev || rev === branch || rev === 'HEAD') return rt.head;
      if (/^[0-9a-f]{40}$/.test(rev)) return rev;
      throw new SimulatorError(2, `unable to resolve '${rev}' to a commit SHA`);
    };
    const { git } = appSources(rt.scenario);
    const multi = Boolean(rt.scenario.helmChart);
    const sync = multi
      ? { revisions: [resolve(request.revisions?.[0], git.targetRevision), request.revisions?.[1] ?? rt.chartVersion ?? ''] }
      : { revision: resolve(request.revision, git.targetRevision) };
    const operation: Operation = {
      sync: { ...sync, ...(request.prune ? { prune: true } : {}), ...(request.dryRun ? { dryRun: true } : {}) },
      initiatedBy: { username },
    };
    const updated = this.store.update(ns, name, (a) => {
      a.operation = operation;
    })!;
    this.clock.after(1, timelineKey(ns, name), () => this.startOperation(ns, name));
    return updated;
  }

  /** Compare git with the cluster: the step where a new revision shows up as OutOfSync (or an error). */
  private reconcile(ns: string, name: string): void {
    const rt = this.runtime(ns, name);
    const outcome = rt.scenario.outcome ?? 'healthy';
    const now = this.clock.timestamp();
    let startAutoSync = false;
    this.store.update(ns, name, (app) => {
      if (app.metadata.annotations) {
        delete app.metadata.annotations[REFRESH_ANNOTATION];
        if (Object.keys(app.metadata.annotations).length === 0) delete app.metadata.annotations;
      }
      app.status.reconciledAt = now;
      // A reconcile compares and assesses health together: a refresh during the lag sees the rollout in progress.
      if (rt.healthPending) {
        rt.healthPending = false;
        setHealth(app, 'Progressing', 'Waiting for rollout to finish: 1 old replicas are pending termination...', now);
      }
      const known = currentRevisions(app);
      const wanted = rt.scenario.helmChart ? [rt.head, rt.chartVersion ?? ''] : [rt.head];
      if (sameList(known, wanted) && app.status.sync?.status === 'Synced') return;
      // manifest-generate-paths: a commit outside the app's paths leaves it where it was.
      if (rt.scenario.manifestGeneratePaths && !rt.headTouchesPaths) return;
      if (outcome === 'comparison-error' || outcome === 'invalid-spec') {
        const type = outcome === 'comparison-error' ? 'ComparisonError' : 'InvalidSpecError';
        app.status.sync = { status: 'Unknown', comparedTo: app.status.sync?.comparedTo ?? comparedTo(app) };
        setCondition(app, type, rt.scenario.message ?? DEFAULT_MESSAGES[outcome], now);
        return;
      }
      app.status.sync = { status: 'OutOfSync', ...revisionFields(wanted, Boolean(rt.scenario.helmChart)), comparedTo: comparedTo(app) };
      const lastOp = app.status.operationState;
      const lastOpFailedHere = lastOp && lastOp.phase !== 'Succeeded' && sameList(opRevisions(lastOp.operation), wanted);
      // Auto-sync does not retry a revision whose automated sync already failed (controller/appcontroller.go autoSync).
      startAutoSync = rt.scenario.autoSync !== false && !app.operation && lastOp?.phase !== 'Running' && !lastOpFailedHere;
    });
    if (!startAutoSync) return;
    const delay = rt.scenario.autoSyncDelaySteps ?? 0;
    if (delay > 0) this.clock.after(delay, timelineKey(ns, name), () => this.autoSync(ns, name));
    else this.autoSync(ns, name);
  }

  /** Auto-sync puts an automated operation for the head on the app, unless one was requested meanwhile. */
  private autoSync(ns: string, name: string): void {
    const rt = this.runtime(ns, name);
    const wanted = rt.scenario.helmChart ? { revisions: [rt.head, rt.chartVersion ?? ''] } : { revision: rt.head };
    let started = false;
    this.store.update(ns, name, (app) => {
      if (app.operation || app.status.operationState?.phase === 'Running' || app.status.sync?.status !== 'OutOfSync') return;
      app.operation = { sync: { ...wanted, prune: true }, initiatedBy: { automated: true }, retry: { limit: 5 } };
      started = true;
    });
    if (started) this.clock.after(1, timelineKey(ns, name), () => this.startOperation(ns, name));
  }

  private startOperation(ns: string, name: string): void {
    const now = this.clock.timestamp();
    this.store.update(ns, name, (app) => {
      if (!app.operation) return;
      app.status.operationState = { operation: app.operation, phase: 'Running', message: 'one or more tasks are running', startedAt: now };
      delete app.operation;
    });
    this.clock.after(1, timelineKey(ns, name), () => this.finishOperation(ns, name));
  }

  private finishOperation(ns: string, name: string): void {
    const rt = this.runtime(ns, name);
    const outcome = rt.scenario.outcome ?? 'healthy';
    const now = this.clock.timestamp();
    const lag = rt.scenario.healthLagSteps ?? 0;
    this.store.update(ns, name, (app) => {
      const state = app.status.operationState;
      if (!state || state.phase !== 'Running') return;
      const revisions = opRevisions(state.operation);
      const multi = Boolean(rt.scenario.helmChart);
      const sources = multi ? app.spec.sources : undefined;
      state.finishedAt = now;
      // syncResult.revision is required by the CRD; multi-source apps leave it empty and fill `revisions`.
      state.syncResult = multi ? { revision: '', revisions, sources } : { revision: revisions[0], source: app.spec.source };
      if (outcome === 'sync-failed' || outcome === 'sync-error') {
        state.phase = outcome === 'sync-failed' ? 'Failed' : 'Error';
        state.message = rt.scenario.message ?? DEFAULT_MESSAGES[outcome];
        if (state.operation.initiatedBy.automated) {
          setCondition(app, 'SyncError', `Failed last sync attempt to [${revisions.join(', ')}]: ${state.message}`, now);
        }
        return;
      }
      state.phase = 'Succeeded';
      state.message = 'successfully synced (all tasks run)';
      app.status.sync = { status: 'Synced', ...revisionFields(revisions, multi), comparedTo: comparedTo(app) };
      app.status.conditions = app.status.conditions?.filter((c) => c.type !== 'SyncError');
      if (app.status.conditions?.length === 0) delete app.status.conditions;
      if (rt.nextImages) app.status.summary = { images: rt.nextImages };
      const history = app.status.history ?? [];
      history.push({
        id: (history.at(-1)?.id ?? -1) + 1,
        ...(multi ? { revisions, sources } : { revision: revisions[0], source: app.spec.source }),
        deployedAt: now,
        deployStartedAt: state.startedAt,
        initiatedBy: state.operation.initiatedBy,
      });
      app.status.history = history.slice(-10);
      // Normally the controller compares again right after the sync; with a lag the old health is still shown.
      if (lag === 0) {
        app.status.reconciledAt = now;
        setHealth(app, 'Progressing', 'Waiting for rollout to finish: 1 old replicas are pending termination...', now);
      }
    });
    const after = this.store.get(ns, name);
    if (after?.status.operationState?.phase !== 'Succeeded') return this.followUpNewerHead(ns, name);
    const healthSteps: Array<[number, () => void]> = [];
    const deg = rt.scenario.message ?? DEFAULT_MESSAGES.degraded.replace('app', name);
    if (lag > 0) {
      rt.healthPending = true;
      healthSteps.push([
        lag,
        () => {
          rt.healthPending = false;
          this.healthStep(ns, name, 'Progressing', 'Waiting for rollout to finish: 1 old replicas are pending termination...', true);
        },
      ]);
    }
    const base = lag;
    if (outcome === 'degraded') healthSteps.push([base + 1, () => this.healthStep(ns, name, 'Degraded', deg)]);
    else if (outcome === 'degraded-then-healthy') {
      const degradedSteps = rt.scenario.degradedSteps ?? 3;
      healthSteps.push([base + 1, () => this.healthStep(ns, name, 'Degraded', deg)]);
      healthSteps.push([
        base + 1 + degradedSteps,
        () => this.healthStep(ns, name, 'Progressing', 'Waiting for rollout to finish: 1 of 2 updated replicas are available...'),
      ]);
      healthSteps.push([base + 2 + degradedSteps, () => this.healthStep(ns, name, 'Healthy')]);
    } else healthSteps.push([base + 1, () => this.healthStep(ns, name, 'Healthy')]);
    for (const [steps, action] of healthSteps) this.clock.after(steps, timelineKey(ns, name), action);
    this.clock.after(healthSteps.at(-1)![0], timelineKey(ns, name), () => this.followUpNewerHead(ns, name));
  }

  private healthStep(ns: string, name: string, status: string, message?: string, reconcile = true): void {
    const now = this.clock.timestamp();
    this.store.update(ns, name, (app) => {
      if (reconcile) app.status.reconciledAt = now;
      setHealth(app, status, message, now);
    });
  }

  /** A commit that arrived while an operation ran is picked up once it ends, as the controller requeues. */
  private followUpNewerHead(ns: string, name: string): void {
    const rt = this.runtime(ns, name);
    const app = this.store.get(ns, name);
    if (app && rt.scenario.selfRefresh !== false && currentRevisions(app)[0] !== rt.head && rt.headTouchesPaths) {
      this.clock.after(1, timelineKey(ns, name), () => this.reconcile(ns, name));
    }
  }

  namespaceOf(name: string): string {
    const matches = [...this.runtimes.values()].filter((r) => r.scenario.name === name);
    if (matches.length !== 1) {
      if (matches.length === 0) throw new Error(`no application named "${name}" in the scenario`);
      throw new Error(`"${name}" exists in several namespaces; pass appNamespace`);
    }
    return matches[0].scenario.namespace ?? 'argocd';
  }

  private runtime(ns: string, name: string): AppRuntime {
    const rt = this.runtimes.get(qualifiedName(ns, name));
    if (!rt) throw new Error(`no application "${name}" in namespace "${ns}" in the scenario`);
    return rt;
  }
}

export function timelineKey(ns: string, name: string): string {
  return `timeline:${qualifiedName(ns, name)}`;
}

function currentRevisions(app: Application): string[] {
  return app.status.sync?.revisions ?? (app.status.sync?.revision ? [app.status.sync.revision] : []);
}

function opRevisions(op: Operation): string[] {
  return op.sync.revisions ?? (op.sync.revision ? [op.sync.revision] : []);
}

function revisionFields(revisions: string[], multi: boolean): { revision?: string; revisions?: string[] } {
  return multi ? { revisions } : { revision: revisions[0] };
}

function comparedTo(app: Application): NonNullable<NonNullable<Application['status']['sync']>['comparedTo']> {
  return app.spec.sources ? { sources: app.spec.sources, destination: app.spec.destination } : { source: app.spec.source, destination: app.spec.destination };
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function setCondition(app: Application, type: string, message: string, now: string): void {
  const others = (app.status.conditions ?? []).filter((c) => c.type !== type);
  app.status.conditions = [...others, { type, message, lastTransitionTime: now }];
}

function setHealth(app: Application, status: string, message: string | undefined, now: string): void {
  const changed = app.status.health?.status !== status;
  app.status.health = {
    status,
    ...(message ? { message } : {}),
    lastTransitionTime: changed ? now : (app.status.health?.lastTransitionTime ?? now),
  };
}
