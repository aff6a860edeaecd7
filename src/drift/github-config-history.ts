import { compareCommits } from '../github/compare-commits.js';
import type { GitHubClient } from '../github/octokit-client.js';
import { statusOf } from '../github/request-errors.js';
import { HISTORY_LIMIT, imageValueIn, isUnder, looksLikeCommit, type ConfigHistory } from './config-history.js';
import type { ImageValue } from './drift-types.js';
import type { RevisionStanding } from './judge-drift.js';
import type { HistoryEntry } from './skew.js';

/**
 * One branch's history read through the GitHub REST API, with no clone: the
 * commits that touched a file (repos/list-commits with `path`), the file at
 * each of them (repos/get-content), read newest first only as far as the skew
 * needs, and a reported revision's standing from the compare API.
 */
export class GitHubConfigHistory implements ConfigHistory {
  private readonly standings = new Map<string, Promise<RevisionStanding>>();

  constructor(
    private readonly client: GitHubClient,
    private readonly owner: string,
    private readonly repo: string,
    private readonly head: string,
  ) {}

  async imageHistory(file: string, image: string, readsPast: (value: ImageValue | undefined) => boolean): Promise<HistoryEntry[]> {
    const entries: HistoryEntry[] = [];
    const pages = this.client.paginate.iterator(this.client.rest.repos.listCommits, { owner: this.owner, repo: this.repo, sha: this.head, path: file, per_page: 100 });
    for await (const { data: commits } of pages) {
      for (const commit of commits) {
        const text = await this.fileAt(commit.sha, file);
        const value = text === undefined ? undefined : imageValueIn(text, file, image);
        entries.push({ sha: commit.sha, date: Date.parse(commit.commit.committer?.date ?? commit.commit.author?.date ?? ''), value });
        if (!readsPast(value) || entries.length >= HISTORY_LIMIT) return entries;
      }
    }
    return entries;
  }

  standing(revision: string, paths: readonly string[]): Promise<RevisionStanding> {
    if (revision === this.head) return Promise.resolve('head');
    const key = `${revision}\0${paths.join('\0')}`;
    if (!this.standings.has(key)) this.standings.set(key, this.readStanding(revision, paths));
    return this.standings.get(key)!;
  }

  private async readStanding(revision: string, paths: readonly string[]): Promise<RevisionStanding> {
    if (!looksLikeCommit(revision)) return 'unknown';
    const comparison = await compareCommits(this.client, this.owner, this.repo, revision, this.head);
    if (!comparison || (comparison.status !== 'ahead' && comparison.status !== 'identical')) return 'unknown'; // not an ancestor of the head
    if (comparison.status === 'identical' || paths.length === 0) return 'unchanged';
    // A file moved out of an overlay changes it too: old names count.
    if (!comparison.filesCut) return [...comparison.files, ...comparison.renamedFrom].some((file) => isUnder(file, paths)) ? 'behind' : 'unchanged';
    // The file list is cut: ask, per path, whether the newest commit touching it is already in `revision`.
    for (const path of paths) {
      const { data: [newest] } = await this.client.rest.repos.listCommits({ owner: this.owner, repo: this.repo, sha: this.head, path, per_page: 1 });
      if (!newest) continue;
      const contained = await compareCommits(this.client, this.owner, this.repo, newest.sha, revision);
      if (contained?.status !== 'ahead' && contained?.status !== 'identical') return 'behind';
    }
    return 'unchanged';
  }

  /** A file's text at a commit, or undefined where the commit deleted it. */
  private async fileAt(commit: string, file: string): Promise<string | undefined> {
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
}
