import { realpathSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import picomatch from 'picomatch';
import { InputError } from '../errors.js';
import type { Overlay } from '../types.js';
import { describeOverlay, findKustomizationFolders } from './kustomization-folders.js';

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
  return findKustomizationFolders(root, base, maxDepth, isMatch);
}
