// Faults on demand (programmatic and over HTTP), the request log, and the /_simulator control endpoints,
// exercised with Octokit, including the retry and throttling plugins the action builds its client with.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { startGitHubSimulator, type GitHubSimulator } from '../../test-infra/simulators/github/index.js';
import { createBareRepo, git, type BareRepoFixture } from '../../test-infra/simulators/github/fixtures.js';

const GitHub = Octokit.plugin(restEndpointMethods, paginateRest);
const r = { owner: 'acme', repo: 'config' };

async function failure(p: Promise<unknown>): Promise<{ status: number; message: string; headers: Record<string, string | undefined> }> {
  try {
    await p;
    return { status: 200, message: '', headers: {} };
  } catch (e) {
    const err = e as { status: number; response?: { data?: { message?: string }; headers: Record<string, string | undefined> } };
    return { status: err.status, message: err.response?.data?.message ?? '', headers: err.response?.headers ?? {} };
  }
}

describe('GitHub simulator faults and request log', () => {
  let sim: GitHubSimulator;
  let fixture: BareRepoFixture;
  let gh: InstanceType<typeof GitHub>;

  beforeAll(async () => {
    fixture = createBareRepo({ 'overlays/prod/kustomization.yaml': 'images: []\n' });
    sim = await startGitHubSimulator({
      repos: [{ owner: 'acme', name: 'config', path: fixture.bare, collaborators: { alice: 'write' } }],
      teams: [{ org: 'acme', slug: 'platform' }],
    });
    gh = new GitHub({ auth: sim.token, baseUrl: sim.apiUrl });
  });

  afterAll(async () => {
    await sim.close();
    fixture.cleanup();
  });

  beforeEach(() => {
    sim.clearFaults();
    sim.resetLog();
  });

  // Faulted answers are GitHub's too: each test must leave the contract clean.
  afterEach(() => sim.assertContractClean());

  it('answers 5xx the given number of times, then recovers', async () => {
    sim.injectFault({ kind: 'server-error', operationId: 'repos/get', status: 503, count: 2 });
    expect(await failure(gh.rest.repos.get(r))).toMatchObject({ status: 503, message: 'Service Unavailable' });
    expect(await failure(gh.rest.repos.get(r))).toMatchObject({ status: 503 });
    expect((await gh.rest.repos.get(r)).status).toBe(200);
    expect(sim.requests.map((e) => e.status)).toEqual([503, 503, 200]);
  });

  it('lets @octokit/plugin-retry ride out a 502', async () => {
    const Retrying = GitHub.plugin(retry);
    const client = new Retrying({ auth: sim.token, baseUrl: sim.apiUrl, retry: { retryAfterBaseValue: 10 } });
    sim.injectFault({ kind: 'server-error', operationId: 'git/get-ref' });
    const ref = await client.rest.git.getRef({ ...r, ref: 'heads/main' });
    expect(ref.data.object.sha).toBe(git(fixture.bare, 'rev-parse', 'main').trim());
    expect(sim.requests.filter((e) => e.operationId === 'git/get-ref').map((e) => e.status)).toEqual([502, 200]);
  });

  it('answers a primary rate limit with GitHub headers and message', async () => {
    sim.injectFault({ kind: 'primary-rate-limit', method: 'GET', retryAfterSeconds: 30 });
    const limited = await failure(gh.rest.repos.get(r));
    expect(limited.status).toBe(403);
    expect(limited.message).toMatch(/^API rate limit exceeded for user ID \d+\.$/);
    expect(limited.headers['x-ratelimit-remaining']).toBe('0');
    expect(Number(limited.headers['x-ratelimit-reset'])).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + 29);
  });

  it('answers a secondary rate limit that @octokit/plugin-throttling recognises and retries', async () => {
    const seen: number[] = [];
    const Throttled = GitHub.plugin(throttling);
    const client = new Throttled({
      auth: sim.token,
      baseUrl: sim.apiUrl,
      throttle: {
        onRateLimit: () => false,
        onSecondaryRateLimit: (retryAfter: number) => {
          seen.push(retryAfter);
          return seen.length === 1;
        },
      },
    });
    sim.injectFault({ kind: 'secondary-rate-limit', operationId: 'pulls/list', status: 429, retryAfterSeconds: 1 });
    const list = await client.rest.pulls.list(r);
    expect(list.status).toBe(200);
    expect(seen).toEqual([1]);
    const first = sim.requests.find((e) => e.operationId === 'pulls/list');
    expect(first?.status).toBe(429);
    sim.injectFault({ kind: 'secondary-rate-limit', operationId: 'pulls/list' });
    const raw = await failure(gh.rest.pulls.list(r));
    expect(raw).toMatchObject({ status: 403, headers: { 'retry-after': '1' } });
    expect(raw.message).toMatch(/You have exceeded a secondary rate limit/);
  });

  it('refuses team reviewers once with 422, then accepts them', async () => {
    const main = git(fixture.bare, 'rev-parse', 'main').trim();
    const blob = await gh.rest.git.createBlob({ ...r, content: 'images:\n- name: app\n  newTag: v2\n' });
    const base = await gh.rest.git.getCommit({ ...r, commit_sha: main });
    const tree = await gh.rest.git.createTree({
      ...r,
      base_tree: base.data.tree.sha,
      tree: [{ path: 'overlays/prod/kustomization.yaml', mode: '100644', type: 'blob', sha: blob.data.sha }],
    });
    const commit = await gh.rest.git.createCommit({ ...r, message: 'promote', tree: tree.data.sha, parents: [main] });
    await gh.rest.git.createRef({ ...r, ref: 'refs/heads/promote/prod', sha: commit.data.sha });
    const pr = await gh.rest.pulls.create({ ...r, head: 'promote/prod', base: 'main', title: 'Promote' });
    sim.injectFault({ kind: 'team-reviewers-422' });
    // Users alone are unaffected: the fault concerns team reviewers.
    await gh.rest.pulls.requestReviewers({ ...r, pull_number: pr.data.number, reviewers: ['alice'] });
    const refused = await failure(gh.rest.pulls.requestReviewers({ ...r, pull_number: pr.data.number, team_reviewers: ['platform'] }));
    expect(refused.status).toBe(422);
    expect(refused.message).toMatch(/^Reviews may only be requested from collaborators\./);
    const accepted = await gh.rest.pulls.requestReviewers({ ...r, pull_number: pr.data.number, team_reviewers: ['platform'] });
    expect(accepted.data.requested_teams?.map((t) => t.slug)).toEqual(['platform']);
  });

  it('moves the branch head just before a ref update, so the fast-forward check fails', async () => {
    const before = git(fixture.bare, 'rev-parse', 'main').trim();
    const base = await gh.rest.git.getCommit({ ...r, commit_sha: before });
    const commit = await gh.rest.git.createCommit({ ...r, message: 'my change', tree: base.data.tree.sha, parents: [before] });
    sim.injectFault({ kind: 'moved-head', operationId: 'git/update-ref' });
    const refused = await failure(gh.rest.git.updateRef({ ...r, ref: 'heads/main', sha: commit.data.sha }));
    expect(refused).toMatchObject({ status: 422, message: 'Update is not a fast forward' });
    const moved = git(fixture.bare, 'rev-parse', 'main').trim();
    expect(moved).not.toBe(before);
    expect(git(fixture.bare, 'rev-parse', `${moved}^`).trim()).toBe(before);
    // The retry an action should do: rebuild on the new head, then update.
    const again = await gh.rest.git.createCommit({ ...r, message: 'my change', tree: base.data.tree.sha, parents: [moved] });
    await gh.rest.git.updateRef({ ...r, ref: 'heads/main', sha: again.data.sha });
    expect(git(fixture.bare, 'rev-parse', 'main').trim()).toBe(again.data.sha);
  });

  it('delays answers by the given milliseconds', async () => {
    const fault = sim.injectFault({ kind: 'delay', operationId: 'rate-limit/get', delayMs: 300 });
    const started = Date.now();
    await gh.rest.rateLimit.get();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    // The fault was one delay: the next answer is not held (shown by the simulator's log, not by a clock).
    await gh.rest.rateLimit.get();
    expect(fault.fired).toBe(1);
  });

  it('matches faults by method alone and leaves other methods alone', async () => {
    sim.injectFault({ kind: 'server-error', method: 'POST', status: 500 });
    expect((await gh.rest.repos.get(r)).status).toBe(200);
    expect(await failure(gh.rest.issues.create({ ...r, title: 'x' }))).toMatchObject({ status: 500, message: 'Server Error' });
    expect((await gh.rest.issues.create({ ...r, title: 'x' })).status).toBe(201);
  });

  it('takes faults over HTTP and shows state for standalone use', async () => {
    const post = await fetch(`${sim.serverUrl}/_simulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'server-error', operationId: 'issues/list-for-repo', status: 502 }),
    });
    expect(post.status).toBe(201);
    expect(await failure(gh.rest.issues.listForRepo(r))).toMatchObject({ status: 502 });
    const bad = await fetch(`${sim.serverUrl}/_simulator/faults`, { method: 'POST', body: JSON.stringify({ kind: 'meteor-strike' }) });
    expect(bad.status).toBe(400);
    await fetch(`${sim.serverUrl}/_simulator/faults`, { method: 'POST', body: JSON.stringify({ kind: 'server-error' }) });
    expect(((await (await fetch(`${sim.serverUrl}/_simulator/faults`)).json()) as unknown[]).length).toBe(2);
    expect((await fetch(`${sim.serverUrl}/_simulator/faults`, { method: 'DELETE' })).status).toBe(204);
    expect((await gh.rest.issues.listForRepo(r)).status).toBe(200);
    const state = (await (await fetch(`${sim.serverUrl}/_simulator/state`)).json()) as {
      repos: Record<string, { pullRequests: Array<{ title: string; requestedTeams: string[] }>; issues: unknown[]; labels: unknown[] }>;
    };
    expect(state.repos['acme/config'].pullRequests).toEqual([expect.objectContaining({ title: 'Promote', requestedTeams: ['platform'] })]);
    expect(state.repos['acme/config'].issues).toHaveLength(1);
  });

  it('logs every request with its operation, status and whether it writes', async () => {
    await gh.rest.repos.get(r);
    await gh.rest.pulls.list(r);
    await gh.rest.git.getRef({ ...r, ref: 'heads/main' });
    expect(sim.requests.filter((e) => e.write)).toEqual([]);
    await gh.rest.issues.create({ ...r, title: 'logged' });
    expect(sim.requests.map((e) => [e.method, e.operationId, e.status, e.write])).toEqual([
      ['GET', 'repos/get', 200, false],
      ['GET', 'pulls/list', 200, false],
      ['GET', 'git/get-ref', 200, false],
      ['POST', 'issues/create', 201, true],
    ]);
    expect(sim.requests[2].path).toBe('/api/v3/repos/acme/config/git/ref/heads%2Fmain');
    sim.assertContractClean();
  });
});
