import * as core from '@actions/core';
import { InputError, UserError } from '../errors.js';
import type { GitHubClient } from '../github/octokit-client.js';
import { describeRequestError, isRequestError, readFailureKind, statusOf } from '../github/request-errors.js';
import type { CommitGraph, CommitRelation } from '../repo/commit-graph.js';
import type { Git } from '../repo/git.js';
import { GitCommitGraph } from '../repo/git-commit-graph.js';
import { GitHubCommitGraph } from '../repo/github-commit-graph.js';
import { shortSha, type RevisionKnowledge, type RevisionRelation } from './wait-types.js';

export interface AncestrySources {
  /** A checkout of the config repo (`path`), asked first: no request, no rate limit. */
  git?: Git;
  /** The config repo on GitHub, for commits the checkout does not have. */
  github?: { client: GitHubClient; owner: string; repo: string };
}

/** The graphs wait asks, in order: the checkout (fetching once from origin for a commit it lacks), then GitHub. */
export function configRepoGraphs(sources: AncestrySources): CommitGraph[] {
  const graphs: CommitGraph[] = [];
  if (sources.git) graphs.push(new GitCommitGraph(sources.git, { fetchMissing: true }));
  if (sources.github) graphs.push(new GitHubCommitGraph(sources.github.client, sources.github.owner, sources.github.repo));
  return graphs;
}

/** How a reported revision relates to the expected commit, from how the revision stands to it. */
const RELATION: Record<CommitRelation, RevisionRelation> = { same: 'same', ancestor: 'older', descendant: 'newer', unrelated: 'unrelated' };

const COMMIT = /^[0-9a-f]{40}$/;

/**
 * Learns how revisions a controller reports relate to the expected commit: a
 * newer revision counts only when the expected commit is its ancestor, since
 * on a shared branch someone else's push can land right after ours. Asks each
 * commit graph in turn (the checkout, then GitHub) until one knows.
 */
export class RevisionAncestry implements RevisionKnowledge {
  readonly relations = new Map<string, RevisionRelation>();
  readonly changedFiles = new Map<string, readonly string[] | null>();
  /** Why the last lookup of a revision failed for now (a GitHub 5xx, say), for the progress line. */
  readonly lookupFailures = new Map<string, string>();
  private readonly lookups = new Map<string, Promise<void>>();
  /** A refusal ends the wait: every later lookup answers with it, asking nothing. */
  private refusal: UserError | undefined;

  constructor(
    readonly expected: string,
    private readonly graphs: readonly CommitGraph[],
  ) {}

  /** Learns how each revision relates to the expected commit. */
  learn(revisions: readonly string[]): Promise<void> {
    return this.once(
      'relation',
      revisions.filter((revision) => revision !== this.expected),
      async (revision) => {
        const standing = await this.ask(revision, (graph) => graph.relation(revision, this.expected));
        const relation = standing ? RELATION[standing] : 'unknown';
        core.debug(`Revision ${revision} relative to ${this.expected}: ${relation}`);
        this.relations.set(revision, relation);
      },
    );
  }

  /** Learns which files changed from each older `revision` to the expected commit (renames by their new name, as Argo CD lists them). */
  learnChangedFiles(revisions: readonly string[]): Promise<void> {
    return this.once('files', revisions, async (revision) => {
      const changed = await this.ask(revision, (graph) => graph.changedFiles(revision, this.expected));
      // A cut file list cannot prove a path untouched.
      const files = changed?.complete ? changed.files : null;
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
      if (this.refusal) throw this.refusal;
      const key = `${kind}:${revision}`;
      if (!this.lookups.has(key)) {
        const pending = lookup(revision).then(
          () => void this.lookupFailures.delete(revision),
          (error: unknown) => {
            this.lookups.delete(key);
            // A refusal (wrong repository, a token that may not read it) does not pass: the wait ends with it.
            if (error instanceof UserError) throw (this.refusal = error);
            this.lookupFailures.set(revision, (error as Error).message);
            core.debug(`Looking up ${kind} of ${revision} failed for now (${(error as Error).message}); asking again later`);
          },
        );
        this.lookups.set(key, pending);
      }
      await this.lookups.get(key);
    }
  }

  /**
   * The first answer a graph gives about `revision`. A graph that holds every
   * commit of the repository (GitHub) and lacks a full SHA a controller runs
   * was asked about the wrong repository, or with a token that may not read
   * it: that ends the wait with what to set.
   */
  private async ask<T>(revision: string, question: (graph: CommitGraph) => Promise<T | undefined>): Promise<T | undefined> {
    for (const graph of this.graphs) {
      let answer: T | undefined;
      try {
        answer = await question(graph);
      } catch (error) {
        this.explainFailure(error, graph, revision);
        continue;
      }
      if (answer !== undefined) return answer;
      if (graph.holdsEveryCommit && COMMIT.test(revision) && (await graph.relation(revision, this.expected)) === undefined) {
        throw new InputError(
          'repository',
          `GitHub answered 404 Not Found ${this.comparing(revision, graph)}: the commits are not in that repository, or the token may not read it. ` +
            `Set repository to the config repo (owner/name) and token to a token that may read it.`,
        );
      }
    }
    return undefined;
  }

  /** Throws what the wait does with a failed question (see readFailureKind); returns for an answer that only means "cannot tell". */
  private explainFailure(error: unknown, graph: CommitGraph, revision: string): void {
    const where = this.comparing(revision, graph);
    const kind = readFailureKind(error);
    if (kind === 'passing') throw new Error(`GitHub answered ${statusOf(error)} ${where} (${describeRequestError(error)})`);
    if (kind === 'refused') {
      throw new InputError(
        'token',
        `GitHub answered ${statusOf(error)} ${where} (${describeRequestError(error)}): set token to a token that may read ${graph.where} (contents: ` +
          `read), and repository to the config repo if it is not.`,
      );
    }
    // Not GitHub's answer (git failed): passing, asked again.
    if (!isRequestError(error)) throw error;
    core.debug(`${where} failed: ${error.message}`);
  }

  private comparing(revision: string, graph: CommitGraph): string {
    return `comparing ${shortSha(revision)}...${shortSha(this.expected)} in ${graph.where}`;
  }
}
