// pulls/merge: merge, squash and rebase performed in git on the bare repository, then the base branch is
// moved with an old-value check so a concurrent push is never overwritten.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiError, requireRepo, type Handler, type RequestContext } from './http-util.js';
import { replayTree, type GitPerson } from './git-store.js';
import { gitDate } from './git-data.js';
import { pullShas, type PullIssue } from './pull-render.js';
import { findPull } from './pulls.js';
import { now, type RepoState } from './state.js';

type MergeMethod = 'merge' | 'squash' | 'rebase';

const NOT_ALLOWED: Record<MergeMethod, string> = {
  merge: 'Merge commits are not allowed on this repository.',
  squash: 'Squash merges are not allowed on this repository.',
  rebase: 'Rebase merges are not allowed on this repository.',
};

export function methodAllowed(repo: RepoState, method: MergeMethod): boolean {
  const o = repo.options;
  return method === 'merge' ? o.allowMergeCommit : method === 'squash' ? o.allowSquashMerge : o.allowRebaseMerge;
}

const GITHUB_COMMITTER = { name: 'GitHub', email: 'noreply@github.com' };

interface MergeRequest {
  method: MergeMethod;
  title?: string;
  message?: string;
  merger: { name: string; email: string };
}

/** Builds the commit(s) for the chosen method on top of `base`; returns the new base tip or undefined on conflict. */
async function buildMerge(repo: RepoState, pr: PullIssue, base: string, head: string, req: MergeRequest): Promise<string | undefined> {
  const date = gitDate(new Date().toISOString());
  const committer: GitPerson = { ...GITHUB_COMMITTER, date };
  if (req.method === 'rebase') return rebaseOnto(repo, base, head, committer);
  const tree = await repo.git.mergeTrees(base, head);
  if (!tree) return undefined;
  if (req.method === 'merge') {
    const title = req.title ?? `Merge pull request #${pr.number} from ${repo.owner}/${pr.pull.headRef}`;
    const message = `${title}\n\n${req.message ?? pr.title}\n`;
    return repo.git.writeCommit({ tree, parents: [base, head], message, author: { ...req.merger, date }, committer });
  }
  const commits = await repo.git.revList(head, base);
  const summaries = await Promise.all(commits.map(async (c) => `* ${(await repo.git.readCommit(c)).message.trim()}`));
  const message = `${req.title ?? `${pr.title} (#${pr.number})`}\n\n${req.message ?? summaries.join('\n\n')}\n`;
  return repo.git.writeCommit({ tree, parents: [base], message, author: { ...req.merger, date }, committer });
}

async function rebaseOnto(repo: RepoState, base: string, head: string, committer: GitPerson): Promise<string | undefined> {
  const scratch = mkdtempSync(join(tmpdir(), 'gh-sim-rebase-'));
  try {
    let onto = base;
    for (const sha of await repo.git.revList(head, base)) {
      const commit = await repo.git.readCommit(sha);
      if (commit.parents.length > 1) return undefined;
      const tree = await replayTree(repo.git, commit.parents[0] ?? base, onto, sha, join(scratch, 'index'));
      if (!tree) return undefined;
      const author = { ...commit.author, date: gitDate(commit.author.date) };
      onto = await repo.git.writeCommit({ tree, parents: [onto], message: commit.message, author, committer });
    }
    return onto;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Performs a merge and records it on the pull request; shared by pulls/merge and auto-merge. */
export async function mergePull(ctx: RequestContext, repo: RepoState, pr: PullIssue, req: MergeRequest, expectedHead?: string): Promise<string> {
  if (pr.pull.merged || pr.state !== 'open') throw new ApiError(405, { message: 'Pull Request is not mergeable' });
  if (pr.pull.draft) throw new ApiError(405, { message: 'Pull Request is still a draft' });
  if (!methodAllowed(repo, req.method)) throw new ApiError(405, { message: NOT_ALLOWED[req.method] });
  const { head, base } = await pullShas(repo, pr);
  if (expectedHead && expectedHead !== head) throw new ApiError(409, { message: 'Head branch was modified. Review and try the merge again.' });
  const tip = await buildMerge(repo, pr, base, head, req);
  if (!tip) throw new ApiError(405, { message: req.method === 'rebase' ? "This branch can't be rebased" : 'Pull Request is not mergeable' });
  if (!(await repo.git.tryUpdateRef(`refs/heads/${pr.pull.baseRef}`, tip, base)))
    throw new ApiError(409, { message: 'Base branch was modified. Review and try the merge again.' });
  const stamp = now();
  Object.assign(pr.pull, {
    merged: true,
    mergedAt: stamp,
    mergedBy: ctx.user.login,
    mergeCommitSha: tip,
    frozenHeadSha: head,
    frozenBaseSha: base,
    autoMerge: null,
  });
  Object.assign(pr, { state: 'closed', closedAt: stamp, updatedAt: stamp });
  return tip;
}

const mergeHandler: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  const pr = findPull(repo, Number(ctx.params.pull_number));
  const body = (ctx.body ?? {}) as { commit_title?: string; commit_message?: string; sha?: string; merge_method?: MergeMethod };
  const method = body.merge_method ?? 'merge';
  const sha = await mergePull(
    ctx,
    repo,
    pr,
    { method, title: body.commit_title, message: body.commit_message, merger: { name: ctx.user.name, email: ctx.user.email } },
    body.sha,
  );
  return { status: 200, body: { sha, merged: true, message: 'Pull Request successfully merged' } };
};

export const mergeHandlers: Record<string, Handler> = { 'pulls/merge': mergeHandler };
