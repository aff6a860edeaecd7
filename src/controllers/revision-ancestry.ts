import * as core from '@actions/core';
import type { GitHubClient } from '../github/octokit-client.js';
import type { Git } from '../repo/git.js';
import { compareCommits, type Comparison } from '../github/compare-commits.js';
import { statusOf } from '../github/request-errors.js';
import type { RevisionKnowledge, RevisionRelation } from './wait-types.js';

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
        const pending = lookup(revision).catch((error: unknown) => {
          this.lookups.delete(key);
          core.debug(`Looking up ${kind} of ${revision} failed for now (${(error as Error).message}); asking again later`);
        });
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
   * relation and, for an older one, the files changed since. A refusal reads as
   * undefined; a passing failure is thrown and forgotten, to be asked again.
   */
  private compareOnGitHub(revision: string): Promise<Comparison | undefined> {
    const github = this.sources.github;
    if (!github) return Promise.resolve(undefined);
    if (!this.comparisons.has(revision)) {
      const pending = compareCommits(github.client, github.owner, github.repo, revision, this.expected).catch((error: unknown) => {
        if (isPassing(error)) {
          this.comparisons.delete(revision);
          throw error;
        }
        core.debug(`compare ${revision}...${this.expected} on ${github.owner}/${github.repo} failed: ${(error as Error).message}`);
        return undefined;
      });
      this.comparisons.set(revision, pending);
    }
    return this.comparisons.get(revision)!;
  }
}

/** A failure worth asking again about: a server error, no answer (Octokit reports it as 500) or a rate limit, after the Octokit plugins' own retries. */
function isPassing(error: unknown): boolean {
  const status = statusOf(error);
  return status !== undefined && (status >= 500 || status === 429);
}
