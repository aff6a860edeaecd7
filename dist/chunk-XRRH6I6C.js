const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  sentence
} from "./chunk-WACLQDPL.js";
import {
  describeRequestError,
  statusOf
} from "./chunk-ANR6TANQ.js";
import {
  info
} from "./chunk-NZZWJ5E7.js";
import {
  UserError
} from "./chunk-KBKTDO2V.js";

// src/github/pull-requests.ts
import { setTimeout as sleep } from "node:timers/promises";
function describeRefusal(refusal) {
  return `GitHub refused ${refusal.what}: ${sentence(refusal.why)} To fix: ${sentence(refusal.fix)}`;
}
function toPullRequest(raw) {
  return {
    number: raw.number,
    url: raw.html_url,
    nodeId: raw.node_id,
    author: raw.user?.login ?? "",
    title: raw.title,
    body: raw.body ?? "",
    headSha: raw.head.sha,
    labels: raw.labels.map((label) => typeof label === "string" ? label : label.name ?? ""),
    reviewers: (raw.requested_reviewers ?? []).map((user) => user.login),
    teams: (raw.requested_teams ?? []).map((team) => team.slug),
    assignees: (raw.assignees ?? []).map((user) => user.login),
    autoMerge: raw.auto_merge !== null && raw.auto_merge !== void 0
  };
}
async function findOpenPullRequest(github, head, marker) {
  const { data } = await github.client.rest.pulls.list({
    owner: github.owner,
    repo: github.repo,
    state: "open",
    head: `${github.owner}:${head}`,
    per_page: 100
  });
  const pulls = data.map(toPullRequest);
  const ours = pulls.find((pull) => pull.body.includes(marker));
  if (!ours && pulls.length > 0) {
    throw new UserError(
      `Branch ${head} already has pull request #${pulls[0].number}, which gitops-promote did not open (its body lacks the marker); close it or delete the branch, then run again.`
    );
  }
  return ours;
}
async function createOrUpdatePullRequest(github, spec, existing) {
  if (existing) return { pull: await updatePullRequest(github, existing, spec), created: false };
  try {
    const { data } = await github.client.rest.pulls.create({
      owner: github.owner,
      repo: github.repo,
      head: spec.head,
      base: spec.base,
      title: spec.title,
      body: spec.body,
      draft: spec.draft
    });
    info(`Opened pull request #${data.number}: ${data.html_url}`);
    return { pull: toPullRequest(data), created: true };
  } catch (error) {
    if (statusOf(error) === 422 && /already exists/i.test(describeRequestError(error))) {
      const raced = await findOpenPullRequest(github, spec.head, spec.marker);
      if (raced) return { pull: await updatePullRequest(github, raced, spec), created: false };
    }
    throw error;
  }
}
async function updatePullRequest(github, pull, spec) {
  const same = spec.sameBody ?? ((present, planned) => present === planned);
  if (pull.title === spec.title && same(pull.body, spec.body)) return pull;
  const { data } = await github.client.rest.pulls.update({
    owner: github.owner,
    repo: github.repo,
    pull_number: pull.number,
    title: spec.title,
    body: spec.body
  });
  info(`Updated pull request #${pull.number}.`);
  return toPullRequest(data);
}
function addLabels(github, pull, labels) {
  const add = (missing) => github.client.rest.issues.addLabels({ owner: github.owner, repo: github.repo, issue_number: pull.number, labels: missing });
  return addMissing("labels", labels, pull.labels, add, "give the token issues: write (or pull-requests: write) on the config repo");
}
function addAssignees(github, pull, assignees) {
  const add = (missing) => github.client.rest.issues.addAssignees({ owner: github.owner, repo: github.repo, issue_number: pull.number, assignees: missing });
  return addMissing("assignees", assignees, pull.assignees, add, "assign only people with access to the config repo");
}
async function addMissing(what, wanted, present, add, fix) {
  const missing = wanted.filter((name) => !present.some((have) => have.toLowerCase() === name.toLowerCase()));
  if (missing.length === 0) return [];
  try {
    await add(missing);
    return [];
  } catch (error) {
    return [{ what: `${what} ${missing.join(", ")}`, why: describeRequestError(error), fix }];
  }
}
async function requestReviewers(github, pull, users, teams) {
  const wantedUsers = users.filter(
    (login) => login.toLowerCase() !== pull.author.toLowerCase() && !pull.reviewers.some((r) => r.toLowerCase() === login.toLowerCase())
  );
  const wantedTeams = teams.map(teamSlug).filter((slug) => !pull.teams.includes(slug));
  const skippedAuthor = users.some((login) => login.toLowerCase() === pull.author.toLowerCase());
  if (skippedAuthor) info(`${pull.author} opened the pull request, so is not requested as its reviewer.`);
  if (wantedUsers.length === 0 && wantedTeams.length === 0) return [];
  const ask = (reviewers, team_reviewers) => retryUntilVisible(
    () => github.client.rest.pulls.requestReviewers({ owner: github.owner, repo: github.repo, pull_number: pull.number, reviewers, team_reviewers })
  );
  try {
    await ask(wantedUsers, wantedTeams);
    return [];
  } catch (error) {
    if (statusOf(error) !== 422) throw error;
  }
  const refusals = [];
  const parts = [
    ...wantedUsers.length > 0 ? [[wantedUsers, []]] : [],
    ...wantedTeams.map((team) => [[], [team]])
  ];
  for (const [reviewers, team_reviewers] of parts) {
    try {
      await ask(reviewers, team_reviewers);
    } catch (error) {
      if (statusOf(error) !== 422) throw error;
      refusals.push(reviewerRefusal(github, reviewers, team_reviewers, describeRequestError(error)));
    }
  }
  return refusals;
}
function reviewerRefusal(github, users, teams, why) {
  if (teams.length > 0) {
    return {
      what: `team reviewer ${teams.map((team) => `@${github.owner}/${team}`).join(", ")}`,
      why,
      fix: `check that the team exists, has access to ${github.repository}, and that the token can read the organisation's teams (a GitHub App with Members: read, or a fine-grained token with organisation Members: read; a workflow's GITHUB_TOKEN cannot)`
    };
  }
  return {
    what: `reviewers ${users.join(", ")}`,
    why,
    fix: `make them collaborators of ${github.repository} (read access at least), or remove them from reviewers`
  };
}
function teamSlug(team) {
  const name = team.replace(/^@/, "");
  return name.slice(name.lastIndexOf("/") + 1);
}
async function closeWithComment(github, pull, comment, branch) {
  await github.client.rest.issues.createComment({ owner: github.owner, repo: github.repo, issue_number: pull.number, body: comment });
  await github.client.rest.pulls.update({ owner: github.owner, repo: github.repo, pull_number: pull.number, state: "closed" });
  try {
    await github.client.rest.git.deleteRef({ owner: github.owner, repo: github.repo, ref: `heads/${branch}` });
  } catch (error) {
    if (statusOf(error) !== 422 && statusOf(error) !== 404) throw error;
  }
  info(`Closed pull request #${pull.number}: ${comment}`);
}
async function retryUntilVisible(work, attempts = 5, baseMs = 250) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !/could not resolve to a node/i.test(describeRequestError(error))) throw error;
      await sleep(baseMs * 2 ** (attempt - 1));
    }
  }
}

export {
  describeRefusal,
  findOpenPullRequest,
  createOrUpdatePullRequest,
  addLabels,
  addAssignees,
  requestReviewers,
  teamSlug,
  closeWithComment,
  retryUntilVisible
};
