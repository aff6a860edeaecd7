import { availableParallelism } from 'node:os';
import { writeFile } from 'node:fs/promises';

import type { RenderCache } from '../kustomize/render-cache.js';
import { findRenderer, renderOverlay } from '../kustomize/render.js';
import { mapWithLimit } from '../process/run-process.js';
import { redactSecrets } from '../report/pull-request-body.js';
import { unifiedDiff } from '../report/text-diff.js';
import type { FileEdit } from '../types.js';

/**
 * `kustomize build` of each edited target overlay before and after the edit,
 * as one unified diff with Secret data redacted. The snapshot must hold the
 * original files when this is called; they hold them again afterwards. The
 * renders after the edit come from `afterEdit` when the checks made them
 * already (the same files, so the same render), and those before it from
 * `beforeEdit` when planning made them (a target given a new entry). The
 * renders before the edit are this diff's own price otherwise: nothing else
 * in a promotion renders the target as it is.
 */
export async function renderedDiff(edits: readonly FileEdit[], afterEdit?: RenderCache, beforeEdit?: RenderCache): Promise<string | undefined> {
  const renderer = await findRenderer();
  if (!renderer) return undefined;
  const changed = edits.filter((edit) => edit.changes.length > 0 && !edit.isComponent && !edit.pins);
  // A pin's file (a values file, an Application) is what its controller reads: its own diff says what changes.
  const pinned = edits
    .filter((edit) => edit.changes.length > 0 && edit.pins)
    .map((edit) => ({ file: edit.overlay.file, before: edit.original, after: edit.text }));
  const before = await mapWithLimit(changed, availableParallelism(), (edit) =>
    beforeEdit ? beforeEdit.render(renderer, edit.overlay.absolutePath) : renderOverlay(renderer, edit.overlay.absolutePath),
  );
  await Promise.all(changed.map((edit) => writeFile(edit.overlay.absoluteFile, edit.text)));
  try {
    const after = await mapWithLimit(changed, availableParallelism(), (edit) =>
      afterEdit ? afterEdit.render(renderer, edit.overlay.absolutePath) : renderOverlay(renderer, edit.overlay.absolutePath),
    );
    const files = changed.map((edit, index) => ({
      file: `${edit.overlay.path}.rendered.yaml`,
      before: textOf(before[index]),
      after: textOf(after[index]),
    }));
    return await unifiedDiff([...files, ...pinned]);
  } finally {
    await Promise.all(changed.map((edit) => writeFile(edit.overlay.absoluteFile, edit.original)));
  }
}

function textOf(result: Awaited<ReturnType<typeof renderOverlay>>): string {
  return result.ok ? redactSecrets(result.yaml) : `# kustomize build failed: ${result.error.split('\n')[0]}\n`;
}
