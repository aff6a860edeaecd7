import type { GitHubClient } from './octokit-client.js';
import { describeRequestError, statusOf } from './request-errors.js';

/** GitHub's compare answer lists at most this many changed files; a longer change is cut. */
export const COMPARE_FILE_LIMIT = 300;

export interface Comparison {
  /** 'ahead': `base` is an ancestor of `head`; 'behind': the other way round; 'identical' or 'diverged'. */
  status: string;
  /** The files changed from the merge base to `head` (a rename by its new name). */
  files: string[];
  /** The old names of renamed files. */
  renamedFrom: string[];
  /** The file list reached GitHub's limit, so it may be cut. */
  filesCut: boolean;
}

/** Commits with no common ancestor: GitHub answers 404 "No common ancestor between …", both being in the repository. */
const UNRELATED: Comparison = { status: 'diverged', files: [], renamedFrom: [], filesCut: false };

/** repos/compare-commits-with-basehead (one page, the commits not needed); undefined for a commit the repository does not have (404); unrelated histories are 'diverged'. */
export async function compareCommits(client: GitHubClient, owner: string, repo: string, base: string, head: string): Promise<Comparison | undefined> {
  try {
    const { data } = await client.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${base}...${head}`, per_page: 1 });
    const listed = data.files ?? [];
    const renamedFrom = listed.flatMap((file) => (file.previous_filename ? [file.previous_filename] : []));
    return { status: data.status, files: listed.map((file) => file.filename), renamedFrom, filesCut: listed.length >= COMPARE_FILE_LIMIT };
  } catch (error) {
    if (statusOf(error) === 404) return /no common ancestor/i.test(describeRequestError(error)) ? UNRELATED : undefined;
    throw error;
  }
}
