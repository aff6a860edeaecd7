import { describe, expect, test } from '@jest/globals';
import { judgeFluxObject } from '../../src/controllers/flux/judge-flux-object.js';
import { commitOfRevision, type FluxCondition, type FluxObject } from '../../src/controllers/flux/flux-types.js';
import type { RevisionRelation } from '../../src/controllers/wait-types.js';

const NEW = 'a'.repeat(40);
const OLD = 'b'.repeat(40);
const NEWER = 'c'.repeat(40);
const knowledge = {
  expected: NEW,
  relations: new Map<string, RevisionRelation>([
    [OLD, 'older'],
    [NEWER, 'newer'],
  ]),
};

function kustomization(
  applied: string,
  attempted: string,
  conditions: FluxCondition[],
  extra: { generation?: number; observed?: number; wait?: boolean; kind?: string } = {},
): FluxObject {
  return {
    kind: extra.kind ?? 'Kustomization',
    metadata: { name: 'web-dev', namespace: 'flux-system', generation: extra.generation ?? 2 },
    spec: { wait: extra.wait ?? true, sourceRef: { kind: 'GitRepository', name: 'config' } },
    status: { observedGeneration: extra.observed ?? 2, conditions, lastAppliedRevision: applied, lastAttemptedRevision: attempted },
  };
}
const ready = (status: string, reason: string, message: string): FluxCondition => ({ type: 'Ready', status, reason, message });

describe('judgeFluxObject', () => {
  test.each<[string, FluxObject, string, RegExp, string]>([
    [
      'Ready at the commit (sha1 form)',
      kustomization(`main@sha1:${NEW}`, `main@sha1:${NEW}`, [ready('True', 'ReconciliationSucceeded', `Applied revision: main@sha1:${NEW}`)]),
      'done',
      /Applied revision/,
      'Healthy',
    ],
    [
      'Ready at the commit (legacy main/<sha>)',
      kustomization(`main/${NEW}`, `main/${NEW}`, [ready('True', 'ReconciliationSucceeded', 'ok')]),
      'done',
      /ok/,
      'Healthy',
    ],
    [
      'Ready at a descendant',
      kustomization(`main@sha1:${NEWER}`, `main@sha1:${NEWER}`, [ready('True', 'ReconciliationSucceeded', 'ok')]),
      'done',
      /ok/,
      'Healthy',
    ],
    [
      'Ready at an older commit',
      kustomization(`main@sha1:${OLD}`, `main@sha1:${OLD}`, [ready('True', 'ReconciliationSucceeded', 'ok')]),
      'waiting',
      /applied bbbbbbb, waiting for aaaaaaa/,
      'Healthy',
    ],
    [
      'Ready, status of an older generation',
      kustomization(`main@sha1:${NEW}`, `main@sha1:${NEW}`, [ready('True', 'ReconciliationSucceeded', 'ok')], { generation: 3 }),
      'waiting',
      /ok/,
      'Healthy',
    ],
    [
      'reconciling the commit',
      kustomization(`main@sha1:${OLD}`, `main@sha1:${NEW}`, [ready('Unknown', 'Progressing', 'Reconciliation in progress')]),
      'waiting',
      /Reconciliation in progress/,
      'Progressing',
    ],
    [
      'BuildFailed on the commit',
      kustomization(`main@sha1:${OLD}`, `main@sha1:${NEW}`, [ready('False', 'BuildFailed', 'kustomize build failed')]),
      'failed',
      /^BuildFailed: kustomize build failed$/,
      'Degraded',
    ],
    [
      'HealthCheckFailed on the commit',
      kustomization(`main@sha1:${OLD}`, `main@sha1:${NEW}`, [ready('False', 'HealthCheckFailed', 'timeout waiting for: [Deployment/web/web]')]),
      'failed',
      /^HealthCheckFailed/,
      'Degraded',
    ],
    [
      'BuildFailed on an older commit does not count',
      kustomization(`main@sha1:${OLD}`, `main@sha1:${OLD}`, [ready('False', 'BuildFailed', 'old failure')]),
      'waiting',
      /waiting for aaaaaaa/,
      'Degraded',
    ],
    [
      'DependencyNotReady waits',
      kustomization(`main@sha1:${OLD}`, `main@sha1:${OLD}`, [ready('False', 'DependencyNotReady', "dependency 'flux-system/infra' is not ready")]),
      'waiting',
      /dependency/,
      'Degraded',
    ],
    [
      'Stalled',
      kustomization(`main@sha1:${OLD}`, `main@sha1:${NEW}`, [
        ready('False', 'InvalidCELExpression', 'x'),
        { type: 'Stalled', status: 'True', reason: 'InvalidCELExpression', message: 'bad expression' },
      ]),
      'failed',
      /^Stalled \(InvalidCELExpression\): bad expression$/,
      'Degraded',
    ],
    [
      'no wait, no health checks: applied, with a note',
      kustomization(`main@sha1:${NEW}`, `main@sha1:${NEW}`, [ready('True', 'ReconciliationSucceeded', 'ok')], { wait: false }),
      'done',
      /ok/,
      'Applied',
    ],
  ])('%s → %s', (_title, object, state, message, health) => {
    const judged = judgeFluxObject(object, { knowledge });
    expect(judged.state).toBe(state);
    expect(judged.message).toMatch(message);
    expect(judged.health).toBe(health);
  });

  test('a revision not looked up yet is named', () => {
    const unknown = 'e'.repeat(40);
    expect(judgeFluxObject(kustomization(`main@sha1:${unknown}`, `main@sha1:${unknown}`, []), { knowledge }).lookup).toEqual([unknown]);
  });

  test('after a reconcile request, done waits until the controller handled it', () => {
    const object = kustomization(`main@sha1:${NEW}`, `main@sha1:${NEW}`, [ready('True', 'ReconciliationSucceeded', 'ok')]);
    expect(judgeFluxObject(object, { knowledge, requestedAt: 't1' }).state).toBe('waiting');
    object.status!.lastHandledReconcileAt = 't1';
    expect(judgeFluxObject(object, { knowledge, requestedAt: 't1' }).state).toBe('done');
  });

  test('a HelmRelease is judged on Ready for its generation, and says so', () => {
    const release = kustomization('', '6.5.4', [ready('True', 'UpgradeSucceeded', 'Helm upgrade succeeded')], { kind: 'HelmRelease' });
    const judged = judgeFluxObject(release, { knowledge });
    expect(judged).toMatchObject({ state: 'done', revision: '6.5.4', note: expect.stringContaining('chart versions') });
    const failedUpgrade = kustomization('', '6.5.4', [ready('False', 'UpgradeFailed', 'Helm upgrade failed')], { kind: 'HelmRelease' });
    expect(judgeFluxObject(failedUpgrade, { knowledge })).toMatchObject({ state: 'failed', message: 'UpgradeFailed: Helm upgrade failed' });
  });
});

describe('commitOfRevision', () => {
  test.each([
    [`main@sha1:${NEW}`, NEW],
    [`v1.2.0@sha1:${NEW}`, NEW],
    [`master/${NEW}`, NEW],
    [NEW, NEW],
    ['6.5.4', undefined],
    ['latest@sha256:' + 'f'.repeat(64), undefined],
    [undefined, undefined],
  ])('%s → %s', (revision, commit) => expect(commitOfRevision(revision)).toBe(commit));
});
