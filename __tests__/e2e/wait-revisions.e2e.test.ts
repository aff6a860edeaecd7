import { afterEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startArgoCdSimulator, type ArgoAppScenario, type ArgoCdSimulator } from '../../test-infra/simulators/argocd/index.js';
import { startGitHubSimulator, type GitHubSimulator } from '../../test-infra/simulators/github/index.js';
import { closeSimulatedWorld } from '../helpers/simulator-teardown.js';
import { errorAnnotations, runAction, type ActionRun } from '../helpers/action-runner.js';
import { createConfigRepo, git, type ConfigRepo } from '../helpers/git-fixtures.js';

let argo: ArgoCdSimulator | undefined;
let github: GitHubSimulator | undefined;
let repo: ConfigRepo | undefined;

afterEach(async () => {
  await closeSimulatedWorld({ argo, github, repo });
  argo = github = repo = undefined;
});

/** A config repo whose main has `initial` and then `next` (a descendant), plus an unrelated commit on another branch. */
function configRepoWithHistory(): { repo: ConfigRepo; initial: string; next: string; unrelated: string } {
  repo = createConfigRepo();
  const initial = repo.remoteHead();
  writeFileSync(join(repo.work, 'README.md'), 'changed\n');
  git(repo.work, 'commit', '--quiet', '-am', 'Touch the README');
  git(repo.work, 'push', '--quiet', 'origin', 'main');
  const next = repo.remoteHead();
  const other = repo.clone('other');
  git(other, 'checkout', '--quiet', '--orphan', 'rewrite');
  git(other, 'commit', '--quiet', '-m', 'Unrelated history');
  git(other, 'push', '--quiet', 'origin', 'rewrite');
  const unrelated = git(other, 'rev-parse', 'HEAD');
  return { repo, initial, next, unrelated };
}

async function startArgo(app: ArgoAppScenario): Promise<ArgoCdSimulator> {
  argo = await startArgoCdSimulator({ scenario: { applications: [app] }, stepMs: 20 });
  return argo;
}

function runWait(s: ArgoCdSimulator, inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}): Promise<ActionRun> {
  return runAction({ inputs: { command: 'wait', 'argocd-server': s.url, 'argocd-token': s.token, timeout: '20s', ...inputs }, env });
}

const appsOutput = (run: ActionRun): Array<Record<string, unknown>> => JSON.parse(run.outputs.apps ?? '[]') as Array<Record<string, unknown>>;

describe('wait: which commit counts', () => {
  test('a newer commit counts when the expected one is its ancestor (local git in path)', async () => {
    const { repo: r, initial, next } = configRepoWithHistory();
    const s = await startArgo({ name: 'web-dev', initialRevision: initial });
    s.setRevision('web-dev', next);
    const run = await runWait(s, { 'argocd-app': 'web-dev', revision: initial, path: r.work });
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs['synced-revision']).toBe(next);
  });

  test('a commit that does not contain the expected one fails the step', async () => {
    const { repo: r, next, unrelated } = configRepoWithHistory();
    const s = await startArgo({ name: 'web-dev', initialRevision: next });
    s.setRevision('web-dev', unrelated);
    const run = await runWait(s, { 'argocd-app': 'web-dev', revision: next, path: r.work });
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run)).toEqual([
      `web-dev failed: runs ${unrelated.slice(0, 7)}, which does not contain ${next.slice(0, 7)}: the branch moved on without it`,
    ]);
  });

  test('without a checkout, the GitHub compare API tells', async () => {
    const { repo: r, initial, next } = configRepoWithHistory();
    github = await startGitHubSimulator({ repos: [{ owner: 'acme', name: 'config', path: r.remote }] });
    const s = await startArgo({ name: 'web-dev', initialRevision: initial });
    s.setRevision('web-dev', next);
    const empty = mkdtempSync(join(tmpdir(), 'gitops-promote-nocheckout-'));
    const run = await runWait(
      s,
      { 'argocd-app': 'web-dev', revision: initial, path: empty, token: github.token, repository: 'acme/config' },
      { GITHUB_API_URL: github.apiUrl },
    );
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(github.requests.some((request) => request.path.endsWith(`/compare/${next}...${initial}`))).toBe(true);
  });

  describe('the compare API when it cannot answer', () => {
    /** An app repo on GitHub (the workflow's repository) that holds none of the config repo's commits. */
    function appRepo(dir: string): string {
      const remote = join(dir, 'web-app.git');
      git(dir, 'init', '--quiet', '--bare', remote);
      const work = join(dir, 'web-app');
      git(dir, 'init', '--quiet', '-b', 'main', work);
      writeFileSync(join(work, 'Dockerfile'), 'FROM scratch\n');
      git(work, 'add', '-A');
      git(work, 'commit', '--quiet', '-m', 'The app');
      git(work, 'push', '--quiet', remote, 'main');
      return remote;
    }

    async function waitWithoutCheckout(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
      const { repo: r, initial, next } = configRepoWithHistory();
      github = await startGitHubSimulator({
        repos: [
          { owner: 'acme', name: 'config', path: r.remote },
          { owner: 'acme', name: 'web-app', path: appRepo(r.dir) },
        ],
      });
      const s = await startArgo({ name: 'web-dev', initialRevision: initial });
      // The config repo moved on: the app runs a later commit, whose relation to ours must be looked up.
      s.setRevision('web-dev', next);
      const empty = mkdtempSync(join(tmpdir(), 'gitops-promote-nocheckout-'));
      const run = await runWait(
        s,
        { 'argocd-app': 'web-dev', revision: initial, path: empty, token: github.token, timeout: '60s', ...inputs },
        { GITHUB_API_URL: github.apiUrl, ...env },
      );
      return { run, where: `comparing ${next.slice(0, 7)}...${initial.slice(0, 7)}` };
    }

    test(
      'run from the app repo without repository, the lookup asks the app repo, which lacks the commits: the step ends at once, ' +
        'naming the repository, the status and what to set',
      async () => {
        const { run, where } = await waitWithoutCheckout({}, { GITHUB_REPOSITORY: 'acme/web-app' });
        expect(run.exitCode).toBe(1);
        expect(errorAnnotations(run)).toEqual([
          `Input 'repository': GitHub answered 404 Not Found ${where} in acme/web-app: the commits are not in that repository, ` +
            `or the token may not read it. Set repository to the config repo (owner/name) and token to a token that may read it.`,
        ]);
        expect(run.stdout).not.toContain('cannot tell yet');
      },
    );

    test('a token GitHub refuses (401) ends the wait at once, naming token', async () => {
      const { run, where } = await waitWithoutCheckout({ repository: 'acme/config', token: 'not-a-token' });
      expect(run.exitCode).toBe(1);
      expect(errorAnnotations(run)).toEqual([
        `Input 'token': GitHub answered 401 ${where} in acme/config (Bad credentials): ` +
          `set token to a token that may read acme/config (contents: read), and repository to the config repo if it is not.`,
      ]);
    });

    test('a server error is asked again, and meanwhile the progress line says what failed', async () => {
      const { repo: r, initial, next } = configRepoWithHistory();
      github = await startGitHubSimulator({ repos: [{ owner: 'acme', name: 'config', path: r.remote }] });
      // One more 502 than Octokit's own retries: the first lookup fails, the next one answers.
      github.injectFault({ kind: 'server-error', operationId: 'repos/compare-commits-with-basehead', status: 502, count: 4 });
      const s = await startArgo({ name: 'web-dev', initialRevision: initial });
      s.setRevision('web-dev', next);
      const empty = mkdtempSync(join(tmpdir(), 'gitops-promote-nocheckout-'));
      const run = await runWait(
        s,
        { 'argocd-app': 'web-dev', revision: initial, path: empty, token: github.token, repository: 'acme/config', timeout: '60s' },
        { GITHUB_API_URL: github.apiUrl },
      );
      expect(errorAnnotations(run)).toEqual([]);
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toMatch(
        new RegExp(
          `checking whether ${next.slice(0, 7)} contains ${initial.slice(0, 7)}; the last try failed: ` +
            `GitHub answered 502 comparing ${next.slice(0, 7)}\\.\\.\\.${initial.slice(0, 7)} in acme/config \\(.+\\); asking again`,
        ),
      );
      expect(run.outputs['synced-revision']).toBe(next);
    });
  });

  test('manifest-generate-paths: an app left at an older commit the later commits did not touch is done, and the step says so', async () => {
    const { repo: r, initial, next } = configRepoWithHistory(); // next changes only README.md
    const s = await startArgo({
      name: 'docs',
      path: 'apps/web/overlays/dev',
      initialRevision: initial,
      manifestGeneratePaths: '.;../../base',
      commitsTouchPaths: false,
    });
    s.setRevision('docs', next);
    const run = await runWait(s, { 'argocd-app': 'docs', revision: next, path: r.work });
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    const note =
      `manifest-generate-paths (apps/web/overlays/dev;apps/web/base): the commits up to ${next.slice(0, 7)} changed nothing under these paths, ` +
      `so Argo CD still reports ${initial.slice(0, 7)}`;
    expect(appsOutput(run)[0]).toMatchObject({ state: 'done', revision: initial, note });
    expect(run.stdout).toContain(`::notice::docs: ${note}`);
  });

  test(
    'manifest-generate-paths: when the later commits did change the app, an older revision is not taken for done ' + '(checked through the compare API)',
    async () => {
      const { repo: r, initial } = configRepoWithHistory();
      writeFileSync(join(r.work, 'apps', 'web', 'base', 'NOTES.md'), 'changed\n');
      git(r.work, 'add', '-A');
      git(r.work, 'commit', '--quiet', '-m', 'Touch the web base');
      git(r.work, 'push', '--quiet', 'origin', 'main');
      const touched = r.remoteHead();
      github = await startGitHubSimulator({ repos: [{ owner: 'acme', name: 'config', path: r.remote }] });
      // Argo CD lags: it still reports the old commit although the new one changed a path it watches.
      const s = await startArgo({
        name: 'web-dev',
        path: 'apps/web/overlays/dev',
        initialRevision: initial,
        manifestGeneratePaths: '.;/apps/web/base',
        commitsTouchPaths: false,
      });
      s.setRevision('web-dev', touched);
      const empty = mkdtempSync(join(tmpdir(), 'gitops-promote-nocheckout-'));
      // The step can only time out here; the timeout must outlast both compare lookups, which did not fit in 4 s on a loaded machine.
      const run = await runWait(
        s,
        { 'argocd-app': 'web-dev', revision: touched, path: empty, token: github.token, repository: 'acme/config', timeout: '10s' },
        { GITHUB_API_URL: github.apiUrl },
      );
      expect(run.exitCode).toBe(1);
      expect(errorAnnotations(run)[0]).toContain(
        `waiting for ${touched.slice(0, 7)}: the commits since changed files under manifest-generate-paths (apps/web/overlays/dev;apps/web/base)`,
      );
      // One compare answers both whether the reported commit is older and which files changed since.
      expect(github.requests.filter((request) => request.operationId === 'repos/compare-commits-with-basehead').map((request) => request.path)).toEqual([
        expect.stringMatching(new RegExp(`/compare/${initial}\\.\\.\\.${touched}$`)),
      ]);
    },
  );
});

describe('wait: the revision by default, and objects from the promotion config', () => {
  test.each<[string, (c: { initial: string; next: string }) => { inputs: Record<string, string>; env: NodeJS.ProcessEnv }, RegExp]>([
    [
      'GITOPS_PROMOTE_COMMIT_SHA from an earlier step',
      ({ next }) => ({ inputs: {}, env: { GITOPS_PROMOTE_COMMIT_SHA: next } }),
      /\(GITOPS_PROMOTE_COMMIT_SHA from an earlier gitops-promote step\)/,
    ],
    ['the head of the checkout', () => ({ inputs: {}, env: {} }), /\(the head of the checkout in /],
    ['a branch name, resolved to a SHA', () => ({ inputs: { revision: 'main' }, env: {} }), /\(input revision \(main\)\)/],
  ])('%s', async (_title, given, source) => {
    const { repo: r, initial, next } = configRepoWithHistory();
    const s = await startArgo({ name: 'web-dev', initialRevision: initial });
    s.setRevision('web-dev', next);
    const { inputs, env } = given({ initial, next });
    const run = await runWait(s, { 'argocd-app': 'web-dev', path: r.work, ...inputs }, env);
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.stdout).toContain(`Waiting for web-dev to run ${next}`);
    expect(run.stdout).toMatch(source);
    expect(run.outputs['synced-revision']).toBe(next);
  });

  test('no revision anywhere: the error says how to pass one', async () => {
    const s = await startArgo({ name: 'web-dev' });
    const run = await runWait(s, { 'argocd-app': 'web-dev', path: mkdtempSync(join(tmpdir(), 'gitops-promote-nocheckout-')) });
    expect(errorAnnotations(run)).toEqual([
      expect.stringMatching(/^Input 'revision': no commit to wait for: pass revision \(for example \$\{\{ steps\.set-image\.outputs\.commit-sha \}\}\)/),
    ]);
  });

  test('environment + apps: the Argo CD app comes from gitops-promote.yaml', async () => {
    const { repo: r, initial, next } = configRepoWithHistory();
    const s = await startArgo({ name: 'web-dev', initialRevision: initial });
    s.setRevision('web-dev', next);
    const run = await runWait(s, { environment: 'dev', apps: 'web', path: r.work, revision: next });
    expect(errorAnnotations(run)).toEqual([]);
    expect(appsOutput(run)).toEqual([expect.objectContaining({ name: 'web-dev', state: 'done' })]);
  });

  test.each([
    [{ environment: 'qa' }, /^Input 'environment': unknown environment 'qa'; the promotion config declares dev, staging, production\.$/],
    [{ environment: 'dev', apps: 'nope' }, /^Input 'apps': unknown app 'nope'; the promotion config declares web, api\.$/],
  ])('%j: a clear error', async (inputs, expected) => {
    const { repo: r, next } = configRepoWithHistory();
    const s = await startArgo({ name: 'web-dev' });
    const run = await runWait(s, { path: r.work, revision: next, ...inputs });
    expect(errorAnnotations(run)).toEqual([expect.stringMatching(expected)]);
  });
});

describe('wait: deployment: true', () => {
  test.each<['healthy' | 'sync-failed', 'success' | 'failure']>([
    ['healthy', 'success'],
    ['sync-failed', 'failure'],
  ])('an app that ends %s is recorded in_progress → %s, with the environment and log URLs', async (outcome, finalState) => {
    const { repo: r, initial, next } = configRepoWithHistory();
    github = await startGitHubSimulator({ repos: [{ owner: 'acme', name: 'web', path: r.remote }] });
    const s = await startArgo({ name: 'web-dev', initialRevision: initial, outcome });
    s.setRevision('web-dev', next);
    const env = {
      GITHUB_API_URL: github.apiUrl,
      GITHUB_REPOSITORY: 'acme/web',
      GITHUB_SHA: next,
      GITHUB_RUN_ID: '77',
      GITHUB_SERVER_URL: 'https://github.example',
    };
    const run = await runWait(
      s,
      {
        'argocd-app': 'web-dev',
        revision: next,
        path: r.work,
        deployment: 'true',
        environment: 'dev',
        'environment-url': 'https://dev.acme.example',
        token: github.token,
      },
      env,
    );
    expect(run.exitCode).toBe(finalState === 'success' ? 0 : 1);
    const [deployment, ...others] = github.state.repo('acme', 'web')!.deployments;
    expect(others).toEqual([]);
    expect(deployment).toMatchObject({ sha: next, environment: 'dev' });
    expect(deployment.statuses.map((status) => status.state)).toEqual(['in_progress', finalState]);
    expect(deployment.statuses[1]).toMatchObject({ environmentUrl: 'https://dev.acme.example', logUrl: 'https://github.example/acme/web/actions/runs/77' });
  });

  test('without an environment: a clear error', async () => {
    const s = await startArgo({ name: 'web-dev' });
    const run = await runWait(s, { 'argocd-app': 'web-dev', revision: 'a'.repeat(40), deployment: 'true', token: 'x' });
    expect(errorAnnotations(run)).toEqual(["Input 'environment': is required with deployment: true (the GitHub environment to record)."]);
  });
});
