import { afterEach, describe, expect, test } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startArgoCdSimulator, type ArgoAppScenario, type ArgoCdSimulator } from '../../test-infra/simulators/argocd/index.js';
import { startGitHubSimulator, type GitHubSimulator } from '../../test-infra/simulators/github/index.js';
import type { DriftReport } from '../../src/drift/drift-types.js';
import { appReport as app, commitOverlay, overlayFile, renderedImages as rendered, reportOf, setTag } from './drift-fixture.js';
import { closeSimulatedWorld } from '../helpers/simulator-teardown.js';
import { errorAnnotations, runAction, type ActionRun } from '../helpers/action-runner.js';
import { createConfigRepo, git, type ConfigRepo } from '../helpers/git-fixtures.js';

// drift-check with an empty path: the config repo, its history and each environment's branch read through the GitHub API.

let repo: ConfigRepo | undefined;
let argo: ArgoCdSimulator | undefined;
let github: GitHubSimulator | undefined;

afterEach(async () => {
  await closeSimulatedWorld({ argo, github, repo });
  argo = github = repo = undefined;
});

/** Every app and environment known to Argo CD, settled at `revision` with what `dir` renders there, unless overridden. */
async function startSimulators(dir: string, revision: string, overrides: Record<string, Partial<ArgoAppScenario>> = {}): Promise<void> {
  const applications = ['web', 'api'].flatMap((app) =>
    ['dev', 'staging', 'production'].map((env): ArgoAppScenario => ({
      name: `${app}-${env}`,
      path: `apps/${app}/overlays/${env}`,
      initialRevision: revision,
      images: rendered(dir, app, env),
      autoSync: env !== 'production',
      ...overrides[`${app}-${env}`],
    })),
  );
  argo = await startArgoCdSimulator({ scenario: { applications }, manualSteps: true });
  github = await startGitHubSimulator({ repos: [{ owner: 'acme', name: 'config', path: repo!.remote }] });
}

function drift(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({
    inputs: {
      command: 'drift-check',
      'argocd-server': argo!.url,
      'argocd-token': argo!.token,
      token: github!.token,
      repository: 'acme/config',
      issue: '',
      ...inputs,
    },
    env: { GITHUB_API_URL: github!.apiUrl, GITHUB_SERVER_URL: github!.serverUrl, GITHUB_RUN_ID: '7', GITHUB_REPOSITORY: 'acme/config' },
  });
}

const withoutTime = ({ generatedAt: _at, ...report }: DriftReport) => report;

describe('drift-check through the GitHub API (no checkout)', () => {
  test("reports what a full checkout reports, reads only, and walks an overlay's history only as far as the skew needs", async () => {
    repo = createConfigRepo();
    const first = git(repo.work, 'rev-parse', 'HEAD');
    commitOverlay(repo.work, 'web', 'staging', setTag('1.3.2'), 12);
    const older = commitOverlay(repo.work, 'web', 'staging', setTag('1.3.3'), 10);
    const beforeRevert = commitOverlay(repo.work, 'web', 'staging', setTag('1.4.0'), 9);
    const apiDev = readFileSync(join(repo.work, overlayFile('api', 'dev')), 'utf8');
    commitOverlay(repo.work, 'api', 'dev', setTag('9.9.9'), 8);
    commitOverlay(repo.work, 'api', 'dev', () => apiDev, 7);
    git(repo.work, 'push', '-q', 'origin', 'HEAD:main');
    const head = git(repo.work, 'rev-parse', 'HEAD');
    await startSimulators(repo.work, head, {
      // Synced at the first commit: nothing since touched web's dev overlay, so that is no drift.
      'web-dev': { initialRevision: first },
      // An edit of api's dev overlay was reverted since: the net change is none, in git and through the compare API alike.
      'api-dev': { initialRevision: beforeRevert },
      // Still at 1.3.3: the 1.4.0 commit (nine days old) was never applied.
      'web-staging': { initialRevision: older, images: ['ghcr.io/acme/web:1.3.3'] },
    });

    const checkout = await drift({ path: repo.work });
    github!.resetLog();
    const api = await drift({ path: '' });
    expect(errorAnnotations(api)).toEqual([]);
    expect(api.exitCode).toBe(0);
    expect(withoutTime(reportOf(api))).toEqual(withoutTime(reportOf(checkout)));

    const report = reportOf(api);
    expect(report.head).toEqual({ branch: 'main', sha: head });
    expect(report.items.map((item) => `${item.kind}:${item.environment}:${item.app}`)).toEqual(['not-applied:staging:web']);
    expect(app(report, 'production', 'web').skew).toEqual(
      expect.objectContaining({ status: 'behind', versionsBehind: 2, daysBehind: 10, historyComplete: true }),
    );
    expect(api.summary).toContain('Branch `main` at');

    expect(github!.requests.filter((entry) => entry.write)).toEqual([]);
    const reads = (operation: string, path = '') =>
      github!.requests.filter((entry) => entry.operationId === operation && decodeURIComponent(entry.path).includes(path)).length;
    expect(reads('repos/download-tarball-archive')).toBe(1);
    // web staging: 1.4.0, 1.3.3, then 1.3.2 (production's) ends the run; the first commit is never fetched.
    expect(reads('repos/get-content', overlayFile('web', 'staging'))).toBe(3);
    expect(reads('repos/compare-commits-with-basehead')).toBe(3); // web-dev's, api-dev's and web-staging's older revisions
    github!.assertContractClean();
  });

  test('an environment on its own branch is read from that branch; a branch that does not exist is one clear error', async () => {
    repo = createConfigRepo();
    const config = join(repo.work, 'gitops-promote.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('  - name: production\n', '  - name: production\n    branch: release\n'));
    git(repo.work, 'commit', '-qam', 'production lives on release');
    git(repo.work, 'push', '-q', 'origin', 'HEAD:main');
    const main = git(repo.work, 'rev-parse', 'HEAD');
    const release = commitOverlay(repo.work, 'web', 'production', setTag('1.3.1'), 1);
    git(repo.work, 'push', '-q', 'origin', 'HEAD:refs/heads/release');
    await startSimulators(repo.work, main, { 'web-production': { initialRevision: release }, 'api-production': { initialRevision: release } });

    const run = await drift({ path: '' });
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.stdout).not.toContain('lives on branch');
    const report = reportOf(run);
    expect(report.head).toEqual({ branch: 'main', sha: main });
    expect(report.environments.find((env) => env.name === 'production')!.head).toEqual({ branch: 'release', sha: release });
    expect(report.environments.find((env) => env.name === 'staging')!.head).toBeUndefined();
    expect(app(report, 'production', 'web').declared!.version!.tag).toBe('1.3.1');
    expect(report.items).toEqual([]);
    expect(run.summary).toContain('Branch `release` at');

    git(repo.remote, 'update-ref', '-d', 'refs/heads/release');
    const missing = await drift({ path: '' });
    expect(missing.exitCode).toBe(1);
    expect(errorAnnotations(missing)).toEqual([
      "Environment 'production' lives on branch 'release' (its branch in the promotion config): Branch 'release' does not exist in acme/config.",
    ]);
  });

  test.each([
    [
      'a token GitHub refuses',
      { token: 'ghp_wrong000000000000000000000000000000000' },
      "Input 'token': GitHub refused it (401 Bad credentials): it is wrong or expired.",
    ],
    [
      'a repository the token cannot see',
      { repository: 'acme/elsewhere' },
      /^Input 'repository': acme\/elsewhere was not found with this token \(404\)\. A workflow's GITHUB_TOKEN reaches only its own repository/,
    ],
  ])('%s: one line naming the input, nothing written', async (_title, inputs, expected) => {
    repo = createConfigRepo();
    await startSimulators(repo.work, repo.remoteHead());
    const run = await drift({ path: '', ...inputs });
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run)).toEqual([expected instanceof RegExp ? expect.stringMatching(expected) : expected]);
    expect(github!.requests.filter((entry) => entry.write)).toEqual([]);
  });

  test('with path empty, a checkout of the config repo in the working folder is read locally; a checkout of another repo is not', async () => {
    repo = createConfigRepo();
    await startSimulators(repo.work, repo.remoteHead());
    const run = (cwd: string) =>
      runAction({
        cwd,
        inputs: {
          command: 'drift-check',
          path: '',
          'argocd-server': argo!.url,
          'argocd-token': argo!.token,
          token: github!.token,
          repository: 'acme/config',
          issue: '',
        },
        env: { GITHUB_API_URL: github!.apiUrl, GITHUB_REPOSITORY: 'acme/config' },
      });
    const api = (operation: string) => github!.requests.filter((entry) => entry.operationId === operation).length;

    git(repo.work, 'remote', 'set-url', 'origin', 'https://github.com/acme/config.git'); // as actions/checkout leaves it
    const local = await run(join(repo.work, 'apps'));
    expect(errorAnnotations(local)).toEqual([]);
    expect(local.stdout).toContain(`Reading the checkout of acme/config in ${repo.work}`);
    expect(api('repos/download-tarball-archive') + api('repos/list-commits')).toBe(0);

    git(repo.work, 'remote', 'set-url', 'origin', 'git@github.com:acme/web.git');
    const remote = await run(repo.work);
    expect(errorAnnotations(remote)).toEqual([]);
    expect(api('repos/download-tarball-archive')).toBe(1);
    expect(withoutTime(reportOf(remote))).toEqual(withoutTime(reportOf(local)));
  });
});
