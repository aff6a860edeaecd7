import * as core from '@actions/core';
import type { GitHubConnection } from './github-connection.js';
import type { PullRequest, Refusal } from './pull-requests.js';
import { retryUntilVisible } from './pull-requests.js';

const ENABLE_AUTO_MERGE = `mutation($id: ID!, $mergeMethod: PullRequestMergeMethod!) {
  enablePullRequestAutoMerge(input: {pullRequestId: $id, mergeMethod: $mergeMethod}) {
    pullRequest { number autoMergeRequest { mergeMethod } }
  }
}`;

/**
 * Turns on GitHub's auto-merge, so the PR merges once its checks and reviews
 * pass. When the repo does not allow it, the PR stays open for a person to
 * merge: auto-merge is never replaced by an immediate merge.
 */
export async function enableAutoMerge(github: GitHubConnection, pull: PullRequest, method: 'merge' | 'squash' | 'rebase'): Promise<Refusal[]> {
  if (pull.autoMerge) return [];
  try {
    await retryUntilVisible(() => github.client.graphql(ENABLE_AUTO_MERGE, { id: pull.nodeId, mergeMethod: method.toUpperCase() }));
    core.info(`Auto-merge (${method}) enabled on #${pull.number}.`);
    return [];
  } catch (error) {
    const why = graphqlMessage(error);
    const fix = /not allowed/i.test(why)
      ? `allow auto-merge in ${github.repository} (Settings → General → Pull Requests → Allow auto-merge), or set auto-merge: false; the pull request ` +
        `stays open for a manual merge`
      : /clean status|protected branch/i.test(why)
        ? 'auto-merge needs a branch protection rule with required checks or reviews on the base branch; the pull request can be merged now by hand'
        : 'check that the token has Pull requests: write and Contents: write on the config repo (run the check-setup command)';
    return [{ what: 'auto-merge', why, fix }];
  }
}

function graphqlMessage(error: unknown): string {
  const errors = (error as { errors?: Array<{ message?: string }> }).errors;
  if (Array.isArray(errors) && errors.length > 0) return errors.map((item) => item.message ?? '').join('; ');
  return error instanceof Error ? error.message : String(error);
}
