import { readFile } from 'node:fs/promises';
import type { ImageArgument } from './image-argument.js';
import { parseKustomization, type ImageEntry } from './kustomization-document.js';
import { setImagesInKustomization, type ImageEntryChange } from './set-image-edit.js';
import type { Overlay } from '../repo/overlay-paths.js';

/** The edit set-image would make to one overlay's kustomization file. */
export interface FileEdit {
  overlay: Overlay;
  original: string;
  text: string;
  changes: ImageEntryChange[];
  /** The entries as they were, for error hints. */
  entries: ImageEntry[];
  isComponent: boolean;
}

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
  const { text, changes } = setImagesInKustomization(original, args, overlay.file);
  const kind = parsed.root?.get('kind');
  return { overlay, original, text, changes, entries: parsed.entries, isComponent: kind === 'Component' };
}
