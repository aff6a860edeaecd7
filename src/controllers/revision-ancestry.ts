import * as core from '@actions/core';
import { InputError, UserError } from '../errors.js';
import type { GitHubClient } from '../github/octokit-client.js';
import type { Git } from '../repo/git.js';
import { compareCommits, type Comparison } from '../github/compare-commits.js';
import { describeRequestError, statusOf } from '../github/request-errors.js';
import { shortSha, type RevisionKnowledge, type RevisionRelation } from './wait-types.js';

export interface AncestrySources {
  /** A checkout of the config repo (`path`), asked first: no request, no rate limit. */
  git?: Git;
  /** The config repo on GitHub, for commits the checkout does not have. */
  github?: { client: GitHubClient; owner: string; repo: string };
}

/**
 * Learns how revisions a controller reports relate to the expected commit: a
 * newer revision counts only when the expected commit is its ancestor, since
 * on a shared branch someone else's push can land right after ours.
 */
export class RevisionAncestry implements RevisionKnowledge {
  readonly relations = new Map<string, RevisionRelation>();
  readonly changedFiles = new Map<string, readonly string[] | null>();
  /** Why the last lookup of a revision failed for now (a GitHub 5xx, say), for the progress line. */
  readonly lookupFailures = new Map<string, string>();
  private readonly lookups = new Map<string, Promise<void>>();
  private readonly comparisons = new Map<string, Promise<Comparison | undefined>>();
  private readonly fetched = new Set<string>();

  constructor(
    readonly expected: string,
    private readonly sources: AncestrySources,
  ) {}

  /** Learns how each revision relates to the expected commit. */
  learn(revisions: readonly string[]): Promise<void> {
    return this.once('relation', revisions.filter((revision) => revision !== this.expected), async (revision) => {
      const relation = (await this.fromGit(revision)) ?? (await this.fromGitHub(revision)) ?? 'unknown';
      core.debug(`Revision ${revision} relative to ${this.expected}: ${relation}`);
      this.relations.set(revision, relation);
    });
  }

  /** Learns which files changed from each older `revision` to the expected commit (renames by their new name, as Argo CD lists them). */
  learnChangedFiles(revisions: readonly string[]): Promise<void> {
    return this.once('files', revisions, async (revision) => {
      const files = (await this.changedInGit(revision)) ?? (await this.changedOnGitHub(revision)) ?? null;
      core.debug(`Files changed from ${revision} to ${this.expected}: ${files === null ? 'unknown' : files.length}`);
      this.changedFiles.set(revision, files);
    });
  }

  /**
   * Runs `lookup` once per revision and kind: the stream, polls and refresh
   * answers judge at once, and one request serves them all. A lookup that
   * failed for a passing reason is forgotten, so the next judgement asks again.
   */
  private async once(kind: string, revisions: readonly string[], lookup: (revision: string) => Promise<void>): Promise<void> {
    for (const revision of revisions) {
      const key = `${kind}:${revision}`;
      if (!this.lookups.has(key)) {
        const pending = lookup(revision).then(
          () => void this.lookupFailures.delete(revision),
          (error: unknown) => {
            this.lookups.delete(key);
            // A refusal (wrong repository, a token that may not read it) does not pass: the wait ends with it.
            if (error instanceof UserError) throw error;
            this.lookupFailures.set(revision, (error as Error).message);
            core.debug(`Looking up ${kind} of ${revision} failed for now (${(error as Error).message}); asking again later`);
          },
        );
        this.lookups.set(key, pending);
      }
      await this.lookups.get(key);
    }
  }

  private async changedInGit(revision: string): Promise<string[] | undefined> {
    const git = this.sources.git;
    if (!git || !/^[0-9a-f]{40}$/.test(revision) || !(await this.hasCommits(git, revision))) return undefined;
    const diff = await git.exec(['diff', '--name-only', '--find-renames', revision, this.expected]);
    return diff.exitCode === 0 ? diff.stdout.split('\n').filter(Boolean) : undefined;
  }

  private async changedOnGitHub(revision: string): Promise<string[] | undefined> {
    const comparison = await this.compareOnGitHub(revision);
    // Only an ancestor's files lead to the expected commit; a cut file list cannot prove a path untouched.
    return comparison && comparison.status === 'ahead' && !comparison.filesCut ? comparison.files : undefined;
  }

  private async fromGit(revision: string): Promise<RevisionRelation | undefined> {
    const git = this.sources.git;
    if (!git || !/^[0-9a-f]{40}$/.test(revision)) return undefined;
    if (!(await this.hasCommits(git, revision))) return undefined;
    if ((await git.exec(['merge-base', '--is-ancestor', this.expected, revision])).exitCode === 0) return 'newer';
    if ((await git.exec(['merge-base', '--is-ancestor', revision, this.expected])).exitCode === 0) return 'older';
    return 'unrelated';
  }

  /** Both commits present, after one fetch from origin if the checkout lacks one. */
  private async hasCommits(git: Git, revision: string): Promise<boolean> {
    const present = async (): Promise<boolean> =>
      (await git.exec(['cat-file', '-e', `${this.expected}^{commit}`])).exitCode === 0 && (await git.exec(['cat-file', '-e', `${revision}^{commit}`])).exitCode === 0;
    if (await present()) return true;
    if (this.fetched.has(revision)) return false;
    this.fetched.add(revision);
    await git.exec(['fetch', '--quiet', 'origin']);
    return present();
  }

  private async fromGitHub(revision: string): Promise<RevisionRelation | undefined> {
    const comparison = await this.compareOnGitHub(revision);
    // `revision...expected`: 'ahead' means the expected commit is ahead, so the revision is older.
    const byStatus: Record<string, RevisionRelation> = { ahead: 'older', identical: 'same', behind: 'newer', diverged: 'unrelated' };
    return comparison && byStatus[comparison.status];
  }

  /**
   * One compare request per revision (`revision...expected`) answers both its
   * relation and, for an older one, the files changed since. A commit the
   * repository does not have (404) or a refused token (401, 403) ends the wait
   * with what to set; a passing failure is thrown and forgotten, to be asked
   * again; anything else reads as undefined.
   */
  private compareOnGitHub(revision: string): Promise<Comparison | undefined> {
    const github = this.sources.github;
    if (!github) return Promise.resolve(undefined);
    if (!this.comparisons.has(revision)) {
      const where = `comparing ${shortSha(revision)}...${shortSha(this.expected)} in ${github.owner}/${github.repo}`;
      const pending = compareCommits(github.client, github.owner, github.repo, revision, this.expected).then(
        (comparison) => {
          if (comparison || !COMMIT.test(revision)) return comparison;
          throw new InputError('repository', `GitHub answered 404 Not Found ${where}: the commits are not in that repository, or the token may not read it. Set repository to the config repo (owner/name) and token to a token that may read it.`);
        },
        (error: unknown) => {
          if (isPassing(error)) {
            this.comparisons.delete(revision);
            throw new Error(`GitHub answered ${statusOf(error)} ${where} (${describeRequestError(error)})`);
          }
          const status = statusOf(error);
          if (status === 401 || status === 403) {
            throw new InputError('token', `GitHub answered ${status} ${where} (${describeRequestError(error)}): set token to a token that may read ${github.owner}/${github.repo} (contents: read), and repository to the config repo if it is not.`);
          }
          core.debug(`${where} failed: ${(error as Error).message}`);
          return undefined;
        },
      );
      this.comparisons.set(revision, pending);
    }
    return this.comparisons.get(revision)!;
  }
}

const COMMIT = /^[0-9a-f]{40}$/;

/** A failure worth asking again about: a server error, no answer (Octokit reports it as 500) or a rate limit, after the Octokit plugins' own retries. */
function isPassing(error: unknown): boolean {
  const status = statusOf(error);
  return status !== undefined && (status >= 500 || status === 429 || (status === 403 && /rate limit/i.test(describeRequestError(error))));
}
