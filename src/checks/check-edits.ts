import * as core from '@actions/core';
import { writeFile } from 'node:fs/promises';

import type { RenderCache } from '../kustomize/render-cache.js';
import { warningOnce } from '../log/log-once.js';
import type { RenderGuard } from '../kustomize/verify-render.js';
import { pinLabel } from '../pins/pin-types.js';
import type { ValidationSettings } from '../validate/validation-settings.js';
import type { FileEdit, Overlay, Pin } from '../types.js';

/** What a writing command checks before anything leaves the machine. */
export interface EditChecks {
  /** Render each edited overlay with kustomize and fail when the new reference renders nowhere. */
  verifyRender: boolean;
  /** set-image's guard on the render (downgrades of what runs); promote copies what the source runs and has none. */
  renderGuard?: RenderGuard;
  /** Validate the edited overlays, with the target environment's policy. */
  validation?: ValidationSettings;
  /** Where annotation paths are relative to (GITHUB_WORKSPACE). */
  workspace?: string;
}

/** Which checks ran and passed in this run: the PR checklist ticks only these. */
export interface Verified {
  render: boolean;
  validation: boolean;
  /** Why `render` is not ticked although the render check ran: the pins it could only read, not render (helm not on PATH, say). */
  renderNote?: string;
}

/**
 * Edit, check, put back: writes the edits into the snapshot, runs the render
 * check and validation on them, and restores the original files whatever
 * happens. Landing then writes the files itself (a commit, or the GitHub API),
 * so a failed check never leaves a half-edited tree. Each edited overlay is
 * rendered once for both checks (the guard of set-image also renders it as it
 * was before the edit, to compare, where the edit alone cannot say what ran
 * then: render-before-needed.ts); with kustomize-args, validation renders
 * with them and the render check without, so those renders are not shared.
 */
export async function checkEdits(
  root: string,
  edits: readonly FileEdit[],
  checks: EditChecks,
  title = 'Validating the edited overlays',
  // A caller that renders the edited overlays again (promote's rendered diff) passes its own, to reuse these renders.
  given?: RenderCache,
): Promise<Verified> {
  const verified: Verified = { render: false, validation: false };
  // Nothing to check: the files are not written and put back (for a few hundred overlays, that was most of the time),
  // and the checks' code (the renderer, the guard, the validators) is not loaded.
  if (edits.length === 0 || (!checks.verifyRender && !checks.validation)) return verified;
  const [{ RenderCache }, { verifyRenderedImages }] = await Promise.all([import('../kustomize/render-cache.js'), import('../kustomize/verify-render.js')]);
  const renders = given ?? new RenderCache();
  // The other pins are checked by their own kind's effect (an Application's source rendered with its images, a chart templated).
  const overlayEdits = edits.filter((edit) => !edit.pins);
  const unrendered = checks.verifyRender ? await checkPinEffectsOf(root, edits) : [];
  await Promise.all(overlayEdits.map((edit) => writeFile(edit.overlay.absoluteFile, edit.text)));
  // `renders` holds renders of the edited files: valid while the files hold the edits' text.
  try {
    if (checks.verifyRender) {
      await verifyRenderedImages(overlayEdits, checks.renderGuard, renders);
      // A pin checked only by reading its file passed, with a warning; the checklist does not claim a render for it.
      verified.render = unrendered.length === 0;
      if (unrendered.length > 0) verified.renderNote = `${namePins(unrendered)}: checked without a render; see the run's warnings`;
    }
    if (checks.validation && overlayEdits.length > 0) {
      await validateOrFail(
        root,
        overlayEdits.map((edit) => edit.overlay),
        checks.validation,
        title,
        checks.workspace,
        renders,
      );
      verified.validation = true;
    }
  } finally {
    await Promise.all(overlayEdits.map((edit) => writeFile(edit.overlay.absoluteFile, edit.original)));
  }
  return verified;
}

/**
 * The effect check of every pin edited, with what it could not verify said as
 * a warning (never a silent pass), once a run (a pull request's edit is checked
 * before GitHub is reached and again with the arguments the PR carries).
 * Returns the labels of the pins it could not follow to a render.
 */
async function checkPinEffectsOf(root: string, edits: readonly FileEdit[]): Promise<string[]> {
  const pinEdits = edits.flatMap((edit) => (edit.pins ?? []).map(({ pin, changes }) => ({ pin, original: edit.original, text: edit.text, changes })));
  if (pinEdits.length === 0) return [];
  const { checkPinEffects } = await import('../pins/check-pin-effects.js');
  const report = await checkPinEffects(root, pinEdits);
  for (const warning of groupedWarnings(report.pins)) warningOnce(warning);
  return report.pins.filter((effect) => effect.verified !== 'render' && effect.verified !== 'helm-template').map((effect) => pinLabel(effect.pin));
}

/** At most this many pins are named in one warning or note; a thousand values files say "helm is not on PATH" once. */
const NAMED_PINS = 3;

/**
 * The pins' warnings, one line for each thing that could not be verified: a
 * warning that many pins share after their label (`<pin>: helm is not on
 * PATH, …`) names a few of them and counts the rest.
 */
export function groupedWarnings(effects: ReadonlyArray<{ pin: Pin; warnings: readonly string[] }>): string[] {
  const byRest = new Map<string, string[]>();
  const lines: string[] = [];
  for (const effect of effects) {
    const label = pinLabel(effect.pin);
    for (const warning of effect.warnings) {
      if (!warning.startsWith(`${label}: `)) {
        lines.push(warning);
        continue;
      }
      const rest = warning.slice(label.length + 2);
      byRest.set(rest, [...(byRest.get(rest) ?? []), label]);
    }
  }
  for (const [rest, labels] of byRest) lines.push(`${namePins(labels)}: ${rest}`);
  return lines;
}

/** `a, b and c`, or `a, b, c and 997 more pins`. */
export function namePins(labels: readonly string[]): string {
  if (labels.length <= NAMED_PINS) return labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1) ?? ''}`;
  return `${labels.slice(0, NAMED_PINS).join(', ')} and ${labels.length - NAMED_PINS} more pins`;
}

/** Validate or fail: validates the overlays, annotates the findings, and on an error writes the summary and throws its one line. */
export async function validateOrFail(
  root: string,
  overlays: readonly Overlay[],
  settings: ValidationSettings,
  title: string,
  workspace: string | undefined,
  renders?: RenderCache,
): Promise<void> {
  const [{ validateOverlays }, { annotate, validationFailure, writeValidationSummary }] = await Promise.all([
    import('../validate/validate-overlays.js'),
    import('../validate/validation-output.js'),
  ]);
  const report = await core.group(title, () => validateOverlays(overlays, { ...settings, repoRoot: root, policyFor: () => settings.policy, renders }));
  annotate(report, root, workspace);
  const failure = validationFailure(report);
  if (failure) {
    await writeValidationSummary(report);
    throw failure;
  }
}
