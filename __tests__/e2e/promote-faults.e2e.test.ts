import { afterEach, describe, expect, test } from '@jest/globals';
import { errorAnnotations } from '../helpers/action-runner.js';
import { join } from 'node:path';
import { git, writeText } from '../helpers/git-fixtures.js';
import { branches, NAME, OWNER, startPromoteWorld, TOKEN, type PromoteWorld } from './promote-fixture.js';

let world: PromoteWorld;
afterEach(async () => {
  await world.close();
});

/** Writes one file of the config repo and pushes it to main as one commit. */
function pushFile(promoteWorld: PromoteWorld, path: string, text: string, message: string): void {
  const work = promoteWorld.repo.work;
  writeText(join(work, path), text);
  git(work, 'commit', '-qam', message);
  git(work, 'push', '-q', 'origin', 'main');
}

const warnings = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => line.startsWith('::warning'))
    .map((line) => line.replace(/^::warning[^:]*::/, ''));

describe('promote: refusals, faults and races', () => {
  test('an unknown team does not drop the others; auto-merge not allowed: the PR is made and the step warns what and how to fix', async () => {
    world = await startPromoteWorld({ allowAutoMerge: false });
    const run = await world.promote({ to: 'staging', 'team-reviewers': 'nobody-team, platform, sre', reviewers: 'octocat, promote-bot' });
    expect(run.exitCode).toBe(0);
    const pr = (await world.octokit.rest.pulls.get({ owner: OWNER, repo: NAME, pull_number: 1 })).data;
    expect(pr.requested_teams?.map((team) => team.slug).sort()).toEqual(['platform', 'sre']);
    expect(pr.requested_reviewers?.map((user) => user.login)).toEqual(['octocat']); // the author is left out
    expect(pr.auto_merge).toBeNull();
    expect(pr.merged).toBe(false); // never merged in place of auto-merge
    const said = warnings(run.stdout);
    expect(said).toEqual([
      expect.stringMatching(
        new RegExp(
          String.raw`refused team reviewer @acme\/nobody-team: .*Reviews may only be requested from collaborators.*To fix: check that the team ` +
            String.raw`exists, has access to acme\/config, and that the token can read the organisation's teams`,
        ),
      ),
      expect.stringMatching(
        /refused auto-merge: .*not allowed.*To fix: allow auto-merge in acme\/config \(Settings → General → Pull Requests → Allow auto-merge\)/,
      ),
    ]);
  });

  test('the simulated team-reviewers 422 is reported as a warning, not a failure', async () => {
    world = await startPromoteWorld();
    world.sim.injectFault({ kind: 'team-reviewers-422', count: 10 });
    const run = await world.promote({ from: 'staging', to: 'production' });
    expect(run.exitCode).toBe(0);
    const pr = (await world.octokit.rest.pulls.get({ owner: OWNER, repo: NAME, pull_number: 1 })).data;
    expect(pr.requested_reviewers?.map((user) => user.login)).toEqual(['octocat']);
    expect(warnings(run.stdout)).toEqual([expect.stringContaining('refused team reviewer @acme/platform')]);
  });

  test.each([
    ['server-error', { kind: 'server-error' as const, operationId: 'pulls/create', count: 2, status: 502 }],
    ['secondary rate limit', { kind: 'secondary-rate-limit' as const, operationId: 'git/create-tree', count: 1, retryAfterSeconds: 1 }],
    ['primary rate limit', { kind: 'primary-rate-limit' as const, operationId: 'pulls/list', count: 1 }],
    ['delay', { kind: 'delay' as const, operationId: 'repos/compare-commits-with-basehead', count: 1, delayMs: 500 }],
  ])('%s: retried, and the PR is made once', async (_name, fault) => {
    world = await startPromoteWorld();
    world.sim.injectFault(fault);
    const run = await world.promote({ to: 'staging' });
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    const pulls = await world.octokit.rest.pulls.list({ owner: OWNER, repo: NAME, state: 'all' });
    expect(pulls.data.map((pull) => pull.number)).toEqual([1]);
  });

  test('a PR creation that keeps failing leaves a branch without a PR, which the next run repairs', async () => {
    world = await startPromoteWorld();
    world.sim.injectFault({ kind: 'server-error', operationId: 'pulls/create', count: 20, status: 500 });
    const failed = await world.promote({ to: 'staging' });
    expect(failed.exitCode).toBe(1);
    expect(errorAnnotations(failed)).toHaveLength(1);
    expect(branches(world.repo)).toEqual(['main', 'promote/dev-to-staging']);
    world.sim.clearFaults();
    world.sim.resetLog();
    const repaired = await world.promote({ to: 'staging' });
    expect(repaired.exitCode).toBe(0);
    expect(repaired.outputs['pull-request-number']).toBe('1');
    // The branch already held the promotion: only the PR and its extras were written.
    expect(world.writes().filter((write) => write.includes('git/'))).toEqual([]);
  });

  test('landing: commit on a moved head re-applies the edit on the new head', async () => {
    world = await startPromoteWorld();
    world.sim.injectFault({ kind: 'moved-head', operationId: 'git/update-ref', count: 1 });
    const run = await world.promote({ to: 'staging', landing: 'commit' });
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(world.repo.remoteFile('apps/web/overlays/staging/kustomization.yaml')).toContain('newTag: 1.4.1');
    expect(world.repo.commitCount()).toBe(3); // the initial commit, the intruder, ours
    expect(run.outputs['commit-sha']).toBe(world.repo.remoteHead());
    expect(run.outputs['pull-request-number']).toBe('');
  });

  test('two promotions racing make one branch and one PR', async () => {
    world = await startPromoteWorld();
    const [a, b] = await Promise.all([world.promote({ to: 'staging' }), world.promote({ to: 'staging' })]);
    expect([a.exitCode, b.exitCode]).toEqual([0, 0]);
    expect(a.outputs['pull-request-number']).toBe('1');
    expect(b.outputs['pull-request-number']).toBe('1');
    const pulls = await world.octokit.rest.pulls.list({ owner: OWNER, repo: NAME, state: 'all' });
    expect(pulls.data).toHaveLength(1);
    expect(branches(world.repo)).toEqual(['main', 'promote/dev-to-staging']);
  });

  test('a GITHUB_TOKEN of another repository: a clear error naming the fix, nothing written', async () => {
    world = await startPromoteWorld({
      tokens: [{ token: TOKEN, login: 'github-actions[bot]', permission: 'write', actionsRepository: 'acme/app', canReadOrgTeams: false }],
    });
    const run = await world.promote({ to: 'staging' });
    expect(run.exitCode).toBe(1);
    const [error] = errorAnnotations(run);
    expect(error).toMatch(/cannot see acme\/config\. A workflow's GITHUB_TOKEN reaches only its own repository \(acme\/app\)/);
    expect(error).toContain('GitHub App installation token');
    expect(world.writes()).toEqual([]);
  });

  test('"Allow GitHub Actions to create and approve pull requests" off: the error says so; the next run after the fix opens the PR', async () => {
    world = await startPromoteWorld({
      tokens: [{ token: TOKEN, login: 'github-actions[bot]', permission: 'write', actionsRepository: 'acme/config', canReadOrgTeams: false }],
    });
    const run = await world.promote({ to: 'staging' }, { GITHUB_REPOSITORY: 'acme/config' });
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run)[0]).toContain('"Allow GitHub Actions to create and approve pull requests" is off for acme/config');
    world.sim.state.repo(OWNER, NAME)!.options.canApprovePullRequestReviews = true;
    const again = await world.promote({ to: 'staging' }, { GITHUB_REPOSITORY: 'acme/config' });
    expect(again.exitCode).toBe(0);
    expect(again.outputs['pull-request-number']).toBe('1');
  });
});

describe('promote: bad input is one clear line and writes nothing', () => {
  test.each([
    ['an unknown environment', { to: 'qa' }, "Input 'to': unknown environment 'qa'; the promotion config declares dev, staging, production."],
    [
      'from after to',
      { from: 'production', to: 'staging' },
      "Input 'from': 'production' comes after 'staging' in the promotion chain; images move staging → production, so swap from and to.",
    ],
    ['an app that matches nothing', { to: 'staging', apps: 'billing' }, "Input 'apps': 'billing' matches no app of both environments; known apps: web, api."],
    ['a bad landing', { to: 'staging', landing: 'merge' }, "Input 'landing': expected one of commit, pull-request, got 'merge'."],
    [
      'the first environment as target',
      { to: 'dev' },
      "Input 'to': 'dev' is the first environment of the chain; nothing promotes into it. Name from as well, or use set-image.",
    ],
  ])('%s', async (_name, inputs, message) => {
    world = await startPromoteWorld();
    const run = await world.promote(inputs);
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run)).toEqual([message]);
    expect(world.writes()).toEqual([]);
  });

  test('a config that does not parse', async () => {
    world = await startPromoteWorld();
    pushFile(world, 'gitops-promote.yaml', 'environments:\n  - name: dev\n    overlays: [\n', 'break the config');
    const run = await world.promote({ to: 'staging' });
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run)[0]).toMatch(/^gitops-promote\.yaml is not valid YAML: /);
    expect(world.writes()).toEqual([]);
  });

  test('a source overlay with no images: to promote', async () => {
    world = await startPromoteWorld();
    pushFile(
      world,
      'apps/web/overlays/dev/kustomization.yaml',
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../base\n',
      'no images in dev',
    );
    const run = await world.promote({ to: 'staging', apps: 'web' });
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run)).toEqual([
      "App 'web': apps/web/overlays/dev/kustomization.yaml has no images: entries to promote; set the images there first (set-image), " +
        'or leave the app out (apps input).',
    ]);
    expect(world.writes()).toEqual([]);
  });
});
