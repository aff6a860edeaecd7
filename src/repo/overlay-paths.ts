import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { InputError, UserError } from '../errors.js';
import type { Overlay } from '../types.js';

/** kustomize's own list, in its order of preference. */
export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

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

function matchFolders(root: string, pattern: string): string[] {
  const isMatch = picomatch(pattern, { dot: false });
  const matches: string[] = [];
  const walk = (relativeDir: string): void => {
    const absolute = relativeDir === '.' ? root : join(root, relativeDir);
    let names: string[];
    try {
      names = readdirSync(absolute);
    } catch {
      return;
    }
    if (relativeDir !== '.' && isMatch(relativeDir) && KUSTOMIZATION_FILE_NAMES.some((name) => names.includes(name))) {
      matches.push(relativeDir);
    }
    for (const name of names.sort()) {
      if (SKIPPED_FOLDERS.has(name)) continue;
      const child = relativeDir === '.' ? name : `${relativeDir}/${name}`;
      if (lstatSync(join(root, child)).isDirectory()) walk(child);
    }
  };
  walk('.');
  return matches;
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
