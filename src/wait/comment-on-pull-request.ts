import * as core from '@actions/core';
import type { WaitTarget } from '../controllers/controller-targets.js';
import { shortSha } from '../controllers/wait-types.js';
import { upsertMarkedComment } from '../github/marked-comments.js';
import { mergedPullRequestsOf } from '../github/merged-pull-requests.js';
import { pickLandingPullRequest } from '../github/pull-request-kinds.js';
import { explainRefusedRead } from '../github/refused-read.js';
import { describeRequestError, statusOf } from '../github/request-errors.js';
import { waitCommentBody, waitCommentMarker } from './pull-request-comment-body.js';
import type { WaitContext } from './run-wait.js';
import type { PullRequestComment, WaitOutcome } from './wait-report.js';

const VERDICT_STANDS = "The wait's verdict is unchanged.";

/**
 * Comments the wait's outcome on the promotion or rollback PR that merged
 * the commit, once per run (a re-run updates that comment in place). A
 * comment is a courtesy: whatever goes wrong here is a notice or a warning,
 * never a failed wait.
 */
export async function commentOnMergedPullRequest(
  outcome: WaitOutcome,
  waited: { targets: readonly WaitTarget[]; environment: string },
  context: WaitContext,
): Promise<PullRequestComment | undefined> {
  const commit = shortSha(outcome.expected);
  const { repository, token } = context.target;
  const skip = !repository ? 'no repository names the config repo (set repository to owner/name)' : !token ? 'no token is given' : '';
  if (skip) {
    core.notice(`No comment on the pull request that merged ${commit}: ${skip}. Set comment-on-pr: false to do without.`);
    return undefined;
  }
  try {
    const github = await context.github.connect();
    const merged = await mergedPullRequestsOf(github, outcome.expected).catch((error: unknown) => {
      reportLookupFailure(error, commit, repository);
      return undefined;
    });
    if (!merged) return undefined;
    const pick = pickLandingPullRequest(merged, outcome.expected);
    if (!pick.kind) {
      core.info(`No pull request comment: ${pick.why} (${commit} in ${repository}).`);
      return undefined;
    }
    const { run } = context;
    const marker = waitCommentMarker(run.runId, waited.targets);
    const body = waitCommentBody(outcome, {
      marker,
      environment: waited.environment,
      commitUrl: (sha) => `${run.serverUrl}/${repository}/commit/${sha}`,
      runUrl: run.runUrl,
    });
    const written = await upsertMarkedComment(github, pick.pull.number, marker, body).catch((error: unknown) => {
      reportCommentFailure(error, pick.pull.number, repository);
      return undefined;
    });
    if (!written) return undefined;
    const said = { created: 'Commented the outcome on', updated: 'Updated the outcome comment on', unchanged: 'The outcome comment already says this on' };
    core.info(`${said[written.action]} ${pick.kind} pull request #${pick.pull.number}: ${written.url}`);
    return { number: pick.pull.number, kind: pick.kind, url: written.url, action: written.action };
  } catch (error) {
    core.warning(`Could not comment on the pull request that merged ${commit}: ${describeRequestError(error)}. ${VERDICT_STANDS}`);
    return undefined;
  }
}

function reportLookupFailure(error: unknown, commit: string, repository: string): void {
  // The commit is not in that repository: the workflow runs elsewhere (an app repo) and names no config repo.
  if (statusOf(error) === 422) {
    core.info(`No pull request comment: ${commit} is not a commit of ${repository} (422 ${describeRequestError(error)}).`);
    return;
  }
  core.warning(
    `Could not look for the pull request that merged ${commit}: ${refusal(error, repository, 'Pull requests: read', 'a read of')}. ${VERDICT_STANDS}`,
  );
}

function reportCommentFailure(error: unknown, number: number, repository: string): void {
  core.warning(`Could not comment on pull request #${number}: ${refusal(error, repository, 'Pull requests: write', 'a comment on')}. ${VERDICT_STANDS}`);
}

/** GitHub's refusal in the words every command uses (refused-read.ts), without its closing full stop. */
function refusal(error: unknown, repository: string, permissions: string, doing: string): string {
  return (explainRefusedRead(repository, error, permissions, doing)?.message ?? describeRequestError(error)).replace(/\.$/, '');
}
