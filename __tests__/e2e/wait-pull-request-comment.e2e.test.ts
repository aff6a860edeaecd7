// wait comments its outcome on the promotion or rollback PR that merged the commit it waited for, through
// dist/index.js against the Argo CD and GitHub simulators.
import { afterEach, describe, expect, test } from '@jest/globals';
import { Octokit } from '@octokit/core';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startArgoCdSimulator, type ArgoAppScenario, type ArgoCdSimulator } from '../../test-infra/simulators/argocd/index.js';
import { startGitHubSimulator, type GitHubSimulator } from '../../test-infra/simulators/github/index.js';
import { errorAnnotations, runAction, type ActionRun } from '../helpers/action-runner.js';
import { createConfigRepo, git, type ConfigRepo } from '../helpers/git-fixtures.js';
import { closeSimulatedWorld } from '../helpers/simulator-teardown.js';

const GitHub = Octokit.plugin(restEndpointMethods);
const ADMIN = 'ghp_waitCommentAdmin';
const READER = 'ghp_waitCommentReader';
const PROMOTION_MARKER = '<!-- gitops-promote:promotion from=staging to=production apps=* -->';
const where = { owner: 'acme', repo: 'config' };

let argo: ArgoCdSimulator | undefined;
let github: GitHubSimulator | undefined;
let repo: ConfigRepo | undefined;
/** The commit main had before the merge: what the app runs until the merge reaches it. */
let before = '';

afterEach(async () => {
  await closeSimulatedWorld({ argo, github, repo });
  argo = github = repo = undefined;
});

/** A config repo on the GitHub simulator whose main has just merged the PR from `branch`; returns the merge commit and the PR. */
async function mergedPullRequest(branch: string, body: string): Promise<{ sha: string; number: number; client: InstanceType<typeof GitHub> }> {
  repo = createConfigRepo();
  before = repo.remoteHead();
  github = await startGitHubSimulator({
    repos: [{ owner: 'acme', name: 'config', path: repo.remote }],
    tokens: [
      { token: ADMIN, login: 'promote-bot', permission: 'admin' },
      { token: READER, login: 'reader-bot', permission: 'read' },
    ],
  });
  git(repo.work, 'checkout', '--quiet', '-b', branch);
  writeFileSync(join(repo.work, 'README.md'), `${branch}\n`);
  git(repo.work, 'commit', '--quiet', '-am', `Change on ${branch}`);
  git(repo.work, 'push', '--quiet', 'origin', branch);
  const client = new GitHub({ auth: ADMIN, baseUrl: github.apiUrl });
  const { data: pull } = await client.rest.pulls.create({ ...where, head: branch, base: 'main', title: `Merge ${branch}`, body });
  const { data: merge } = await client.rest.pulls.merge({ ...where, pull_number: pull.number, merge_method: 'squash' });
  return { sha: merge.sha, number: pull.number, client };
}

/** Moves the app to `sha` once the step has read it (its first GET answered): the commit lands while it waits. */
function onceWatched(s: ArgoCdSimulator, app: string, sha: string): () => void {
  const timer = setInterval(() => {
    if (s.requests.some((r) => r.path.startsWith('/api/v1/applications/') && r.status === 200)) {
      clearInterval(timer);
      s.setRevision(app, sha);
    }
  }, 20);
  return () => clearInterval(timer);
}

interface WaitRun {
  sha: string;
  inputs?: Record<string, string>;
  env?: NodeJS.ProcessEnv;
}

/** `wait` for web-prod as a workflow of the config repo runs it, without a checkout (the API tells about commits). */
async function runWait(s: ArgoCdSimulator, gh: GitHubSimulator, run: WaitRun): Promise<ActionRun> {
  const cancel = onceWatched(s, 'web-prod', run.sha);
  try {
    return await runAction({
      inputs: {
        command: 'wait',
        'argocd-server': s.url,
        'argocd-token': s.token,
        'argocd-app': 'web-prod',
        environment: 'production',
        revision: run.sha,
        path: mkdtempSync(join(tmpdir(), 'gitops-promote-nocheckout-')),
        token: ADMIN,
        timeout: '30s',
        ...run.inputs,
      },
      env: {
        GITHUB_API_URL: gh.apiUrl,
        GITHUB_SERVER_URL: gh.serverUrl,
        GITHUB_REPOSITORY: 'acme/config',
        GITHUB_SHA: run.sha,
        GITHUB_RUN_ID: '101',
        GITHUB_RUN_ATTEMPT: '1',
        ...run.env,
      },
    });
  } finally {
    cancel();
  }
}

async function startArgo(app: Partial<ArgoAppScenario> = {}): Promise<ArgoCdSimulator> {
  argo = await startArgoCdSimulator({ scenario: { applications: [{ name: 'web-prod', initialRevision: before, ...app }] }, stepMs: 20 });
  return argo;
}

async function commentsOn(client: InstanceType<typeof GitHub>, number: number): Promise<string[]> {
  const { data } = await client.rest.issues.listComments({ ...where, issue_number: number });
  return data.map((comment) => comment.body ?? '');
}

const warnings = (run: ActionRun): string[] => run.stdout.split('\n').filter((line) => line.startsWith('::warning'));
const notices = (run: ActionRun): string[] => run.stdout.split('\n').filter((line) => line.startsWith('::notice'));

describe('wait: the outcome on the pull request that merged the commit', () => {
  test('synced and healthy: one comment on the promotion PR, and the deployment recorded as a success', async () => {
    const { sha, number, client } = await mergedPullRequest('promote/staging-to-production', `Promote\n\n${PROMOTION_MARKER}`);
    const s = await startArgo();
    const run = await runWait(s, github!, { sha, inputs: { deployment: 'true' } });
    expect(errorAnnotations(run)).toEqual([]);
    expect(warnings(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    const comments = await commentsOn(client, number);
    expect(comments).toHaveLength(1);
    const [comment] = comments;
    const short = sha.slice(0, 7);
    expect(comment).toContain('<!-- gitops-promote:wait run=101 objects=web-prod -->');
    expect(comment).toContain(`### ✅ production: synced and healthy at [<code>${short}</code>](${github!.serverUrl}/acme/config/commit/${sha})`);
    expect(comment).toContain(`| <code>web-prod</code> | Argo CD | ✅ Synced, Healthy at [<code>${short}</code>]`);
    expect(comment).toContain(`[this workflow run](${github!.serverUrl}/acme/config/actions/runs/101)`);
    expect(comment).toContain(`[GitHub deployment](${github!.serverUrl}/acme/config/deployments/production)`);
    expect(run.stdout).toContain(`Commented the outcome on promotion pull request #${number}`);
    expect(run.summary).toContain(`The outcome is commented on promotion pull request #${number}`);
    // deployment: true records the same outcome, as it always did: in progress while waiting, then success.
    const [deployment] = github!.state.repo('acme', 'config')!.deployments;
    expect(deployment.statuses.map((status) => status.state)).toEqual(['in_progress', 'success']);
  });

  test("a failed sync: the controller's message on the rollback PR, the step still fails for the wait, not the comment", async () => {
    const { sha, number, client } = await mergedPullRequest('rollback/production', 'Roll production back');
    const message = 'one or more objects failed to apply, reason: admission webhook denied the request';
    const s = await startArgo({ outcome: 'sync-failed', message });
    const run = await runWait(s, github!, { sha });
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run)).toEqual([expect.stringContaining(`web-prod failed: sync failed: ${message}`)]);
    const comments = await commentsOn(client, number);
    expect(comments).toHaveLength(1);
    expect(comments[0]).toContain(`### ❌ production: [<code>${sha.slice(0, 7)}</code>]`);
    expect(comments[0]).toContain('did not become healthy');
    expect(comments[0]).toContain(`❌ sync failed: ${message.slice(0, 40)}`);
    expect(run.stdout).toContain(`Commented the outcome on rollback pull request #${number}`);
  });

  test('a re-run of the run updates its comment in place; another run makes its own, once', async () => {
    const { sha, number, client } = await mergedPullRequest('promote/staging-to-production', PROMOTION_MARKER);
    const failing = await startArgo({ outcome: 'degraded' });
    const first = await runWait(failing, github!, { sha, inputs: { 'degraded-grace': '0s' } });
    expect(first.exitCode).toBe(1);
    expect(await commentsOn(client, number)).toEqual([expect.stringContaining('did not become healthy')]);
    expect(failing.contractViolations).toEqual([]);
    await failing.close();

    const healthy = await startArgo();
    const second = await runWait(healthy, github!, { sha, env: { GITHUB_RUN_ATTEMPT: '2' } });
    expect(second.exitCode).toBe(0);
    const afterRerun = await commentsOn(client, number);
    expect(afterRerun).toHaveLength(1);
    expect(afterRerun[0]).toContain('✅ production: synced and healthy');
    expect(second.stdout).toContain(`Updated the outcome comment on promotion pull request #${number}`);
    const updates = () => github!.requests.filter((request) => request.operationId === 'issues/update-comment');
    expect(updates()).toHaveLength(1);

    // A third attempt that sees the same outcome finds the comment saying it already: nothing is written.
    const third = await runWait(healthy, github!, { sha, env: { GITHUB_RUN_ATTEMPT: '3' } });
    expect(third.exitCode).toBe(0);
    expect(third.stdout).toContain(`The outcome comment already says this on promotion pull request #${number}`);
    expect(updates()).toHaveLength(1);
    expect(await commentsOn(client, number)).toEqual(afterRerun);

    argo = await startArgo();
    const other = await runWait(argo, github!, { sha, env: { GITHUB_RUN_ID: '202' } });
    expect(other.exitCode).toBe(0);
    const bodies = await commentsOn(client, number);
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toContain('<!-- gitops-promote:wait run=202 objects=web-prod -->');
    expect(healthy.contractViolations).toEqual([]);
    await healthy.close();
  });

  test('a PR that is neither a promotion nor a rollback gets no comment', async () => {
    const { sha, number, client } = await mergedPullRequest('fix-readme', 'Fixes the README');
    const s = await startArgo();
    const run = await runWait(s, github!, { sha });
    expect(run.exitCode).toBe(0);
    expect(await commentsOn(client, number)).toEqual([]);
    expect(run.stdout).toContain(`No pull request comment: pull request #${number} merged it, and is neither a promotion nor a rollback`);
    // The only writes are the test's own, which opened and merged the PR.
    expect(github!.requests.filter((request) => request.write).map((request) => request.operationId)).toEqual(['pulls/create', 'pulls/merge']);
  });

  test.each<[string, Partial<WaitRun>, string]>([
    ['no token', { inputs: { token: '' } }, 'no token is given'],
    ['no repository', { inputs: { repository: '' }, env: { GITHUB_REPOSITORY: '' } }, 'no repository names the config repo (set repository to owner/name)'],
  ])('%s: no comment, a notice saying why, the wait passes', async (_title, run, why) => {
    const { sha, number, client } = await mergedPullRequest('promote/staging-to-production', PROMOTION_MARKER);
    const s = await startArgo();
    const waited = await runWait(s, github!, { sha, ...run });
    expect(errorAnnotations(waited)).toEqual([]);
    expect(waited.exitCode).toBe(0);
    expect(notices(waited)).toEqual([
      `::notice::No comment on the pull request that merged ${sha.slice(0, 7)}: ${why}. Set comment-on-pr: false to do without.`,
    ]);
    expect(await commentsOn(client, number)).toEqual([]);
  });

  test('comment-on-pr: false asks GitHub nothing about pull requests', async () => {
    const { sha, number, client } = await mergedPullRequest('promote/staging-to-production', PROMOTION_MARKER);
    const s = await startArgo();
    const run = await runWait(s, github!, { sha, inputs: { 'comment-on-pr': 'false' } });
    expect(run.exitCode).toBe(0);
    expect(notices(run)).toEqual([]);
    expect(github!.requests.filter((request) => request.operationId === 'repos/list-pull-requests-associated-with-commit')).toEqual([]);
    expect(await commentsOn(client, number)).toEqual([]);
  });

  test('a token that may not comment (403): a warning naming Pull requests: write, the verdict unchanged', async () => {
    const { sha, number, client } = await mergedPullRequest('promote/staging-to-production', PROMOTION_MARKER);
    const s = await startArgo();
    const run = await runWait(s, github!, { sha, inputs: { token: READER } });
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(warnings(run)).toEqual([
      `::warning::Could not comment on pull request #${number}: Input 'token': GitHub refused a comment on acme/config ` +
        "(403 Resource not accessible by integration); the token needs Pull requests: write. The wait's verdict is unchanged.",
    ]);
    expect(await commentsOn(client, number)).toEqual([]);
  });
});
