import * as core from '@actions/core';
import { setTimeout as sleep } from 'node:timers/promises';
import { UserError } from '../errors.js';
import type { GitHubConnection } from './github-connection.js';
import { describeRequestError, statusOf } from './request-errors.js';
import { sentence } from '../text/wording.js';

/**
 * Every pull request operation of the action: find a run's PR by its branch
 * and marker, create or update it, and add reviewers, labels and assignees
 * without ever resetting what people added by hand. A part GitHub refuses is
 * returned as a `Refusal`, so the PR is still made and the step can warn.
 */

export interface PullRequestSpec {
  head: string;
  base: string;
  title: string;
  body: string;
  /** The hidden marker the body carries. */
  marker: string;
  draft: boolean;
  reviewers: string[];
  teamReviewers: string[];
  labels: string[];
  assignees: string[];
  /** Whether the body on GitHub already says what `body` says (a run link alone is not news); equality when not given. */
  sameBody?: (present: string, planned: string) => boolean;
}

export interface PullRequest {
  number: number;
  url: string;
  nodeId: string;
  author: string;
  title: string;
  body: string;
  headSha: string;
  labels: string[];
  reviewers: string[];
  teams: string[];
  assignees: string[];
  autoMerge: boolean;
}

/** Something GitHub would not do, with the fix. */
export interface Refusal {
  what: string;
  why: string;
  fix: string;
}

/** `GitHub refused labels x: why. To fix: how.`, each part ending once whatever GitHub's text ends with. */
export function describeRefusal(refusal: Refusal): string {
  return `GitHub refused ${refusal.what}: ${sentence(refusal.why)} To fix: ${sentence(refusal.fix)}`;
}

type RawPull = {
  number: number;
  html_url: string;
  node_id: string;
  user: { login: string } | null;
  title: string;
  body: string | null;
  head: { sha: string };
  labels: Array<{ name?: string } | string>;
  requested_reviewers?: Array<{ login: string }> | null;
  requested_teams?: Array<{ slug: string }> | null;
  assignees?: Array<{ login: string }> | null;
  auto_merge: unknown;
};

export function toPullRequest(raw: RawPull): PullRequest {
  return {
    number: raw.number,
    url: raw.html_url,
    nodeId: raw.node_id,
    author: raw.user?.login ?? '',
    title: raw.title,
    body: raw.body ?? '',
    headSha: raw.head.sha,
    labels: raw.labels.map((label) => (typeof label === 'string' ? label : (label.name ?? ''))),
    reviewers: (raw.requested_reviewers ?? []).map((user) => user.login),
    teams: (raw.requested_teams ?? []).map((team) => team.slug),
    assignees: (raw.assignees ?? []).map((user) => user.login),
    autoMerge: raw.auto_merge !== null && raw.auto_merge !== undefined,
  };
}

/** The open PR from `head` that carries the marker; only an open PR is ever reused. */
export async function findOpenPullRequest(github: GitHubConnection, head: string, marker: string): Promise<PullRequest | undefined> {
  const { data } = await github.client.rest.pulls.list({
    owner: github.owner,
    repo: github.repo,
    state: 'open',
    head: `${github.owner}:${head}`,
    per_page: 100,
  });
  const pulls = (data as unknown as RawPull[]).map(toPullRequest);
  const ours = pulls.find((pull) => pull.body.includes(marker));
  if (!ours && pulls.length > 0) {
    throw new UserError(
      `Branch ${head} already has pull request #${pulls[0].number}, which gitops-promote did not open (its body lacks the marker); close it or delete ` +
        `the branch, then run again.`,
    );
  }
  return ours;
}

/** Opens the PR, or, when one already exists (another run was first), updates that one. */
export async function createOrUpdatePullRequest(
  github: GitHubConnection,
  spec: PullRequestSpec,
  existing: PullRequest | undefined,
): Promise<{ pull: PullRequest; created: boolean }> {
  if (existing) return { pull: await updatePullRequest(github, existing, spec), created: false };
  try {
    const { data } = await github.client.rest.pulls.create({
      owner: github.owner,
      repo: github.repo,
      head: spec.head,
      base: spec.base,
      title: spec.title,
      body: spec.body,
      draft: spec.draft,
    });
    core.info(`Opened pull request #${data.number}: ${data.html_url}`);
    return { pull: toPullRequest(data), created: true };
  } catch (error) {
    if (statusOf(error) === 422 && /already exists/i.test(describeRequestError(error))) {
      const raced = await findOpenPullRequest(github, spec.head, spec.marker);
      if (raced) return { pull: await updatePullRequest(github, raced, spec), created: false };
    }
    throw error;
  }
}

/** Updates title and body only when they say something new (the run link alone is not news). */
export async function updatePullRequest(github: GitHubConnection, pull: PullRequest, spec: PullRequestSpec): Promise<PullRequest> {
  const same = spec.sameBody ?? ((present: string, planned: string) => present === planned);
  if (pull.title === spec.title && same(pull.body, spec.body)) return pull;
  const { data } = await github.client.rest.pulls.update({
    owner: github.owner,
    repo: github.repo,
    pull_number: pull.number,
    title: spec.title,
    body: spec.body,
  });
  core.info(`Updated pull request #${pull.number}.`);
  return toPullRequest(data);
}

/** Labels are added, never reset (people add their own); GitHub creates the missing ones. */
export function addLabels(github: GitHubConnection, pull: PullRequest, labels: readonly string[]): Promise<Refusal[]> {
  const add = (missing: string[]) =>
    github.client.rest.issues.addLabels({ owner: github.owner, repo: github.repo, issue_number: pull.number, labels: missing });
  return addMissing('labels', labels, pull.labels, add, 'give the token issues: write (or pull-requests: write) on the config repo');
}

export function addAssignees(github: GitHubConnection, pull: PullRequest, assignees: readonly string[]): Promise<Refusal[]> {
  const add = (missing: string[]) =>
    github.client.rest.issues.addAssignees({ owner: github.owner, repo: github.repo, issue_number: pull.number, assignees: missing });
  return addMissing('assignees', assignees, pull.assignees, add, 'assign only people with access to the config repo');
}

/** Adds what the PR lacks of `wanted` (names compared without case); a refusal is returned, not thrown: the PR stays made. */
async function addMissing(
  what: string,
  wanted: readonly string[],
  present: readonly string[],
  add: (missing: string[]) => Promise<unknown>,
  fix: string,
): Promise<Refusal[]> {
  const missing = wanted.filter((name) => !present.some((have) => have.toLowerCase() === name.toLowerCase()));
  if (missing.length === 0) return [];
  try {
    await add(missing);
    return [];
  } catch (error) {
    return [{ what: `${what} ${missing.join(', ')}`, why: describeRequestError(error), fix }];
  }
}

/**
 * Requests the reviewers not yet requested, leaving out the PR's author (GitHub
 * refuses them). When GitHub refuses the request, each team and the users are
 * asked for separately, so one unknown team does not drop the others.
 */
export async function requestReviewers(github: GitHubConnection, pull: PullRequest, users: readonly string[], teams: readonly string[]): Promise<Refusal[]> {
  const wantedUsers = users.filter(
    (login) => login.toLowerCase() !== pull.author.toLowerCase() && !pull.reviewers.some((r) => r.toLowerCase() === login.toLowerCase()),
  );
  const wantedTeams = teams.map(teamSlug).filter((slug) => !pull.teams.includes(slug));
  const skippedAuthor = users.some((login) => login.toLowerCase() === pull.author.toLowerCase());
  if (skippedAuthor) core.info(`${pull.author} opened the pull request, so is not requested as its reviewer.`);
  if (wantedUsers.length === 0 && wantedTeams.length === 0) return [];
  const ask = (reviewers: string[], team_reviewers: string[]) =>
    retryUntilVisible(() =>
      github.client.rest.pulls.requestReviewers({ owner: github.owner, repo: github.repo, pull_number: pull.number, reviewers, team_reviewers }),
    );
  try {
    await ask(wantedUsers, wantedTeams);
    return [];
  } catch (error) {
    if (statusOf(error) !== 422) throw error;
  }
  const refusals: Refusal[] = [];
  const parts: Array<[string[], string[]]> = [
    ...(wantedUsers.length > 0 ? [[wantedUsers, []] as [string[], string[]]] : []),
    ...wantedTeams.map((team) => [[], [team]] as [string[], string[]]),
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

function reviewerRefusal(github: GitHubConnection, users: string[], teams: string[], why: string): Refusal {
  if (teams.length > 0) {
    return {
      what: `team reviewer ${teams.map((team) => `@${github.owner}/${team}`).join(', ')}`,
      why,
      fix:
        `check that the team exists, has access to ${github.repository}, and that the token can read the organisation's teams (a GitHub App with ` +
        `Members: read, or a fine-grained token with organisation Members: read; a workflow's GITHUB_TOKEN cannot)`,
    };
  }
  return {
    what: `reviewers ${users.join(', ')}`,
    why,
    fix: `make them collaborators of ${github.repository} (read access at least), or remove them from reviewers`,
  };
}

/** `acme/platform` and `@acme/platform` name the team `platform`. */
export function teamSlug(team: string): string {
  const name = team.replace(/^@/, '');
  return name.slice(name.lastIndexOf('/') + 1);
}

/** Closes a PR that has nothing left to promote, saying why, and deletes its branch. */
export async function closeWithComment(github: GitHubConnection, pull: PullRequest, comment: string, branch: string): Promise<void> {
  await github.client.rest.issues.createComment({ owner: github.owner, repo: github.repo, issue_number: pull.number, body: comment });
  await github.client.rest.pulls.update({ owner: github.owner, repo: github.repo, pull_number: pull.number, state: 'closed' });
  try {
    await github.client.rest.git.deleteRef({ owner: github.owner, repo: github.repo, ref: `heads/${branch}` });
  } catch (error) {
    if (statusOf(error) !== 422 && statusOf(error) !== 404) throw error;
  }
  core.info(`Closed pull request #${pull.number}: ${comment}`);
}

/**
 * GitHub creates a PR's node a moment after answering its creation; a request
 * made in that moment answers "Could not resolve to a node". Try again a few times.
 */
export async function retryUntilVisible<T>(work: () => Promise<T>, attempts = 5, baseMs = 250): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !/could not resolve to a node/i.test(describeRequestError(error))) throw error;
      await sleep(baseMs * 2 ** (attempt - 1));
    }
  }
}
