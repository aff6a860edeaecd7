import { availableParallelism } from 'node:os';
import { access, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';

import type { RenderCache } from '../kustomize/render-cache.js';
import { findRenderer, renderOverlay } from '../kustomize/render.js';
import { mapWithLimit } from '../process/run-process.js';
import { redactSecrets } from '../report/pull-request-body.js';
import { unifiedDiff } from '../report/text-diff.js';
import { KUSTOMIZATION_FILE_NAMES, type FileEdit } from '../types.js';

/** A folder the rendered diff builds: an edited overlay, or the folder of an edited pin's file. */
export interface RenderedFolder {
  /** How the diff names it: the overlay's path, or the pin file's folder (`clusters/staging`). */
  label: string;
  absolutePath: string;
  /** An overlay's edit is in it: it is rendered whatever it holds. */
  overlay: boolean;
  /** A pin's edit is in it: the checks' renders of the overlays did not see that edit. */
  pin: boolean;
}

/**
 * The folders to build, each once: two pins in one folder (a HelmRelease and
 * a setter-marked Deployment that Flux applies together), or a setter file in
 * an edited overlay, are one render, not one per file.
 */
export function foldersToRender(edits: readonly FileEdit[]): RenderedFolder[] {
  const folders = new Map<string, RenderedFolder>();
  for (const edit of edits) {
    if (edit.changes.length === 0 || edit.isComponent) continue;
    const ofPin = edit.pins !== undefined;
    const folder = folders.get(edit.overlay.absolutePath) ?? { label: '', absolutePath: edit.overlay.absolutePath, overlay: false, pin: false };
    // An overlay's own edit names the folder as the overlay.
    if (!ofPin || !folder.overlay) folder.label = ofPin ? posix.dirname(edit.overlay.file) : edit.overlay.path;
    folder.overlay ||= !ofPin;
    folder.pin ||= ofPin;
    folders.set(folder.absolutePath, folder);
  }
  return [...folders.values()];
}

/**
 * `kustomize build` of each edited target overlay (and of each pin's folder
 * that is a kustomization) before and after the edit, as one unified diff
 * with Secret data redacted. The snapshot must hold the original files when
 * this is called; they hold them again afterwards. The renders after the edit
 * come from `afterEdit` when the checks made them already (the same files, so
 * the same render; a folder with a pin's edit is rendered again, since the
 * checks rendered the overlays without it), and those before it from
 * `beforeEdit` when planning made them (a target given a new entry). A pin's
 * file in no kustomization (a values file, an Application) is shown as its
 * own diff: it is what its controller reads.
 */
export async function renderedDiff(edits: readonly FileEdit[], afterEdit?: RenderCache, beforeEdit?: RenderCache): Promise<string | undefined> {
  const renderer = await findRenderer();
  if (!renderer) return undefined;
  const changed = edits.filter((edit) => edit.changes.length > 0 && !edit.isComponent);
  const folders = (
    await Promise.all(foldersToRender(changed).map(async (folder) => (folder.overlay || (await isKustomization(folder.absolutePath)) ? [folder] : [])))
  ).flat();
  const rendered = new Set(folders.map((folder) => folder.absolutePath));
  const pinned = changed
    .filter((edit) => edit.pins && !rendered.has(edit.overlay.absolutePath))
    .map((edit) => ({ file: edit.overlay.file, before: edit.original, after: edit.text }));
  if (folders.length === 0 && pinned.length === 0) return undefined;
  const before = await mapWithLimit(folders, availableParallelism(), (folder) =>
    beforeEdit && !folder.pin ? beforeEdit.render(renderer, folder.absolutePath) : renderOverlay(renderer, folder.absolutePath),
  );
  await Promise.all(changed.map((edit) => writeFile(edit.overlay.absoluteFile, edit.text)));
  try {
    const after = await mapWithLimit(folders, availableParallelism(), (folder) =>
      afterEdit && !folder.pin ? afterEdit.render(renderer, folder.absolutePath) : renderOverlay(renderer, folder.absolutePath),
    );
    const files = folders.map((folder, index) => ({
      file: `${folder.label}.rendered.yaml`,
      before: textOf(before[index]),
      after: textOf(after[index]),
    }));
    return await unifiedDiff([...files, ...pinned]);
  } finally {
    await Promise.all(changed.map((edit) => writeFile(edit.overlay.absoluteFile, edit.original)));
  }
}

async function isKustomization(folder: string): Promise<boolean> {
  const found = await Promise.all(
    KUSTOMIZATION_FILE_NAMES.map((name) =>
      access(join(folder, name)).then(
        () => true,
        () => false,
      ),
    ),
  );
  return found.includes(true);
}

function textOf(result: Awaited<ReturnType<typeof renderOverlay>>): string {
  return result.ok ? redactSecrets(result.yaml) : `# kustomize build failed: ${result.error.split('\n')[0]}\n`;
}
