import type { ChangedFiles, CommitGraph, CommitRelation, DatedCommit } from './commit-graph.js';
import type { Git } from './git.js';

/** Only names that look like commits are looked up: a branch or tag name in a checkout may be behind the remote's. */
const COMMIT = /^[0-9a-f]{7,40}$/;

/** How many commits of a file one `git log` reads; the history is read page by page, only as far as the caller iterates. */
const LOG_PAGE = 100;

export interface GitCommitGraphOptions {
  /** The remote branches are resolved on (`<remote>/<ref>`), and fetched from when `fetchMissing` is set. */
  remote?: string;
  /**
   * Fetch once from the remote when the checkout lacks a commit asked about
   * (wait: a controller reports a commit pushed after the checkout). Off for
   * drift-check, which reads the checkout as it is.
   */
  fetchMissing?: boolean;
}

/** The config repo's history in a checkout, read with git: no request, no rate limit. */
export class GitCommitGraph implements CommitGraph {
  readonly where: string;
  readonly holdsEveryCommit = false;
  private readonly remote: string;
  /** Commits a fetch was made for: each missing commit costs one fetch at most. */
  private readonly fetchedFor = new Set<string>();

  constructor(
    private readonly git: Git,
    private readonly options: GitCommitGraphOptions = {},
  ) {
    this.where = `the checkout in ${git.directory}`;
    this.remote = options.remote ?? 'origin';
  }

  /** The remote's branch first (`origin/<ref>`: the local branch may be behind it), then the name as given. */
  async resolve(ref: string): Promise<string | undefined> {
    return (await this.git.revParse(`${this.remote}/${ref}`)) ?? (await this.git.revParse(ref));
  }

  async relation(a: string, b: string): Promise<CommitRelation | undefined> {
    const commits = await this.commits(a, b);
    if (!commits) return undefined;
    if (commits[0] === commits[1]) return 'same';
    if (await this.git.isAncestor(a, b)) return 'ancestor';
    if (await this.git.isAncestor(b, a)) return 'descendant';
    return 'unrelated';
  }

  async changedFiles(from: string, to: string): Promise<ChangedFiles | undefined> {
    if (!(await this.commits(from, to)) || !(await this.git.isAncestor(from, to))) return undefined;
    const changes = await this.git.diffTree(from, to);
    return {
      files: changes.map((change) => change.path),
      renamedFrom: changes.flatMap((change) => (change.renamedFrom === undefined ? [] : [change.renamedFrom])),
      complete: true,
    };
  }

  async *fileHistory(head: string, file: string): AsyncIterable<DatedCommit> {
    for (let skip = 0; ; skip += LOG_PAGE) {
      const page = await this.git.fileLog(head, file, { skip, max: LOG_PAGE });
      yield* page;
      if (page.length < LOG_PAGE) return;
    }
  }

  fileAt(commit: string, file: string): Promise<string | undefined> {
    return this.git.showFile(commit, file);
  }

  /** Both commits' full SHAs, after one fetch from the remote when the checkout lacks one (if allowed); undefined when one is still missing. */
  private async commits(a: string, b: string): Promise<[string, string] | undefined> {
    if (!COMMIT.test(a) || !COMMIT.test(b)) return undefined;
    const present = async (): Promise<[string | undefined, string | undefined]> => [await this.git.revParse(a), await this.git.revParse(b)];
    let [shaA, shaB] = await present();
    if (shaA && shaB) return [shaA, shaB];
    const missing = [shaA ? undefined : a, shaB ? undefined : b].filter((commit): commit is string => commit !== undefined);
    if (!this.options.fetchMissing || missing.every((commit) => this.fetchedFor.has(commit))) return undefined;
    for (const commit of missing) this.fetchedFor.add(commit);
    await this.git.fetch(this.remote);
    [shaA, shaB] = await present();
    return shaA && shaB ? [shaA, shaB] : undefined;
  }
}
