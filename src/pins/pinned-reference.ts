import { formatImageReference, splitImageReference, type ImageReference } from '../kustomize/image-reference.js';
import { expectedImageOf, rendersExpectedImage, type ExpectedImage } from '../kustomize/render-check.js';
import { DEFAULT_IMAGE_PATHS, type ImagePaths, type Pin } from '../types.js';
import { scalarText, valueAtPath } from './effect-yaml.js';
import type { PinChange } from './pin-types.js';

/**
 * What Helm values make of an image: the reference a chart printing
 * `{{ .Values.image.repository }}:{{ .Values.image.tag }}` (and the digest)
 * renders, read from the values at the pin's paths. `roots` are the values in
 * precedence order, highest first (a HelmRelease's values, then the chart's
 * defaults): each path is read from the first that holds it.
 */

export function valueIn(roots: readonly unknown[], path: string): string | undefined {
  for (const root of roots) {
    const value = valueAtPath(root, path);
    if (value !== undefined) return scalarText(value);
  }
  return undefined;
}

export function heldReference(roots: readonly unknown[], paths: ImagePaths): ImageReference | undefined {
  if (paths.reference) {
    const text = valueIn(roots, paths.reference);
    return text ? splitImageReference(text) : undefined;
  }
  const read = (path: string | undefined): string => (path ? (valueIn(roots, path) ?? '') : '');
  const [repository, tag, digest] = [read(paths.repository), read(paths.tag), read(paths.digest)];
  if (repository === '' && tag === '' && digest === '') return undefined;
  // A digest written into the tag (`1.4.2@sha256:…`) splits out as the digest.
  return splitImageReference(`${repository}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`);
}

/**
 * The paths of the pin's image that a change is about: the image of that
 * name, else the one image whose repository is the change's, else the only one.
 */
export function pathsOfChange(pin: Pin, change: PinChange, roots: readonly unknown[]): ImagePaths | undefined {
  const images = pin.images.length > 0 ? pin.images : [{ name: '', paths: DEFAULT_IMAGE_PATHS }];
  const named = images.find((image) => image.name === change.name);
  if (named) return named.paths;
  const names = new Set([change.name, change.before?.newName, change.after.newName].filter((name) => name));
  const holding = images.filter((image) => image.name === '' && names.has(heldReference(roots, image.paths)?.name ?? ''));
  if (holding.length === 1) return holding[0].paths;
  return images.length === 1 ? images[0].paths : undefined;
}

/**
 * The reference a change should make. `anyName`: the change sets no new name
 * and the values hold no repository at the pin's paths (a pin of the tag
 * alone, `#image.tag`), so which repository the chart prints is not known
 * here, and only the tag and digest can be checked.
 */
export interface PinnedExpected extends ExpectedImage {
  anyName: boolean;
}

/**
 * The reference the change should make. A change that sets no new name keeps
 * the repository the values hold, so that repository is expected.
 */
export function expectedOfChange(change: PinChange, held: ImageReference | undefined): PinnedExpected {
  const expected = expectedImageOf(change);
  if (change.after.newName) return { ...expected, anyName: false };
  if (held?.name) return { ...expected, name: held.name, anyName: false };
  return { ...expected, anyName: held !== undefined };
}

/** Whether a reference of `rendered` carries the expected one (with `anyName`, its tag and digest whatever its name). */
export function rendersPinnedExpected(rendered: readonly string[], expected: PinnedExpected): boolean {
  const candidates = expected.anyName
    ? rendered.map((reference) => formatImageReference({ ...splitImageReference(reference), name: expected.name }))
    : rendered;
  return rendersExpectedImage(candidates, expected);
}

export function holdsExpected(held: ImageReference | undefined, expected: PinnedExpected): boolean {
  return held !== undefined && rendersPinnedExpected([formatImageReference(held)], expected);
}

/** `image.repository=ghcr.io/acme/web, image.tag=1.3.0`: what the values hold at an image's paths (those set), for messages. */
export function describeHeld(roots: readonly unknown[], paths: ImagePaths, prefix = ''): string {
  const parts = [paths.reference, paths.repository, paths.tag, paths.digest]
    .filter((path): path is string => path !== undefined && path !== '')
    .flatMap((path) => {
      const value = valueIn(roots, path);
      return value ? [`${prefix}${path}=${value}`] : [];
    });
  return parts.join(', ');
}
