// Pull request objects (`pull-request` and `pull-request-simple`) with head and base SHAs read from git:
// an open pull request follows its branches; a closed or merged one keeps the SHAs it had when it closed.
import type { Urls } from './render.js';
import { associationOf, issueLabels, renderRepo, renderTeam, userByLogin } from './render.js';
import type { IssueRecord, PullFields, RepoState, SimulatorState } from './state.js';

export type PullIssue = IssueRecord & { pull: PullFields };

export async function pullShas(repo: RepoState, pr: PullIssue): Promise<{ head: string; base: string }> {
  const p = pr.pull;
  if (pr.state === 'closed' && p.frozenHeadSha && p.frozenBaseSha) return { head: p.frozenHeadSha, base: p.frozenBaseSha };
  const head = (await repo.git.tryResolveRef(`refs/heads/${p.headRef}`)) ?? p.frozenHeadSha ?? '';
  const base = (await repo.git.tryResolveRef(`refs/heads/${p.baseRef}`)) ?? p.frozenBaseSha ?? '';
  return { head, base };
}

function side(sim: SimulatorState, urls: Urls, repo: RepoState, ref: string, sha: string): Record<string, unknown> {
  return { label: `${repo.owner}:${ref}`, ref, sha, user: userByLogin(sim, urls, repo.owner), repo: renderRepo(sim, urls, repo) };
}

/** Fields shared by `pull-request-simple` (lists, reviewer requests) and `pull-request`. */
export async function renderPullSimple(sim: SimulatorState, urls: Urls, repo: RepoState, pr: PullIssue): Promise<Record<string, unknown>> {
  const api = `${urls.api}/repos/${repo.fullName}`;
  const self = `${api}/pulls/${pr.number}`;
  const html = `${urls.html}/${repo.fullName}/pull/${pr.number}`;
  const { head, base } = await pullShas(repo, pr);
  const p = pr.pull;
  const assignees = pr.assignees.map((a) => userByLogin(sim, urls, a));
  const links = {
    self: { href: self },
    html: { href: html },
    issue: { href: `${api}/issues/${pr.number}` },
    comments: { href: `${api}/issues/${pr.number}/comments` },
    review_comments: { href: `${self}/comments` },
    review_comment: { href: `${api}/pulls/comments{/number}` },
    commits: { href: `${self}/commits` },
    statuses: { href: `${api}/statuses/${head}` },
  };
  return {
    url: self,
    id: p.id,
    node_id: p.nodeId,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pr.number}`,
    commits_url: `${self}/commits`,
    review_comments_url: `${self}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pr.number}/comments`,
    statuses_url: `${api}/statuses/${head}`,
    number: pr.number,
    state: pr.state,
    locked: pr.locked,
    title: pr.title,
    user: userByLogin(sim, urls, pr.user),
    body: pr.body,
    labels: issueLabels(urls, repo, pr),
    milestone: null,
    active_lock_reason: null,
    created_at: pr.createdAt,
    updated_at: pr.updatedAt,
    closed_at: pr.closedAt,
    merged_at: p.mergedAt,
    merge_commit_sha: p.mergeCommitSha,
    assignee: assignees[0] ?? null,
    assignees,
    requested_reviewers: p.requestedReviewers.map((r) => userByLogin(sim, urls, r)),
    requested_teams: p.requestedTeams.map((slug) =>
      renderTeam(urls, sim.teams.find((t) => t.slug === slug && t.org === repo.owner) ?? { org: repo.owner, slug, id: 0 }),
    ),
    head: side(sim, urls, repo, p.headRef, head),
    base: side(sim, urls, repo, p.baseRef, base),
    _links: links,
    author_association: associationOf(sim, repo, pr.user),
    auto_merge: p.autoMerge
      ? {
          enabled_by: userByLogin(sim, urls, p.autoMerge.enabledBy),
          merge_method: p.autoMerge.mergeMethod,
          commit_title: p.autoMerge.commitTitle,
          commit_message: p.autoMerge.commitMessage,
        }
      : null,
    draft: p.draft,
  };
}

/** The full `pull-request`: adds merge state and diff statistics computed with real git. */
export async function renderPull(sim: SimulatorState, urls: Urls, repo: RepoState, pr: PullIssue): Promise<Record<string, unknown>> {
  const simple = await renderPullSimple(sim, urls, repo, pr);
  const { head, base } = await pullShas(repo, pr);
  const p = pr.pull;
  const mergeBase = head && base ? await repo.git.mergeBase(base, head) : undefined;
  const commits = mergeBase ? (await repo.git.revList(head, base)).length : 0;
  const files = mergeBase ? await repo.git.diffFiles(mergeBase, head) : [];
  let mergeable: boolean | null = null;
  let mergeableState = 'unknown';
  if (pr.state === 'open') {
    mergeable = !!(head && base && (await repo.git.mergeTrees(base, head)));
    mergeableState = !mergeable ? 'dirty' : p.draft ? 'draft' : 'clean';
  }
  return {
    ...simple,
    merged: p.merged,
    mergeable,
    rebaseable: mergeable,
    mergeable_state: mergeableState,
    merged_by: p.mergedBy ? userByLogin(sim, urls, p.mergedBy) : null,
    comments: repo.comments.filter((c) => c.issueNumber === pr.number).length,
    review_comments: 0,
    maintainer_can_modify: p.maintainerCanModify,
    commits,
    additions: files.reduce((n, f) => n + f.additions, 0),
    deletions: files.reduce((n, f) => n + f.deletions, 0),
    changed_files: files.length,
  };
}
