// The two commit graphs against one real repository: a checkout read with git, and the same bare repository served by
// the GitHub simulator read through the REST API. Each table runs over both and expects the same answers.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ConfigHistory } from '../../src/drift/config-history.js';
import type { RevisionStanding } from '../../src/drift/judge-drift.js';
import { createGitHubClient } from '../../src/github/octokit-client.js';
import type { ChangedFiles, CommitGraph, CommitRelation } from '../../src/repo/commit-graph.js';
import { Git } from '../../src/repo/git.js';
import { GitCommitGraph } from '../../src/repo/git-commit-graph.js';
import { GitHubCommitGraph } from '../../src/repo/github-commit-graph.js';
import { startGitHubSimulator, type GitHubSimulator } from '../../test-infra/simulators/github/index.js';

const DEV = 'apps/web/overlays/dev/kustomization.yaml';
const BASE_DEPLOYMENT = 'apps/web/base/deployment.yaml';
const SHARED_DEPLOYMENT = 'apps/shared/deployment.yaml';
const overlay = (tag: string) =>
  `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../../base]\nimages:\n  - name: web\n    newTag: ${tag}\n`;
const DEPLOYMENT =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n' +
  '          image: web\n';
const MISSING = 'd'.repeat(40);

/**
 * Commits of the repository, by name: main is c0 … c5; f1 branches off c1; u0 shares no history;
 * m1 (off c5) adds 300 files; l1 (off c5) reaches the remote after the checkout was cloned.
 */
type Name = 'c0' | 'c1' | 'c2' | 'c3' | 'c4' | 'c5' | 'f1' | 'u0' | 'm1' | 'l1';
const commits = {} as Record<Name, string>;
const dates = {} as Record<Name, number>;

let scratch: string;
let checkout: string;
let sim: GitHubSimulator;
const graphs = {} as Record<'git' | 'github', CommitGraph>;

function git(cwd: string, args: string[], date?: number): string {
  const env = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'T',
    GIT_AUTHOR_EMAIL: 't@example.com',
    GIT_COMMITTER_NAME: 'T',
    GIT_COMMITTER_EMAIL: 't@example.com',
  };
  const dated = date === undefined ? env : { ...env, GIT_AUTHOR_DATE: new Date(date).toISOString(), GIT_COMMITTER_DATE: new Date(date).toISOString() };
  return execFileSync('git', args, { cwd, env: dated, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** Writes files (null deletes), commits them at a fixed date, and names the commit. */
function commit(work: string, name: Name, files: Record<string, string | null>, message: string): void {
  for (const [path, content] of Object.entries(files)) {
    if (content === null) git(work, ['rm', '-q', path]);
    else {
      mkdirSync(dirname(join(work, path)), { recursive: true });
      writeFileSync(join(work, path), content);
      git(work, ['add', path]);
    }
  }
  dates[name] = Date.UTC(2025, 0, 1 + Object.keys(dates).length, 12);
  git(work, ['commit', '-q', '--allow-empty', '-m', message], dates[name]);
  commits[name] = git(work, ['rev-parse', 'HEAD']);
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'gitops-promote-graph-'));
  const bare = join(scratch, 'config.git');
  const work = join(scratch, 'work');
  git(scratch, ['init', '-q', '--bare', '-b', 'main', bare]);
  git(scratch, ['init', '-q', '-b', 'main', work]);
  commit(work, 'c0', { [DEV]: overlay('1.0.0'), [BASE_DEPLOYMENT]: DEPLOYMENT, 'README.md': 'config\n' }, 'Initial config');
  commit(work, 'c1', { [DEV]: overlay('1.1.0') }, 'dev: web 1.1.0');
  mkdirSync(join(work, dirname(SHARED_DEPLOYMENT)), { recursive: true });
  git(work, ['mv', BASE_DEPLOYMENT, SHARED_DEPLOYMENT]);
  commit(work, 'c2', {}, 'Move the deployment out of the web base');
  commit(work, 'c3', { 'README.md': 'config, edited\n' }, 'Edit the README');
  git(work, ['revert', '--no-edit', 'HEAD'], Date.UTC(2025, 0, 5, 12));
  dates.c4 = Date.UTC(2025, 0, 5, 12);
  commits.c4 = git(work, ['rev-parse', 'HEAD']);
  commit(work, 'c5', { [DEV]: overlay('1.2.0') }, 'dev: web 1.2.0');
  git(work, ['push', '-q', bare, 'main']);
  git(work, ['checkout', '-q', '-b', 'feature', commits.c1]);
  commit(work, 'f1', { 'apps/web/overlays/dev/patch.yaml': 'x: 1\n' }, 'A feature');
  git(work, ['checkout', '-q', '-b', 'many', commits.c5]);
  commit(work, 'm1', Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`generated/file-${i}.yaml`, `n: ${i}\n`])), '300 files');
  git(work, ['checkout', '-q', '--orphan', 'other']);
  git(work, ['rm', '-rqf', '.']);
  commit(work, 'u0', { 'other.txt': 'other\n' }, 'Unrelated history');
  git(work, ['push', '-q', bare, 'feature', 'many', 'other']);

  checkout = join(scratch, 'checkout');
  git(scratch, ['clone', '-q', bare, checkout]);
  // A local commit on main the remote never got: a branch resolves as the remote has it.
  git(checkout, ['commit', '-q', '--allow-empty', '-m', 'Not pushed'], Date.UTC(2025, 1, 1));
  // Pushed after the checkout was cloned: only a fetch brings it.
  git(work, ['checkout', '-q', '-b', 'later', commits.c5]);
  commit(work, 'l1', { 'README.md': 'later\n' }, 'Later');
  git(work, ['push', '-q', bare, 'later']);

  sim = await startGitHubSimulator({ repos: [{ owner: 'acme', name: 'config', path: bare }] });
  graphs.git = new GitCommitGraph(new Git(checkout));
  graphs.github = new GitHubCommitGraph(createGitHubClient({ token: sim.token, apiUrl: sim.apiUrl, graphqlUrl: `${sim.apiUrl}/graphql` }), 'acme', 'config');
});

afterAll(async () => {
  sim?.assertContractClean();
  await sim?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const both: Array<['git' | 'github']> = [['git'], ['github']];
/** A fixture commit's SHA by its name; any other revision (a branch, a SHA the repository lacks) as it is. */
const sha = (revision: string): string => (revision in commits ? commits[revision as Name] : revision);

describe.each(both)('the %s graph', (kind) => {
  const graph = () => graphs[kind];

  test.each<[string, string, Name | undefined]>([
    ['a branch, as the remote has it (not the local commit on main)', 'main', 'c5'],
    ['another branch', 'feature', 'f1'],
    ['a full SHA', 'c2', 'c2'],
    ['an abbreviated SHA', 'c1:short', 'c1'],
    ['a branch that does not exist', 'no-such-branch', undefined],
    ['a SHA the repository does not have', MISSING, undefined],
  ])('resolve: %s', async (_title, ref, expected) => {
    const name = ref.endsWith(':short') ? commits[ref.slice(0, -':short'.length) as Name].slice(0, 10) : sha(ref);
    await expect(graph().resolve(name)).resolves.toBe(expected && commits[expected]);
  });

  test.each<[string, string, string, CommitRelation | undefined]>([
    ['an ancestor', 'c1', 'c5', 'ancestor'],
    ['a descendant', 'c5', 'c1', 'descendant'],
    ['the same commit', 'c3', 'c3', 'same'],
    ['a side branch: diverged', 'f1', 'c5', 'unrelated'],
    ['no common history', 'u0', 'c5', 'unrelated'],
    ['a commit the repository does not have', MISSING, 'c5', undefined],
  ])('relation: %s', async (_title, a, b, expected) => {
    await expect(graph().relation(sha(a), sha(b))).resolves.toBe(expected);
  });

  test.each<[string, string, string, ChangedFiles | undefined]>([
    ['an edit', 'c0', 'c1', { files: [DEV], renamedFrom: [], complete: true }],
    ['a rename: by the new name, and the old one', 'c1', 'c2', { files: [SHARED_DEPLOYMENT], renamedFrom: [BASE_DEPLOYMENT], complete: true }],
    ['an edit and its revert: no net change', 'c2', 'c4', { files: [], renamedFrom: [], complete: true }],
    ['the net change over several commits', 'c1', 'c5', { files: [SHARED_DEPLOYMENT, DEV], renamedFrom: [BASE_DEPLOYMENT], complete: true }],
    ['the same commit', 'c3', 'c3', { files: [], renamedFrom: [], complete: true }],
    ['from a descendant: not an answer', 'c5', 'c1', undefined],
    ['from a side branch: not an answer', 'f1', 'c5', undefined],
    ['a commit the repository does not have', MISSING, 'c5', undefined],
  ])('changedFiles: %s', async (_title, from, to, expected) => {
    const changed = await graph().changedFiles(sha(from), sha(to));
    expect(changed && { ...changed, files: [...changed.files].sort() }).toEqual(expected);
  });

  test.each<[string, Name, string, Name[]]>([
    ['an overlay edited three times', 'c5', DEV, ['c5', 'c1', 'c0']],
    ['from an older head', 'c1', DEV, ['c1', 'c0']],
    ['a file moved away: the move deletes it', 'c5', BASE_DEPLOYMENT, ['c2', 'c0']],
    ['an edit and its revert', 'c5', 'README.md', ['c4', 'c3', 'c0']],
    ['a file never there', 'c5', 'no/such/file.yaml', []],
  ])('fileHistory: %s, newest first with committer dates', async (_title, head, file, expected) => {
    const history = [];
    for await (const entry of graph().fileHistory(commits[head], file)) history.push(entry);
    expect(history).toEqual(expected.map((name) => ({ sha: commits[name], date: dates[name] })));
  });

  test.each<[string, string, string, string | undefined]>([
    ['a file at an old commit', 'c0', DEV, overlay('1.0.0')],
    ['the same file later', 'c5', DEV, overlay('1.2.0')],
    ['a file the commit moved away', 'c2', BASE_DEPLOYMENT, undefined],
    ['a folder is not a file', 'c5', 'apps/web', undefined],
    ['a commit the repository does not have', MISSING, DEV, undefined],
  ])('fileAt: %s', async (_title, commitName, file, expected) => {
    await expect(graph().fileAt(sha(commitName), file)).resolves.toBe(expected);
  });

  test.each<[string, string, string[], RevisionStanding]>([
    ['the head', 'c5', ['apps/web/overlays/dev'], 'head'],
    ['older, nothing under the paths changed since', 'c2', ['apps/web/base'], 'unchanged'],
    ['older, an edit and its revert since: no net change', 'c2', ['README.md'], 'unchanged'],
    ['older, an overlay changed since', 'c2', ['apps/web/overlays/dev'], 'behind'],
    ['older, a file moved out of the path since: its old name counts', 'c1', ['apps/web/base'], 'behind'],
    ['a side branch', 'f1', ['apps/web/overlays/dev'], 'unknown'],
    ['a commit the repository does not have', MISSING, ['apps/web/overlays/dev'], 'unknown'],
    ['not a commit name', 'main', ['apps/web/overlays/dev'], 'unknown'],
  ])('drift-check standing over it: %s', async (_title, revision, paths, expected) => {
    await expect(new ConfigHistory(graph(), commits.c5).standing(sha(revision), paths)).resolves.toBe(expected);
  });
});

describe('where the graphs differ by design', () => {
  test('GitHub cuts a file list at 300 and says so; git lists every file', async () => {
    const [viaGit, viaGitHub] = [await graphs.git.changedFiles(commits.c5, commits.m1), await graphs.github.changedFiles(commits.c5, commits.m1)];
    expect({ files: viaGit?.files.length, complete: viaGit?.complete }).toEqual({ files: 300, complete: true });
    expect(viaGitHub?.complete).toBe(false);
  });

  test('GitHub: one compare request answers the relation and the files of a pair, and is kept', async () => {
    sim.resetLog();
    const graph = new GitHubCommitGraph(createGitHubClient({ token: sim.token, apiUrl: sim.apiUrl, graphqlUrl: `${sim.apiUrl}/graphql` }), 'acme', 'config');
    await Promise.all([graph.relation(commits.c0, commits.c4), graph.relation(commits.c0, commits.c4), graph.changedFiles(commits.c0, commits.c4)]);
    await graph.changedFiles(commits.c0, commits.c4);
    expect(sim.requests.map((request) => request.operationId)).toEqual(['repos/compare-commits-with-basehead']);
  });

  test('git: a commit the checkout lacks is fetched from origin once, when the graph may fetch', async () => {
    /** Real git, with the fetches counted. */
    class CountedGit extends Git {
      fetches = 0;
      override fetch(remote: string): Promise<boolean> {
        this.fetches++;
        return super.fetch(remote);
      }
    }
    const git = new CountedGit(checkout);
    await expect(new GitCommitGraph(git).relation(commits.c5, commits.l1)).resolves.toBeUndefined();
    expect(git.fetches).toBe(0);
    const fetching = new GitCommitGraph(git, { fetchMissing: true });
    await expect(fetching.relation(commits.c5, commits.l1)).resolves.toBe('ancestor');
    await expect(fetching.changedFiles(commits.c5, commits.l1)).resolves.toEqual({ files: ['README.md'], renamedFrom: [], complete: true });
    expect(git.fetches).toBe(1);
    // A commit origin does not have either stays unknown, and is fetched for once only.
    await expect(fetching.relation(MISSING, commits.c5)).resolves.toBeUndefined();
    await expect(fetching.relation(MISSING, commits.c5)).resolves.toBeUndefined();
    expect(git.fetches).toBe(2);
  });
});
