import { readdirSync, realpathSync, existsSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { InputError, UserError } from '../errors.js';
import type { Overlay } from '../types.js';
import { KUSTOMIZATION_FILE_NAMES } from '../types.js';

/**
 * The kustomization folders of a config repo: the walk that finds them and the checks that describe one as an
 * overlay, with no glob matching (overlay-paths.ts matches patterns with them; validate's discovery of every
 * kustomization needs no pattern, nor the glob matcher's load).
 */

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

/**
 * The folders below `root` (`base` and deeper, at most `maxDepth` levels from the root) that hold a kustomization file
 * and that `matches` accepts, in the order of a sorted walk. `.git` and `node_modules` are not entered.
 */
export function findKustomizationFolders(root: string, base: string, maxDepth: number, matches: (relativeDir: string) => boolean): string[] {
  const found: string[] = [];
  const walk = (relativeDir: string, depth: number): void => {
    const absolute = relativeDir === '.' ? root : join(root, relativeDir);
    let entries: Dirent[];
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch {
      return;
    }
    if (relativeDir !== '.' && matches(relativeDir) && entries.some((entry) => isKustomizationFileName(entry.name))) found.push(relativeDir);
    if (depth >= maxDepth) return;
    // A symlink to a folder is not followed (the entry is the link), as before: it could lead out of the repo.
    for (const entry of entries.filter((candidate) => candidate.isDirectory() && !SKIPPED_FOLDERS.has(candidate.name)).sort(byName)) {
      walk(relativeDir === '.' ? entry.name : `${relativeDir}/${entry.name}`, depth + 1);
    }
  };
  walk(base, base === '.' ? 0 : base.split('/').length);
  return found;
}

/**
 * Every kustomization folder below `root`, as `resolveOverlays(root, ['**'], input)` names them: `**` matches every
 * folder but a hidden one (any part of its path starting with a dot), so no matcher is needed to find them.
 */
export function findEveryKustomization(root: string, input: string): Overlay[] {
  const realRoot = realpathSync(root);
  const folders = findKustomizationFolders(realRoot, '.', Infinity, (relativeDir) => !relativeDir.split('/').some((part) => part.startsWith('.')));
  if (folders.length === 0) throw new InputError(input, "'**' matches no folder with a kustomization file.");
  return folders.map((folder) => describeOverlay(realRoot, folder, '**', input));
}

function isKustomizationFileName(name: string): boolean {
  return (KUSTOMIZATION_FILE_NAMES as readonly string[]).includes(name);
}

function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * The path with every symlink resolved, by the system's realpath: one call, where Node's own resolves the path a part
 * at a time (two calls for each of hundreds of overlays was a tenth of a set-image run's planning).
 */
const realPath = (path: string): string => realpathSync.native(path);

function insideRoot(root: string, target: string): boolean {
  return target === root || target.startsWith(root + sep);
}

/** One kustomization folder (`raw` as the input gave it) as an overlay, refusing one that is missing, leaves the repo, or holds two kustomization files. */
export function describeOverlay(root: string, folder: string, raw: string, input: string): Overlay {
  const absolute = join(root, folder);
  if (!existsSync(absolute)) throw new InputError(input, `'${raw}' does not exist in the config repo.`);
  const real = realPath(absolute);
  if (!insideRoot(root, real)) throw new InputError(input, `'${raw}' is a symlink that leaves the config repo.`);
  if (!statSync(real).isDirectory()) throw new InputError(input, `'${raw}' is not a folder.`);

  const names = new Set(readdirSync(real));
  const present = KUSTOMIZATION_FILE_NAMES.filter((name) => names.has(name));
  if (present.length === 0) {
    throw new InputError(input, `'${raw}' has no kustomization file (${KUSTOMIZATION_FILE_NAMES.join(', ')}).`);
  }
  if (present.length > 1) {
    throw new UserError(`${folder} has both ${present.join(' and ')}; kustomize refuses a folder with more than one kustomization file.`);
  }
  const fileName = present[0];
  const absoluteFile = join(absolute, fileName);
  if (!insideRoot(root, realPath(absoluteFile))) {
    throw new InputError(input, `'${folder}/${fileName}' is a symlink that leaves the config repo.`);
  }
  const path = relative(root, absolute).split(sep).join('/') || '.';
  return { path, file: path === '.' ? fileName : `${path}/${fileName}`, absolutePath: absolute, absoluteFile };
}
