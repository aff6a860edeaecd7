import * as core from '@actions/core';
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { InputError, UserError } from '../errors.js';
import { describeRenderedDowngrades, entryDowngrade, renderedDowngrades } from './image-downgrades.js';
import { mapWithLimit } from '../process/run-process.js';
import { warningOnce } from '../log/log-once.js';
import { splitImageReference } from './image-reference.js';
import { parseKustomization } from './kustomization-document.js';

import { describeOverridingEntry, describeRenamedIntoNoOp, findOverridingEntry, findRenamedInto, refusedWhenNoOp } from './renamed-into.js';
import { compareRenders } from './render-comparison.js';
import { whyRenderBefore } from './render-before-needed.js';
import { collectImageSites, findRenderer, renderOverlay, type Renderer, type RenderResult } from './render.js';
import { RenderCache } from './render-cache.js';
import { describeExpected, expectedImageOf, rendersExpectedImage, suggestArgument } from './render-check.js';
import type { FileEdit, ImageEntryChange } from '../types.js';

/**
 * set-image's guard on the render: the overlay's render before the edit and
 * after it are compared, and a semver downgrade of what runs, or an argument
 * named after the image another entry renames into that changes nothing, is
 * refused. Where the edit alone says what the overlay rendered before, it is
 * not rendered again (render-before-needed.ts). promote leaves the guard off:
 * it copies what the source runs.
 */
export interface RenderGuard {
  allowDowngrade: boolean;
}

interface OverlayVerdict {
  /** The edit does not render what it sets (or does not render at all). */
  failure?: string;
  /** The render is fine, but the guard refuses what it shows. */
  refusal?: string;
}

/**
 * Renders each edited overlay (the edit already written to disk) and fails
 * when a new reference shows up nowhere: kustomize matches image names
 * exactly, so a name that matches nothing would deploy nothing, silently.
 * Overlays that did not render before the edit either are skipped with a warning.
 * With a guard, each overlay's render before the edit is compared with the one after,
 * where the edit alone cannot say what the overlay rendered before.
 * The render after the edit goes through `renders`, so that validation can use it too.
 */
export async function verifyRenderedImages(edits: readonly FileEdit[], guard?: RenderGuard, renders = new RenderCache()): Promise<void> {
  const changed = edits.filter((edit) => edit.changes.length > 0);
  if (changed.length === 0) return;
  const renderer = await findRenderer();
  if (!renderer) {
    warningOnce('Render check skipped: neither kustomize nor kubectl is on PATH. Install one, or set verify-render: false.');
    return;
  }
  // Every render after the edit first: a render before an edit rewrites that kustomization for a moment, which must not leak into them.
  const rendered = changed.filter((edit) => !edit.isComponent);
  await mapWithLimit(rendered, availableParallelism(), (edit) => renders.render(renderer, edit.overlay.absolutePath));
  const verdicts = await mapWithLimit(changed, availableParallelism(), (edit) => checkOverlay(renderer, renders, edit, guard));
  const failures = verdicts.flatMap((verdict) => (verdict.failure ? [verdict.failure] : []));
  if (failures.length > 0) throw new UserError(failures.join(' '));
  const refusals = verdicts.flatMap((verdict) => (verdict.refusal ? [verdict.refusal] : []));
  if (refusals.length > 0) throw new InputError('images', refusals.join(' '));
}

async function checkOverlay(renderer: Renderer, renders: RenderCache, edit: FileEdit, guard: RenderGuard | undefined): Promise<OverlayVerdict> {
  const { overlay } = edit;
  if (edit.isComponent) {
    warningOnce(
      `Render check skipped for ${overlay.path}: it is a kustomize Component, which takes effect only where a Kustomization lists it under components:.`,
    );
    return {};
  }
  const after = await renders.render(renderer, overlay.absolutePath);
  // The render before the edit: only to explain a failure, or for the guard to compare with.
  let before: RenderResult | undefined;
  const renderBefore = async (): Promise<RenderResult> => (before ??= await renderWithText(renderer, edit, edit.original));
  const skipped = (result: RenderResult & { ok: false }): OverlayVerdict => {
    warningOnce(`Render check skipped for ${overlay.path}: it did not render before the edit either (${firstLine(result.error)}).`);
    return {};
  };

  if (!after.ok) {
    const earlier = await renderBefore();
    if (!earlier.ok) return skipped(earlier);
    return { failure: `${overlay.file}: the edited kustomization no longer renders: ${firstLine(after.error)}` };
  }
  const afterSites = collectImageSites(after.yaml);
  const rendered = [...new Set(afterSites.map((site) => site.reference))].sort();
  const missing = edit.changes.filter((change) => !rendersExpectedImage(rendered, expectedImageOf(change)));
  if (missing.length > 0) {
    const earlier = await renderBefore();
    if (!earlier.ok) return skipped(earlier);
    return { failure: missing.map((change) => describeMissing(edit, change, rendered)).join(' ') };
  }
  if (!guard) return {};
  const renamedInto = findRenamedInto(edit.changes, edit.entries);
  const noOpCandidates = renamedInto.filter(refusedWhenNoOp);
  // Downgrades allowed and no entry that may change nothing: the guard has nothing to compare, so no render before the edit.
  if (guard.allowDowngrade && noOpCandidates.length === 0) return {};
  // The edit alone says what ran (render-before-needed.ts), and its entries lower no tag: the render would move only what they move.
  const lowersNoTag = edit.changes.every((change) => !entryDowngrade(change, edit.entries));
  if (noOpCandidates.length === 0 && lowersNoTag && !whyRenderBefore(edit.original, overlay.file, edit.changes)) return {};

  const earlier = await renderBefore();
  if (!earlier.ok) {
    core.info(`The downgrade check on the render is skipped for ${overlay.path}: it did not render before the edit (${firstLine(earlier.error)}).`);
    return {};
  }
  const moves = compareRenders(collectImageSites(earlier.yaml), afterSites);
  const refusals: string[] = [];
  const downgrades = guard.allowDowngrade ? [] : renderedDowngrades(moves);
  if (downgrades.length > 0) refusals.push(describeRenderedDowngrades(overlay.path, downgrades, renamedInto));
  for (const found of noOpCandidates) {
    const name = expectedImageOf(found.change).name;
    const named = (reference: string): boolean => splitImageReference(reference).name === name;
    if (moves.some((move) => named(move.from) || named(move.to))) continue;
    refusals.push(describeRenamedIntoNoOp(found, overlay.path, rendered.filter(named)));
  }
  return refusals.length > 0 ? { refusal: refusals.join(' ') } : {};
}

function describeMissing(edit: FileEdit, change: ImageEntryChange, rendered: readonly string[]): string {
  const { overlay } = edit;
  const renders = `The overlay renders: ${rendered.length > 0 ? rendered.join(', ') : 'no images'}.`;
  const expected = `${overlay.path}: after setting '${change.argument}', no rendered image is ${describeExpected(expectedImageOf(change))}`;
  const overriding = findOverridingEntry(change, parseKustomization(edit.text, overlay.file).entries);
  if (overriding) return `${expected}. ${describeOverridingEntry(change, overriding)} ${renders}`;
  const hint = suggestArgument(change.name, change.argument, edit.entries);
  return (
    `${expected}; kustomize matches image names exactly (no registry added), so '${change.name}' matched nothing. ${renders}` +
    (hint ? ` Did you mean '${hint}'?` : '')
  );
}

/** Renders the overlay with `text` as its kustomization, then puts the edited text back. */
async function renderWithText(renderer: Renderer, edit: FileEdit, text: string): Promise<RenderResult> {
  await writeFile(edit.overlay.absoluteFile, text);
  try {
    return await renderOverlay(renderer, edit.overlay.absolutePath);
  } finally {
    await writeFile(edit.overlay.absoluteFile, edit.text);
  }
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? text
  );
}
