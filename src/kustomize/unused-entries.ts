import * as core from '@actions/core';
import { availableParallelism } from 'node:os';
import { UserError } from '../errors.js';
import { mapWithLimit } from '../process/run-process.js';
import { isFirstMention } from '../log/log-once.js';
import type { ImageArgument } from './image-argument.js';
import { isImageMatched } from './image-reference.js';
import { planFileEdit } from './plan-edits.js';
import { suggestArgument } from './render-check.js';
import { collectRenderedImages, findRenderer, renderOverlay } from './render.js';
import type { FileEdit } from '../types.js';

/**
 * A new `images:` entry only matters where the overlay renders an image of
 * that name. When one run sets several images across several overlays (all
 * dev overlays, say), each overlay gets only the entries it uses; an argument
 * that no overlay uses is an error, since it would deploy nothing.
 *
 * Entries apply one after another, so an appended entry sees the images as the
 * earlier entries left them: matching against the current render is exact.
 */
export async function keepOnlyUsedNewEntries(
  edits: readonly FileEdit[],
  args: readonly ImageArgument[],
  // Names another kind of pin holds (a Helm values file, an Application): not "matched nothing".
  usedElsewhere: ReadonlySet<string> = new Set(),
): Promise<FileEdit[]> {
  const renderer = await findRenderer();
  if (!renderer) return [...edits];
  const used = new Set<string>(usedElsewhere);
  const rendersByOverlay = new Map<string, string[]>();

  const pruned = await mapWithLimit(edits, availableParallelism(), async (edit) => {
    for (const entry of edit.entries) used.add(entry.name);
    const added = edit.changes.filter((change) => change.before === null);
    if (added.length === 0 || edit.isComponent) return edit;
    const render = await renderOverlay(renderer, edit.overlay.absolutePath);
    if (!render.ok) return edit; // Cannot tell; keep kustomize's behaviour and let the render check warn.
    const images = collectRenderedImages(render.yaml);
    rendersByOverlay.set(edit.overlay.path, images);
    const unused = new Set(added.filter((change) => !images.some((image) => isImageMatched(image, change.name))).map((change) => change.name));
    for (const change of added) if (!unused.has(change.name)) used.add(change.name);
    if (unused.size === 0) return edit;
    // Planned again on a moved head or with a pull request's arguments: each overlay and image is told once.
    const untold = edits.length > 1 ? [...unused].filter((name) => isFirstMention(`unused entry ${edit.overlay.path} ${name}`)) : [];
    if (untold.length > 0) core.info(`${edit.overlay.path} renders no image named ${untold.join(', ')}; not adding an entry for it there.`);
    return planFileEdit(
      edit.overlay,
      edit.original,
      args.filter((argument) => !unused.has(argument.name)),
    );
  });

  const nowhere = args.filter((argument) => !used.has(argument.name));
  if (nowhere.length > 0) throw new UserError(describeUnmatched(nowhere, pruned, rendersByOverlay));
  return pruned;
}

function describeUnmatched(args: readonly ImageArgument[], edits: readonly FileEdit[], renders: Map<string, string[]>): string {
  const rendered = [...new Set([...renders.values()].flat())].sort();
  const where = edits.length === 1 ? edits[0].overlay.path : `any of ${edits.length} overlays`;
  return args
    .map((argument) => {
      const suggestion = suggestArgument(
        argument.name,
        argument.source,
        edits.flatMap((edit) => edit.entries),
      );
      const hint = suggestion ? ` Did you mean '${suggestion}'?` : '';
      return (
        `'${argument.source}' matches no image in ${where}: kustomize matches image names exactly (no registry added), so '${argument.name}' would ` +
        `change nothing. ` +
        `Rendered images: ${rendered.length > 0 ? rendered.join(', ') : 'none'}.${hint}`
      );
    })
    .join(' ');
}
