import { isMap, type Document } from 'yaml';
import { UserError } from '../errors.js';
import type { ImageArgument } from '../kustomize/image-argument.js';
import { applySplices, type Splice } from '../kustomize/yaml-text.js';
import { pinnedImagesOf, planPinEdit, readPinnedImages, resolveSlots, slotPaths, type ImagePlace } from './helm-image.js';
import type { Pin, PinChange, PinEditor, PinnedImage } from './pin-types.js';
import { formatValuesPath, type PathSegment } from './values-path.js';
import { readValue, shownPath, writeValues, type ValuesRoot } from './yaml-path.js';
import { isEmptyDocument, parseYamlDocument, parseYamlDocuments, stringField, yamlText, type YamlText } from './yaml-source.js';

/**
 * The editors of Helm values: a values file (`helm-values`, paths from the
 * file's top) and a Flux HelmRelease (`helm-release`, the same paths under
 * `spec.values`; in a file of several documents, each HelmRelease). Both
 * read and write through the path routines, so a value keeps its quoting and
 * its comment, and only the changed lines differ.
 */

/** Where one document keeps its values. */
interface ValuesPlace {
  root: ValuesRoot;
  base: PathSegment[];
  /** `HelmRelease web`, in messages about a file of several. */
  name: string;
}

const VALUES_BASE: PathSegment[] = [{ key: 'spec' }, { key: 'values' }];

function valuesFilePlaces(text: YamlText): ValuesPlace[] {
  const document = parseYamlDocument(text);
  if (!isEmptyDocument(document) && !isMap(document.contents)) {
    throw new UserError(`${text.file}: the top level is not a mapping, so it is not a Helm values file.`);
  }
  return [{ root: { text, document }, base: [], name: text.file }];
}

export function isHelmRelease(document: Document): boolean {
  return (
    isMap(document.contents) && stringField(document, 'apiVersion').startsWith('helm.toolkit.fluxcd.io/') && stringField(document, 'kind') === 'HelmRelease'
  );
}

function helmReleasePlaces(text: YamlText): ValuesPlace[] {
  const releases = parseYamlDocuments(text).filter(isHelmRelease);
  if (releases.length === 0) {
    throw new UserError(
      `${text.file} holds no Flux HelmRelease (apiVersion helm.toolkit.fluxcd.io/*, kind HelmRelease); a plain values file is a helm-values pin.`,
    );
  }
  return releases.map((document) => ({
    root: { text, document },
    base: VALUES_BASE,
    name: `HelmRelease ${stringField(document, 'metadata', 'name') || '(unnamed)'}`,
  }));
}

function placesOf(pin: Pin, text: YamlText): ValuesPlace[] {
  return pin.kind === 'helm-release' ? helmReleasePlaces(text) : valuesFilePlaces(text);
}

function imagePlace(place: ValuesPlace): ImagePlace {
  return {
    name: place.name,
    read: (path, role) => {
      const full = [...place.base, ...path];
      const held = readValue(place.root, full, role);
      return { ...held, location: shownPath(place.root, full), line: place.root.text.lineOf(held.offset) };
    },
  };
}

function read(pin: Pin, source: string): PinnedImage[] {
  return readPinnedImages(pin, placesOf(pin, yamlText(source, pin.file)).map(imagePlace));
}

function edit(pin: Pin, source: string, args: readonly ImageArgument[]): { text: string; changes: PinChange[] } {
  const places = placesOf(pin, yamlText(source, pin.file));
  const { writes, changes } = planPinEdit(pin, places.map(imagePlace), args);
  const slots = slotPaths(pinnedImagesOf(pin).map((entry) => resolveSlots(pin, entry)));
  const splices: Splice[] = places.flatMap((place, index) => {
    if (writes[index].length === 0) return [];
    const protectedPaths = new Set(slots.map((path) => formatValuesPath([...place.base, ...path])));
    return writeValues(
      place.root,
      writes[index].map((write) => ({ ...write, path: [...place.base, ...write.path] })),
      protectedPaths,
    );
  });
  return { text: splices.length > 0 ? applySplices(source, splices) : source, changes };
}

export const helmValuesEditor: PinEditor = { read, edit };
export const helmReleaseEditor: PinEditor = { read, edit };
