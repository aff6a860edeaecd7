import type { GitHubConnection } from './github-connection.js';
import type { MergedPullRequest } from './pull-request-kinds.js';

/**
 * The merged pull requests GitHub links to a commit of the config repo: for
 * a commit on the default branch, the one that brought it in. Open pull
 * requests (GitHub lists those for a commit the default branch lacks) are
 * left out: nothing merged them.
 */
export async function mergedPullRequestsOf(github: GitHubConnection, sha: string): Promise<MergedPullRequest[]> {
  const { data } = await github.client.rest.repos.listPullRequestsAssociatedWithCommit({
    owner: github.owner,
    repo: github.repo,
    commit_sha: sha,
    per_page: 100,
  });
  return data
    .filter((pull) => pull.merged_at !== null && pull.merge_commit_sha)
    .map((pull) => ({
      number: pull.number,
      url: pull.html_url,
      title: pull.title,
      headRef: pull.head.ref,
      body: pull.body ?? '',
      mergeCommitSha: pull.merge_commit_sha ?? '',
    }));
}
