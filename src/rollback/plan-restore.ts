import type { ImageArgument } from '../kustomize/image-argument.js';
import { parseKustomization } from '../kustomize/kustomization-document.js';
import { planFileEdit } from '../kustomize/plan-edits.js';
import type { FileEdit, Overlay } from '../types.js';
import type { FilePick, ImageState } from './pick-rollback.js';

/**
 * The arguments that put an overlay's entries back to the picked values: every
 * field as it was (an empty one is cleared, as kustomize does), only for the
 * entries the file still has; an entry added since is left as it is.
 */
export function restoreArguments(current: readonly ImageState[], picked: readonly ImageState[]): ImageArgument[] {
  return current.flatMap((entry) => {
    const earlier = picked.find((candidate) => candidate.name === entry.name);
    if (!earlier) return [];
    const same = earlier.newName === entry.newName && earlier.newTag === entry.newTag && earlier.digest === entry.digest;
    if (same) return [];
    return [{ source: `${entry.name} (rollback)`, name: entry.name, newName: earlier.newName, newTag: earlier.newTag, digest: earlier.digest }];
  });
}

/** The edit of one overlay's current text back to the picked values, through the same comment-preserving edit as set-image. */
export function planRestore(overlay: Overlay, currentText: string, pick: FilePick): FileEdit {
  return planFileEdit(overlay, currentText, restoreArguments(parseKustomization(currentText, overlay.file).entries, pick.images));
}
