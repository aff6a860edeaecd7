import { UserError } from '../errors.js';
import type { Git } from '../repo/git.js';
import { HISTORY_LIMIT, imageValueIn, looksLikeCommit, type ConfigBranch, type ConfigHistory } from './config-history.js';
import type { ImageValue } from './drift-types.js';
import type { RevisionStanding } from './judge-drift.js';
import type { HistoryEntry } from './skew.js';

/** A checkout's history, read with git. */
export class GitConfigHistory implements ConfigHistory {
  private readonly standings = new Map<string, RevisionStanding>();

  private constructor(
    private readonly git: Git,
    private readonly head: string,
  ) {}

  /** The checkout as the one branch drift-check reads, named by the branch checked out (`detachedName` when detached). */
  static async open(git: Git, detachedName?: string): Promise<ConfigBranch> {
    if (!(await git.topLevel())) {
      throw new UserError(`drift-check needs a git checkout of the config repo at '${git.directory}' (input path), with its history (actions/checkout with fetch-depth: 0), or an empty path to read it through the GitHub API.`);
    }
    const branch = (await git.currentBranch()) || detachedName || 'HEAD';
    const [sha, date] = (await git.run(['log', '-1', '--format=%H%x09%cI', 'HEAD'])).split('\t') as [string, string];
    const shallow = (await git.tryRun(['rev-parse', '--is-shallow-repository'])) === 'true';
    return { root: git.directory, head: { branch, sha, committedAt: Date.parse(date) }, shallow, history: new GitConfigHistory(git, sha) };
  }

  async imageHistory(file: string, image: string, readsPast: (value: ImageValue | undefined) => boolean): Promise<HistoryEntry[]> {
    const log = await this.git.run(['log', `-n${HISTORY_LIMIT}`, '--format=%H%x09%cI', this.head, '--', file]);
    const entries: HistoryEntry[] = [];
    for (const line of log.split('\n').filter(Boolean)) {
      const [sha, date] = line.split('\t') as [string, string];
      const text = await this.git.tryRun(['show', `${sha}:${file}`]);
      const value = text === undefined ? undefined : imageValueIn(text, file, image);
      entries.push({ sha, date: Date.parse(date), value });
      if (!readsPast(value)) break;
    }
    return entries;
  }

  async standing(revision: string, paths: readonly string[]): Promise<RevisionStanding> {
    if (revision === this.head) return 'head';
    const key = `${revision}\0${paths.join('\0')}`;
    const known = this.standings.get(key);
    if (known) return known;
    let standing: RevisionStanding = 'unknown';
    const isAncestor = looksLikeCommit(revision) && (await this.git.exec(['merge-base', '--is-ancestor', revision, this.head])).exitCode === 0;
    if (isAncestor) {
      // The net change, as GitHub's compare API reports it: an edit reverted since does not count.
      const changed = paths.length > 0 && (await this.git.exec(['diff', '--quiet', revision, this.head, '--', ...paths])).exitCode === 1;
      standing = changed ? 'behind' : 'unchanged';
    }
    this.standings.set(key, standing);
    return standing;
  }
}
