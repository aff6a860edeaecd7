import { checkingMessage, relationOf, shortSha, type ObjectStatus, type RevisionKnowledge, type RevisionRelation } from '../wait-types.js';
import type { ArgoApplication, ArgoOperationState, ArgoSource } from './argocd-types.js';
import { filesTouchPaths, manifestGeneratePaths } from './manifest-generate-paths.js';

/** What the watcher knows beyond the object itself. */
export interface ArgoExpectation {
  knowledge: RevisionKnowledge;
  /** When this wait first saw the app Degraded at the expected revision (ms), if it is now. */
  degradedSince?: number;
  /** How long Degraded may last before it counts as a failure (a rollout can pass through it). */
  degradedGraceMs: number;
  /** A refresh has completed since the wait began, so the controller has looked at the branch head. */
  refreshed: boolean;
}

export interface ArgoJudgement extends ObjectStatus {
  /** Revisions whose relation to the expected commit is not known yet: look them up, then judge again. */
  lookup: string[];
  /** Older revisions whose changed files (up to the expected commit) are needed: look them up, then judge again. */
  lookupFiles?: string[];
  /** Health is older than the last operation: ask for a refresh. */
  needsRefresh: boolean;
  /** OutOfSync with no operation and auto-sync off: only a sync request will move it. */
  needsSync: boolean;
  /** Degraded at the expected revision (the watcher starts the grace period). */
  degraded: boolean;
  /** The app runs an older commit (or one not known yet): a refresh may make it look. */
  revisionBehind: boolean;
}

const BLOCKING_CONDITIONS = ['ComparisonError', 'InvalidSpecError'];

/**
 * Judges one Argo CD Application against the expected commit: done when every
 * git source runs it (or a descendant), Synced, Healthy with a health assessed
 * after the last operation, and that operation Succeeded. No I/O.
 */
export function judgeArgoApplication(app: ArgoApplication, expectation: ArgoExpectation, now: number): ArgoJudgement {
  const status = app.status ?? {};
  const sync = status.sync?.status ?? 'Unknown';
  const health = status.health?.status ?? 'Unknown';
  const revisions = gitRevisions(app);
  const base = { sync, health, revision: revisions.join(','), lookup: [], needsRefresh: false, needsSync: false, degraded: false, revisionBehind: false };
  const waiting = (message: string, extra: Partial<ArgoJudgement> = {}): ArgoJudgement => ({ ...base, state: 'waiting', message, ...extra });
  const failed = (message: string): ArgoJudgement => ({ ...base, state: 'failed', message });

  const condition = status.conditions?.find((candidate) => BLOCKING_CONDITIONS.includes(candidate.type));
  if (condition) return failed(`${condition.type}: ${condition.message ?? 'no message'}`);

  const operation = status.operationState;
  const opRelation = operation ? revisionsRelation(operationRevisions(app, operation), expectation.knowledge) : undefined;
  if (operation && (operation.phase === 'Failed' || operation.phase === 'Error') && (opRelation === 'same' || opRelation === 'newer')) {
    return failed(`sync ${operation.phase === 'Failed' ? 'failed' : 'ended in error'}: ${operation.message ?? 'no message'}`);
  }

  const lookup = revisions.filter((revision) => relationOf(revision, expectation.knowledge) === undefined);
  if (lookup.length > 0)
    return waiting(
      checkingMessage(
        `checking whether ${lookup.map(shortSha).join(', ')} contains ${shortSha(expectation.knowledge.expected)}`,
        lookup,
        expectation.knowledge,
      ),
      { lookup },
    );
  const relation = revisions.length === 0 ? 'older' : revisionsRelation(revisions, expectation.knowledge);

  if (relation === 'unrelated') {
    return failed(
      `runs ${revisions.map(shortSha).join(', ')}, which does not contain ${shortSha(expectation.knowledge.expected)}: the branch moved on without it`,
    );
  }
  if (relation === 'older' || relation === 'unknown') return judgeNotYetThere(app, expectation, base, sync, relation, now);

  if (app.operation) return waiting('a sync operation is queued');
  if (operation && (operation.phase === 'Running' || operation.phase === 'Terminating'))
    return waiting(`sync ${operation.phase.toLowerCase()}: ${operation.message ?? ''}`.trim());
  if (sync !== 'Synced') return waiting(`sync status is ${sync}`, { needsSync: !isAutoSync(app) });
  return judgeHealth(app, expectation, base, now);
}

function judgeHealth(app: ArgoApplication, expectation: ArgoExpectation, base: Omit<ArgoJudgement, 'state' | 'message'>, now: number): ArgoJudgement {
  const status = app.status ?? {};
  const health = base.health;
  const healthMessage = status.health?.message ? `: ${status.health.message}` : '';
  // Health and operations are reconciled apart: a health older than the sync's end describes the previous rollout.
  const finished = Date.parse(status.operationState?.finishedAt ?? '');
  const reconciled = Date.parse(status.reconciledAt ?? '');
  if (Number.isFinite(finished) && (!Number.isFinite(reconciled) || reconciled < finished)) {
    return { ...base, state: 'waiting', message: 'health not yet assessed since the sync ended', needsRefresh: true };
  }
  if (health === 'Healthy') return { ...base, state: 'done', message: 'Synced and Healthy' };
  if (health === 'Degraded') {
    const since = expectation.degradedSince ?? now;
    if (now - since >= expectation.degradedGraceMs) return { ...base, state: 'failed', message: `health Degraded${healthMessage}` };
    return { ...base, state: 'waiting', message: `health Degraded${healthMessage} (grace period)`, degraded: true };
  }
  return { ...base, state: 'waiting', message: `health ${health}${healthMessage}` };
}

/** The app is at an older commit: not there yet, unless manifest-generate-paths explains it. */
function judgeNotYetThere(
  app: ArgoApplication,
  expectation: ArgoExpectation,
  base: Omit<ArgoJudgement, 'state' | 'message'>,
  sync: string,
  relation: RevisionRelation,
  now: number,
): ArgoJudgement {
  const expected = shortSha(expectation.knowledge.expected);
  const at = base.revision.split(',').map(shortSha).join(', ');
  const paths = manifestGeneratePaths(app);
  const settled = !app.operation && !['Running', 'Terminating'].includes(app.status?.operationState?.phase ?? '');
  if (paths && relation === 'older' && expectation.refreshed && sync === 'Synced' && settled) {
    // Only the revisions short of the commit need their files; a newer one already carries it.
    const revisions = base.revision.split(',').filter((revision) => relationOf(revision, expectation.knowledge) === 'older');
    const known = expectation.knowledge.changedFiles;
    const listed = revisions.map((revision) => known?.get(revision));
    const lookupFiles = revisions.filter((_revision, index) => listed[index] === undefined);
    if (lookupFiles.length > 0)
      return {
        ...base,
        state: 'waiting',
        message: checkingMessage(`checking which files changed since ${lookupFiles.map(shortSha).join(', ')}`, lookupFiles, expectation.knowledge),
        lookupFiles,
        revisionBehind: true,
      };
    // Every revision's files are known now (null: they could not be listed).
    const changed = listed.filter((files) => files !== undefined);
    const shown = paths.join(';');
    if (changed.some((files) => files !== null && filesTouchPaths(paths, files))) {
      // The commits did change the app: Argo CD has not generated it again yet.
      return {
        ...base,
        state: 'waiting',
        message: `at ${at}, waiting for ${expected}: the commits since changed files under manifest-generate-paths (${shown})`,
        revisionBehind: true,
      };
    }
    const checked = revisions.length > 0 && changed.every((files) => files !== null);
    const note = checked
      ? `manifest-generate-paths (${shown}): the commits up to ${expected} changed nothing under these paths, so Argo CD still reports ${at}`
      : `manifest-generate-paths (${shown}): Argo CD still reports ${at || 'no git revision'} after a refresh; taken as the commits up to ${expected} ` +
        `not touching these paths (their files could not be listed)`;
    const judged = judgeHealth(app, expectation, base, now);
    return judged.state === 'done' ? { ...judged, note, message: `${judged.message}; ${note}` } : judged;
  }
  if (relation === 'unknown')
    return { ...base, state: 'waiting', message: `cannot tell yet whether ${base.revision} contains ${expected}`, revisionBehind: true };
  const needsSync = sync === 'OutOfSync' && !app.operation && !isAutoSync(app);
  return { ...base, state: 'waiting', message: `at ${at || 'no revision'}, waiting for ${expected}`, needsSync, revisionBehind: true };
}

/** A chart version (Helm repository or OCI source) is not a commit of the config repo. */
export function isChartSource(source: ArgoSource): boolean {
  return source.chart !== undefined || (source.repoURL ?? '').startsWith('oci://');
}

/** The sync revisions of the app's git sources, in source order. */
export function gitRevisions(app: ArgoApplication): string[] {
  const sync = app.status?.sync;
  const sources = app.spec?.sources;
  if (sources) {
    // The API may list more revisions than sources; a revision without a source is taken as git's.
    return (sync?.revisions ?? []).filter((revision, index) => revision && !isChartSource(sources.at(index) ?? {}));
  }
  if (app.spec?.source && isChartSource(app.spec.source)) return [];
  return sync?.revision ? [sync.revision] : [];
}

function operationRevisions(app: ArgoApplication, operation: ArgoOperationState): string[] {
  const requested = operation.syncResult?.revisions?.length ? operation.syncResult : operation.operation?.sync;
  const list = requested?.revisions?.length
    ? requested.revisions
    : requested?.revision
      ? [requested.revision]
      : operation.syncResult?.revision
        ? [operation.syncResult.revision]
        : [];
  const sources = app.spec?.sources;
  return sources ? list.filter((revision, index) => revision && !isChartSource(sources[index] ?? {})) : list;
}

/** The weakest relation over several sources: every git source must carry the commit. */
function revisionsRelation(revisions: readonly string[], knowledge: RevisionKnowledge): RevisionRelation {
  const order: RevisionRelation[] = ['unrelated', 'unknown', 'older', 'newer', 'same'];
  let weakest: RevisionRelation = 'same';
  for (const revision of revisions) {
    const relation = relationOf(revision, knowledge) ?? 'unknown';
    if (order.indexOf(relation) < order.indexOf(weakest)) weakest = relation;
  }
  return revisions.length === 0 ? 'unknown' : weakest;
}

function isAutoSync(app: ArgoApplication): boolean {
  return app.spec?.syncPolicy?.automated !== undefined;
}
