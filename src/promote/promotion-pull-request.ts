import * as core from '@actions/core';
import type { PullRequestSettings } from '../config/promotion-config.js';
import type { GitHubConnection } from '../github/github-connection.js';
import { enableAutoMerge } from '../github/auto-merge.js';
import {
  addAssignees,
  addLabels,
  closeWithComment,
  createOrUpdatePullRequest,
  findOpenPullRequest,
  requestReviewers,
  type PullRequest,
  type Refusal,
} from '../github/pull-requests.js';
import { statusOf } from '../github/request-errors.js';
import { gitBlobSha } from '../repo/blob-sha.js';
import type { ChangedFile, ConfigRepo, Snapshot } from '../repo/config-repo.js';
import type { Identity } from '../types.js';
import { sameBody } from '../report/pull-request-body.js';

/** What the promotion PR should say and who should see it. */
export interface PromotionPullRequestPlan {
  branch: string;
  base: string;
  marker: string;
  title: string;
  body: string;
  files: ChangedFile[];
  message: string;
  author: Identity;
}

/**
 * The promotion branch is the base head plus one commit with the edit. It is
 * rewritten only when its content differs from the edit planned now, so a
 * re-run with nothing new writes nothing; a branch left without a PR by a
 * failed run is picked up and gets its PR.
 */
export async function landPromotionPullRequest(
  repo: ConfigRepo,
  github: GitHubConnection,
  snapshot: Snapshot,
  plan: PromotionPullRequestPlan,
  settings: PullRequestSettings,
  /** The open PR, when the caller has already looked it up. */
  known?: { existing: PullRequest | undefined },
): Promise<{ pull: PullRequest; created: boolean; moved: boolean; commitSha: string; refusals: Refusal[] }> {
  const existing = known ? known.existing : await findOpenPullRequest(github, plan.branch, plan.marker);
  const branch = await branchChanges(github, snapshot.commit, plan.branch);
  let commitSha = branch.head;
  const rewrite = !branch.exists || !sameFiles(branch.files, plan.files);
  if (rewrite) {
    const landed = await repo.commit({
      snapshot,
      files: plan.files,
      message: plan.message,
      author: plan.author,
      target: { branch: plan.branch, mode: 'force', exists: branch.exists, lease: leaseOf(branch) },
    });
    if (landed.outcome !== 'landed') throw new Error(`Could not point ${plan.branch} at the promotion commit.`);
    commitSha = landed.sha;
    core.info(`${branch.exists ? 'Updated' : 'Created'} branch ${plan.branch} at ${commitSha}.`);
  } else {
    core.info(`Branch ${plan.branch} already holds this promotion; not rewriting it.`);
  }
  const { pull, created } = await createOrUpdatePullRequest(
    github,
    { head: plan.branch, base: plan.base, title: plan.title, body: plan.body, marker: plan.marker, ...settings, sameBody },
    existing,
  );
  const refusals = [
    ...(await addLabels(github, pull, settings.labels)),
    ...(await addAssignees(github, pull, settings.assignees)),
    ...(await requestReviewers(github, pull, settings.reviewers, settings.teamReviewers)),
    ...(settings.autoMerge ? await enableAutoMerge(github, pull, settings.mergeMethod) : []),
  ];
  // The images move when the branch does, or when a PR now proposes a branch that had none.
  return { pull, created, moved: rewrite || created, commitSha, refusals };
}

/** Nothing to promote: an open promotion PR has become empty, so it is closed with a comment, and its branch goes. */
export async function closeEmptyPromotion(github: GitHubConnection, branch: string, marker: string, reason: string): Promise<number | undefined> {
  const existing = await findOpenPullRequest(github, branch, marker);
  if (existing) {
    await closeWithComment(github, existing, reason, branch);
    return existing.number;
  }
  try {
    await github.client.rest.git.getRef({ owner: github.owner, repo: github.repo, ref: `heads/${branch}` });
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
  await github.client.rest.git.deleteRef({ owner: github.owner, repo: github.repo, ref: `heads/${branch}` });
  core.info(`Deleted ${branch}, a promotion branch with nothing left to promote.`);
  return undefined;
}

interface BranchChanges {
  exists: boolean;
  head: string;
  /** Path → blob sha of the files the branch changes since its merge base with `base`. */
  files: Map<string, string>;
}

/** One compare request tells whether the branch exists and what it changes. */
async function branchChanges(github: GitHubConnection, base: string, branch: string): Promise<BranchChanges> {
  try {
    const { data } = await github.client.rest.repos.compareCommitsWithBasehead({
      owner: github.owner,
      repo: github.repo,
      basehead: `${base}...${branch}`,
      per_page: 100,
    });
    const head = data.commits.at(-1)?.sha ?? '';
    return {
      exists: true,
      head,
      files: new Map((data.files ?? []).filter((file) => file.status !== 'removed').map((file) => [file.filename, file.sha ?? ''])),
    };
  } catch (error) {
    if (statusOf(error) === 404) return { exists: false, head: '', files: new Map() };
    throw error;
  }
}

/** The head a push may overwrite: '' for a branch that must not exist yet; unknown when the compare showed no commit of its own. */
function leaseOf(branch: BranchChanges): string | undefined {
  if (!branch.exists) return '';
  return branch.head || undefined;
}

export function sameFiles(present: ReadonlyMap<string, string>, planned: readonly ChangedFile[]): boolean {
  // A removed file (a released hold) is not among the branch's present files: only the written ones are compared.
  const written = planned.filter((file) => !file.deleted);
  return present.size === written.length && written.every((file) => present.get(file.path) === gitBlobSha(file.content));
}
