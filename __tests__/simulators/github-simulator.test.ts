// Drives the GitHub simulator with real clients (Octokit, git over HTTP) and checks it behaves, and refuses, like
// GitHub, with every REST answer held to GitHub's OpenAPI description.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGitHubSimulator, type GitHubSimulator } from '../../test-infra/simulators/github/index.js';
import { createBareRepo, git, gitAsync, type BareRepoFixture } from '../../test-infra/simulators/github/fixtures.js';

const GitHub = Octokit.plugin(restEndpointMethods, paginateRest);
type Client = InstanceType<typeof GitHub>;

const ADMIN = 'ghp_admin';
const READER = 'ghp_reader';
const ACTIONS = 'ghs_actions_app';
const NO_TEAMS = 'ghp_noteams';
const r = { owner: 'acme', repo: 'config' };
const KUSTOMIZATION = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nimages:\n- name: ghcr.io/acme/app\n  newTag: v1.0.0\n';

async function status(p: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await p;
    return { status: 200, message: '' };
  } catch (e) {
    const err = e as { status: number; response?: { data?: { message?: string; errors?: Array<{ message?: string }> } } };
    const data = err.response?.data;
    return { status: err.status, message: data?.errors?.[0]?.message ?? data?.message ?? '' };
  }
}

describe('GitHub simulator over real git', () => {
  let sim: GitHubSimulator;
  let fixtures: BareRepoFixture[];
  let gh: Client;
  let scratch: string;

  beforeAll(async () => {
    fixtures = [
      createBareRepo({ 'overlays/prod/kustomization.yaml': KUSTOMIZATION, 'overlays/staging/kustomization.yaml': KUSTOMIZATION, 'README.md': '# config\n' }),
      createBareRepo({ 'README.md': '# app\n' }),
      createBareRepo({ 'README.md': '# docs\n' }),
    ];
    scratch = mkdtempSync(join(tmpdir(), 'gh-sim-test-'));
    sim = await startGitHubSimulator({
      repos: [
        { owner: 'acme', name: 'config', path: fixtures[0].bare, allowAutoMerge: true, collaborators: { alice: 'write', bob: 'read' } },
        { owner: 'acme', name: 'app', path: fixtures[1].bare, canApprovePullRequestReviews: false },
        { owner: 'acme', name: 'docs', path: fixtures[2].bare, private: false },
      ],
      users: [{ login: 'alice' }, { login: 'bob' }, { login: 'mallory' }],
      teams: [{ org: 'acme', slug: 'platform', members: ['alice'] }],
      tokens: [
        { token: ADMIN, login: 'promote-bot', permission: 'admin' },
        { token: READER, login: 'reader-bot', permission: 'read' },
        { token: ACTIONS, login: 'github-actions[bot]', permission: 'write', actionsRepository: 'acme/app', canReadOrgTeams: false },
        { token: NO_TEAMS, login: 'fine-grained-bot', permission: 'write', canReadOrgTeams: false },
      ],
    });
    gh = new GitHub({ auth: ADMIN, baseUrl: sim.apiUrl });
  });

  afterAll(async () => {
    await sim.close();
    for (const f of fixtures) f.cleanup();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('serves GitHub Enterprise Server URL layout', () => {
    expect(sim.apiUrl).toBe(`${sim.serverUrl}/api/v3`);
    expect(sim.graphqlUrl).toBe(`${sim.serverUrl}/api/graphql`);
    expect(sim.cloneUrl('acme', 'config')).toMatch(/^http:\/\/x-access-token:ghp_admin@127\.0\.0\.1:\d+\/acme\/config\.git$/);
    expect(sim.specLoadMs).toBeGreaterThan(0);
  });

  /** blob → tree → commit → ref, the flow an action uses to commit through the API. */
  async function commitFile(branch: string, path: string, content: string, message: string): Promise<string> {
    const head = await gh.rest.git.getRef({ ...r, ref: `heads/${branch}` });
    const parent = await gh.rest.git.getCommit({ ...r, commit_sha: head.data.object.sha });
    const blob = await gh.rest.git.createBlob({ ...r, content: Buffer.from(content).toString('base64'), encoding: 'base64' });
    const tree = await gh.rest.git.createTree({ ...r, base_tree: parent.data.tree.sha, tree: [{ path, mode: '100644', type: 'blob', sha: blob.data.sha }] });
    const commit = await gh.rest.git.createCommit({ ...r, message, tree: tree.data.sha, parents: [parent.data.sha] });
    await gh.rest.git.updateRef({ ...r, ref: `heads/${branch}`, sha: commit.data.sha });
    return commit.data.sha;
  }

  async function branchFromMain(branch: string): Promise<void> {
    const main = await gh.rest.git.getRef({ ...r, ref: 'heads/main' });
    await gh.rest.git.createRef({ ...r, ref: `refs/heads/${branch}`, sha: main.data.object.sha });
  }

  it('commits through the Git Data API into the real bare repository', async () => {
    await branchFromMain('promote/prod-v2');
    const sha = await commitFile('promote/prod-v2', 'overlays/prod/kustomization.yaml', KUSTOMIZATION.replace('v1.0.0', 'v2.0.0'), 'Promote app to v2.0.0');
    expect(git(fixtures[0].bare, 'rev-parse', 'refs/heads/promote/prod-v2').trim()).toBe(sha);
    expect(git(fixtures[0].bare, 'show', `${sha}:overlays/prod/kustomization.yaml`)).toContain('newTag: v2.0.0');
    expect(git(fixtures[0].bare, 'show', `${sha}:overlays/staging/kustomization.yaml`)).toContain('newTag: v1.0.0');
    const blob = await gh.rest.git.getBlob({ ...r, file_sha: git(fixtures[0].bare, 'rev-parse', `${sha}:overlays/prod/kustomization.yaml`).trim() });
    expect(Buffer.from(blob.data.content, 'base64').toString()).toContain('v2.0.0');
    const commit = await gh.rest.git.getCommit({ ...r, commit_sha: sha });
    expect(commit.data.message).toBe('Promote app to v2.0.0');
    expect(commit.data.author.name).toBe('promote-bot');
    expect(commit.data.verification?.verified).toBe(false);
  });

  it('reads trees recursively, contents, branches, commits and comparisons from git', async () => {
    const tree = await gh.rest.git.getTree({ ...r, tree_sha: 'main', recursive: '1' });
    expect(tree.data.tree.map((e) => e.path)).toEqual(expect.arrayContaining(['overlays', 'overlays/prod', 'overlays/prod/kustomization.yaml']));
    const flat = await gh.rest.git.getTree({ ...r, tree_sha: 'main' });
    expect(flat.data.tree.map((e) => e.path).sort()).toEqual(['README.md', 'overlays']);
    const file = await gh.rest.repos.getContent({ ...r, path: 'overlays/prod/kustomization.yaml', ref: 'promote/prod-v2' });
    expect(Buffer.from((file.data as { content: string }).content, 'base64').toString()).toContain('v2.0.0');
    const dir = await gh.rest.repos.getContent({ ...r, path: 'overlays' });
    expect((dir.data as Array<{ name: string; type: string }>).map((e) => `${e.type}:${e.name}`).sort()).toEqual(['dir:prod', 'dir:staging']);
    const cmp = await gh.rest.repos.compareCommitsWithBasehead({ ...r, basehead: 'main...promote/prod-v2' });
    expect(cmp.data).toMatchObject({ status: 'ahead', ahead_by: 1, behind_by: 0, total_commits: 1 });
    expect(cmp.data.files?.map((f) => [f.filename, f.status, f.additions, f.deletions])).toEqual([['overlays/prod/kustomization.yaml', 'modified', 1, 1]]);
    const back = await gh.rest.repos.compareCommitsWithBasehead({ ...r, basehead: 'promote/prod-v2...main' });
    expect(back.data).toMatchObject({ status: 'behind', ahead_by: 0, behind_by: 1 });
    const commits = await gh.rest.repos.listCommits({ ...r, sha: 'promote/prod-v2', path: 'overlays/prod' });
    expect(commits.data.map((c) => c.commit.message)).toEqual(['Promote app to v2.0.0', 'Initial commit']);
    const branch = await gh.rest.repos.getBranch({ ...r, branch: 'main' });
    expect(branch.data.commit.sha).toBe(git(fixtures[0].bare, 'rev-parse', 'main').trim());
    const repo = await gh.rest.repos.get(r);
    expect(repo.data).toMatchObject({ default_branch: 'main', allow_auto_merge: true, private: true, permissions: { admin: true, push: true } });
    expect(repo.data.node_id).toMatch(/^R_/);
  });

  it('creates trees from content, deletes with sha null, and lists matching refs by prefix', async () => {
    const main = await gh.rest.git.getRef({ ...r, ref: 'heads/main' });
    const base = await gh.rest.git.getCommit({ ...r, commit_sha: main.data.object.sha });
    const tree = await gh.rest.git.createTree({
      ...r,
      base_tree: base.data.tree.sha,
      tree: [
        { path: 'overlays/dev/kustomization.yaml', mode: '100644', type: 'blob', content: KUSTOMIZATION },
        { path: 'overlays/staging/kustomization.yaml', mode: '100644', type: 'blob', sha: null },
      ],
    });
    const listing = git(fixtures[0].bare, 'ls-tree', '-r', '--name-only', tree.data.sha).trim().split('\n');
    expect(listing).toEqual(['README.md', 'overlays/dev/kustomization.yaml', 'overlays/prod/kustomization.yaml']);
    await gh.rest.git.createRef({ ...r, ref: 'refs/heads/promote/staging-x', sha: main.data.object.sha });
    const matching = await gh.rest.git.listMatchingRefs({ ...r, ref: 'heads/promote/' });
    expect(matching.data.map((m) => m.ref).sort()).toEqual(['refs/heads/promote/prod-v2', 'refs/heads/promote/staging-x']);
    await gh.rest.git.deleteRef({ ...r, ref: 'heads/promote/staging-x' });
    expect(await status(gh.rest.git.getRef({ ...r, ref: 'heads/promote/staging-x' }))).toEqual({ status: 404, message: 'Not Found' });
  });

  it('refuses ref updates that are not fast-forwards unless forced, and duplicate refs', async () => {
    await branchFromMain('race');
    const first = await commitFile('race', 'a.txt', 'one\n', 'first');
    const main = await gh.rest.git.getRef({ ...r, ref: 'heads/main' });
    const refused = await status(gh.rest.git.updateRef({ ...r, ref: 'heads/race', sha: main.data.object.sha }));
    expect(refused).toEqual({ status: 422, message: 'Update is not a fast forward' });
    expect(git(fixtures[0].bare, 'rev-parse', 'refs/heads/race').trim()).toBe(first);
    await gh.rest.git.updateRef({ ...r, ref: 'heads/race', sha: main.data.object.sha, force: true });
    expect(git(fixtures[0].bare, 'rev-parse', 'refs/heads/race').trim()).toBe(main.data.object.sha);
    expect(await status(gh.rest.git.createRef({ ...r, ref: 'refs/heads/race', sha: main.data.object.sha }))).toEqual({
      status: 422,
      message: 'Reference already exists',
    });
    expect(await status(gh.rest.git.createRef({ ...r, ref: 'heads/x', sha: main.data.object.sha }))).toMatchObject({ status: 422 });
    expect(await status(gh.rest.git.updateRef({ ...r, ref: 'heads/race', sha: 'f'.repeat(40) }))).toEqual({ status: 422, message: 'Object does not exist' });
  });

  it('clones and pushes over HTTP through git http-backend with token auth', async () => {
    const work = join(scratch, 'clone');
    await gitAsync(scratch, 'clone', '-q', sim.cloneUrl('acme', 'config'), work);
    expect(readFileSync(join(work, 'overlays/prod/kustomization.yaml'), 'utf8')).toContain('v1.0.0');
    git(work, 'checkout', '-q', '-b', 'promote/staging-v3');
    writeFileSync(join(work, 'overlays/staging/kustomization.yaml'), KUSTOMIZATION.replace('v1.0.0', 'v3.0.0'));
    git(work, 'commit', '-q', '-am', 'Promote staging to v3.0.0');
    await gitAsync(work, 'push', '-q', 'origin', 'promote/staging-v3');
    const pushed = await gh.rest.git.getRef({ ...r, ref: 'heads/promote/staging-v3' });
    expect(pushed.data.object.sha).toBe(git(work, 'rev-parse', 'HEAD').trim());
    expect(sim.requests.some((e) => e.kind === 'git' && e.operationId === 'git-receive-pack' && e.write && e.status === 200)).toBe(true);
    // A read-only token can fetch but not push; a wrong token cannot even fetch.
    git(work, 'remote', 'add', 'reader', sim.cloneUrl('acme', 'config', READER));
    await gitAsync(work, 'fetch', '-q', 'reader');
    await expect(gitAsync(work, 'push', '-q', 'reader', 'HEAD:refs/heads/nope')).rejects.toThrow(/403/);
    await expect(gitAsync(scratch, 'clone', '-q', sim.cloneUrl('acme', 'config', 'wrong'), join(scratch, 'denied'))).rejects.toThrow(
      /Authentication failed|401/,
    );
    await expect(gitAsync(scratch, 'clone', '-q', `${sim.serverUrl}/acme/config.git`, join(scratch, 'anon'))).rejects.toThrow();
  });

  it('creates, lists, updates and paginates pull requests with real head and base SHAs', async () => {
    const pr = await gh.rest.pulls.create({ ...r, head: 'promote/prod-v2', base: 'main', title: 'Promote prod to v2.0.0', body: 'Automated promotion' });
    expect(pr.status).toBe(201);
    expect(pr.data).toMatchObject({
      state: 'open',
      draft: false,
      mergeable: true,
      mergeable_state: 'clean',
      commits: 1,
      changed_files: 1,
      auto_merge: null,
      requested_reviewers: [],
      labels: [],
    });
    expect(pr.data.user.login).toBe('promote-bot');
    expect(pr.data.node_id).toMatch(/^PR_/);
    expect(pr.data.head.sha).toBe(git(fixtures[0].bare, 'rev-parse', 'promote/prod-v2').trim());
    expect(pr.data.base.sha).toBe(git(fixtures[0].bare, 'rev-parse', 'main').trim());
    // Issues and pull requests share one number sequence.
    const issue = await gh.rest.issues.create({ ...r, title: 'Track promotion' });
    expect(issue.data.number).toBe(pr.data.number + 1);
    const second = await gh.rest.pulls.create({ ...r, head: 'acme:promote/staging-v3', base: 'main', title: 'Promote staging', draft: true });
    expect(second.data.number).toBe(issue.data.number + 1);
    const byHead = await gh.rest.pulls.list({ ...r, head: 'acme:promote/prod-v2', base: 'main', state: 'open' });
    expect(byHead.data.map((p) => p.number)).toEqual([pr.data.number]);
    // Like GitHub, a head without `owner:` is ignored rather than matched.
    const bareHead = await gh.rest.pulls.list({ ...r, head: 'promote/prod-v2', state: 'open' });
    expect(bareHead.data.map((p) => p.number)).toEqual([second.data.number, pr.data.number]);
    const updated = await gh.rest.pulls.update({ ...r, pull_number: second.data.number, title: 'Promote staging to v3.0.0', state: 'closed' });
    expect(updated.data).toMatchObject({ title: 'Promote staging to v3.0.0', state: 'closed', mergeable: null });
    expect((await gh.rest.pulls.list({ ...r, state: 'closed' })).data.map((p) => p.number)).toEqual([second.data.number]);
    const page1 = await gh.rest.pulls.list({ ...r, state: 'all', per_page: 1 });
    expect(page1.data).toHaveLength(1);
    expect(page1.headers.link).toMatch(/rel="next".*rel="last"/);
    const all = await gh.paginate(gh.rest.pulls.list, { ...r, state: 'all', per_page: 1 });
    expect(all.map((p) => p.number).sort()).toEqual([pr.data.number, second.data.number]);
    await gh.rest.pulls.update({ ...r, pull_number: second.data.number, state: 'open' });
  });

  it('refuses pull requests GitHub refuses', async () => {
    const create = (p: Record<string, unknown>) => status(gh.request('POST /repos/{owner}/{repo}/pulls', { ...r, ...p } as never));
    expect(await create({ head: 'promote/prod-v2', base: 'main', title: 'again' })).toEqual({
      status: 422,
      message: 'A pull request already exists for acme:promote/prod-v2.',
    });
    expect(await create({ head: 'race', base: 'main', title: 'nothing' })).toEqual({ status: 422, message: 'No commits between main and race' });
    expect(await create({ head: 'no-such-branch', base: 'main', title: 'x' })).toMatchObject({ status: 422 });
    expect(await create({ head: 'race', base: 'no-such-base', title: 'x' })).toMatchObject({ status: 422 });
    expect(await create({ head: 'promote/prod-v2', base: 'main' })).toMatchObject({ status: 422 });
    expect(await create({ head: 'promote/prod-v2', base: 'main', title: 'x'.repeat(257) })).toEqual({
      status: 422,
      message: 'title is too long (maximum is 256 characters)',
    });
    const longBody = await status(gh.rest.issues.create({ ...r, title: 'big', body: 'x'.repeat(65537) }));
    expect(longBody).toEqual({ status: 422, message: 'body is too long (maximum is 65536 characters)' });
    expect(await status(gh.rest.issues.create({ ...r, title: 'ok', body: 'x'.repeat(65536) }))).toMatchObject({ status: 200 });
  });

  it('requests reviewers like GitHub: not the author, only collaborators and visible teams', async () => {
    const [pr] = (await gh.rest.pulls.list({ ...r, head: 'acme:promote/prod-v2' })).data;
    const request = (reviewers: string[], team_reviewers: string[] = [], client = gh) =>
      status(client.rest.pulls.requestReviewers({ ...r, pull_number: pr.number, reviewers, team_reviewers }));
    expect(await request(['promote-bot'])).toEqual({ status: 422, message: 'Review cannot be requested from pull request author.' });
    const notCollaborator =
      'Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the acme/config repository.';
    expect(await request(['mallory'])).toEqual({ status: 422, message: notCollaborator });
    expect(await request(['ghost-user'])).toEqual({ status: 422, message: notCollaborator });
    expect(await request([], ['no-such-team'])).toEqual({ status: 422, message: notCollaborator });
    expect(await request([], ['platform'], new GitHub({ auth: NO_TEAMS, baseUrl: sim.apiUrl }))).toEqual({ status: 422, message: notCollaborator });
    const ok = await gh.rest.pulls.requestReviewers({ ...r, pull_number: pr.number, reviewers: ['alice', 'bob'], team_reviewers: ['platform'] });
    expect(ok.status).toBe(201);
    expect(ok.data.requested_reviewers?.map((u) => u.login)).toEqual(['alice', 'bob']);
    expect(ok.data.requested_teams?.map((t) => t.slug)).toEqual(['platform']);
    await gh.rest.pulls.removeRequestedReviewers({ ...r, pull_number: pr.number, reviewers: ['bob'] });
    const listed = await gh.rest.pulls.listRequestedReviewers({ ...r, pull_number: pr.number });
    expect(listed.data.users.map((u) => u.login)).toEqual(['alice']);
    expect(listed.data.teams.map((t) => t.slug)).toEqual(['platform']);
    expect((await gh.rest.teams.getByName({ org: 'acme', team_slug: 'platform' })).data.members_count).toBe(1);
    expect(await status(new GitHub({ auth: NO_TEAMS, baseUrl: sim.apiUrl }).rest.teams.getByName({ org: 'acme', team_slug: 'platform' }))).toMatchObject({
      status: 404,
    });
  });

  it('manages labels, assignees and comments on pull requests and issues', async () => {
    const [pr] = (await gh.rest.pulls.list({ ...r, head: 'acme:promote/prod-v2' })).data;
    const added = await gh.rest.issues.addLabels({ ...r, issue_number: pr.number, labels: ['promotion', 'env:prod'] });
    expect(added.data.map((l) => l.name)).toEqual(['promotion', 'env:prod']);
    expect((await gh.rest.issues.getLabel({ ...r, name: 'env:prod' })).data.color).toBe('ededed');
    expect(await status(gh.rest.issues.createLabel({ ...r, name: 'Promotion' }))).toMatchObject({ status: 422 });
    await gh.rest.issues.createLabel({ ...r, name: 'automerge', color: '0e8a16', description: 'Merge when green' });
    const set = await gh.rest.issues.setLabels({ ...r, issue_number: pr.number, labels: ['promotion', 'automerge'] });
    expect(set.data.map((l) => l.name)).toEqual(['promotion', 'automerge']);
    const removed = await gh.rest.issues.removeLabel({ ...r, issue_number: pr.number, name: 'automerge' });
    expect(removed.data.map((l) => l.name)).toEqual(['promotion']);
    expect(await status(gh.rest.issues.removeLabel({ ...r, issue_number: pr.number, name: 'automerge' }))).toEqual({
      status: 404,
      message: 'Label does not exist',
    });
    expect((await gh.rest.issues.listLabelsForRepo(r)).data.map((l) => l.name)).toEqual(['automerge', 'env:prod', 'promotion']);
    const assigned = await gh.rest.issues.addAssignees({ ...r, issue_number: pr.number, assignees: ['alice', 'mallory'] });
    expect(assigned.data.assignees?.map((a) => a.login)).toEqual(['alice']);
    const comment = await gh.rest.issues.createComment({ ...r, issue_number: pr.number, body: 'Promotion plan' });
    await gh.rest.issues.updateComment({ ...r, comment_id: comment.data.id, body: 'Promotion plan (updated)' });
    expect((await gh.rest.issues.listComments({ ...r, issue_number: pr.number })).data.map((c) => c.body)).toEqual(['Promotion plan (updated)']);
    const pull = await gh.rest.pulls.get({ ...r, pull_number: pr.number });
    expect(pull.data.labels.map((l) => l.name)).toEqual(['promotion']);
    expect(pull.data.comments).toBe(1);
    const labelled = await gh.rest.issues.listForRepo({ ...r, labels: 'promotion', state: 'all' });
    expect(labelled.data.map((i) => [i.number, !!i.pull_request])).toEqual([[pr.number, true]]);
    const closed = await gh.rest.issues.update({ ...r, issue_number: labelled.data[0].number + 1, state: 'closed' });
    expect(closed.data).toMatchObject({ state: 'closed', state_reason: 'completed' });
  });

  it('merges pull requests in git with merge, squash and rebase', async () => {
    const open = async (branch: string, path: string) => {
      await branchFromMain(branch);
      await commitFile(branch, path, `${branch}\n`, `Change ${path}`);
      return (await gh.rest.pulls.create({ ...r, head: branch, base: 'main', title: `Merge ${branch}` })).data;
    };
    const bare = fixtures[0].bare;
    const merged = await open('m-merge', 'merge.txt');
    const m = await gh.rest.pulls.merge({ ...r, pull_number: merged.number, merge_method: 'merge' });
    expect(m.data).toMatchObject({ merged: true, message: 'Pull Request successfully merged' });
    expect(git(bare, 'rev-parse', 'main').trim()).toBe(m.data.sha);
    expect(git(bare, 'log', '-1', '--format=%P', 'main').trim().split(' ')).toHaveLength(2);
    const squashed = await open('m-squash', 'squash.txt');
    const s = await gh.rest.pulls.merge({ ...r, pull_number: squashed.number, merge_method: 'squash' });
    expect(git(bare, 'log', '-1', '--format=%P%n%s', s.data.sha).trim().split('\n')).toEqual([m.data.sha, `Merge m-squash (#${squashed.number})`]);
    const rebased = await open('m-rebase', 'rebase.txt');
    const rb = await gh.rest.pulls.merge({ ...r, pull_number: rebased.number, merge_method: 'rebase' });
    expect(git(bare, 'log', '-1', '--format=%P%n%s', rb.data.sha).trim().split('\n')).toEqual([s.data.sha, 'Change rebase.txt']);
    expect(git(bare, 'ls-tree', '--name-only', 'main').split('\n')).toEqual(expect.arrayContaining(['merge.txt', 'squash.txt', 'rebase.txt']));
    const after = await gh.rest.pulls.get({ ...r, pull_number: rebased.number });
    expect(after.data).toMatchObject({ merged: true, state: 'closed', merge_commit_sha: rb.data.sha });
    expect(after.data.merged_by?.login).toBe('promote-bot');
    expect(await status(gh.rest.pulls.merge({ ...r, pull_number: rebased.number }))).toEqual({ status: 405, message: 'Pull Request is not mergeable' });
    const stale = await open('m-stale', 'stale.txt');
    expect(await status(gh.rest.pulls.merge({ ...r, pull_number: stale.number, sha: 'a'.repeat(40) }))).toEqual({
      status: 409,
      message: 'Head branch was modified. Review and try the merge again.',
    });
  });

  it('lists the merged pull request that brought a commit into main, and open ones for a commit main lacks', async () => {
    const open = async (branch: string, path: string) => {
      await branchFromMain(branch);
      const sha = await commitFile(branch, path, `${branch}\n`, `Change ${path}`);
      return { pr: (await gh.rest.pulls.create({ ...r, head: branch, base: 'main', title: `Merge ${branch}` })).data, sha };
    };
    const numbersOf = async (commit_sha: string) => (await gh.rest.repos.listPullRequestsAssociatedWithCommit({ ...r, commit_sha })).data.map((p) => p.number);
    const merged = await open('a-merge', 'a-merge.txt');
    const mergeCommit = (await gh.rest.pulls.merge({ ...r, pull_number: merged.pr.number, merge_method: 'merge' })).data.sha;
    const squashed = await open('a-squash', 'a-squash.txt');
    const squashCommit = (await gh.rest.pulls.merge({ ...r, pull_number: squashed.pr.number, merge_method: 'squash' })).data.sha;
    const proposed = await open('a-open', 'a-open.txt');
    expect(await numbersOf(mergeCommit)).toEqual([merged.pr.number]);
    // The merge commit brought the head's own commit into main too.
    expect(await numbersOf(merged.sha)).toEqual([merged.pr.number]);
    expect(await numbersOf(squashCommit)).toEqual([squashed.pr.number]);
    // The squashed branch's commit is not on main, and its pull request is no longer open.
    expect(await numbersOf(squashed.sha)).toEqual([]);
    expect(await numbersOf(proposed.sha)).toEqual([proposed.pr.number]);
    const [answer] = (await gh.rest.repos.listPullRequestsAssociatedWithCommit({ ...r, commit_sha: squashCommit })).data;
    expect(answer).toMatchObject({ state: 'closed', merge_commit_sha: squashCommit, head: { ref: 'a-squash' } });
    expect(answer.merged_at).not.toBeNull();
    expect(await status(gh.rest.repos.listPullRequestsAssociatedWithCommit({ ...r, commit_sha: 'e'.repeat(40) }))).toEqual({
      status: 422,
      message: `No commit found for SHA: ${'e'.repeat(40)}`,
    });
    await gh.rest.pulls.update({ ...r, pull_number: proposed.pr.number, state: 'closed' });
  });

  it('enables and disables auto-merge over GraphQL with GitHub errors', async () => {
    const [pr] = (await gh.rest.pulls.list({ ...r, head: 'acme:promote/prod-v2' })).data;
    const enable =
      `mutation($id: ID!) { enablePullRequestAutoMerge(input: {pullRequestId: $id, mergeMethod: SQUASH}) ` +
      `{ pullRequest { id autoMergeRequest { mergeMethod enabledBy { login } } } } }`;
    const enabled = await gh.graphql<{
      enablePullRequestAutoMerge: { pullRequest: { id: string; autoMergeRequest: { mergeMethod: string; enabledBy: { login: string } } } };
    }>(enable, { id: pr.node_id });
    expect(enabled.enablePullRequestAutoMerge.pullRequest).toEqual({
      id: pr.node_id,
      autoMergeRequest: { mergeMethod: 'SQUASH', enabledBy: { login: 'promote-bot' } },
    });
    expect((await gh.rest.pulls.get({ ...r, pull_number: pr.number })).data.auto_merge).toMatchObject({
      merge_method: 'squash',
      enabled_by: { login: 'promote-bot' },
    });
    const query =
      `query($owner: String!, $name: String!, $number: Int!) { repository(owner: $owner, name: $name) ` +
      `{ autoMergeAllowed pullRequest(number: $number) { id autoMergeRequest { mergeMethod } } } }`;
    const read = await gh.graphql<{ repository: unknown }>(query, { owner: 'acme', name: 'config', number: pr.number });
    expect(read.repository).toEqual({ autoMergeAllowed: true, pullRequest: { id: pr.node_id, autoMergeRequest: { mergeMethod: 'SQUASH' } } });
    await gh.graphql(`mutation { disablePullRequestAutoMerge(input: {pullRequestId: "${pr.node_id}"}) { pullRequest { autoMergeRequest { mergeMethod } } } }`);
    expect((await gh.rest.pulls.get({ ...r, pull_number: pr.number })).data.auto_merge).toBeNull();
    const raw = async (q: string, variables: Record<string, unknown> = {}) =>
      (
        await fetch(sim.graphqlUrl, { method: 'POST', headers: { authorization: `bearer ${ADMIN}` }, body: JSON.stringify({ query: q, variables }) })
      ).json() as Promise<{ data?: Record<string, unknown>; errors?: Array<{ type?: string; message: string; path?: string[] }> }>;
    const unknown = await raw(enable, { id: 'PR_doesnotexist' });
    expect(unknown).toEqual({
      data: { enablePullRequestAutoMerge: null },
      errors: [
        expect.objectContaining({
          type: 'NOT_FOUND',
          path: ['enablePullRequestAutoMerge'],
          message: "Could not resolve to a node with the global id of 'PR_doesnotexist'",
        }),
      ],
    });
    await gh.rest.git.createRef({
      ...r,
      owner: 'acme',
      repo: 'app',
      ref: 'refs/heads/feature',
      sha: (await gh.rest.git.getRef({ owner: 'acme', repo: 'app', ref: 'heads/main' })).data.object.sha,
    });
    const appCommit = await gh.rest.git.createCommit({
      owner: 'acme',
      repo: 'app',
      message: 'x',
      tree: (await gh.rest.git.getTree({ owner: 'acme', repo: 'app', tree_sha: 'main' })).data.sha,
      parents: [(await gh.rest.git.getRef({ owner: 'acme', repo: 'app', ref: 'heads/main' })).data.object.sha],
    });
    await gh.rest.git.updateRef({ owner: 'acme', repo: 'app', ref: 'heads/feature', sha: appCommit.data.sha });
    const appPr = await gh.rest.pulls.create({ owner: 'acme', repo: 'app', head: 'feature', base: 'main', title: 'x' });
    const disallowed = await raw(enable, { id: appPr.data.node_id });
    expect(disallowed.errors?.[0]).toMatchObject({ type: 'UNPROCESSABLE', message: 'Pull request Auto merge is not allowed for this repository' });
    expect((await raw('{ repository(owner: "acme", name: "config") { nope } }')).errors?.[0].message).toBe("Field 'nope' doesn't exist on type 'Repository'");
    expect(sim.requests.filter((e) => e.kind === 'graphql' && e.write).length).toBeGreaterThanOrEqual(3);
  });

  it('authenticates like GitHub and enforces token permissions', async () => {
    expect(await status(new GitHub({ baseUrl: sim.apiUrl }).rest.repos.get(r))).toEqual({ status: 401, message: 'Requires authentication' });
    expect(await status(new GitHub({ auth: 'ghp_unknown', baseUrl: sim.apiUrl }).rest.repos.get(r))).toEqual({ status: 401, message: 'Bad credentials' });
    const reader = new GitHub({ auth: READER, baseUrl: sim.apiUrl });
    expect((await reader.rest.repos.get(r)).data.permissions).toMatchObject({ pull: true, push: false });
    expect(await status(reader.rest.git.createBlob({ ...r, content: 'x' }))).toEqual({ status: 403, message: 'Resource not accessible by integration' });
    const actions = new GitHub({ auth: ACTIONS, baseUrl: sim.apiUrl });
    expect(await status(actions.rest.repos.get(r))).toEqual({ status: 404, message: 'Not Found' });
    expect((await actions.rest.repos.get({ owner: 'acme', repo: 'docs' })).data.private).toBe(false);
    expect(await status(actions.rest.issues.create({ owner: 'acme', repo: 'docs', title: 'x' }))).toEqual({
      status: 403,
      message: 'Resource not accessible by integration',
    });
    expect(await status(actions.rest.pulls.create({ owner: 'acme', repo: 'app', head: 'feature', base: 'main', title: 'y' }))).toEqual({
      status: 403,
      message: 'GitHub Actions is not permitted to create or approve pull requests.',
    });
    expect(await status(actions.rest.users.getAuthenticated())).toEqual({ status: 403, message: 'Resource not accessible by integration' });
    expect(await status(actions.rest.actions.getGithubActionsDefaultWorkflowPermissionsRepository({ owner: 'acme', repo: 'app' }))).toMatchObject({
      status: 403,
    });
    const settings = await gh.rest.actions.getGithubActionsDefaultWorkflowPermissionsRepository({ owner: 'acme', repo: 'app' });
    expect(settings.data).toEqual({ default_workflow_permissions: 'read', can_approve_pull_request_reviews: false });
    expect((await gh.rest.repos.getCollaboratorPermissionLevel({ ...r, username: 'bob' })).data).toMatchObject({ permission: 'read', role_name: 'read' });
    expect((await gh.rest.repos.getCollaboratorPermissionLevel({ ...r, username: 'mallory' })).data.permission).toBe('none');
    expect((await gh.rest.users.getAuthenticated()).data.login).toBe('promote-bot');
    expect((await gh.rest.rateLimit.get()).data.resources.core.limit).toBe(5000);
    await expect(gitAsync(scratch, 'clone', '-q', sim.cloneUrl('acme', 'config', ACTIONS), join(scratch, 'cross'))).rejects.toThrow(/not found|404/i);
  });

  it('records deployments and statuses, marking earlier ones inactive', async () => {
    const d1 = await gh.rest.repos.createDeployment({ ...r, ref: 'main', environment: 'staging', required_contexts: [], auto_merge: false });
    const id1 = (d1.data as { id: number }).id;
    await gh.rest.repos.createDeploymentStatus({ ...r, deployment_id: id1, state: 'success', environment_url: 'https://staging.example.com' });
    const d2 = await gh.rest.repos.createDeployment({ ...r, ref: 'promote/prod-v2', environment: 'staging', required_contexts: [], auto_merge: false });
    await gh.rest.repos.createDeploymentStatus({ ...r, deployment_id: (d2.data as { id: number }).id, state: 'success' });
    const statuses = await gh.rest.repos.listDeploymentStatuses({ ...r, deployment_id: id1 });
    expect(statuses.data.map((s) => s.state)).toEqual(['inactive', 'success']);
    const list = await gh.rest.repos.listDeployments({ ...r, environment: 'staging' });
    expect(list.data.map((d) => d.sha)).toEqual([
      git(fixtures[0].bare, 'rev-parse', 'promote/prod-v2').trim(),
      git(fixtures[0].bare, 'rev-parse', 'main').trim(),
    ]);
    expect(await status(gh.rest.repos.createDeployment({ ...r, ref: 'no-such-ref' }))).toEqual({ status: 422, message: 'No ref found for: no-such-ref' });
  });

  it('records commit statuses: newest first per ref, the combined state over the newest per context', async () => {
    const sha = git(fixtures[0].bare, 'rev-parse', 'main').trim();
    expect((await gh.rest.repos.getCombinedStatusForRef({ ...r, ref: 'main' })).data).toEqual(
      expect.objectContaining({ state: 'pending', total_count: 0, statuses: [], sha }),
    );
    await gh.rest.repos.createCommitStatus({ ...r, sha, state: 'pending', context: 'gitops-promote/gates', description: 'soak: 1h of 2h' });
    await gh.rest.repos.createCommitStatus({ ...r, sha, state: 'success', context: 'ci/test', target_url: 'https://ci.example.com/1' });
    expect((await gh.rest.repos.getCombinedStatusForRef({ ...r, ref: sha })).data.state).toBe('pending');
    await gh.rest.repos.createCommitStatus({ ...r, sha, state: 'success', context: 'gitops-promote/gates', description: 'all gates met' });
    const combined = (await gh.rest.repos.getCombinedStatusForRef({ ...r, ref: 'main' })).data;
    expect(combined.state).toBe('success');
    expect(combined.statuses.map((s) => [s.context, s.state, s.description])).toEqual([
      ['gitops-promote/gates', 'success', 'all gates met'],
      ['ci/test', 'success', null],
    ]);
    const listed = (await gh.rest.repos.listCommitStatusesForRef({ ...r, ref: 'main' })).data;
    expect(listed.map((s) => `${s.context}:${s.state}`)).toEqual(['gitops-promote/gates:success', 'ci/test:success', 'gitops-promote/gates:pending']);
    expect(listed[0].creator?.login).toBe('promote-bot');
    await gh.rest.repos.createCommitStatus({ ...r, sha, state: 'failure', context: 'gitops-promote/gates' });
    expect((await gh.rest.repos.getCombinedStatusForRef({ ...r, ref: 'main' })).data.state).toBe('failure');
    expect(await status(gh.rest.repos.createCommitStatus({ ...r, sha: '0'.repeat(40), state: 'success' }))).toEqual({
      status: 422,
      message: `No commit found for SHA: ${'0'.repeat(40)}`,
    });
    expect(await status(gh.rest.repos.createCommitStatus({ ...r, sha, state: 'success', description: 'x'.repeat(141) }))).toEqual({
      status: 422,
      message: 'description is too long (maximum is 140 characters)',
    });
    expect(await status(gh.rest.repos.getCombinedStatusForRef({ ...r, ref: 'no-such-ref' }))).toMatchObject({ status: 404 });
  });

  it('redirects tarball downloads to an archive built by git archive', async () => {
    const res = await fetch(`${sim.apiUrl}/repos/acme/config/tarball/main`, { headers: { authorization: `token ${ADMIN}` }, redirect: 'manual' });
    expect(res.status).toBe(302);
    const archive = await fetch(res.headers.get('location') as string);
    const tarball = join(scratch, 'config.tar.gz');
    writeFileSync(tarball, Buffer.from(await archive.arrayBuffer()));
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
    expect(listing).toMatch(/^acme-config-[0-9a-f]{7}\/overlays\/prod\/kustomization\.yaml$/m);
  });

  it('answers every request above within the contract', () => {
    sim.assertContractClean();
    expect(sim.requests.length).toBeGreaterThan(100);
    expect(sim.requests.every((e) => e.status > 0)).toBe(true);
  });

  it('records an invalid request as a violation and answers 422 like GitHub', async () => {
    sim.resetLog();
    const bad = await status(gh.request('POST /repos/{owner}/{repo}/pulls', { ...r, head: 123 as unknown as string, base: 'main', title: 'typed wrong' }));
    expect(bad.status).toBe(422);
    expect(bad.message).toMatch(/^Invalid request\.\n\nFor 'properties\/head', 123 is not a string\.$/);
    const undocumented = await status(gh.request('GET /repos/{owner}/{repo}/no-such-endpoint', r));
    expect(undocumented).toEqual({ status: 404, message: 'Not Found' });
    expect(sim.contractViolations.map((v) => v.kind)).toEqual(['invalid-request', 'undocumented-route']);
    expect(() => sim.assertContractClean()).toThrow(/invalid-request POST .*pulls/);
    sim.resetLog();
  });
});

describe('GitHub simulator contract checker', () => {
  let sim: GitHubSimulator;
  let fixture: BareRepoFixture;

  beforeAll(async () => {
    fixture = createBareRepo({ 'README.md': 'x\n' });
    sim = await startGitHubSimulator({
      repos: [{ owner: 'acme', name: 'config', path: fixture.bare }],
      // Corrupts two answers on purpose: the checker must notice both.
      mutateResponse: (operationId, reply) => {
        if (operationId === 'repos/get') return { ...reply, body: { ...(reply.body as object), default_branch: 42 } };
        if (operationId === 'git/get-ref') return { ...reply, status: 418 };
        return reply;
      },
    });
  });

  afterAll(async () => {
    await sim.close();
    fixture.cleanup();
  });

  it('catches a response body that breaks the schema and a status the operation does not document', async () => {
    const gh = new GitHub({ auth: sim.token, baseUrl: sim.apiUrl });
    await gh.rest.repos.get(r);
    await status(gh.rest.git.getRef({ ...r, ref: 'heads/main' }));
    expect(sim.contractViolations).toEqual([
      expect.objectContaining({
        kind: 'invalid-response',
        operationId: 'repos/get',
        status: 200,
        errors: [expect.stringContaining('/default_branch must be string')],
      }),
      expect.objectContaining({ kind: 'invalid-response', operationId: 'git/get-ref', status: 418, errors: ['status 418 is not documented for git/get-ref'] }),
    ]);
    expect(() => sim.assertContractClean()).toThrow(/default_branch/);
  });
});
