import * as core from '@actions/core';
import { availableParallelism } from 'node:os';
import { isImageMatched } from '../kustomize/image-reference.js';
import { planFileEdit } from '../kustomize/plan-edits.js';
import { RenderCache } from '../kustomize/render-cache.js';
import { collectRenderedImages, findRenderer } from '../kustomize/render.js';
import { mapWithLimit } from '../process/run-process.js';
import { isFirstMention } from '../log/log-once.js';
import type { AppPromotion } from './promotion-plan.js';
import type { FileEdit } from '../types.js';

/**
 * An image the target does not list is added only where the target's render
 * uses it; otherwise it stays behind with a notice (a dev-only sidecar stays
 * in dev). Without kustomize the entry is added, as set-image would. The
 * target overlays are rendered as they are, through `renders`, so that the
 * rendered diff of the pull request can use them as its 'before'.
 */
export async function dropUnrenderedNewEntries(apps: readonly AppPromotion[], renders = new RenderCache()): Promise<AppPromotion[]> {
  const renderer = await findRenderer();
  if (!renderer) return [...apps];
  return Promise.all(
    apps.map(async (app) => {
      const skipped: string[] = [];
      const edits = await mapWithLimit(app.edits, availableParallelism(), async (edit): Promise<FileEdit> => {
        const added = edit.changes.filter((change) => change.before === null);
        // A pin's file is no overlay to render: the pin's own effect check judges it.
        if (added.length === 0 || edit.isComponent || edit.pins) return edit;
        const render = await renders.render(renderer, edit.overlay.absolutePath);
        if (!render.ok) return edit; // The render check will report it.
        const images = collectRenderedImages(render.yaml);
        const unused = new Set(added.filter((change) => !images.some((image) => isImageMatched(image, change.name))).map((change) => change.name));
        if (unused.size === 0) return edit;
        // Planned again on a moved head: each overlay and image is told once.
        const untold = [...unused].filter((name) => isFirstMention(`unrendered entry ${edit.overlay.path} ${name}`));
        if (untold.length > 0)
          core.notice(`${edit.overlay.path} renders no image named ${untold.join(', ')}; it stays in the source environment and is not promoted there.`);
        skipped.push(...[...unused].map((name) => unrenderedReason(name, edit.overlay.path)));
        return planFileEdit(
          edit.overlay,
          edit.original,
          app.images.filter((argument) => !unused.has(argument.name)),
        );
      });
      return skipped.length > 0 ? { ...app, edits, skipped: [...(app.skipped ?? []), ...skipped] } : { ...app, edits };
    }),
  );
}

/** The "Not promoted" line of an image the target's render does not use. */
export function unrenderedReason(image: string, overlay: string): string {
  return `\`${image}\`: \`${overlay}\` renders no image of that name, so it stays in the source environment (a source-only image, such as a debug sidecar).`;
}
