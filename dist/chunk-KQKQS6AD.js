const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  teamSlug
} from "./chunk-XRRH6I6C.js";
import {
  describeRequestError,
  statusOf
} from "./chunk-ANR6TANQ.js";
import {
  UserError
} from "./chunk-KBKTDO2V.js";

// src/github/setup-checks.ts
async function gatherSetupFacts(github, needs) {
  const { client, owner, repo } = github;
  const facts = {
    repository: github.repository,
    repoAccess: "ok",
    canPush: false,
    autoMergeAllowed: false,
    installationToken: false,
    actionsCanCreatePullRequests: void 0,
    invisibleTeams: []
  };
  try {
    const { data } = await client.rest.repos.get({ owner, repo });
    facts.canPush = data.permissions?.push ?? false;
    facts.autoMergeAllowed = data.allow_auto_merge ?? false;
  } catch (error) {
    const status = statusOf(error);
    facts.repoAccess = status === 401 ? "bad-credentials" : status === 403 ? "forbidden" : status === 404 ? "not-found" : (() => {
      throw error;
    })();
    return facts;
  }
  facts.installationToken = await statusOfCall(() => client.rest.users.getAuthenticated()) === 403;
  try {
    const { data } = await client.rest.actions.getGithubActionsDefaultWorkflowPermissionsRepository({ owner, repo });
    facts.actionsCanCreatePullRequests = data.can_approve_pull_request_reviews;
  } catch (error) {
    if (statusOf(error) !== 403 && statusOf(error) !== 404) throw error;
  }
  for (const team of needs.teamReviewers) {
    if (await statusOfCall(() => client.rest.teams.getByName({ org: owner, team_slug: teamSlug(team) })) === 404) facts.invisibleTeams.push(team);
  }
  return facts;
}
async function statusOfCall(call) {
  try {
    await call();
    return 200;
  } catch (error) {
    const status = statusOf(error);
    if (status === void 0) throw error;
    return status;
  }
}
var APP_TOKEN_FIX = "use a GitHub App installation token (actions/create-github-app-token) or a fine-grained personal access token with Contents: write and Pull requests: write on it";
function judgeSetup(facts, needs) {
  const { repository } = facts;
  const crossRepo = needs.workflowRepository !== "" && needs.workflowRepository.toLowerCase() !== repository.toLowerCase();
  if (facts.repoAccess === "bad-credentials")
    return [{ level: "error", message: `The token was refused (401 Bad credentials): it is wrong or expired; pass a valid one in the token input.` }];
  if (facts.repoAccess !== "ok") {
    const why = crossRepo ? ` A workflow's GITHUB_TOKEN reaches only its own repository (${needs.workflowRepository}), never another one;` : "";
    return [{ level: "error", message: `The token cannot see ${repository}.${why} ${APP_TOKEN_FIX}.`.replace(/\s+/g, " ") }];
  }
  const findings = [{ level: "ok", message: `The token can read ${repository}.` }];
  if (!facts.canPush) {
    findings.push({
      level: "error",
      message: crossRepo && facts.installationToken ? `The token cannot push to ${repository}: a workflow's GITHUB_TOKEN can write only to its own repository (${needs.workflowRepository}); ${APP_TOKEN_FIX}.` : `The token can read ${repository} but not push to it; give it Contents: write (and Pull requests: write), or ${APP_TOKEN_FIX}.`
    });
  } else {
    findings.push({ level: "ok", message: `The token can push to ${repository}.` });
  }
  if (needs.pullRequests) findings.push(...judgePullRequests(facts, crossRepo));
  if (needs.autoMerge) {
    findings.push(
      facts.autoMergeAllowed ? { level: "ok", message: `Auto-merge is allowed in ${repository}.` } : {
        level: "warning",
        message: `Auto-merge is not allowed in ${repository}; switch on Settings \u2192 General \u2192 Pull Requests \u2192 Allow auto-merge, or set auto-merge: false. Promotion PRs will wait for a manual merge.`
      }
    );
  }
  for (const team of needs.teamReviewers) {
    findings.push(
      facts.invisibleTeams.includes(team) ? {
        level: "warning",
        message: `The token cannot see team ${team}: the team must exist and have access to ${repository}, and the token must read the organisation's teams (GitHub App with Members: read; a GITHUB_TOKEN cannot). Other reviewers are still requested.`
      } : { level: "ok", message: `The token can see team ${team}, to request its review.` }
    );
  }
  return findings;
}
function judgePullRequests(facts, crossRepo) {
  const findings = [];
  if (facts.installationToken && !crossRepo) {
    findings.push({
      level: "warning",
      message: `If this is the workflow's GITHUB_TOKEN: pull requests it opens start no workflows, so required checks never run and the PR cannot merge; ${APP_TOKEN_FIX}.`
    });
  } else if (!facts.installationToken) {
    findings.push({ level: "ok", message: "The token is not a GITHUB_TOKEN, so the pull requests it opens start workflows (required checks run)." });
  }
  if (facts.actionsCanCreatePullRequests === false && facts.installationToken) {
    findings.push({
      level: "error",
      message: `"Allow GitHub Actions to create and approve pull requests" is off for ${facts.repository}, so a GITHUB_TOKEN cannot open the promotion PR; switch it on (Settings \u2192 Actions \u2192 General \u2192 Workflow permissions), or use a GitHub App token.`
    });
  } else if (facts.actionsCanCreatePullRequests === true) {
    findings.push({ level: "ok", message: `GitHub Actions may create pull requests in ${facts.repository}.` });
  }
  return findings;
}
async function explainRefusedWrite(github, error) {
  const refused = `GitHub refused a request to ${github.repository} (${statusOf(error)} ${describeRequestError(error)})`;
  try {
    const needs = { pullRequests: true, autoMerge: false, teamReviewers: [], workflowRepository: github.workflowRepository };
    const problems = judgeSetup(await gatherSetupFacts(github, needs), needs).filter((finding) => finding.level !== "ok");
    if (/not permitted to create or approve pull requests/i.test(describeRequestError(error))) {
      return new UserError(
        `${refused}. "Allow GitHub Actions to create and approve pull requests" is off for ${github.repository}: switch it on (Settings \u2192 Actions \u2192 General), or use a GitHub App token. The branch was pushed; the next run opens its PR.`
      );
    }
    return new UserError(`${refused}. ${problems.map((finding) => finding.message).join(" ") || "Run the check-setup command to see what the token may do."}`);
  } catch {
    return new UserError(`${refused}. Run the check-setup command to see what the token may do.`);
  }
}

export {
  gatherSetupFacts,
  judgeSetup,
  explainRefusedWrite
};
