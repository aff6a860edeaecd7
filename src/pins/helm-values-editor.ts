import { isMap, isScalar, type Document } from 'yaml';
import { UserError } from '../errors.js';
import type { ImageArgument } from '../kustomize/image-argument.js';
import { applySplices, type Splice } from '../kustomize/yaml-text.js';
import {
  argumentFor,
  pinnedImageOf,
  pinnedImagesOf,
  planImageEdit,
  readHeldImage,
  resolveSlots,
  slotPaths,
  type HeldImage,
  type ImageSlots,
  type ValueReader,
} from './helm-image.js';
import { pinLabel, type Pin, type PinChange, type PinEditor, type PinnedImage } from './pin-types.js';
import { formatValuesPath, type PathSegment } from './values-path.js';
import { readValue, shownPath, writeValues, type ValuesRoot } from './yaml-path.js';
import { isEmptyDocument, parseYamlDocument, parseYamlDocuments, yamlText, type YamlText } from './yaml-source.js';

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

function field(document: Document, ...path: string[]): string {
  const value = document.getIn(path, true);
  return isScalar(value) && typeof value.value === 'string' ? value.value : '';
}

export function isHelmRelease(document: Document): boolean {
  return isMap(document.contents) && field(document, 'apiVersion').startsWith('helm.toolkit.fluxcd.io/') && field(document, 'kind') === 'HelmRelease';
}

function helmReleasePlaces(text: YamlText): ValuesPlace[] {
  const releases = parseYamlDocuments(text).filter(isHelmRelease);
  if (releases.length === 0) {
    throw new UserError(`${text.file} holds no Flux HelmRelease (apiVersion helm.toolkit.fluxcd.io/*, kind HelmRelease); a plain values file is a helm-values pin.`);
  }
  return releases.map((document) => ({ root: { text, document }, base: VALUES_BASE, name: `HelmRelease ${field(document, 'metadata', 'name') || '(unnamed)'}` }));
}

function placesOf(pin: Pin, text: YamlText): ValuesPlace[] {
  return pin.kind === 'helm-release' ? helmReleasePlaces(text) : valuesFilePlaces(text);
}

function readerOf(place: ValuesPlace): ValueReader {
  return (path, role) => {
    const full = [...place.base, ...path];
    const held = readValue(place.root, full, role);
    return { ...held, location: shownPath(place.root, full), line: place.root.text.lineOf(held.offset) };
  };
}

/** Each image of the pin in each place that holds it; in a file of several places that hold none, none of them. */
interface Holding {
  place: ValuesPlace;
  image: HeldImage;
}

function holdings(pin: Pin, places: readonly ValuesPlace[]): Holding[][] {
  return pinnedImagesOf(pin).map((entry) => {
    const slots: ImageSlots = resolveSlots(pin, entry);
    const all = places.map((place) => ({ place, image: readHeldImage(entry, slots, readerOf(place)) }));
    const holding = all.filter(({ image }) => image.present);
    return holding.length > 0 || all.length > 1 ? holding : all;
  });
}

function read(pin: Pin, source: string): PinnedImage[] {
  const places = placesOf(pin, yamlText(source, pin.file));
  return holdings(pin, places).flatMap((held, index) => {
    if (held.length > 0) return held.map(({ image }) => pinnedImageOf(image));
    // Held by none of several HelmReleases: reported empty, at the first one's values.
    return [pinnedImageOf(readHeldImage(pinnedImagesOf(pin)[index], resolveSlots(pin, pinnedImagesOf(pin)[index]), readerOf(places[0])))];
  });
}

function edit(pin: Pin, source: string, args: readonly ImageArgument[]): { text: string; changes: PinChange[] } {
  const text = yamlText(source, pin.file);
  const places = placesOf(pin, text);
  const entries = pinnedImagesOf(pin);
  const held = holdings(pin, places);
  const writes = new Map<ValuesPlace, Array<Parameters<typeof writeValues>[1][number]>>();
  const changes: PinChange[] = [];

  held.forEach((holding, index) => {
    if (holding.length === 0) refuseUnplaced(pin, places, entries[index], args);
    for (const { place, image } of holding) {
      const argument = argumentFor(image, args, pin.only);
      if (!argument) continue;
      const plan = planImageEdit(pin, image, argument);
      if (!plan.change) continue;
      changes.push(plan.change);
      const list = writes.get(place) ?? [];
      list.push(...plan.writes.map((write) => ({ ...write, path: [...place.base, ...write.path] })));
      writes.set(place, list);
    }
  });

  const slots = entries.map((entry) => resolveSlots(pin, entry));
  const splices: Splice[] = [];
  for (const [place, list] of writes) {
    const protectedPaths = new Set(slotPaths(slots).map((path) => formatValuesPath([...place.base, ...path])));
    splices.push(...writeValues(place.root, list, protectedPaths));
  }
  return { text: splices.length > 0 ? applySplices(source, splices) : source, changes };
}

/** An image that none of several HelmReleases holds, named by an argument: which one should get it is not the editor's guess. */
function refuseUnplaced(pin: Pin, places: readonly ValuesPlace[], entry: Pin['images'][number], args: readonly ImageArgument[]): void {
  if (entry.name === '' || !args.some((argument) => argument.name === entry.name && (pin.only === undefined || pin.only.includes(argument.name)))) return;
  const paths = resolveSlots(pin, entry).paths;
  const path = formatValuesPath(paths.reference ?? paths.tag ?? paths.repository ?? []);
  throw new UserError(
    `${pinLabel(pin)}: none of the ${places.length} HelmReleases (${places.map((place) => place.name).join(', ')}) holds ${path} for image '${entry.name}'; ` +
      'add it to the one that runs the image, or split the file.',
  );
}

export const helmValuesEditor: PinEditor = { read, edit };
export const helmReleaseEditor: PinEditor = { read, edit };
