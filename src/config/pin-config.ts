import { UserError } from '../errors.js';
import { DEFAULT_IMAGE_PATHS, PIN_KINDS, type ImagePaths, type Pin, type PinKind, type PinnedImagePaths } from '../types.js';

/**
 * An app's `pins:` in one environment of `gitops-promote.yaml`: the places
 * besides overlays that pin its images. Each entry names its kind by its one
 * kind key (`helm-values: environments/production/values.yaml`); Helm kinds
 * say where the image's parts are with `image:` (the app's one image) or
 * `images:` (several, by name), else the common chart layout.
 */

const imagePaths = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    repository: { type: 'string', minLength: 1 },
    tag: { type: 'string', minLength: 1 },
    digest: { type: 'string', minLength: 1 },
    reference: { type: 'string', minLength: 1 },
  },
} as const;

/** Checked for types and unknown keys by the config's schema; one kind key per entry is checked in pinsOf, which can name the entry. */
export const PIN_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    ...Object.fromEntries(PIN_KINDS.map((kind) => [kind, { type: 'string', minLength: 1 }])),
    image: imagePaths,
    images: { type: 'object', minProperties: 1, additionalProperties: imagePaths },
    'digest-in-tag': { type: 'boolean' },
  },
} as const;

/** A `pins:` entry as the schema allows it. */
export type RawPin = Partial<Record<PinKind, string>> & {
  image?: ImagePaths;
  images?: Record<string, ImagePaths>;
  'digest-in-tag'?: boolean;
};

/** Kinds whose file says what it holds: they take no `image:` or `images:`. */
const SELF_DESCRIBING: readonly PinKind[] = ['argocd-application', 'image-setters'];

/**
 * The app's pins in one environment, with `{app}` left in the paths for the
 * caller to fill. `where` names the entry in messages
 * (`gitops-promote.yaml: app 'web' > environments > production > pins[1]`).
 */
export function pinsOf(raw: readonly RawPin[], appImages: readonly string[], where: string): Pin[] {
  return raw.map((entry, index) => {
    const at = `${where} > pins[${index}]`;
    const kinds = PIN_KINDS.filter((kind) => entry[kind] !== undefined);
    if (kinds.length !== 1) {
      throw new UserError(
        kinds.length === 0
          ? `${at} names no pin kind; give one of ${PIN_KINDS.join(', ')} with the file.`
          : `${at} names ${kinds.join(' and ')}; give one kind per entry (two entries may name the same file).`,
      );
    }
    const [kind] = kinds;
    const file = entry[kind] ?? '';
    if (SELF_DESCRIBING.includes(kind) && (entry.image || entry.images)) {
      throw new UserError(`${at}: ${kind} says in its file which images it holds; remove image/images.`);
    }
    if (entry.image && entry.images) throw new UserError(`${at}: give image (the app's one image) or images (several, by name), not both.`);
    return {
      kind,
      file,
      images: SELF_DESCRIBING.includes(kind) ? [] : helmImages(entry, appImages, at),
      digestInTag: entry['digest-in-tag'] ?? false,
      origin: at,
      ...(appImages.length > 0 ? { only: appImages } : {}),
    };
  });
}

function helmImages(entry: RawPin, appImages: readonly string[], at: string): PinnedImagePaths[] {
  if (entry.images) {
    return Object.entries(entry.images).map(([name, paths]) => {
      if (appImages.length > 0 && !appImages.includes(name)) {
        throw new UserError(`${at} > images: '${name}' is not an image of this app (its images: ${appImages.join(', ')}).`);
      }
      return { name, paths };
    });
  }
  if (appImages.length > 1) {
    throw new UserError(`${at}: the app has ${appImages.length} images (${appImages.join(', ')}); say where each is with images: { <name>: { tag: … } }.`);
  }
  // One image, or none listed: then the pin takes the image whose repository the file holds.
  return [{ name: appImages[0] ?? '', paths: entry.image ?? DEFAULT_IMAGE_PATHS }];
}

/** A pin's file with `{app}` filled in. */
export function pinForApp(pin: Pin, app: string): Pin {
  return { ...pin, file: pin.file.replaceAll('{app}', app) };
}
