import { UserError } from '../errors.js';
import { KEEP, type ImageArgument } from '../kustomize/image-argument.js';
import { formatImageReference, isImageMatched, splitImageReference } from '../kustomize/image-reference.js';
import { IMAGE_FIELDS } from '../kustomize/kustomization-document.js';
import { applySplices, formatScalar, type Splice } from '../kustomize/yaml-text.js';
import type { ImageFieldValues } from '../types.js';
import { findImageSetters, type ImageSetterMarker } from './image-setter-markers.js';
import type { Pin, PinChange, PinEditor, PinnedImage } from './pin-types.js';

export { findImageSetters, mayHoldImageSetters, type ImageSetterField, type ImageSetterMarker } from './image-setter-markers.js';

/**
 * The `image-setters` pin: the fields of a file marked with Flux setter
 * comments, grouped by the ImagePolicy they name. An argument applies to a
 * policy when it names the policy or matches the image the policy's fields
 * hold (as kustomize matches an `images:` entry). A whole-reference field is
 * rewritten whole, `:tag` takes the tag, `:name` the new name, `:digest` the
 * digest; only the scalars change, their quoting kept and the markers left
 * byte for byte.
 */

interface SetterGroup {
  policy: string;
  /** The ImagePolicy's name (an argument may name the policy). */
  name: string;
  markers: ImageSetterMarker[];
  /** The repository the fields hold ('' when only a tag or digest is marked). */
  imageName: string;
  values: ImageFieldValues;
  location: string;
  line: number;
}

export const imageSetters: PinEditor = { read: readImageSetters, edit: editImageSetters };

function readImageSetters(pin: Pin, source: string): PinnedImage[] {
  return groupsOf(findImageSetters(source, pin.file))
    .filter((group) => groupAllowed(pin, group))
    .map((group) => ({ name: group.imageName || group.name, values: group.values, location: group.location, line: group.line }));
}

function editImageSetters(pin: Pin, source: string, args: readonly ImageArgument[]): { text: string; changes: PinChange[] } {
  const wanted = args.filter((argument) => pin.only === undefined || pin.only.includes(argument.name));
  const splices: Splice[] = [];
  const changes: PinChange[] = [];
  for (const group of groupsOf(findImageSetters(source, pin.file))) {
    // Of several arguments for one policy (its name and its image), the last wins, as in kustomize.
    const argument = wanted.findLast((each) => appliesTo(each, group));
    if (!argument) continue;
    refuseUnwritableDigest(pin.file, group, argument);
    const updated = group.markers.map((marker) => ({ ...marker, value: setValue(marker, group, argument) }));
    updated.forEach((marker, index) => {
      const old = group.markers[index];
      if (marker.value === old.value) return;
      if (old.style === 'BLOCK') {
        throw new UserError(`${pin.file}: line ${old.line}: the value marked for ${group.policy} is a block scalar; write it on one line so it can be set.`);
      }
      splices.push({ start: old.start, end: old.end, text: formatScalar(marker.value, old.style) });
    });
    const after = valuesOf(updated);
    if (IMAGE_FIELDS.every((field) => after[field] === group.values[field])) continue;
    const dropped = IMAGE_FIELDS.filter((field) => group.values[field] !== '' && after[field] === '');
    changes.push({ name: argument.name, argument: argument.source, before: group.values, after, dropped, location: group.location, line: group.line });
  }
  return { text: splices.length > 0 ? applySplices(source, splices) : source, changes };
}

function groupsOf(markers: readonly ImageSetterMarker[]): SetterGroup[] {
  const byPolicy = new Map<string, ImageSetterMarker[]>();
  for (const marker of markers) byPolicy.set(marker.policy, [...(byPolicy.get(marker.policy) ?? []), marker]);
  return [...byPolicy.entries()].map(([policy, own]) => {
    const values = valuesOf(own);
    return { policy, name: own[0].name, markers: own, imageName: values.newName, values, location: `${policy} (line ${own[0].line})`, line: own[0].line };
  });
}

/** What a policy's fields hold: a field of its own part first, else the part of a whole reference. */
function valuesOf(markers: readonly ImageSetterMarker[]): ImageFieldValues {
  const reference = markers.find((marker) => marker.field === 'reference');
  const parts = reference ? splitImageReference(reference.value) : { name: '', tag: '', digest: '' };
  const own = (field: ImageSetterMarker['field']): string | undefined => markers.find((marker) => marker.field === field)?.value;
  return { newName: own('name') ?? parts.name, newTag: own('tag') ?? parts.tag, digest: own('digest') ?? parts.digest };
}

function groupAllowed(pin: Pin, group: SetterGroup): boolean {
  if (pin.only === undefined) return true;
  return pin.only.some((name) => name === group.name || (group.imageName !== '' && isImageMatched(group.imageName, name)));
}

function appliesTo(argument: ImageArgument, group: SetterGroup): boolean {
  return argument.name === group.name || (group.imageName !== '' && isImageMatched(group.imageName, argument.name));
}

function isSet(part: string): boolean {
  return part !== '' && part !== KEEP;
}

/** A digest needs a field to go in: a `:digest` field or a whole reference; a `:tag` alone cannot hold it. */
function refuseUnwritableDigest(file: string, group: SetterGroup, argument: ImageArgument): void {
  if (!isSet(argument.digest) || group.markers.some((marker) => marker.field === 'digest' || marker.field === 'reference')) return;
  throw new UserError(
    `${file}: line ${group.line}: policy ${group.policy} marks no digest field for ${argument.digest}; ` +
      `mark one with {"$imagepolicy": "${group.policy}:digest"}, or give a tag only.`,
  );
}

/**
 * A marked field's new value, with kustomize's meaning of the argument: a
 * new tag drops the old digest, a new digest alone drops the tag, and an
 * argument with neither (a new name only) keeps both.
 */
function setValue(marker: ImageSetterMarker, group: SetterGroup, argument: ImageArgument): string {
  const tagOf = (current: string): string => (argument.newTag === KEEP ? current : argument.newTag);
  const digestOf = (current: string): string => (argument.digest === KEEP ? current : argument.digest);
  switch (marker.field) {
    case 'reference': {
      const current = splitImageReference(marker.value);
      const name = isSet(argument.newName) ? argument.newName : current.name;
      let tag = tagOf(current.tag);
      let digest = digestOf(current.digest);
      if (tag === '' && digest === '') ({ tag, digest } = current);
      return formatImageReference({ name, tag, digest });
    }
    case 'name':
      return isSet(argument.newName) ? argument.newName : marker.value;
    case 'tag':
      // A tag field is never emptied: a chart falls back to its appVersion on an empty tag, and a digest decides what is pulled.
      return tagOf(marker.value) || marker.value;
    case 'digest': {
      const digest = digestOf(marker.value);
      return digest === '' && tagOf(group.values.newTag) === '' ? marker.value : digest;
    }
  }
}
