import { existsSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { InputError, UserError } from '../errors.js';
import type { Overlay } from '../types.js';
import { KUSTOMIZATION_FILE_NAMES } from '../types.js';

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

/**
 * Turns the overlay patterns of an input into kustomization folders inside
 * `root`, refusing any path that could leave the repo (absolute, `..`, or a
 * symlink that points outside).
 */
export function resolveOverlays(root: string, patterns: readonly string[], input = 'overlays'): Overlay[] {
  if (patterns.length === 0) throw new InputError(input, 'no overlay folder given; name at least one, such as apps/web/overlays/dev.');
  const realRoot = realpathSync(root);
  const found = new Map<string, Overlay>();
  for (const raw of patterns) {
    const pattern =
      raw
        .replace(/\\/g, '/')
        .replace(/^\.\/+/, '')
        .replace(/\/+$/, '') || '.';
    if (isAbsolute(pattern) || /^[a-zA-Z]:/.test(pattern)) throw new InputError(input, `'${raw}' is absolute; give a path relative to the config repo.`);
    if (pattern.split('/').includes('..')) throw new InputError(input, `'${raw}' leaves the config repo ('..' is not allowed).`);
    const folders = picomatch.scan(pattern).isGlob ? matchFolders(realRoot, pattern) : [pattern];
    if (folders.length === 0) throw new InputError(input, `'${raw}' matches no folder with a kustomization file.`);
    for (const folder of folders) {
      const overlay = describeOverlay(realRoot, folder, raw, input);
      found.set(overlay.path, overlay);
    }
  }
  return [...found.values()];
}

/**
 * The folders below `root` that `pattern` matches and that hold a kustomization file. The walk starts at the pattern's
 * fixed prefix and, unless the pattern can cross folders (`**`, braces), goes no deeper than the pattern does: on a repo
 * of thousands of overlays that is the difference between reading the few folders asked for and reading every one.
 */
function matchFolders(root: string, pattern: string): string[] {
  const isMatch = picomatch(pattern, { dot: false });
  const base = picomatch.scan(pattern).base || '.';
  const maxDepth = /\*\*|\{/.test(pattern) ? Infinity : pattern.split('/').length;
  const matches: string[] = [];
  const walk = (relativeDir: string, depth: number): void => {
    const absolute = relativeDir === '.' ? root : join(root, relativeDir);
    let entries: Dirent[];
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch {
      return;
    }
    if (relativeDir !== '.' && isMatch(relativeDir) && entries.some((entry) => isKustomizationFileName(entry.name))) matches.push(relativeDir);
    if (depth >= maxDepth) return;
    // A symlink to a folder is not followed (the entry is the link), as before: it could lead out of the repo.
    for (const entry of entries.filter((candidate) => candidate.isDirectory() && !SKIPPED_FOLDERS.has(candidate.name)).sort(byName)) {
      walk(relativeDir === '.' ? entry.name : `${relativeDir}/${entry.name}`, depth + 1);
    }
  };
  walk(base, base === '.' ? 0 : base.split('/').length);
  return matches;
}

function isKustomizationFileName(name: string): boolean {
  return (KUSTOMIZATION_FILE_NAMES as readonly string[]).includes(name);
}

function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function insideRoot(root: string, target: string): boolean {
  return target === root || target.startsWith(root + sep);
}

function describeOverlay(root: string, folder: string, raw: string, input: string): Overlay {
  const absolute = join(root, folder);
  if (!existsSync(absolute)) throw new InputError(input, `'${raw}' does not exist in the config repo.`);
  const real = realpathSync(absolute);
  if (!insideRoot(root, real)) throw new InputError(input, `'${raw}' is a symlink that leaves the config repo.`);
  if (!statSync(real).isDirectory()) throw new InputError(input, `'${raw}' is not a folder.`);

  const present = KUSTOMIZATION_FILE_NAMES.filter((name) => readdirSync(real).includes(name));
  if (present.length === 0) {
    throw new InputError(input, `'${raw}' has no kustomization file (${KUSTOMIZATION_FILE_NAMES.join(', ')}).`);
  }
  if (present.length > 1) {
    throw new UserError(`${folder} has both ${present.join(' and ')}; kustomize refuses a folder with more than one kustomization file.`);
  }
  const fileName = present[0];
  const absoluteFile = join(absolute, fileName);
  if (!insideRoot(root, realpathSync(absoluteFile))) {
    throw new InputError(input, `'${folder}/${fileName}' is a symlink that leaves the config repo.`);
  }
  const path = relative(root, absolute).split(sep).join('/') || '.';
  return { path, file: path === '.' ? fileName : `${path}/${fileName}`, absolutePath: absolute, absoluteFile };
}
