import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, posix, relative } from 'node:path';
import { isRecord, readDocuments } from './effect-yaml.js';
import { KUSTOMIZATION_FILE_NAMES } from '../types.js';

/**
 * The effect check's questions about the config repo's files: is a path a
 * folder of it, which kustomization file a folder has, does a kustomization
 * list a file, where is the chart a values file belongs to.
 */

/** `path` (relative to the repo root, forward slashes) as an absolute path, or null when it leaves the repo. */
export function insideRepo(root: string, path: string): string | null {
  const absolute = join(root, path);
  const back = relative(root, absolute);
  return back.startsWith('..') || isAbsolute(back) ? null : absolute;
}

/** A path relative to the repo root, with forward slashes, for messages. */
export function repoPath(root: string, absolute: string): string {
  return relative(root, absolute).split('\\').join('/') || '.';
}

export async function isFolder(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}

export async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

/** The folder's kustomization file (absolute), or null when kustomize would not find one there. */
export async function kustomizationFileIn(folder: string): Promise<string | null> {
  for (const name of KUSTOMIZATION_FILE_NAMES) if (await isFile(join(folder, name))) return join(folder, name);
  return null;
}

/** Whether a kustomization lists `fileName` (a file beside it) under resources:. */
export function listsResource(kustomizationText: string, kustomizationFile: string, fileName: string): boolean {
  const root = readDocuments(kustomizationText, kustomizationFile)[0];
  const resources = isRecord(root) && Array.isArray(root.resources) ? root.resources : [];
  return resources.some((entry) => typeof entry === 'string' && posix.normalize(entry) === fileName);
}

/** The nearest folder holding a Chart.yaml, from the file's folder up to the repo root; null when there is none. */
export async function chartFolderAbove(root: string, file: string): Promise<string | null> {
  let folder = dirname(join(root, file));
  for (;;) {
    if (await isFile(join(folder, 'Chart.yaml'))) return folder;
    if (relative(root, folder) === '' || relative(root, folder).startsWith('..')) return null;
    folder = dirname(folder);
  }
}

export async function isChartFolder(folder: string): Promise<boolean> {
  return isFile(join(folder, 'Chart.yaml'));
}

/** The chart's own values.yaml as a value ({} when it has none). */
export async function chartDefaults(chartFolder: string, root: string): Promise<unknown> {
  const file = join(chartFolder, 'values.yaml');
  const text = await readFile(file, 'utf8').catch(() => '');
  return readDocuments(text, repoPath(root, file))[0] ?? {};
}
