import type { Identity } from '../types.js';

/**
 * The config repo as the writing commands see it, whether it is a local
 * checkout or reached only through the GitHub API: a snapshot of a branch head
 * as a local directory (which the edit, the render check, validation and the
 * rendered diff all read), and a way to land changed files on a branch.
 */

/** A file to write, by its path relative to the repo root; `deleted` removes it instead (a released hold). */
export interface ChangedFile {
  path: string;
  content: string;
  deleted?: boolean;
}

/** A branch head materialised as a local directory. */
export interface Snapshot {
  /** The directory that holds the files (the checkout itself, or an extracted tarball). */
  root: string;
  /** The commit the directory shows. */
  commit: string;
  /** Its committer date (ms), where the API told it for free. */
  committedAt?: number;
}

/**
 * Where a commit goes: `fast-forward` moves a shared branch (and reports
 * 'moved' when someone else got there first); `force` points a branch this
 * action owns (a promotion branch) at the commit, creating it when missing.
 */
export type LandTarget =
  | { branch: string; mode: 'fast-forward' }
  /** `lease`: the head the branch was seen at ('' when it did not exist); a push then refuses to overwrite what another run wrote since. */
  | { branch: string; mode: 'force'; exists: boolean; lease?: string };

export interface CommitRequest {
  snapshot: Snapshot;
  files: readonly ChangedFile[];
  message: string;
  author: Identity;
  target: LandTarget;
}

export type CommitOutcome = { outcome: 'landed'; sha: string; pushed: boolean } | { outcome: 'moved' };

export interface ConfigRepo {
  readonly kind: 'checkout' | 'github-api';
  /** `owner/name` when known (always in API mode). */
  readonly repository: string;
  /** The head of `branch` as a local directory. */
  open(branch: string): Promise<Snapshot>;
  /** The new head of `branch` after a 'moved' answer (the checkout is moved there; the API fetches it afresh). */
  reopen(branch: string): Promise<Snapshot>;
  /** One file of the default branch (through the API) or of the work tree, without opening a snapshot; undefined when it is not there. */
  readFile(path: string): Promise<string | undefined>;
  /** Which of `files` (absolute) have changes not committed: a checkout's work in progress, never overwritten. Always none through the API. */
  uncommittedChanges(files: readonly string[]): Promise<string[]>;
  /** Commits `files` on top of the snapshot's commit and moves the target branch there. */
  commit(request: CommitRequest): Promise<CommitOutcome>;
  /** Removes temporary directories; the checkout itself is left alone. */
  dispose(): Promise<void>;
}
