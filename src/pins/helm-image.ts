import { UserError } from '../errors.js';
import { KEEP, type ImageArgument } from '../kustomize/image-argument.js';
import { formatImageReference, isImageMatched, splitImageReference } from '../kustomize/image-reference.js';
import { DEFAULT_IMAGE_PATHS, pinLabel, type Pin, type PinChange, type PinnedImage, type PinnedImagePaths } from './pin-types.js';
import { formatValuesPath, parseValuesPath, type PathSegment } from './values-path.js';
import type { ValueWrite } from './yaml-path.js';
import type { ImageField, ImageFieldValues } from '../types.js';

/**
 * One image held in Helm values, with the semantics of `kustomize edit set
 * image`: the paths that hold its parts, what they hold, and what an
 * argument makes of them (newName → the repository path, newTag → the tag
 * path, digest → the digest path; `*` keeps; a part the argument leaves out
 * is cleared, as kustomize clears it). Where the values live (a values file,
 * a HelmRelease, an Argo CD Application's parameters) is the editor's part.
 */

export type ImageRole = 'repository' | 'tag' | 'digest' | 'reference';
const ROLES = ['repository', 'tag', 'digest', 'reference'] as const satisfies readonly ImageRole[];
const ROLE_WORDS: Record<ImageRole, string> = { repository: 'the repository', tag: 'the tag', digest: 'the digest', reference: 'the image reference' };

/** The paths of one image; the default digest path is used only when the file has it or a digest is given. */
export interface ImageSlots {
  paths: Partial<Record<ImageRole, PathSegment[]>>;
  optionalDigest: boolean;
}

/** What one path holds, as the editor reads it. */
export interface HeldValue {
  value: string;
  exists: boolean;
  /** The path as messages show it (`spec.values.image.tag`, `spec.source.helm.parameters[1]`), and its line. */
  location: string;
  line: number;
}

export type ValueReader = (path: PathSegment[], role: string) => HeldValue;

export interface HeldImage {
  entry: PinnedImagePaths;
  slots: ImageSlots;
  held: Partial<Record<ImageRole, HeldValue>>;
  values: ImageFieldValues;
  /** Whether the file holds any part of the image. */
  present: boolean;
  location: string;
  line: number;
}

/** The images a pin holds; a pin that names none holds one at the common chart paths, known by its repository. */
export function pinnedImagesOf(pin: Pin): PinnedImagePaths[] {
  return pin.images.length > 0 ? pin.images : [{ name: '', paths: {} }];
}

function imageLabel(pin: Pin, entry: PinnedImagePaths): string {
  return `${pinLabel(pin)}: ${imageWords(entry)}`;
}

function imageWords(entry: PinnedImagePaths): string {
  return `image ${entry.name ? `'${entry.name}'` : `at ${entry.paths.reference ?? entry.paths.tag ?? DEFAULT_IMAGE_PATHS.tag}`}`;
}

/**
 * The image's paths, parsed. A path that does not parse is a fault of where
 * the pin was given (the input, the config's entry), so that is what the
 * message names, not the file.
 */
export function resolveSlots(pin: Pin, entry: PinnedImagePaths): ImageSlots {
  const where = pin.origin ? `${pin.origin}: ${pin.file}: ${imageWords(entry)}` : imageLabel(pin, entry);
  const given = ROLES.filter((role) => entry.paths[role] !== undefined && entry.paths[role] !== '');
  if (given.includes('reference') && given.length > 1) {
    throw new UserError(`${where}: a reference path holds the whole image; give either it or repository, tag and digest paths.`);
  }
  const source = given.length === 0 ? DEFAULT_IMAGE_PATHS : entry.paths;
  const paths: ImageSlots['paths'] = {};
  for (const role of ROLES) {
    const text = source[role];
    if (text) paths[role] = parseValuesPath(text, where);
  }
  return { paths, optionalDigest: given.length === 0 };
}

/** Every path the pin's images read, for the anchor check: a value one of them reads is not changed for another. */
export function slotPaths(slots: readonly ImageSlots[]): PathSegment[][] {
  return slots.flatMap((slot) => ROLES.flatMap((role) => (slot.paths[role] ? [slot.paths[role]] : [])));
}

export function readHeldImage(entry: PinnedImagePaths, slots: ImageSlots, read: ValueReader): HeldImage {
  const held: HeldImage['held'] = {};
  for (const role of ROLES) {
    const path = slots.paths[role];
    if (path) held[role] = read(path, ROLE_WORDS[role]);
  }
  let values: ImageFieldValues;
  if (held.reference) {
    const parts = splitImageReference(held.reference.value);
    values = { newName: parts.name, newTag: parts.tag, digest: parts.digest };
  } else {
    // A tag may carry its digest (`1.4.2@sha256:…`, written with digestInTag); a digest path of its own wins.
    const [tag, tagDigest = ''] = (held.tag?.value ?? '').split('@', 2);
    values = { newName: held.repository?.value ?? '', newTag: tag, digest: held.digest?.value || tagDigest };
  }
  const main = held.reference ?? held.tag ?? held.repository ?? held.digest;
  return {
    entry,
    slots,
    held,
    values,
    present: Object.values(held).some((value) => value.exists),
    location: main?.location ?? '',
    line: main?.line ?? 1,
  };
}

export function pinnedImageOf(image: HeldImage): PinnedImage {
  return { name: image.entry.name || image.values.newName, values: image.values, location: image.location, line: image.line };
}

/**
 * The argument that applies to the image: one with the image's name, or,
 * when the pin names the image only by the repository the file holds, one
 * whose name names that repository (namesRepository).
 * `only` keeps a pin from taking an image another app's pin owns; a later
 * argument wins, as a later `images:` entry would.
 */
export function argumentFor(image: HeldImage, args: readonly ImageArgument[], only: readonly string[] | undefined): ImageArgument | undefined {
  const { name } = image.entry;
  const repository = image.values.newName;
  const applies = (argument: ImageArgument): boolean =>
    (name !== '' ? argument.name === name : namesRepository(repository, argument.name)) && (only === undefined || only.includes(argument.name));
  return args.filter(applies).at(-1);
}

/**
 * Whether an argument's name names a repository a file holds: as kustomize
 * matches an `images:` name, or by the repository's last part, as an app's
 * `images:` lists it (`web` for ghcr.io/acme/web).
 */
export function namesRepository(repository: string, name: string): boolean {
  return repository !== '' && (isImageMatched(repository, name) || repository.endsWith(`/${name}`));
}

export interface ImagePlan {
  writes: ValueWrite[];
  change: PinChange | null;
}

/** The writes that make the file hold what the argument says, and the change to report (null when nothing differs). */
export function planImageEdit(pin: Pin, image: HeldImage, argument: ImageArgument): ImagePlan {
  const before = image.values;
  const keep = (field: ImageField): string => (argument[field] === KEEP ? before[field] : argument[field]);
  const after: ImageFieldValues = { newName: argument.newName === '' ? before.newName : keep('newName'), newTag: keep('newTag'), digest: keep('digest') };
  const writes = image.slots.paths.reference ? referenceWrites(image, after) : fieldWrites(pin, image, after);
  if (writes.length === 0) return { writes, change: null };
  const dropped = (['newName', 'newTag', 'digest'] as const).filter((field) => before[field] !== '' && after[field] === '');
  const changed = writes.find((write) => write.role === ROLE_WORDS.tag || write.role === ROLE_WORDS.reference) ?? writes[0];
  const heldAt = image.held[ROLES.find((role) => ROLE_WORDS[role] === changed.role) ?? 'tag'];
  return {
    writes,
    change: {
      name: image.entry.name || argument.name,
      argument: argument.source,
      before: image.present ? before : null,
      after,
      dropped,
      location: heldAt?.location ?? image.location,
      line: heldAt?.line ?? image.line,
    },
  };
}

function referenceWrites(image: HeldImage, after: ImageFieldValues): ValueWrite[] {
  const path = image.slots.paths.reference as PathSegment[];
  const held = image.held.reference?.value ?? '';
  const name = after.newName || image.entry.name;
  const reference = formatImageReference({ name, tag: after.newTag, digest: after.digest });
  return reference === held || name === '' ? [] : [{ path, value: reference, role: ROLE_WORDS.reference }];
}

function fieldWrites(pin: Pin, image: HeldImage, after: ImageFieldValues): ValueWrite[] {
  const { paths, optionalDigest } = image.slots;
  const { held } = image;
  const where = imageLabel(pin, image.entry);
  const writes: ValueWrite[] = [];
  const write = (role: ImageRole, value: string): void => {
    const path = paths[role];
    if (path && (held[role]?.value ?? '') !== value && (value !== '' || held[role]?.exists)) writes.push({ path, value, role: ROLE_WORDS[role] });
  };

  if (paths.repository) {
    write('repository', after.newName);
  } else if (after.newName !== image.values.newName && after.newName !== image.entry.name) {
    throw new UserError(`${where} has no repository path, so it cannot change the image to '${after.newName}'; add a repository path to the pin.`);
  } else {
    after.newName = image.values.newName;
  }

  const digestPath = paths.digest && (!optionalDigest || held.digest?.exists || after.digest !== '') ? paths.digest : undefined;
  let tagText = after.newTag;
  if (!digestPath && after.digest !== '') {
    if (!pin.digestInTag) {
      throw new UserError(
        `${where} has no digest path for ${after.digest.slice(0, 19)}…; add a digest path to the pin, or set digest-in-tag to write it into the tag.`,
      );
    }
    if (after.newTag === '') throw new UserError(`${where} writes its digest into the tag, so it needs a tag beside the digest.`);
    tagText = `${after.newTag}@${after.digest}`;
  }
  if (paths.tag) {
    write('tag', tagText);
  } else if (tagText !== '' && tagText !== image.values.newTag) {
    throw new UserError(`${where} has no tag path, so it cannot set the tag '${tagText}'; add a tag path to the pin.`);
  }
  if (digestPath) write('digest', after.digest);
  return writes;
}

/** A place that may hold the pin's images: a values file, one HelmRelease, one source of an Argo CD Application. */
export interface ImagePlace {
  /** How messages name it (`HelmRelease web`, `spec.sources[1]`). */
  name: string;
  read: ValueReader;
}

/**
 * Each image of the pin in each place that holds part of it. In a file of
 * one place, the image is there even when the file holds none of it yet (its
 * keys are added); in a file of several that all lack it, it is in none.
 */
export function holdingsOf(pin: Pin, places: readonly ImagePlace[]): Array<Array<{ place: number; image: HeldImage }>> {
  return pinnedImagesOf(pin).map((entry) => {
    const slots = resolveSlots(pin, entry);
    const all = places.map((place, index) => ({ place: index, image: readHeldImage(entry, slots, place.read) }));
    const holding = all.filter(({ image }) => image.present);
    return holding.length > 0 || all.length !== 1 ? holding : all;
  });
}

/** What the pin holds: each image where it is, or (held nowhere) empty, at the first place. */
export function readPinnedImages(pin: Pin, places: readonly ImagePlace[]): PinnedImage[] {
  const entries = pinnedImagesOf(pin);
  return holdingsOf(pin, places).flatMap((holding, index) => {
    if (holding.length > 0 || places.length === 0) return holding.map(({ image }) => pinnedImageOf(image));
    return [pinnedImageOf(readHeldImage(entries[index], resolveSlots(pin, entries[index]), places[0].read))];
  });
}

/** The arguments applied to every image the pin holds: per place, the writes; and the changes in the pin's order. */
export function planPinEdit(pin: Pin, places: readonly ImagePlace[], args: readonly ImageArgument[]): { writes: ValueWrite[][]; changes: PinChange[] } {
  const entries = pinnedImagesOf(pin);
  const writes: ValueWrite[][] = places.map(() => []);
  const changes: PinChange[] = [];
  holdingsOf(pin, places).forEach((holding, index) => {
    if (holding.length === 0) refuseUnplaced(pin, places, entries[index], args);
    for (const { place, image } of holding) {
      const argument = argumentFor(image, args, pin.only);
      if (!argument) continue;
      if (image.entry.nameFromArgument) refuseAnotherImage(pin, image, argument);
      const plan = planImageEdit(pin, image, argument);
      if (!plan.change) continue;
      changes.push(plan.change);
      writes[place].push(...plan.writes);
    }
  });
  return { writes, changes };
}

/**
 * A pin an input named without saying its image takes the one argument's
 * name; a file holding another repository is refused rather than given that
 * image's tag (`api=*:2.9.0` into the worker's values). The argument names the
 * repository (namesRepository).
 */
function refuseAnotherImage(pin: Pin, image: HeldImage, argument: ImageArgument): void {
  const held = image.values.newName;
  if (held === '' || namesRepository(held, argument.name)) return;
  throw new UserError(
    `${pin.origin ?? pinLabel(pin)}: ${pin.file} holds ${held}, which '${argument.source}' does not name; ` +
      `if the file runs ${argument.name}, say so: ${argument.name}=${pin.file}.`,
  );
}

/** An image that none of several places holds, named by an argument: which one should get it is not the editor's guess. */
function refuseUnplaced(pin: Pin, places: readonly ImagePlace[], entry: PinnedImagePaths, args: readonly ImageArgument[]): void {
  if (entry.name === '' || !args.some((argument) => argument.name === entry.name && (pin.only === undefined || pin.only.includes(argument.name)))) return;
  const { paths } = resolveSlots(pin, entry);
  const path = formatValuesPath(paths.reference ?? paths.tag ?? paths.repository ?? []);
  const names = places.map((place) => place.name).join(', ');
  throw new UserError(
    places.length === 0
      ? `${pinLabel(pin)}: there is nowhere to write image '${entry.name}'.`
      : `${pinLabel(pin)}: none of ${places.length} places (${names}) holds ${path} for image '${entry.name}'; add it to the one that runs the image.`,
  );
}
