import { gitRevisions } from '../controllers/argocd/judge-argo-application.js';
import type { ArgoApplication } from '../controllers/argocd/argocd-types.js';
import { commitOfRevision, type FluxObject } from '../controllers/flux/flux-types.js';
import { shortSha } from '../controllers/wait-types.js';
import type { BranchHead, ControllerView, DeclaredImages, Finding } from './drift-types.js';

/**
 * How a revision a controller reports stands against the branch head:
 * `head`, `unchanged` (older, but no commit since touched the app's overlays),
 * `behind` (a later commit changed them) or `unknown` (not in the history).
 */
export type RevisionStanding = 'head' | 'unchanged' | 'behind' | 'unknown';

export interface DriftContext {
  head: BranchHead;
  now: number;
  staleAfterMs: number;
  declared?: DeclaredImages;
  /** The standing of each revision named by `revisionsToCheck`, looked up in git by the caller. */
  standings: ReadonlyMap<string, RevisionStanding>;
}

export interface ControllerJudgement {
  view: ControllerView;
  findings: Finding[];
}

const BLOCKING_CONDITIONS = ['ComparisonError', 'InvalidSpecError', 'SyncError'];

/** The commits an Argo CD app names (compared, last synced): the caller looks up their standing. */
export function argoRevisionsToCheck(app: ArgoApplication): string[] {
  return [gitRevisions(app)[0], lastSyncedRevision(app)].filter((revision): revision is string => Boolean(revision));
}

/**
 * Judges an Argo CD Application against git: stale when the controller has not
 * reconciled within stale-after (its verdict cannot be trusted), pending while
 * a sync runs or a manual-sync app waits for a newer commit, else out of sync,
 * not applied, degraded or running other images than the overlays declare. No I/O.
 */
export function judgeArgoDrift(app: ArgoApplication, context: DriftContext): ControllerJudgement {
  const status = app.status ?? {};
  const revision = gitRevisions(app)[0];
  const view: ControllerView = {
    controller: 'argocd',
    object: app.metadata.namespace && app.metadata.namespace !== 'argocd' ? `${app.metadata.namespace}/${app.metadata.name}` : app.metadata.name,
    found: true,
    sync: status.sync?.status ?? 'Unknown',
    health: status.health?.status ?? 'Unknown',
    revision,
    images: (app.status as { summary?: { images?: string[] } } | undefined)?.summary?.images,
    reconciledAt: status.reconciledAt,
    autoSync: app.spec?.syncPolicy?.automated !== undefined,
  };
  const findings: Finding[] = [];
  const reconciled = Date.parse(status.reconciledAt ?? '');
  if (!Number.isFinite(reconciled) || context.now - reconciled > context.staleAfterMs) {
    const when = Number.isFinite(reconciled) ? `last reconciled ${formatAge(context.now - reconciled)} ago` : 'never reconciled';
    return {
      view,
      findings: [
        {
          kind: 'stale',
          message: `${when} (status.reconciledAt), longer than stale-after: the controller may be down, so its ${view.sync}/${view.health} cannot be trusted`,
        },
      ],
    };
  }

  const phase = status.operationState?.phase;
  const standing = revision ? (context.standings.get(revision) ?? 'unknown') : 'unknown';
  if (app.operation || phase === 'Running' || phase === 'Terminating') {
    findings.push({ kind: 'pending', message: `a sync is ${app.operation ? 'queued' : 'running'}` });
  } else if (standing === 'behind' || standing === 'unknown') {
    findings.push(notYetAtHead(revision, context, 'status.sync.revision'));
  } else if (view.sync !== 'Synced') {
    findings.push(judgeOutOfSync(app, view, context));
  }

  const awaitsSync = youngHeadAwaitsSync(app, view, context);
  if (view.health === 'Missing' && awaitsSync) {
    // What the head adds cannot exist before it is synced.
    findings.push({ kind: 'pending', message: `health Missing: ${shortSha(context.head.sha)} (${formatAge(headAge(context))} old) is not synced yet` });
  } else if (view.health === 'Degraded' || view.health === 'Missing') {
    const message = status.health?.message ? `: ${status.health.message}` : '';
    findings.push({ kind: 'degraded', message: `health ${view.health}${message}` });
  } else if (view.health === 'Progressing' && findings.length === 0) {
    findings.push({ kind: 'pending', message: 'a rollout is in progress (health Progressing)' });
  }

  if (findings.every((finding) => finding.kind === 'degraded')) {
    const difference = compareImages(context.declared, view.images);
    if (difference) findings.push(difference);
  }
  return { view, findings };
}

function judgeOutOfSync(app: ArgoApplication, view: ControllerView, context: DriftContext): Finding {
  const synced = lastSyncedRevision(app);
  const syncedStanding = synced ? context.standings.get(synced) : undefined;
  // Manual sync: a newer commit that changed the app is waiting for someone to press sync; that is a promotion, not drift.
  if (synced && !view.autoSync && view.sync === 'OutOfSync' && (syncedStanding === 'behind' || syncedStanding === 'unknown')) {
    return { kind: 'pending', message: `manual sync: ${shortSha(context.head.sha)} waits to be synced (last synced ${shortSha(synced)})` };
  }
  if (view.autoSync && view.revision && youngHeadAwaitsSync(app, view, context)) {
    return {
      kind: 'pending',
      message:
        `OutOfSync at ${shortSha(view.revision)}, and ${shortSha(context.head.sha)} is ${formatAge(headAge(context))} old: ` +
        'auto-sync has not started a sync yet',
    };
  }
  const condition = blockingCondition(app);
  const why = condition ? ` (${condition.type}: ${condition.message ?? 'no message'})` : '';
  return { kind: 'out-of-sync', message: `sync status ${view.sync} at ${shortSha(view.revision ?? 'no revision')}${why}` };
}

const blockingCondition = (app: ArgoApplication) => app.status?.conditions?.find((candidate) => BLOCKING_CONDITIONS.includes(candidate.type));

/**
 * What Argo CD shows between a merge and the sync of it, which the head's age
 * explains: OutOfSync at the compared commit, a later commit than the last
 * synced one changed the app, no sync of it failed, and the head is younger
 * than stale-after. A failed sync, a comparison error or an OutOfSync at what
 * was last synced (a change in the cluster) are not explained by a young head.
 */
function youngHeadAwaitsSync(app: ArgoApplication, view: ControllerView, context: DriftContext): boolean {
  if (view.sync !== 'OutOfSync' || !view.revision || headAge(context) > context.staleAfterMs || blockingCondition(app)) return false;
  const synced = lastSyncedRevision(app);
  const syncedStanding = synced ? context.standings.get(synced) : undefined;
  if (syncedStanding !== 'behind' && syncedStanding !== 'unknown') return false;
  const operation = app.status?.operationState;
  const attempted = operation?.syncResult?.revision || operation?.operation?.sync?.revision;
  return !(operation && (operation.phase === 'Failed' || operation.phase === 'Error') && attempted === view.revision);
}

const headAge = (context: DriftContext): number => context.now - context.head.committedAt;

/** A controller that reports an older commit than one that changed the app: pending while the head is young, else not applied. */
function notYetAtHead(revision: string | undefined, context: DriftContext, field: string): Finding {
  const at = revision ? `reports ${shortSha(revision)} (${field})` : `reports no revision (${field})`;
  const age = headAge(context);
  if (age <= context.staleAfterMs) {
    return { kind: 'pending', message: `${at}; ${shortSha(context.head.sha)} is ${formatAge(age)} old and not looked at yet` };
  }
  return { kind: 'not-applied', message: `${at}, but ${shortSha(context.head.sha)} (${formatAge(age)} old) changed the app since` };
}

/** Images declared but not running, and (after a full render) running but not declared. */
export function compareImages(declared: DeclaredImages | undefined, live: readonly string[] | undefined): Finding | undefined {
  if (!declared || !live || declared.images.length === 0) return undefined;
  const missing = declared.images.filter((image) => !live.includes(image));
  const extra = declared.rendered ? live.filter((image) => !declared.images.includes(image)) : [];
  if (missing.length === 0 && extra.length === 0) return undefined;
  const parts = [missing.length ? `declared but not running: ${missing.join(', ')}` : '', extra.length ? `running but not declared: ${extra.join(', ')}` : ''];
  return { kind: 'images-differ', message: parts.filter(Boolean).join('; ') };
}

/** The commit the last sync applied: `operationState.syncResult`, else the newest history entry. */
export function lastSyncedRevision(app: ArgoApplication): string | undefined {
  const result = app.status?.operationState?.syncResult;
  const fromResult = result?.revisions?.[0] || result?.revision;
  if (fromResult && app.status?.operationState?.phase === 'Succeeded') return fromResult;
  const history = (app.status as { history?: Array<{ revision?: string; revisions?: string[] }> } | undefined)?.history;
  const last = history?.at(-1);
  return last?.revisions?.[0] || last?.revision || undefined;
}

const FLUX_FAILURE_WHILE_APPLYING = new Set(['ArtifactFailed', 'BuildFailed', 'ReconciliationFailed', 'PruneFailed', 'DependencyNotReady']);

/** The commits a Flux object names (applied, attempted). */
export function fluxRevisionsToCheck(object: FluxObject): string[] {
  return [commitOfRevision(object.status?.lastAppliedRevision), commitOfRevision(object.status?.lastAttemptedRevision)].filter((sha): sha is string =>
    Boolean(sha),
  );
}

/**
 * Judges a Flux Kustomization or HelmRelease against git: suspended is out of
 * sync, Stalled or Ready=False is degraded (or not applied when a newer
 * revision failed to apply), reconciling is pending, and an applied revision
 * behind a commit that changed the app is not applied. While the head is
 * younger than stale-after, an applied revision behind it and a wait for a
 * dependency are pending. Flux reports no images. No I/O.
 */
export function judgeFluxDrift(object: FluxObject, context: DriftContext): ControllerJudgement {
  const conditions = object.status?.conditions ?? [];
  const ready = conditions.find((condition) => condition.type === 'Ready');
  const stalled = conditions.find((condition) => condition.type === 'Stalled' && condition.status === 'True');
  const reconciling = conditions.find((condition) => condition.type === 'Reconciling' && condition.status === 'True');
  const isHelm = object.kind === 'HelmRelease';
  const applied = commitOfRevision(object.status?.lastAppliedRevision);
  const view: ControllerView = {
    controller: 'flux',
    object: `${object.kind ?? 'Kustomization'}/${object.metadata.namespace ?? 'flux-system'}/${object.metadata.name}`,
    found: true,
    sync: ready ? `Ready=${ready.status}${ready.reason ? ` (${ready.reason})` : ''}` : 'Ready=Unknown',
    health: stalled ? 'Stalled' : ready?.status === 'True' ? 'Ready' : ready?.status === 'False' ? 'Failed' : 'Unknown',
    revision: applied ?? object.status?.lastAppliedRevision ?? object.status?.lastAttemptedRevision,
  };
  const why = (condition: { reason?: string; message?: string }): string => `${condition.reason ?? 'no reason'}: ${condition.message ?? 'no message'}`;
  if (object.spec?.suspend) return { view, findings: [{ kind: 'out-of-sync', message: 'suspended (spec.suspend: true): Flux applies nothing' }] };
  if (stalled) return { view, findings: [{ kind: 'degraded', message: `Stalled (${why(stalled)})` }] };
  if (ready?.status === 'False' && ready.reason === 'DependencyNotReady' && applied !== context.head.sha && headAge(context) <= context.staleAfterMs) {
    // Every dependant waits while its dependencies apply a new revision: right after a merge that is expected.
    return {
      view,
      findings: [
        { kind: 'pending', message: `waits for a dependency (${why(ready)}), and ${shortSha(context.head.sha)} is ${formatAge(headAge(context))} old` },
      ],
    };
  }
  if (ready?.status === 'False') {
    const attempted = object.status?.lastAttemptedRevision;
    const newerFailed =
      !isHelm && attempted !== undefined && attempted !== object.status?.lastAppliedRevision && FLUX_FAILURE_WHILE_APPLYING.has(ready.reason ?? '');
    return {
      view,
      findings: [
        {
          kind: newerFailed ? 'not-applied' : 'degraded',
          message: newerFailed ? `${attempted} failed to apply (${why(ready)})` : `Ready=False (${why(ready)})`,
        },
      ],
    };
  }
  if (reconciling || ready?.status !== 'True') {
    return { view, findings: [{ kind: 'pending', message: `reconciling${ready?.message ? ` (${ready.message})` : ''}` }] };
  }
  if (object.metadata.generation !== undefined && object.status?.observedGeneration !== object.metadata.generation) {
    return { view, findings: [{ kind: 'pending', message: 'the status is older than the spec (observedGeneration): Flux has not reconciled the change yet' }] };
  }
  if (isHelm) return { view, findings: [] };
  const standing = applied ? (context.standings.get(applied) ?? 'unknown') : 'unknown';
  if (standing === 'behind' || standing === 'unknown') return { view, findings: [notYetAtHead(applied, context, 'status.lastAppliedRevision')] };
  return { view, findings: [] };
}

/** `45s`, `12m`, `3h`, `10d`. */
export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)}m`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)}h`;
  return `${Math.round(seconds / 86_400)}d`;
}
