import { parseKustomization } from '../kustomize/kustomization-document.js';
import type { BranchHead, ImageValue } from './drift-types.js';
import type { RevisionStanding } from './judge-drift.js';
import type { HistoryEntry } from './skew.js';

/** How many commits of one overlay file the skew reads back at most; older history rarely matters to a lag. */
export const HISTORY_LIMIT = 300;

/**
 * What drift-check reads from one branch of the config repo's history, from a
 * checkout's git or through the GitHub API: the values an overlay has carried,
 * and whether a commit a controller reports is behind a change to an app.
 */
export interface ConfigHistory {
  /**
   * The value of `image`'s entry in `file` after each commit that touched the
   * file, newest first from the branch head, ending after the first entry
   * `readsPast` turns down (or at HISTORY_LIMIT).
   */
  imageHistory(file: string, image: string, readsPast: (value: ImageValue | undefined) => boolean): Promise<HistoryEntry[]>;
  /** Whether `revision` is the head, or older with or without a later change under `paths`. */
  standing(revision: string, paths: readonly string[]): Promise<RevisionStanding>;
}

/** One branch of the config repo as drift-check reads it: its files, head and history. */
export interface ConfigBranch {
  /** The folder that holds the branch head's files. */
  root: string;
  head: BranchHead;
  /** A shallow clone: the history stops early. */
  shallow: boolean;
  history: ConfigHistory;
}

/** Whether a string can name a commit (abbreviated or full SHA-1). */
export const looksLikeCommit = (revision: string): boolean => /^[0-9a-f]{7,40}$/.test(revision);

/** Whether `file` (repo-relative) is one of `paths` or inside one. */
export const isUnder = (file: string, paths: readonly string[]): boolean =>
  paths.some((path) => path === '.' || path === '' || file === path || file.startsWith(`${path.replace(/\/+$/, '')}/`));

/** The tag and digest the entry for `image` sets in a kustomization's text (by name, or by newName). */
export function imageValueIn(text: string, file: string, image: string): ImageValue | undefined {
  try {
    const entry = findImageEntry(parseKustomization(text, file).entries, image);
    return entry ? { tag: entry.newTag, digest: entry.digest } : undefined;
  } catch {
    return undefined;
  }
}

export function findImageEntry<T extends { name: string; newName: string }>(entries: readonly T[], image: string): T | undefined {
  return entries.find((entry) => entry.name === image) ?? entries.find((entry) => entry.newName === image);
}
