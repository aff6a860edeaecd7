const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  sameBody
} from "./chunk-Y3AGFE2I.js";
import {
  addAssignees,
  addLabels,
  closeWithComment,
  createOrUpdatePullRequest,
  findOpenPullRequest,
  requestReviewers,
  retryUntilVisible
} from "./chunk-XRRH6I6C.js";
import {
  statusOf
} from "./chunk-ANR6TANQ.js";
import {
  info
} from "./chunk-NZZWJ5E7.js";

// src/repo/land-commit.ts
import { setTimeout as sleep } from "node:timers/promises";
async function landCommit(request) {
  const { repo, target } = request;
  const maxAttempts = request.maxAttempts ?? 15;
  let snapshot = request.snapshot;
  for (let attempt = 1; ; attempt++) {
    const applied = await request.apply(snapshot, attempt);
    if (applied.files.length === 0) {
      info("A concurrent run already landed these images (or higher versions); nothing left to commit.");
      return { changes: [], superseded: applied.superseded, commitSha: "", pushed: false, snapshot };
    }
    const landed = await repo.commit({ snapshot, files: applied.files, message: request.message(applied.changes), author: request.author, target });
    if (landed.outcome === "landed") {
      if (landed.pushed) info(`Landed ${landed.sha} on ${target.branch}${attempt > 1 ? ` (attempt ${attempt})` : ""}.`);
      return { changes: applied.changes, superseded: applied.superseded, commitSha: landed.sha, pushed: landed.pushed, snapshot };
    }
    if (attempt >= maxAttempts) {
      throw new Error(`${target.branch} kept moving: the update was refused ${attempt} times as not a fast-forward. Try again later.`);
    }
    info(`${target.branch} moved since it was read; re-applying the edit on the new head (attempt ${attempt + 1}).`);
    await sleep(raceRetryDelayMs(attempt));
    snapshot = await repo.reopen(target.branch);
  }
}
function raceRetryDelayMs(attempt, baseMs = 200, capMs = 3e3) {
  return Math.round(Math.random() * Math.min(capMs, baseMs * 2 ** (attempt - 1)));
}

// src/github/auto-merge.ts
var ENABLE_AUTO_MERGE = `mutation($id: ID!, $mergeMethod: PullRequestMergeMethod!) {
  enablePullRequestAutoMerge(input: {pullRequestId: $id, mergeMethod: $mergeMethod}) {
    pullRequest { number autoMergeRequest { mergeMethod } }
  }
}`;
async function enableAutoMerge(github, pull, method) {
  if (pull.autoMerge) return [];
  try {
    await retryUntilVisible(() => github.client.graphql(ENABLE_AUTO_MERGE, { id: pull.nodeId, mergeMethod: method.toUpperCase() }));
    info(`Auto-merge (${method}) enabled on #${pull.number}.`);
    return [];
  } catch (error) {
    const why = graphqlMessage(error);
    const fix = /not allowed/i.test(why) ? `allow auto-merge in ${github.repository} (Settings \u2192 General \u2192 Pull Requests \u2192 Allow auto-merge), or set auto-merge: false; the pull request stays open for a manual merge` : /clean status|protected branch/i.test(why) ? "auto-merge needs a branch protection rule with required checks or reviews on the base branch; the pull request can be merged now by hand" : "check that the token has Pull requests: write and Contents: write on the config repo (run the check-setup command)";
    return [{ what: "auto-merge", why, fix }];
  }
}
function graphqlMessage(error) {
  const errors = error.errors;
  if (Array.isArray(errors) && errors.length > 0) return errors.map((item) => item.message ?? "").join("; ");
  return error instanceof Error ? error.message : String(error);
}

// src/repo/blob-sha.ts
import { createHash } from "node:crypto";
function gitBlobSha(content) {
  const bytes = Buffer.from(content, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

// src/promote/promotion-pull-request.ts
async function landPromotionPullRequest(repo, github, snapshot, plan, settings, known) {
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
      target: { branch: plan.branch, mode: "force", exists: branch.exists, lease: leaseOf(branch) }
    });
    if (landed.outcome !== "landed") throw new Error(`Could not point ${plan.branch} at the promotion commit.`);
    commitSha = landed.sha;
    info(`${branch.exists ? "Updated" : "Created"} branch ${plan.branch} at ${commitSha}.`);
  } else {
    info(`Branch ${plan.branch} already holds this promotion; not rewriting it.`);
  }
  const { pull, created } = await createOrUpdatePullRequest(
    github,
    { head: plan.branch, base: plan.base, title: plan.title, body: plan.body, marker: plan.marker, ...settings, sameBody },
    existing
  );
  const refusals = [
    ...await addLabels(github, pull, settings.labels),
    ...await addAssignees(github, pull, settings.assignees),
    ...await requestReviewers(github, pull, settings.reviewers, settings.teamReviewers),
    ...settings.autoMerge ? await enableAutoMerge(github, pull, settings.mergeMethod) : []
  ];
  return { pull, created, moved: rewrite || created, commitSha, refusals };
}
async function closeEmptyPromotion(github, branch, marker, reason) {
  const existing = await findOpenPullRequest(github, branch, marker);
  if (existing) {
    await closeWithComment(github, existing, reason, branch);
    return existing.number;
  }
  try {
    await github.client.rest.git.getRef({ owner: github.owner, repo: github.repo, ref: `heads/${branch}` });
  } catch (error) {
    if (statusOf(error) === 404) return void 0;
    throw error;
  }
  await github.client.rest.git.deleteRef({ owner: github.owner, repo: github.repo, ref: `heads/${branch}` });
  info(`Deleted ${branch}, a promotion branch with nothing left to promote.`);
  return void 0;
}
async function branchChanges(github, base, branch) {
  try {
    const { data } = await github.client.rest.repos.compareCommitsWithBasehead({
      owner: github.owner,
      repo: github.repo,
      basehead: `${base}...${branch}`,
      per_page: 100
    });
    const head = data.commits.at(-1)?.sha ?? "";
    return {
      exists: true,
      head,
      files: new Map((data.files ?? []).filter((file) => file.status !== "removed").map((file) => [file.filename, file.sha ?? ""]))
    };
  } catch (error) {
    if (statusOf(error) === 404) return { exists: false, head: "", files: /* @__PURE__ */ new Map() };
    throw error;
  }
}
function leaseOf(branch) {
  if (!branch.exists) return "";
  return branch.head || void 0;
}
function sameFiles(present, planned) {
  const written = planned.filter((file) => !file.deleted);
  return present.size === written.length && written.every((file) => present.get(file.path) === gitBlobSha(file.content));
}

export {
  landCommit,
  landPromotionPullRequest,
  closeEmptyPromotion
};
