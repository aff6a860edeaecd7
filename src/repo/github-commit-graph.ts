import type { GitHubClient } from '../github/octokit-client.js';
import { describeRequestError, statusOf } from '../github/request-errors.js';
import type { ChangedFiles, CommitGraph, CommitRelation, DatedCommit } from './commit-graph.js';

/** GitHub's compare answer lists at most this many changed files; a longer change is cut. */
export const COMPARE_FILE_LIMIT = 300;

/** One compare answer (`base...head`): GitHub's status and the files changed from the merge base to `head`. */
interface Comparison {
  /** 'ahead': `base` is an ancestor of `head`; 'behind': the other way round; 'identical' or 'diverged'. */
  status: string;
  changed: ChangedFiles;
}

/** `base...head`: 'ahead' means `head` is ahead, so `base` is its ancestor. */
const RELATION_BY_STATUS: Record<string, CommitRelation> = { identical: 'same', ahead: 'ancestor', behind: 'descendant', diverged: 'unrelated' };

/**
 * The config repo's history on GitHub, read through the REST API with no
 * clone: one compare request (repos/compare-commits-with-basehead) per pair
 * of commits answers both their relation and the files changed, and is kept;
 * a file's history is repos/list-commits with `path`, page by page; a file at
 * a commit is repos/get-content. A failed request is not kept, so the next
 * question asks again; Octokit's errors are thrown as they are.
 */
export class GitHubCommitGraph implements CommitGraph {
  readonly where: string;
  readonly holdsEveryCommit = true;
  private readonly comparisons = new Map<string, Promise<Comparison | undefined>>();

  constructor(
    private readonly client: GitHubClient,
    private readonly owner: string,
    private readonly repo: string,
  ) {
    this.where = `${owner}/${repo}`;
  }

  async resolve(ref: string): Promise<string | undefined> {
    try {
      const { data } = await this.client.rest.repos.getCommit({ owner: this.owner, repo: this.repo, ref });
      return data.sha;
    } catch (error) {
      // 404: no such commit; 422: a name that cannot be one ("No commit found for SHA: …").
      if (statusOf(error) === 404 || statusOf(error) === 422) return undefined;
      throw error;
    }
  }

  async relation(a: string, b: string): Promise<CommitRelation | undefined> {
    const comparison = await this.compare(a, b);
    return comparison && RELATION_BY_STATUS[comparison.status];
  }

  async changedFiles(from: string, to: string): Promise<ChangedFiles | undefined> {
    const comparison = await this.compare(from, to);
    if (comparison?.status === 'identical') return { files: [], renamedFrom: [], complete: true };
    return comparison?.status === 'ahead' ? comparison.changed : undefined;
  }

  async *fileHistory(head: string, file: string): AsyncIterable<DatedCommit> {
    const pages = this.client.paginate.iterator(this.client.rest.repos.listCommits, {
      owner: this.owner,
      repo: this.repo,
      sha: head,
      path: file,
      per_page: 100,
    });
    for await (const { data: commits } of pages) {
      for (const commit of commits) yield { sha: commit.sha, date: Date.parse(commit.commit.committer?.date ?? commit.commit.author?.date ?? '') };
    }
  }

  async fileAt(commit: string, file: string): Promise<string | undefined> {
    try {
      const { data } = await this.client.rest.repos.getContent({ owner: this.owner, repo: this.repo, path: file, ref: commit });
      // Files over 1 MB come without content (encoding "none"); no kustomization is that large.
      if (Array.isArray(data) || data.type !== 'file' || !('content' in data) || data.encoding !== 'base64') return undefined;
      return Buffer.from(data.content, 'base64').toString('utf8');
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /** One request per pair, shared by everyone asking at once; a failure is forgotten so the next question asks again. */
  private compare(base: string, head: string): Promise<Comparison | undefined> {
    const key = `${base}...${head}`;
    let pending = this.comparisons.get(key);
    if (!pending) {
      pending = this.requestComparison(base, head);
      this.comparisons.set(key, pending);
      pending.catch(() => this.comparisons.delete(key));
    }
    return pending;
  }

  /** undefined for a commit the repository does not have (404); unrelated histories (404 "No common ancestor") are 'diverged'. */
  private async requestComparison(base: string, head: string): Promise<Comparison | undefined> {
    try {
      // One page, the commits not needed: the status and the file list are the answer.
      const { data } = await this.client.rest.repos.compareCommitsWithBasehead({
        owner: this.owner,
        repo: this.repo,
        basehead: `${base}...${head}`,
        per_page: 1,
      });
      const listed = data.files ?? [];
      const renamedFrom = listed.flatMap((file) => (file.previous_filename ? [file.previous_filename] : []));
      return { status: data.status, changed: { files: listed.map((file) => file.filename), renamedFrom, complete: listed.length < COMPARE_FILE_LIMIT } };
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
      return /no common ancestor/i.test(describeRequestError(error))
        ? { status: 'diverged', changed: { files: [], renamedFrom: [], complete: true } }
        : undefined;
    }
  }
}
