// repos/list-pull-requests-associated-with-commit: the merged pull request that brought a commit into the default
// branch, or, for a commit the default branch does not have, the open pull requests whose commits include it.
import { ApiError, paginate, requireRepo, type Handler } from './http-util.js';
import { pullShas, renderPullSimple, type PullIssue } from './pull-render.js';
import { pulls } from './pulls.js';
import type { RepoState } from './state.js';

/** The commits a merged pull request put on its base: those of the merge (merge commit, squash, rebased copies) and of its head. */
async function mergedCommits(repo: RepoState, pr: PullIssue): Promise<Set<string>> {
  const { head, base } = await pullShas(repo, pr);
  const merge = pr.pull.mergeCommitSha;
  return new Set([...(merge ? await repo.git.revList(merge, base) : []), ...(head ? await repo.git.revList(head, base) : [])]);
}

/** The commits an open pull request proposes: its head's, not its base's. */
async function proposedCommits(repo: RepoState, pr: PullIssue): Promise<Set<string>> {
  const { head, base } = await pullShas(repo, pr);
  return new Set(head && base ? await repo.git.revList(head, base) : []);
}

const listPullsOfCommit: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  const sha = await repo.git.tryResolveCommit(ctx.params.commit_sha);
  // GitHub's answer for a SHA the repository does not have.
  if (!sha) throw new ApiError(422, { message: `No commit found for SHA: ${ctx.params.commit_sha}` });
  const defaultTip = await repo.git.tryResolveRef(`refs/heads/${repo.options.defaultBranch}`);
  const onDefault = !!defaultTip && (await repo.git.isAncestor(sha, defaultTip));
  const found: PullIssue[] = [];
  for (const pr of pulls(repo)) {
    if (onDefault ? pr.pull.merged && (await mergedCommits(repo, pr)).has(sha) : pr.state === 'open' && (await proposedCommits(repo, pr)).has(sha)) {
      found.push(pr);
    }
  }
  found.sort((a, b) => b.number - a.number);
  const { page, headers } = paginate(ctx, found);
  return { status: 200, headers, body: await Promise.all(page.map((p) => renderPullSimple(ctx.sim, ctx.urls, repo, p))) };
};

export const commitPullHandlers: Record<string, Handler> = { 'repos/list-pull-requests-associated-with-commit': listPullsOfCommit };
