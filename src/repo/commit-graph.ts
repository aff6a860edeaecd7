import type { DatedCommit } from './git.js';

export type { DatedCommit } from './git.js';

/** How commit `a` stands to commit `b`: `ancestor` when `b` contains `a`, `descendant` when `a` contains `b`, `unrelated` when neither does. */
export type CommitRelation = 'same' | 'ancestor' | 'descendant' | 'unrelated';

/** The net change between two commits: an edit reverted since does not count. */
export interface ChangedFiles {
  /** The files that differ, a rename by its new name. */
  files: string[];
  /** The old names of the renamed files (a file moved out of a folder changes that folder too). */
  renamedFrom: string[];
  /** False when the list may be cut (GitHub lists at most 300 files), so it cannot prove a path untouched. */
  complete: boolean;
}

/**
 * The config repo's history as the commands ask about it: which commit a
 * name means, how two commits relate, what changed between them, a file's
 * history and its text at a commit. Two implementations: a checkout read
 * with git (git-commit-graph.ts) and the repository on GitHub read through
 * the REST API (github-commit-graph.ts); they give the same answers for the
 * same repository. Paths are relative to the repository's top folder.
 *
 * Undefined answers "not a commit I have", never a failure. A failure throws:
 * GitHub's errors come through as Octokit threw them, and which of them pass
 * (asked again later) and which are refusals (the token or repository is
 * wrong) is decided in one place, `readFailureKind` in
 * src/github/request-errors.ts.
 */
export interface CommitGraph {
  /** What the graph reads, for messages: `owner/name` on GitHub, `the checkout in <folder>` for git. */
  readonly where: string;
  /** True when a commit the graph lacks is not in the repository at all (GitHub); a checkout may just not have fetched it yet. */
  readonly holdsEveryCommit: boolean;

  /** The full SHA of the commit `ref` (a SHA, a branch as the remote has it, a tag) names, or undefined when there is none. */
  resolve(ref: string): Promise<string | undefined>;

  /** How commit `a` stands to commit `b`, or undefined when either is not a commit the graph has. */
  relation(a: string, b: string): Promise<CommitRelation | undefined>;

  /** The net change from `from` to `to` when `from` is `to` or one of its ancestors; undefined otherwise, or when either is not a commit the graph has. */
  changedFiles(from: string, to: string): Promise<ChangedFiles | undefined>;

  /** The commits reachable from `head` that touched `file`, newest first, read lazily: stop iterating and nothing more is read. */
  fileHistory(head: string, file: string): AsyncIterable<DatedCommit>;

  /** The text of `file` at `commit`, or undefined where that commit has no such file. */
  fileAt(commit: string, file: string): Promise<string | undefined>;
}
