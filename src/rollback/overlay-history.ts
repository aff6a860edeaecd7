import { parseKustomization } from '../kustomize/kustomization-document.js';
import type { CommitGraph } from '../repo/commit-graph.js';
import type { FileVersion, ImageState } from './pick-rollback.js';

/** How many versions of one overlay file a rollback reads back at most. */
export const ROLLBACK_HISTORY_LIMIT = 300;

/**
 * The versions of `file` on the branch at `head`, newest first, read lazily
 * (through git or the GitHub API alike) and only until `enough` says so: a
 * rollback to the previous images reads two or three versions, not the
 * file's whole history.
 */
export async function readFileVersions(
  graph: CommitGraph,
  head: string,
  file: string,
  enough: (versions: readonly FileVersion[]) => boolean,
): Promise<FileVersion[]> {
  const versions: FileVersion[] = [];
  for await (const { sha, date } of graph.fileHistory(head, file)) {
    versions.push(await fileVersionAt(graph, sha, date, file));
    if (enough(versions) || versions.length >= ROLLBACK_HISTORY_LIMIT) break;
  }
  return versions;
}

/** The file's images at one commit; undefined images where the commit has no such file, or one that is not a kustomization. */
export async function fileVersionAt(graph: CommitGraph, sha: string, date: number, file: string): Promise<FileVersion> {
  const text = await graph.fileAt(sha, file);
  return { sha, date, images: text === undefined ? undefined : imagesIn(text, file) };
}

export function imagesIn(text: string, file: string): ImageState[] | undefined {
  try {
    return parseKustomization(text, file).entries.map(({ name, newName, newTag, digest }) => ({ name, newName, newTag, digest }));
  } catch {
    return undefined;
  }
}
