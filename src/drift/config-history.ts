import { UserError } from '../errors.js';
import { parseKustomization } from '../kustomize/kustomization-document.js';
import type { Git } from '../repo/git.js';
import type { BranchHead, ImageValue } from './drift-types.js';
import type { RevisionStanding } from './judge-drift.js';
import type { HistoryEntry } from './skew.js';

/** How many commits of one overlay file the skew reads back; older history rarely matters to a lag. */
const HISTORY_LIMIT = 300;

/**
 * What drift-check reads from the config repo's git history: the branch head,
 * whether the clone is shallow, the values an overlay has carried, and whether
 * a commit a controller reports is behind a change to an app's overlays.
 */
export class ConfigHistory {
  private readonly standings = new Map<string, RevisionStanding>();

  constructor(private readonly git: Git) {}

  static async open(git: Git, branchOverride?: string): Promise<{ history: ConfigHistory; head: BranchHead; shallow: boolean }> {
    if (!(await git.topLevel())) throw new UserError(`drift-check needs a git checkout of the config repo at '${git.directory}' (input path), with its history (actions/checkout with fetch-depth: 0).`);
    const branch = branchOverride || (await git.currentBranch()) || 'HEAD';
    const [sha, date] = (await git.run(['log', '-1', '--format=%H%x09%cI', 'HEAD'])).split('\t');
    const shallow = (await git.tryRun(['rev-parse', '--is-shallow-repository'])) === 'true';
    return { history: new ConfigHistory(git), head: { branch, sha: sha!, committedAt: Date.parse(date!) }, shallow };
  }

  /** The value of `image`'s entry in `file` after each commit that touched the file, newest first. */
  async imageHistory(file: string, image: string): Promise<HistoryEntry[]> {
    const log = await this.git.run(['log', `-n${HISTORY_LIMIT}`, '--format=%H%x09%cI', 'HEAD', '--', file]);
    const entries: HistoryEntry[] = [];
    for (const line of log.split('\n').filter(Boolean)) {
      const [sha, date] = line.split('\t') as [string, string];
      const text = await this.git.tryRun(['show', `${sha}:${file}`]);
      entries.push({ sha, date: Date.parse(date), value: text === undefined ? undefined : imageValueIn(text, file, image) });
    }
    return entries;
  }

  /** Whether `revision` is the head, or older with or without a later change under `paths`. */
  async standing(revision: string, head: string, paths: readonly string[]): Promise<RevisionStanding> {
    if (revision === head) return 'head';
    const key = `${revision}\0${paths.join('\0')}`;
    const known = this.standings.get(key);
    if (known) return known;
    let standing: RevisionStanding = 'unknown';
    const isAncestor = /^[0-9a-f]{7,40}$/.test(revision) && (await this.git.exec(['merge-base', '--is-ancestor', revision, head])).exitCode === 0;
    if (isAncestor) {
      const changed = await this.git.run(['log', '-1', '--format=%H', `${revision}..${head}`, '--', ...paths]);
      standing = changed ? 'behind' : 'unchanged';
    }
    this.standings.set(key, standing);
    return standing;
  }
}

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
