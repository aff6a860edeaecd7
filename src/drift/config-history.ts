import { parseKustomization } from '../kustomize/kustomization-document.js';
import type { CommitGraph } from '../repo/commit-graph.js';
import type { BranchHead, ImageValue } from './drift-types.js';
import type { RevisionStanding } from './judge-drift.js';
import type { HistoryEntry } from './skew.js';

/** How many commits of one overlay file the skew reads back at most; older history rarely matters to a lag. */
export const HISTORY_LIMIT = 300;

/**
 * What drift-check reads from one branch of the config repo's history, over
 * a commit graph (a checkout's git, or the GitHub API: the two differ only in
 * the graph they get): the values an overlay has carried, and whether a
 * commit a controller reports is behind a change to an app.
 */
export class ConfigHistory {
  private readonly standings = new Map<string, Promise<RevisionStanding>>();

  constructor(
    private readonly graph: CommitGraph,
    /** The branch head the history is read from. */
    private readonly head: string,
  ) {}

  /**
   * The value of `image`'s entry in `file` after each commit that touched the
   * file, newest first from the branch head, ending after the first entry
   * `readsPast` turns down (or at HISTORY_LIMIT): older commits are not read.
   */
  async imageHistory(
    file: string,
    image: string,
    readsPast: (value: ImageValue | undefined) => boolean,
    // A pin's file is read by its kind's editor; a kustomization's by its `images:` entries.
    valueIn: (text: string, file: string, image: string) => ImageValue | undefined = imageValueIn,
  ): Promise<HistoryEntry[]> {
    const entries: HistoryEntry[] = [];
    for await (const { sha, date } of this.graph.fileHistory(this.head, file)) {
      const text = await this.graph.fileAt(sha, file);
      const value = text === undefined ? undefined : valueIn(text, file, image);
      entries.push({ sha, date, value });
      if (!readsPast(value) || entries.length >= HISTORY_LIMIT) break;
    }
    return entries;
  }

  /** Whether `revision` is the head, or older with or without a later change under `paths` (asked once per revision and paths). */
  standing(revision: string, paths: readonly string[]): Promise<RevisionStanding> {
    if (revision === this.head) return Promise.resolve('head');
    const key = `${revision}\0${paths.join('\0')}`;
    let standing = this.standings.get(key);
    if (!standing) {
      standing = this.readStanding(revision, paths);
      this.standings.set(key, standing);
    }
    return standing;
  }

  private async readStanding(revision: string, paths: readonly string[]): Promise<RevisionStanding> {
    if (!looksLikeCommit(revision)) return 'unknown';
    const relation = await this.graph.relation(revision, this.head);
    if (relation === 'same' || (relation === 'ancestor' && paths.length === 0)) return 'unchanged';
    if (relation !== 'ancestor') return 'unknown'; // not in the head's history, or not a commit of the repo
    // The net change: an edit reverted since does not count.
    const changed = await this.graph.changedFiles(revision, this.head);
    if (!changed) return 'unknown';
    // A file moved out of an overlay changes it too: old names count.
    if (changed.complete) return [...changed.files, ...changed.renamedFrom].some((file) => isUnder(file, paths)) ? 'behind' : 'unchanged';
    // The file list is cut: ask, per path, whether the newest commit touching it is already in `revision`.
    for (const path of paths) {
      const newest = await firstOf(this.graph.fileHistory(this.head, path));
      if (!newest) continue;
      const contained = await this.graph.relation(newest.sha, revision);
      if (contained !== 'same' && contained !== 'ancestor') return 'behind';
    }
    return 'unchanged';
  }
}

async function firstOf<T>(items: AsyncIterable<T>): Promise<T | undefined> {
  for await (const item of items) return item;
  return undefined;
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
