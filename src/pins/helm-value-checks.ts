import { collectRenderedImages, type RenderResult } from '../kustomize/render.js';
import { describeExpected } from '../kustomize/render-check.js';
import { describeRenderedImages, notInEffect } from './effect-messages.js';
import type { EffectContext, EffectPart } from './effect-types.js';
import { valueAtPath } from './effect-yaml.js';
import { judgeFailedRender } from './failed-render.js';
import { templateChart, type HelmTemplateCall } from './helm-template.js';
import { pinLabel, type PinChange, type PinEdit } from './pin-types.js';
import { describeHeld, expectedOfChange, heldReference, holdsExpected, pathsOfChange, rendersPinnedExpected } from './pinned-reference.js';
import type { ImagePaths, Pin } from '../types.js';

/**
 * The two checks of a Helm pin's values: structural (the values as Helm
 * merges them hold the new reference at the pin's paths) and by template
 * (`helm template` prints the new reference into an image). `layers` are the
 * values highest first (parameters, inline values, values files, the chart's
 * defaults), so that a layer above the edited file that sets the same path
 * (an Application's parameter) shows as what wins.
 */

export interface ValueVerdict {
  failures: string[];
  warnings: string[];
}

/** For each change, whether the merged values hold the new reference; `where` names them in a failure. */
export function checkHeldValues(pin: Pin, changes: readonly PinChange[], layers: readonly unknown[], where: string, prefix = ''): ValueVerdict {
  const verdict: ValueVerdict = { failures: [], warnings: [] };
  for (const change of changes) {
    const paths = pathsOfChange(pin, change, layers);
    if (!paths) {
      verdict.warnings.push(`${pinLabel(pin)}: which values hold ${change.name} is not known (name it in the pin's images:), so it is not checked.`);
      continue;
    }
    const held = heldReference(layers, paths);
    const expected = expectedOfChange(change, held);
    if (!holdsExpected(held, expected)) verdict.failures.push(notInEffect(pin, expected, `${where} hold ${describeHeld(layers, paths, prefix) || 'nothing'}`));
  }
  return verdict;
}

/**
 * A path the edit added to the file (it did not hold it before) that the
 * chart's values.yaml does not declare: perhaps a misspelt path that no
 * template reads. Said as a warning: a template may read a path its defaults
 * leave out (an optional digest).
 */
export function undeclaredAddedPaths(
  pin: Pin,
  changes: readonly PinChange[],
  original: unknown,
  edited: unknown,
  defaults: unknown,
  chartPath: string,
): string[] {
  const warnings: string[] = [];
  for (const change of changes) {
    const paths = pathsOfChange(pin, change, [edited, original]);
    for (const path of pathsOf(paths)) {
      if (valueAtPath(original, path) !== undefined || valueAtPath(edited, path) === undefined || valueAtPath(defaults, path) !== undefined) continue;
      warnings.push(`${pinLabel(pin)}: the edit adds ${path}, which ${chartPath}/values.yaml does not declare; check that the chart reads it.`);
    }
  }
  return warnings;
}

function pathsOf(paths: ImagePaths | undefined): string[] {
  if (!paths) return [];
  return [paths.reference, paths.repository, paths.tag, paths.digest].filter((path): path is string => path !== undefined && path !== '');
}

/**
 * Templates the chart and requires each change's reference among the images.
 * `makeCall` reads the pin's file from the tree, so that a failed template can
 * be tried again with the file as it was before the edit.
 */
export async function templateAndCheck(
  context: EffectContext,
  edit: PinEdit,
  helm: string,
  makeCall: () => Promise<HelmTemplateCall>,
  layers: readonly unknown[],
  what: string,
): Promise<EffectPart> {
  const render = async (): Promise<RenderResult> => templateChart(helm, await makeCall());
  const result = await context.slots.shared(render);
  if (!result.ok) return judgeFailedRender(context, edit, result, render, what, 'helm-template');
  const rendered = collectRenderedImages(result.yaml);
  const failures: string[] = [];
  const shown: string[] = [];
  for (const change of edit.changes) {
    const paths = pathsOfChange(edit.pin, change, layers);
    const expected = expectedOfChange(change, paths ? heldReference(layers, paths) : undefined);
    shown.push(describeExpected(expected));
    if (!rendersPinnedExpected(rendered, expected)) failures.push(notInEffect(edit.pin, expected, describeRenderedImages(what, rendered, expected)));
  }
  return {
    verified: 'helm-template',
    details: `helm template of ${what}: ${shown.join(', ')} among its images.`,
    failure: failures.length > 0 ? failures.join(' ') : undefined,
  };
}
