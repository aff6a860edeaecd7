import { checkingMessage, relationOf, shortSha, type ObjectStatus, type RevisionKnowledge, type RevisionRelation } from '../wait-types.js';
import { commitOfRevision, type FluxCondition, type FluxObject } from './flux-types.js';

export interface FluxExpectation {
  knowledge: RevisionKnowledge;
  /** The `reconcile.fluxcd.io/requestedAt` value this wait set, if it asked for a reconcile. */
  requestedAt?: string;
}

export interface FluxJudgement extends ObjectStatus {
  /** Commits whose relation to the expected one must be looked up before judging again. */
  lookup: string[];
}

/** Ready=False reasons that mean the attempted revision will not become ready on its own. */
const FAILURE_REASONS = new Set([
  'ArtifactFailed',
  'BuildFailed',
  'HealthCheckFailed',
  'ReconciliationFailed',
  'PruneFailed',
  'InvalidCELExpression',
  'AccessDenied',
  'InstallFailed',
  'UpgradeFailed',
  'TestFailed',
  'RollbackSucceeded',
  'RollbackFailed',
  'UninstallSucceeded',
  'UninstallFailed',
  'InitFailed',
  'GetLastReleaseFailed',
  'ArtifactNotReady',
  'ValuesError',
  'RetriesExceeded',
]);

/**
 * Judges a Flux Kustomization or HelmRelease against the expected commit:
 * done when Ready=True for the current generation and the applied revision is
 * the commit or a descendant. Failures are read from the attempted revision,
 * as the applied one stays at the last healthy commit. No I/O.
 */
export function judgeFluxObject(object: FluxObject, expectation: FluxExpectation): FluxJudgement {
  const conditions = object.status?.conditions ?? [];
  const ready = condition(conditions, 'Ready');
  const sync = ready ? `Ready=${ready.status}${ready.reason ? ` (${ready.reason})` : ''}` : 'Ready=Unknown';
  const isHelm = object.kind === 'HelmRelease';
  const applied = commitOfRevision(object.status?.lastAppliedRevision);
  const attempted = commitOfRevision(object.status?.lastAttemptedRevision);
  const revision = isHelm ? (object.status?.lastAttemptedRevision ?? '') : (applied ?? object.status?.lastAppliedRevision ?? '');
  const health = healthOf(object, conditions);
  const base = { sync, health, revision, lookup: [] as string[] };
  const waiting = (message: string): FluxJudgement => ({ ...base, state: 'waiting', message });
  const failed = (message: string): FluxJudgement => ({ ...base, state: 'failed', message });

  const lookup = [applied, attempted].filter((sha): sha is string => sha !== undefined && relationOf(sha, expectation.knowledge) === undefined);
  if (lookup.length > 0)
    return {
      ...waiting(
        checkingMessage(
          `checking whether ${lookup.map(shortSha).join(', ')} contains ${shortSha(expectation.knowledge.expected)}`,
          lookup,
          expectation.knowledge,
        ),
      ),
      lookup: [...new Set(lookup)],
    };

  const stalled = condition(conditions, 'Stalled');
  if (stalled?.status === 'True') return failed(`Stalled${stalled.reason ? ` (${stalled.reason})` : ''}: ${stalled.message ?? 'no message'}`);
  if (object.spec?.suspend) return waiting('suspended (spec.suspend: true): Flux will not apply anything');

  const current = object.status?.observedGeneration === object.metadata.generation;
  const attemptedRelation = attempted ? relationOf(attempted, expectation.knowledge) : undefined;
  const aboutExpected = isHelm ? current : attemptedRelation === 'same' || attemptedRelation === 'newer';
  if (ready?.status === 'False' && FAILURE_REASONS.has(ready.reason ?? '') && aboutExpected) {
    return failed(`${ready.reason}: ${ready.message ?? 'no message'}`);
  }

  const appliedRelation: RevisionRelation | undefined = applied ? relationOf(applied, expectation.knowledge) : undefined;
  if (applied && appliedRelation === 'unrelated' && (!attempted || attemptedRelation === 'unrelated')) {
    return failed(`applied ${shortSha(applied)}, which does not contain ${shortSha(expectation.knowledge.expected)}: the branch moved on without it`);
  }
  const readyNow = ready?.status === 'True' && current && (ready.observedGeneration === undefined || ready.observedGeneration === object.metadata.generation);
  if (expectation.requestedAt && object.status?.lastHandledReconcileAt !== expectation.requestedAt) {
    return waiting('the reconcile request has not been handled yet');
  }
  if (isHelm) {
    if (!readyNow) return waiting(ready?.message ?? 'not ready');
    return {
      ...base,
      state: 'done',
      message: ready.message ?? 'Ready',
      note: 'a HelmRelease reports chart versions, not config-repo commits: judged on Ready for the current generation',
    };
  }
  if (appliedRelation !== 'same' && appliedRelation !== 'newer') {
    const at = applied ? `applied ${shortSha(applied)}` : 'nothing applied yet';
    return waiting(`${at}, waiting for ${shortSha(expectation.knowledge.expected)}${ready?.message ? ` (${ready.message})` : ''}`);
  }
  if (!readyNow) return waiting(ready?.message ?? (current ? 'not ready' : 'status is older than the spec (observedGeneration)'));
  if (health === 'Applied') {
    return { ...base, state: 'done', message: ready.message ?? 'Ready', note: 'no spec.wait or spec.healthChecks: Ready means applied, not healthy' };
  }
  return { ...base, state: 'done', message: ready.message ?? 'Ready' };
}

function condition(conditions: readonly FluxCondition[], type: string): FluxCondition | undefined {
  return conditions.find((candidate) => candidate.type === type);
}

/** `Healthy` when Flux checks health (wait / healthChecks / HelmRelease), `Applied` when Ready only means applied. */
function healthOf(object: FluxObject, conditions: readonly FluxCondition[]): string {
  const ready = condition(conditions, 'Ready');
  const checksHealth = object.kind === 'HelmRelease' || object.spec?.wait === true || (object.spec?.healthChecks?.length ?? 0) > 0;
  const healthy = condition(conditions, 'Healthy');
  if (ready?.status === 'True') return checksHealth ? 'Healthy' : 'Applied';
  if (healthy?.status === 'False' || ready?.reason === 'HealthCheckFailed') return 'Degraded';
  if (ready?.status === 'Unknown' || condition(conditions, 'Reconciling')?.status === 'True') return 'Progressing';
  return ready?.status === 'False' ? 'Degraded' : 'Unknown';
}
