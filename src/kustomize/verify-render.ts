import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { UserError } from '../errors.js';
import { mapWithLimit } from '../process/run-process.js';
import { warningOnce } from '../report/log-once.js';
import type { FileEdit } from './plan-edits.js';
import { collectRenderedImages, findRenderer, renderOverlay, type Renderer } from './render.js';
import { describeExpected, expectedImageOf, rendersExpectedImage, suggestArgument } from './render-check.js';

/**
 * Renders each edited overlay (the edit already written to disk) and fails
 * when a new reference shows up nowhere: kustomize matches image names
 * exactly, so a name that matches nothing would deploy nothing, silently.
 * Overlays that did not render before the edit either are skipped with a warning
 * (said once per run: a run may check the same overlay twice).
 */
export async function verifyRenderedImages(edits: readonly FileEdit[]): Promise<void> {
  const changed = edits.filter((edit) => edit.changes.length > 0);
  if (changed.length === 0) return;
  const renderer = await findRenderer();
  if (!renderer) {
    warningOnce('Render check skipped: neither kustomize nor kubectl is on PATH. Install one, or set verify-render: false.');
    return;
  }
  const problems = await mapWithLimit(changed, availableParallelism(), (edit) => checkOverlay(renderer, edit));
  const failures = problems.filter((problem): problem is string => problem !== undefined);
  if (failures.length > 0) throw new UserError(failures.join(' '));
}

async function checkOverlay(renderer: Renderer, edit: FileEdit): Promise<string | undefined> {
  const { overlay } = edit;
  if (edit.isComponent) {
    warningOnce(`Render check skipped for ${overlay.path}: it is a kustomize Component, which takes effect only where a Kustomization lists it under components:.`);
    return undefined;
  }
  const after = await renderOverlay(renderer, overlay.absolutePath);
  if (!after.ok) {
    const before = await renderWithText(renderer, edit, edit.original);
    if (!before.ok) {
      warningOnce(`Render check skipped for ${overlay.path}: it did not render before the edit either (${firstLine(before.error)}).`);
      return undefined;
    }
    return `${overlay.file}: the edited kustomization no longer renders: ${firstLine(after.error)}`;
  }
  const rendered = collectRenderedImages(after.yaml);
  const missing = edit.changes.filter((change) => !rendersExpectedImage(rendered, expectedImageOf(change)));
  if (missing.length === 0) return undefined;

  const before = await renderWithText(renderer, edit, edit.original);
  if (!before.ok) {
    warningOnce(`Render check skipped for ${overlay.path}: it did not render before the edit either (${firstLine(before.error)}).`);
    return undefined;
  }
  return missing
    .map((change) => {
      const hint = suggestArgument(change.name, change.argument, edit.entries);
      return (
        `${overlay.path}: after setting '${change.argument}', no rendered image is ${describeExpected(expectedImageOf(change))}; ` +
        `kustomize matches image names exactly (no registry added), so '${change.name}' matched nothing. ` +
        `The overlay renders: ${rendered.length > 0 ? rendered.join(', ') : 'no images'}.` +
        (hint ? ` Did you mean '${hint}'?` : '')
      );
    })
    .join(' ');
}

/** Renders the overlay with `text` as its kustomization, then puts the edited text back. */
async function renderWithText(renderer: Renderer, edit: FileEdit, text: string) {
  await writeFile(edit.overlay.absoluteFile, text);
  try {
    return await renderOverlay(renderer, edit.overlay.absolutePath);
  } finally {
    await writeFile(edit.overlay.absoluteFile, edit.text);
  }
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? text;
}
