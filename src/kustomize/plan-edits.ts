import { readFile } from 'node:fs/promises';
import type { ImageArgument } from './image-argument.js';
import { parseKustomization } from './kustomization-document.js';
import { setImagesInKustomization } from './set-image-edit.js';
import type { FileEdit, Overlay } from '../types.js';

/** Reads each overlay's kustomization and computes the edit, writing nothing. */
export async function planEdits(overlays: readonly Overlay[], args: readonly ImageArgument[]): Promise<FileEdit[]> {
  return Promise.all(
    overlays.map(async (overlay) => {
      const original = await readFile(overlay.absoluteFile, 'utf8');
      return planFileEdit(overlay, original, args);
    }),
  );
}

export function planFileEdit(overlay: Overlay, original: string, args: readonly ImageArgument[]): FileEdit {
  const parsed = parseKustomization(original, overlay.file);
  const { text, changes } = setImagesInKustomization(original, args, overlay.file, parsed);
  const kind = parsed.root?.get('kind');
  return { overlay, original, text, changes, entries: parsed.entries, isComponent: kind === 'Component' };
}
