import { describe, expect, test } from '@jest/globals';
import type { WaitTarget } from '../../src/controllers/controller-targets.js';
import type { ObjectStatus } from '../../src/controllers/wait-types.js';
import {
  landingKindOf,
  pickLandingPullRequest,
  PROMOTION_BRANCH_PREFIX,
  PROMOTION_MARKER_PREFIX,
  type MergedPullRequest,
} from '../../src/github/pull-request-kinds.js';
import { promotionBranchName, promotionMarker } from '../../src/promote/promotion-names.js';
import { waitCommentBody, waitCommentMarker } from '../../src/wait/pull-request-comment-body.js';
import type { ObjectOutcome, WaitOutcome } from '../../src/wait/wait-report.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const argo = (label: string): WaitTarget => ({ controller: 'argocd', label, ref: { name: label } });
const flux = (label: string): WaitTarget => ({ controller: 'flux', label, kind: 'Kustomization', name: label, namespace: 'flux-system' });
const object = (target: WaitTarget, status: Partial<ObjectStatus> = {}): ObjectOutcome => ({
  target,
  status: { state: 'done', sync: 'Synced', health: 'Healthy', revision: A, message: 'Synced and Healthy', ...status },
});
const outcome = (objects: ObjectOutcome[], more: Partial<WaitOutcome> = {}): WaitOutcome => ({
  expected: A,
  revisionSource: 'input',
  objects,
  timedOut: false,
  elapsedMs: 42_300,
  ...more,
});

const MARKER = '<!-- gitops-promote:wait run=7 objects=web-prod -->';
const DETAILS = {
  marker: MARKER,
  environment: 'production',
  commitUrl: (sha: string) => `https://github.com/acme/config/commit/${sha}`,
  runUrl: 'https://github.com/acme/config/actions/runs/7',
};
const LINK_A = `[<code>aaaaaaa</code>](https://github.com/acme/config/commit/${A})`;
const LINK_B = `[<code>bbbbbbb</code>](https://github.com/acme/config/commit/${B})`;
const RUN_LINE = 'Judged by gitops-promote `wait` in [this workflow run](https://github.com/acme/config/actions/runs/7).';

describe("wait's pull request comment", () => {
  test.each<[string, WaitOutcome, Partial<typeof DETAILS>, string[]]>([
    [
      'every app synced and healthy at the commit',
      outcome([object(argo('web-prod')), object(flux('api-prod'), { sync: 'Ready=True (ReconciliationSucceeded)', message: 'Applied revision' })]),
      {},
      [
        MARKER,
        `### ✅ production: synced and healthy at ${LINK_A}`,
        '',
        '| App | Controller | Outcome |',
        '| --- | --- | --- |',
        `| <code>web-prod</code> | Argo CD | ✅ Synced, Healthy at ${LINK_A} |`,
        `| <code>api-prod</code> | Flux | ✅ Ready=True (ReconciliationSucceeded), Healthy at ${LINK_A} |`,
        '',
        RUN_LINE,
        '',
      ],
    ],
    [
      'at a descendant, with a note, recorded as a deployment, no environment named',
      outcome([object(flux('web-prod'), { revision: B, note: 'no spec.wait or spec.healthChecks: Ready means applied, not healthy' })], {
        deploymentUrl: 'https://github.com/acme/app/deployments/production',
      }),
      { environment: '' },
      [
        MARKER,
        `### ✅ synced and healthy at ${LINK_B}`,
        '',
        '| App | Controller | Outcome |',
        '| --- | --- | --- |',
        `| <code>web-prod</code> | Flux | ✅ Synced, Healthy at ${LINK_B} (no spec.wait or spec.healthChecks: Ready means applied, not healthy) |`,
        '',
        `${RUN_LINE} Recorded as a [GitHub deployment](https://github.com/acme/app/deployments/production).`,
        '',
      ],
    ],
    [
      "a failed sync: the controller's message, and the other app stopped by fail-fast",
      outcome(
        [
          object(argo('web-prod'), {
            state: 'failed',
            sync: 'OutOfSync',
            health: 'Healthy',
            message: 'sync failed: one or more objects failed to apply, reason: admission webhook denied the request',
          }),
          object(argo('api-prod'), { state: 'waiting', sync: 'OutOfSync', revision: B, message: 'runs an older commit' }),
        ],
        { failure: 'web-prod failed: sync failed: …' },
      ),
      {},
      [
        MARKER,
        `### ❌ production: ${LINK_A} did not become healthy`,
        '',
        '| App | Controller | Outcome |',
        '| --- | --- | --- |',
        '| <code>web-prod</code> | Argo CD | ❌ sync failed: one or more objects failed to apply, reason: admission webhook<br>denied the request' +
          `<br>OutOfSync, Healthy at ${LINK_A} |`,
        '| <code>api-prod</code> | Argo CD | ⏳ not finished: the wait stopped when another app failed: runs an older commit' +
          `<br>OutOfSync, Healthy at ${LINK_B} |`,
        '',
        RUN_LINE,
        '',
      ],
    ],
    [
      'degraded',
      outcome([object(argo('web-prod'), { state: 'failed', health: 'Degraded', message: 'health Degraded: Deployment web has 0/2 ready' })], {
        failure: 'web-prod failed: health Degraded',
      }),
      {},
      [
        MARKER,
        `### ❌ production: ${LINK_A} did not become healthy`,
        '',
        '| App | Controller | Outcome |',
        '| --- | --- | --- |',
        `| <code>web-prod</code> | Argo CD | ❌ health Degraded: Deployment web has 0/2 ready<br>Synced, Degraded at ${LINK_A} |`,
        '',
        RUN_LINE,
        '',
      ],
    ],
    [
      'a timeout, outside Actions, an app with no revision yet',
      outcome([object(argo('web-prod'), { state: 'waiting', sync: 'Unknown', health: 'Unknown', revision: '', message: '' })], {
        timedOut: true,
        failure: 'Timed out',
        elapsedMs: 600_000,
      }),
      { runUrl: '' },
      [
        MARKER,
        `### ⏳ production: ${LINK_A} was not synced and healthy after 600 s`,
        '',
        '| App | Controller | Outcome |',
        '| --- | --- | --- |',
        '| <code>web-prod</code> | Argo CD | ⏳ timed out<br>Unknown, Unknown at no revision |',
        '',
        'Judged by gitops-promote `wait` in a run outside GitHub Actions.',
        '',
      ],
    ],
  ])('%s', (_title, waited, details, lines) => {
    expect(waitCommentBody(waited, { ...DETAILS, ...details }).split('\n')).toEqual(lines);
  });

  test.each<[string, string, WaitTarget[], string]>([
    ['a run and its objects, sorted', '42', [argo('web-prod'), argo('api-prod')], '<!-- gitops-promote:wait run=42 objects=api-prod,web-prod -->'],
    ['outside Actions', '', [argo('web-prod')], '<!-- gitops-promote:wait run=local objects=web-prod -->'],
    ['a label cannot end the comment early', '1', [argo('a-->b')], '<!-- gitops-promote:wait run=1 objects=ab -->'],
  ])('marker: %s', (_title, runId, targets, marker) => {
    expect(waitCommentMarker(runId, targets)).toBe(marker);
  });
});

describe('which merged pull request gets the comment', () => {
  const pull = (number: number, headRef: string, body = '', mergeCommitSha = B): MergedPullRequest => ({
    number,
    url: `https://github.com/acme/config/pull/${number}`,
    title: `PR ${number}`,
    headRef,
    body,
    mergeCommitSha,
  });

  test.each<[string, Pick<MergedPullRequest, 'headRef' | 'body'>, string | undefined]>([
    ['a promotion by its marker', { headRef: 'renamed', body: `x\n${promotionMarker({ from: 'staging', to: 'production', apps: [] })}` }, 'promotion'],
    ['a promotion by its branch', { headRef: promotionBranchName({ from: 'staging', to: 'production', apps: ['web'] }), body: '' }, 'promotion'],
    ['a rollback by its marker', { headRef: 'x', body: '<!-- gitops-promote:rollback environment=production -->' }, 'rollback'],
    ['a rollback by its branch', { headRef: 'rollback/production', body: '' }, 'rollback'],
    ['a set-image PR', { headRef: 'gitops-promote/set-image/production', body: '<!-- gitops-promote:set-image environment=production -->' }, undefined],
    ['a hand-made PR', { headRef: 'fix-typo', body: 'Fixes a typo' }, undefined],
    ['a branch that only contains the word', { headRef: 'feature/promote/x', body: '' }, undefined],
  ])('%s', (_title, candidate, kind) => {
    expect(landingKindOf(candidate)).toBe(kind);
  });

  test.each<[string, MergedPullRequest[], number | undefined, string | undefined]>([
    ['none merged it', [], undefined, 'no merged pull request brought it in'],
    ['the one whose merge made the commit', [pull(3, 'fix'), pull(2, 'promote/a-to-b', '', A)], 2, undefined],
    ['else the one whose merge brought it in', [pull(5, 'rollback/production')], 5, undefined],
    [
      'a hand-made PR is named, not picked',
      [pull(4, 'fix', '', A), pull(2, 'promote/a-to-b')],
      4,
      'pull request #4 merged it, and is neither a promotion nor a rollback',
    ],
  ])('%s', (_title, merged, number, why) => {
    const pick = pickLandingPullRequest(merged, A);
    expect(pick.pull?.number).toBe(number);
    expect(pick.kind ? undefined : (pick as { why: string }).why).toBe(why);
  });

  test("the promotion's own names begin with the shared prefixes", () => {
    expect(promotionBranchName({ from: 'dev', to: 'staging', apps: [] }).startsWith(PROMOTION_BRANCH_PREFIX)).toBe(true);
    expect(promotionMarker({ from: 'dev', to: 'staging', apps: [] }).startsWith(PROMOTION_MARKER_PREFIX)).toBe(true);
  });
});
