import { readFileSync } from 'node:fs';
import type { ImageArgument } from './image-argument.js';
import { parseKustomization } from './kustomization-document.js';
import { setImagesInKustomization } from './set-image-edit.js';
import type { FileEdit, Overlay } from '../types.js';

/**
 * Reads each overlay's kustomization and computes the edit, writing nothing. The files are small and read one
 * after the other: hundreds of asynchronous reads at once (open, stat, read, close, each through libuv's few
 * threads) took as long again as parsing them did.
 */
export function planEdits(overlays: readonly Overlay[], args: readonly ImageArgument[]): FileEdit[] {
  return overlays.map((overlay) => planFileEdit(overlay, readFileSync(overlay.absoluteFile, 'utf8'), args));
}

export function planFileEdit(overlay: Overlay, original: string, args: readonly ImageArgument[]): FileEdit {
  const parsed = parseKustomization(original, overlay.file);
  const { text, changes } = setImagesInKustomization(original, args, overlay.file, parsed);
  const kind = parsed.root?.get('kind');
  return { overlay, original, text, changes, entries: parsed.entries, isComponent: kind === 'Component' };
}
