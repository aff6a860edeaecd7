import * as core from '@actions/core';
import type { GitHubClient } from '../github/octokit-client.js';
import type { Git } from '../repo/git.js';
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
  private readonly fetched = new Set<string>();

  constructor(
    readonly expected: string,
    private readonly sources: AncestrySources,
  ) {}

  async learn(revisions: readonly string[]): Promise<void> {
    for (const revision of revisions) {
      if (revision === this.expected || this.relations.has(revision)) continue;
      const relation = (await this.fromGit(revision)) ?? (await this.fromGitHub(revision)) ?? 'unknown';
      core.debug(`Revision ${revision} relative to ${this.expected}: ${relation}`);
      this.relations.set(revision, relation);
    }
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
    const github = this.sources.github;
    if (!github) return undefined;
    try {
      const { data } = await github.client.rest.repos.compareCommitsWithBasehead({
        owner: github.owner,
        repo: github.repo,
        basehead: `${this.expected}...${revision}`,
        per_page: 1,
      });
      const byStatus: Record<string, RevisionRelation> = { ahead: 'newer', identical: 'same', behind: 'older', diverged: 'unrelated' };
      return byStatus[data.status];
    } catch (error) {
      core.debug(`compare ${this.expected}...${revision} on ${github.owner}/${github.repo} failed: ${(error as Error).message}`);
      return undefined;
    }
  }
}
