import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorAnnotations } from '../helpers/action-runner.js';
import { git, exampleReference } from '../helpers/git-fixtures.js';
import { gitAsync } from '../../test-infra/simulators/github/fixtures.js';
import { branches, NAME, OWNER, remoteFile, startPromoteWorld, TOKEN, type PromoteWorld } from './promote-fixture.js';

const WEB_STAGING = 'apps/web/overlays/staging/kustomization.yaml';
const API_STAGING = 'apps/api/overlays/staging/kustomization.yaml';
const WEB_PRODUCTION = 'apps/web/overlays/production/kustomization.yaml';
const READ_TOKEN = 'ghp_readOnlyToken000000000000000000000000';

// One simulator for the file: the tests build on each other in order (PR #1 staging, PR #2 production).
let world: PromoteWorld;
beforeAll(async () => {
  world = await startPromoteWorld({
    tokens: [
      { token: TOKEN, login: 'promote-bot', permission: 'admin' },
      { token: READ_TOKEN, login: 'reader', permission: 'read' },
    ],
  });
});
afterAll(async () => {
  await world.close();
});

async function pull(number: number) {
  return (await world.octokit.rest.pulls.get({ owner: OWNER, repo: NAME, pull_number: number })).data;
}

describe('set-image into an environment that lands through pull requests, end to end through dist/index.js', () => {
  test('API mode: one PR on gitops-promote/set-image/staging with the config’s labels and auto-merge; the base is untouched', async () => {
    const run = await world.run('set-image', { environment: 'staging', images: 'web=*:1.4.2' });
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    // The first run into the environment: there is no open PR whose arguments could be unreadable.
    expect(run.stdout).not.toContain('carries arguments this version cannot read');
    expect(run.outputs['pull-request-number']).toBe('1');
    expect(run.outputs['pull-request-url']).toBe(`${world.sim.serverUrl}/${OWNER}/${NAME}/pull/1`);
    expect(run.summary).toContain('>#1</a> opened');
    expect(world.repo.remoteFile(WEB_STAGING)).toContain('newTag: 1.4.0');
    expect(remoteFile(world.repo, 'gitops-promote/set-image/staging', WEB_STAGING)).toContain('newTag: 1.4.2');
    const pr = await pull(1);
    expect(pr.head.ref).toBe('gitops-promote/set-image/staging');
    expect(pr.base.ref).toBe('main');
    expect(pr.title).toBe('Set ghcr.io/acme/web:1.4.2 in staging');
    expect(pr.labels.map((label) => label.name).sort()).toEqual(['promotion', 'staging']);
    expect(pr.auto_merge?.merge_method).toBe('squash');
    expect(pr.body).toContain(`| \`apps/web/overlays/staging\` | \`web\` | \`${exampleReference('web:1.4.0')}\` | \`ghcr.io/acme/web:1.4.2\` |`);
    expect(pr.body).toContain('<!-- gitops-promote:set-image environment=staging -->');
  });

  test('a re-run with nothing new makes no write request', async () => {
    world.sim.resetLog();
    const run = await world.run('set-image', { environment: 'staging', images: 'web=*:1.4.2' }, { GITHUB_RUN_ID: '43' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs['pull-request-number']).toBe('1');
    expect(world.writes()).toEqual([]);
  });

  test('another image for staging updates the same PR, which keeps the first image', async () => {
    const run = await world.run('set-image', { environment: 'staging', images: 'ghcr.io/acme/api=*:2.9.0' });
    expect(errorAnnotations(run)).toEqual([]);
    // The PR's arguments and this run's are planned apart and together: each overlay still says it once.
    const unrendered = run.stdout.split('\n').filter((line) => line.includes('renders no image named'));
    expect(unrendered.length).toBeGreaterThan(0);
    expect(unrendered).toEqual([...new Set(unrendered)]);
    expect(run.outputs['pull-request-number']).toBe('1');
    expect(remoteFile(world.repo, 'gitops-promote/set-image/staging', WEB_STAGING)).toContain('newTag: 1.4.2');
    expect(remoteFile(world.repo, 'gitops-promote/set-image/staging', API_STAGING)).toContain('2.9.0');
    const pr = await pull(1);
    expect(pr.commits).toBe(1);
    expect(pr.body).toContain('`ghcr.io/acme/api:2.9.0`');
    expect(pr.body).toContain('`ghcr.io/acme/web:1.4.2`');
    const open = await world.octokit.rest.pulls.list({ owner: OWNER, repo: NAME, state: 'open' });
    expect(open.data.map((item) => item.number)).toEqual([1]);
  });

  test('with a checkout (path): the branch is pushed, the PR opened with reviewers, and the checked-out branch stays where it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gitops-promote-clone-'));
    try {
      await gitAsync(dir, 'clone', '--quiet', world.sim.cloneUrl(OWNER, NAME), 'work');
      const work = join(dir, 'work');
      const head = (await gitAsync(work, 'rev-parse', 'HEAD')).trim();
      const run = await world.run('set-image', { path: work, environment: 'production', images: 'web=*:1.4.1@sha256:' + 'a'.repeat(64) });
      expect(errorAnnotations(run)).toEqual([]);
      expect(run.exitCode).toBe(0);
      expect(run.outputs['pull-request-number']).toBe('2');
      expect((await gitAsync(work, 'rev-parse', 'HEAD')).trim()).toBe(head);
      expect((await gitAsync(work, 'status', '--porcelain')).trim()).toBe('');
      expect(readFileSync(join(work, WEB_PRODUCTION), 'utf8')).not.toContain('1.4.1');
      const pr = await pull(2);
      expect(pr.head.ref).toBe('gitops-promote/set-image/production');
      expect(pr.requested_reviewers?.map((user) => user.login)).toEqual(['octocat']);
      expect(pr.requested_teams?.map((team) => team.slug)).toEqual(['platform']);
      expect(remoteFile(world.repo, 'gitops-promote/set-image/production', WEB_PRODUCTION)).toContain('newTag: 1.4.1');

      world.sim.resetLog();
      const again = await world.run('set-image', { path: work, environment: 'production', images: 'web=*:1.4.1@sha256:' + 'a'.repeat(64) });
      expect(again.exitCode).toBe(0);
      expect(again.outputs['pull-request-number']).toBe('2');
      expect(world.writes()).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('landing: pull-request without an environment is refused in one line, with nothing written', async () => {
    world.sim.resetLog();
    const run = await world.run('set-image', { overlays: 'apps/web/overlays/dev', images: 'web=*:1.9.0', landing: 'pull-request' });
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run)).toEqual([expect.stringMatching(/^Input 'landing': set-image lands through a pull request only into an environment/)]);
    expect(world.writes()).toEqual([]);
  });

  test('the landing input overrides the config: dev (landing: commit) through a PR', async () => {
    const run = await world.run('set-image', { environment: 'dev', images: 'web=*:1.5.0', landing: 'pull-request' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs['pull-request-number']).toBe('3');
    expect(world.repo.remoteFile('apps/web/overlays/dev/kustomization.yaml')).not.toContain('1.5.0');
    expect(branches(world.repo)).toContain('gitops-promote/set-image/dev');
  });

  test('a write refused to a read-only token is explained by the set-up checks, not Octokit’s raw message', async () => {
    const run = await world.run('set-image', { environment: 'dev', images: 'web=*:1.6.0', landing: 'commit', token: READ_TOKEN });
    expect(run.exitCode).toBe(1);
    const [error] = errorAnnotations(run);
    expect(error).toMatch(/^GitHub refused a request to acme\/config \(40[34] .*The token can read acme\/config but not push to it; give it Contents: write/);
    expect(
      run.stdout
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n'),
    ).not.toContain(READ_TOKEN);
  });

  test('an environment with its own branch: set-image (API) and its PR go to that branch', async () => {
    // staging now lives on `release`: the config says so on main and on release.
    const work = world.repo.clone();
    const config = join(work, 'gitops-promote.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('  - name: staging\n', '  - name: staging\n    branch: release\n'));
    git(work, 'commit', '--quiet', '-am', 'staging lands on release');
    git(work, 'push', '--quiet', 'origin', 'HEAD:main', 'HEAD:release');
    const run = await world.run('set-image', { environment: 'staging', images: 'web=*:1.4.3', landing: 'commit' });
    expect(errorAnnotations(run)).toEqual([]);
    expect(remoteFile(world.repo, 'release', WEB_STAGING)).toContain('newTag: 1.4.3');
    expect(world.repo.remoteFile(WEB_STAGING)).toContain('newTag: 1.4.0');
    expect(run.summary).toContain('<code>release</code>');
  });

  test('through a pull request, a full image name that would downgrade production is refused before any write', async () => {
    world.sim.resetLog();
    // production's entry web renames into ghcr.io/acme/web at 1.3.2; the argument would add an entry overriding it.
    const run = await world.run('set-image', { environment: 'production', images: 'ghcr.io/acme/web:1.0.0' });
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run)).toEqual([
      expect.stringMatching(
        new RegExp(
          String.raw`^Input 'images': 'ghcr\.io\/acme\/web:1\.0\.0' would downgrade ghcr\.io\/acme\/web in apps\/web\/overlays\/production from ` +
            String.raw`1\.3\.2 to 1\.0\.0: entry 'web' renames`,
        ),
      ),
    ]);
    expect(world.writes()).toEqual([]);
    expect(remoteFile(world.repo, 'gitops-promote/set-image/production', WEB_PRODUCTION)).not.toContain('1.0.0');
  });
});
