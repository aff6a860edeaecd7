import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseYamlStream } from '../kustomize/rendered-yaml.js';
import { renderOverlay } from '../kustomize/render.js';
import { describeExpected, expectedImageOf, rendersExpectedImage, type ExpectedImage } from '../kustomize/render-check.js';
import { joinFailures } from './effect-messages.js';
import type { EffectContext, EffectPart } from './effect-types.js';
import { describeResource, findRenderedResource, scalarText, valueAtPath } from './effect-yaml.js';
import { judgeFailedRender } from './failed-render.js';
import { pinLabel, type PinEdit } from './pin-types.js';
import { kustomizationFileIn, listsResource, repoPath } from './repo-files.js';
import { changedSetterFields, describePath, findSetterFields, type SetterField } from './setter-fields.js';

/**
 * Fields marked with a Flux setter comment. The edited file must re-parse and
 * a changed setter field must hold each new value; when the file is part of
 * the kustomization of its folder, the folder is rendered and each changed
 * field must come out of the render as the file has it (an `images:` entry or
 * a patch of the kustomization could set it over). A file in a folder without
 * a kustomization is applied by Flux as it is.
 */
export async function checkImageSetters(context: EffectContext, edit: PinEdit): Promise<EffectPart[]> {
  const { pin } = edit;
  const label = pinLabel(pin);
  const changed = changedSetterFields(findSetterFields(edit.original, pin.file), findSetterFields(edit.text, pin.file));
  const unheld = edit.changes.map(expectedImageOf).filter((expected) => !changed.some((field) => fieldHolds(field, expected)));
  if (unheld.length > 0) {
    const held = changed.length > 0 ? changed.map((field) => `${describePath(field.path)}=${field.value}`).join(', ') : 'nothing';
    const failure = `${label}: ${unheld.map(describeExpected).join(', ')} is in no setter field of the edited file (its changed setter fields hold ${held}).`;
    return [{ verified: 'structural', details: '', failure }];
  }
  const folder = dirname(join(context.root, pin.file));
  const folderPath = repoPath(context.root, folder);
  const kustomization = await kustomizationFileIn(folder);
  const structural = (details: string, warnings: string[] = []): EffectPart[] => [
    { verified: 'structural', details: `${details} The edited file re-parses, and its setter fields hold the new values.`, warnings },
  ];
  if (!kustomization) return structural(`${folderPath} has no kustomization file: Flux applies ${basename(pin.file)} as it is, so no render was needed.`);
  const kustomizationPath = repoPath(context.root, kustomization);
  if (!listsResource(await readFile(kustomization, 'utf8'), kustomizationPath, basename(pin.file))) {
    return structural(`${kustomizationPath} does not list ${basename(pin.file)} under resources:.`, [
      `${label}: ${kustomizationPath} does not list ${basename(pin.file)} under resources:, so Flux applies it only if another kustomization includes it; not rendered.`,
    ]);
  }
  if (!context.renderer) {
    return structural('Not rendered.', [
      `${label}: neither kustomize nor kubectl is on PATH, so ${folderPath} was not rendered: its kustomization could still set these fields over.`,
    ]);
  }
  const renderer = context.renderer;
  const render = () => renderOverlay(renderer, folder);
  const result = await context.slots.shared(render);
  if (!result.ok) return [await judgeFailedRender(context, edit, result, render, folderPath, 'render')];
  const documents = parseYamlStream(result.yaml).values;
  const failures: string[] = [];
  const warnings: string[] = [];
  for (const field of changed) {
    const where = describePath(field.path);
    if (!field.resource) {
      warnings.push(`${label}: the setter field ${where} is in a document that is no Kubernetes resource (no kind), so it is not looked for in the render.`);
      continue;
    }
    const resource = findRenderedResource(documents, field.resource);
    if (!resource) {
      failures.push(`${label}: the render of ${folderPath} holds no ${describeResource(field.resource)}, where ${field.value} was set.`);
      continue;
    }
    const rendered = scalarText(valueAtPath(resource, field.path));
    if (rendered !== field.value) {
      failures.push(
        `${label}: ${field.value} does not take effect: the render of ${folderPath} holds ${rendered || 'nothing'} at ${describeResource(field.resource)} ${where} (${kustomizationPath} sets it over: an images: entry or a patch?).`,
      );
    }
  }
  return [
    {
      verified: 'render',
      details: `Rendered ${folderPath}: each changed setter field comes out of the render as the edited file has it.`,
      warnings,
      failure: joinFailures(failures),
    },
  ];
}

/** Whether a setter field holds its part of the expected reference. */
function fieldHolds(field: SetterField, expected: ExpectedImage): boolean {
  switch (field.part) {
    case 'reference':
      return rendersExpectedImage([field.value], expected);
    case 'tag':
      return field.value === expected.tag;
    case 'name':
      return field.value === expected.name;
    case 'digest':
      return field.value === expected.digest;
  }
}
