import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { findRenderer } from '../kustomize/render.js';
import type { PinKind } from '../types.js';
import { checkArgoKustomizeImages } from './argocd-application-effect.js';
import { checkArgoHelmParameters } from './argocd-helm-parameters-effect.js';
import { weakestVerification, type EffectContext, type EffectPart, type PinEffect, type PinEffectReport } from './effect-types.js';
import { checkHelmRelease } from './helm-release-effect.js';
import { findHelm } from './helm-template.js';
import { checkHelmValues } from './helm-values-effect.js';
import { checkImageSetters } from './image-setters-effect.js';
import type { PinEdit } from './pin-types.js';
import { RenderSlots } from './render-slots.js';
import { chartDefaults } from './repo-files.js';
import { findRepoApplications } from './repo-applications.js';
import { indexValuesFileUsers, type ValuesFileUsers } from './values-file-users.js';

export type { PinEffect, PinEffectReport, PinVerification } from './effect-types.js';

export interface PinEffectOptions {
  /** The helm program; null: it is not on PATH; undefined: look it up. */
  helm?: string | null;
  /** A Helm values pin's chart folder (relative to the root), by the pin's file, when the config names it. */
  charts?: Readonly<Record<string, string>>;
}

const CHECKS: Record<PinKind, (context: EffectContext, edit: PinEdit) => Promise<EffectPart[]>> = {
  'argocd-application': checkArgoKustomizeImages,
  'argocd-helm-parameters': checkArgoHelmParameters,
  'helm-values': checkHelmValues,
  'helm-release': checkHelmRelease,
  'image-setters': checkImageSetters,
};

/** Renders run two at a time: kustomize and helm each keep a core busy, and the runners have two. */
const RENDERS_AT_ONCE = 2;

/**
 * The check that each pin's edit takes effect: writes the edited texts into
 * the tree at `root`, follows each pin to what its controller renders (per
 * kind: see each check), and puts the original files back whatever happens.
 * Throws one UserError when a new reference does not take effect (each
 * failure one sentence naming the pin, the image and what the render showed
 * instead); otherwise reports how far each pin was verified, with warnings
 * for what could not be.
 */
export async function checkPinEffects(root: string, edits: readonly PinEdit[], options: PinEffectOptions = {}): Promise<PinEffectReport> {
  const changed = edits.filter((edit) => edit.changes.length > 0);
  if (changed.length === 0) return { pins: [] };
  const context = await contextFor(root, options);
  const outcomes: Array<PromiseSettledResult<EffectPart[]>> = [];
  try {
    await Promise.all(changed.map((edit) => writeFile(join(root, edit.pin.file), edit.text)));
    // Every check settles before the files are put back: one still rendering may have a file of the tree rewritten for a moment.
    outcomes.push(...(await Promise.allSettled(changed.map((edit) => CHECKS[edit.pin.kind](context, edit)))));
  } finally {
    await Promise.all(changed.map((edit) => writeFile(join(root, edit.pin.file), edit.original)));
  }
  const rejected = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (rejected) throw rejected.reason;
  const parts = outcomes.map((outcome) => (outcome as PromiseFulfilledResult<EffectPart[]>).value);
  const failures = parts.flat().flatMap((part) => (part.failure ? [part.failure] : []));
  if (failures.length > 0) throw new UserError(failures.join(' '));
  return { pins: changed.map((edit, index) => effectOf(edit, parts[index])) };
}

async function contextFor(root: string, options: PinEffectOptions): Promise<EffectContext> {
  let valuesFileUsers: Promise<ValuesFileUsers> | undefined;
  const defaults = new Map<string, Promise<unknown>>();
  const [helm, renderer] = await Promise.all([options.helm === undefined ? findHelm() : Promise.resolve(options.helm), findRenderer()]);
  return {
    root,
    helm,
    renderer,
    slots: new RenderSlots(RENDERS_AT_ONCE),
    charts: options.charts ?? {},
    valuesFileUsers: () => (valuesFileUsers ??= findRepoApplications(root).then((found) => indexValuesFileUsers(root, found))),
    // The edited files are in the tree before any check reads them, and stay until every check is done: one reading holds for the run.
    chartDefaults: (chartFolder) => {
      let values = defaults.get(chartFolder);
      if (!values) defaults.set(chartFolder, (values = chartDefaults(chartFolder, root)));
      return values;
    },
  };
}

function effectOf(edit: PinEdit, parts: readonly EffectPart[]): PinEffect {
  return {
    pin: edit.pin,
    verified: weakestVerification(parts),
    details: parts
      .map((part) => part.details)
      .filter((details) => details !== '')
      .join(' '),
    warnings: [...new Set(parts.flatMap((part) => part.warnings ?? []))],
  };
}
