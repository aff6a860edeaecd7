import type { GitHubClient } from '../github/octokit-client.js';

export interface PromotionPr {
  number: number;
  url: string;
  branch: string;
}

/**
 * The open pull requests whose branch is a promotion branch of this repo:
 * `promote/<from>-to-<to>` (every app) or `promote/<from>-to-<to>-<app>`.
 * One paginated list instead of a head-filtered call per pair and app.
 */
export async function listPromotionPrs(client: GitHubClient, owner: string, repo: string): Promise<PromotionPr[]> {
  const pulls = await client.paginate(client.rest.pulls.list, { owner, repo, state: 'open', per_page: 100 });
  return pulls
    .filter((pull) => pull.head.ref.startsWith('promote/') && (headRepository(pull) ?? `${owner}/${repo}`).toLowerCase() === `${owner}/${repo}`.toLowerCase())
    .map((pull) => ({ number: pull.number, url: pull.html_url, branch: pull.head.ref }));
}

/** `owner/name` of a pull request's head; GitHub sends a null repo once the head's fork is deleted, though Octokit's types say otherwise. */
function headRepository(pull: { head: { repo: { full_name: string } | null } }): string | undefined {
  return pull.head.repo?.full_name;
}

/** The promotion PR for an app from one environment to the next, if one is open. */
export function findPromotionPr(pulls: readonly PromotionPr[], from: string, to: string, app: string): PromotionPr | undefined {
  const pair = `promote/${from}-to-${to}`;
  return pulls.find((pull) => pull.branch === `${pair}-${app}`) ?? pulls.find((pull) => pull.branch === pair);
}
