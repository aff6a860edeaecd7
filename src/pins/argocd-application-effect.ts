import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseImageArgument, type ImageArgument } from '../kustomize/image-argument.js';
import { collectRenderedImages, renderOverlay, type RenderResult } from '../kustomize/render.js';
import { describeExpected, expectedImageOf, rendersExpectedImage } from '../kustomize/render-check.js';
import { setImagesInKustomization } from '../kustomize/set-image-edit.js';
import { readApplications, type ArgoApplication, type ArgoSource } from './argocd-sources.js';
import { describeRenderedImages, notInEffect } from './effect-messages.js';
import type { EffectContext, EffectPart } from './effect-types.js';
import { judgeFailedRender } from './failed-render.js';
import { pinLabel, type PinChange, type PinEdit } from './pin-types.js';
import { insideRepo, isFolder, kustomizationFileIn, repoPath } from './repo-files.js';

/**
 * An Application's `kustomize.images`, followed to the render: Argo CD runs
 * `kustomize edit set image <each entry>` in the source's folder and then
 * builds it, so an entry replaces the newName/newTag/digest of the
 * kustomization's own entry for that image (which a wrapper overlay around the
 * folder would not: its entry would apply after the folder's). The check does
 * the same edit on the source's kustomization for the length of one render,
 * and puts the file back. Only the images are applied: the other options
 * Argo CD sets the same way (namePrefix, namespace, commonLabels, replicas)
 * change no image; patches and components could, and are named in a warning.
 */
export async function checkArgoKustomizeImages(context: EffectContext, edit: PinEdit): Promise<EffectPart[]> {
  const parts: EffectPart[] = [];
  const covered = new Set<PinChange>();
  for (const application of readApplications(edit.text, edit.pin.file)) {
    for (const source of application.sources) {
      const names = new Set(source.kustomizeImages.map((image) => argumentNameOf(image)));
      const changes = edit.changes.filter((change) => names.has(change.name));
      if (changes.length === 0) continue;
      changes.forEach((change) => covered.add(change));
      parts.push(await checkSource(context, edit, application, source, changes));
    }
  }
  const strays = edit.changes.filter((change) => !covered.has(change));
  if (strays.length > 0) {
    const images = strays.map((change) => describeExpected(expectedImageOf(change))).join(', ');
    parts.push({
      verified: 'structural',
      details: '',
      failure: `${pinLabel(edit.pin)}: no source of the edited Application holds kustomize images for ${images}.`,
    });
  }
  return parts;
}

async function checkSource(context: EffectContext, edit: PinEdit, application: ArgoApplication, source: ArgoSource, changes: PinChange[]): Promise<EffectPart> {
  const label = pinLabel(edit.pin);
  const where = `${application.name} ${source.location}`;
  if (source.chart) {
    return notVerifiable(
      label,
      `${where} is the chart ${source.chart} of ${source.repoURL}, not a kustomization of this repository; its kustomize images are not checked.`,
    );
  }
  const folder = source.path ? insideRepo(context.root, source.path) : null;
  if (!folder || !(await isFolder(folder))) {
    return notVerifiable(
      label,
      `${where} renders '${source.path}' of ${source.repoURL || 'its repository'}, which is not a folder of this repository (another repository's source?); its kustomize images are not checked.`,
    );
  }
  const kustomization = await kustomizationFileIn(folder);
  if (!kustomization) {
    return {
      verified: 'render',
      details: '',
      failure: `${label}: ${where} sets kustomize images, but ${source.path} has no kustomization file: Argo CD cannot apply them (kustomize edit set image needs one).`,
    };
  }
  if (!context.renderer) return notVerifiable(label, `neither kustomize nor kubectl is on PATH, so ${source.path} is not rendered with ${where}'s images.`);
  if (source.kustomizeImages.some((image) => image.includes('$'))) {
    return notVerifiable(
      label,
      `${where}'s kustomize images use build environment variables ($ARGOCD_APP_…), which only Argo CD fills in; they are not checked.`,
    );
  }
  const unparsed = source.kustomizeImages.find((image) => argumentNameOf(image) === '');
  if (unparsed !== undefined) {
    return {
      verified: 'render',
      details: '',
      failure: `${label}: ${where}.kustomize.images: '${unparsed}' is not an argument kustomize edit set image takes.`,
    };
  }
  const renderer = context.renderer;
  const render = async (): Promise<RenderResult> => {
    // The Application as the tree holds it now (the edit, or the original while a failed render is judged).
    const now = readApplications(await readFile(join(context.root, edit.pin.file), 'utf8'), edit.pin.file);
    const images = now.find((app) => app.name === application.name)?.sources.find((other) => other.location === source.location)?.kustomizeImages ?? [];
    return withImagesApplied(kustomization, repoPath(context.root, kustomization), images.map(toArgument), () => renderOverlay(renderer, folder));
  };
  const result = await context.slots.alone(render);
  const what = `${source.path} with ${where}'s images`;
  if (!result.ok) return judgeFailedRender(context, edit, result, render, what, 'render');

  const rendered = collectRenderedImages(result.yaml);
  const failures = changes
    .map(expectedImageOf)
    .filter((expected) => !rendersExpectedImage(rendered, expected))
    .map(
      (expected) =>
        notInEffect(edit.pin, expected, describeRenderedImages(what, rendered, expected)) +
        ' kustomize matches image names exactly (no registry added), so an entry whose name is in no manifest of the source changes nothing.',
    );
  const warnings = source.kustomizeImageAffecting.map(
    (option) => `${label}: ${where} also sets kustomize ${option}, which the check does not apply; they could change an image too.`,
  );
  const shown = changes.map((change) => describeExpected(expectedImageOf(change))).join(', ');
  return {
    verified: 'render',
    details: `Rendered ${source.path} after kustomize edit set image with ${where}'s images, as Argo CD does: ${shown} in the render.`,
    warnings,
    failure: failures.length > 0 ? failures.join(' ') : undefined,
  };
}

/** The source's kustomization with the images set for the length of `work`, then as it was. */
async function withImagesApplied<T>(file: string, shownFile: string, args: ImageArgument[], work: () => Promise<T>): Promise<T> {
  const text = await readFile(file, 'utf8');
  await writeFile(file, setImagesInKustomization(text, args, shownFile).text);
  try {
    return await work();
  } finally {
    await writeFile(file, text);
  }
}

function toArgument(image: string): ImageArgument {
  return parseImageArgument(image, 'kustomize.images');
}

/** The image name an entry is for ('' for one that does not parse: it names nothing). */
function argumentNameOf(image: string): string {
  try {
    return toArgument(image).name;
  } catch {
    return '';
  }
}

function notVerifiable(label: string, sentence: string): EffectPart {
  return { verified: 'not-verifiable', details: sentence, warnings: [`${label}: ${sentence}`] };
}
