import type { GitHubConnection } from './github-connection.js';

export interface MarkedComment {
  /** What was written: a new comment, the earlier one changed, or nothing (it said this already). */
  action: 'created' | 'updated' | 'unchanged';
  url: string;
}

/**
 * One comment per marker on an issue or pull request: made the first time,
 * changed in place when a later run with the same marker has something else
 * to say, left alone when it says the same. `body` must carry `marker`.
 */
export async function upsertMarkedComment(github: GitHubConnection, issueNumber: number, marker: string, body: string): Promise<MarkedComment> {
  const where = { owner: github.owner, repo: github.repo };
  const comments = await github.client.paginate(github.client.rest.issues.listComments, { ...where, issue_number: issueNumber, per_page: 100 });
  const earlier = comments.find((comment) => comment.body?.includes(marker));
  if (earlier?.body === body) return { action: 'unchanged', url: earlier.html_url };
  if (earlier) {
    const { data } = await github.client.rest.issues.updateComment({ ...where, comment_id: earlier.id, body });
    return { action: 'updated', url: data.html_url };
  }
  const { data } = await github.client.rest.issues.createComment({ ...where, issue_number: issueNumber, body });
  return { action: 'created', url: data.html_url };
}
