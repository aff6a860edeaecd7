import type { ImageArgument } from '../kustomize/image-argument.js';
import type { ImageEntryChange, ImageFieldValues, Pin } from '../types.js';

export type { ImagePaths, Pin, PinKind, PinnedImagePaths } from '../types.js';
export { DEFAULT_IMAGE_PATHS, PIN_KINDS } from '../types.js';

/** What a pin holds for one image, read from its file. */
export interface PinnedImage {
  /** The image's name as arguments give it. */
  name: string;
  /** newName: the repository the pin holds ('' when the pin holds none); newTag, digest: '' when unset. */
  values: ImageFieldValues;
  /** Where in the file, for messages: a YAML path (`spec.source.kustomize.images[1]`, `image.tag`) and its line (1-based). */
  location: string;
  line: number;
}

/** What an argument did to a pin: the overlay edit's change, and where in the file. */
export interface PinChange extends ImageEntryChange {
  location: string;
  line: number;
}

/** A planned edit of one pin's file: its text before and after, and what changed. */
export interface PinEdit {
  pin: Pin;
  original: string;
  text: string;
  changes: PinChange[];
}

/**
 * A pin kind's editor: pure functions of the file's text. Each throws a
 * UserError naming the file and the key (a path that is a mapping, not a
 * scalar; a file that does not parse; an aliased value it cannot edit safely).
 */
export interface PinEditor {
  /** What the pin holds now. */
  read(pin: Pin, source: string): PinnedImage[];
  /** The arguments applied with the kind's semantics; only the changed scalars differ in `text`. */
  edit(pin: Pin, source: string, args: readonly ImageArgument[]): { text: string; changes: PinChange[] };
}

/** How a pin is named in reports and messages: `helm-values: environments/production/values.yaml`. */
export function pinLabel(pin: Pick<Pin, 'kind' | 'file'>): string {
  return `${pin.kind}: ${pin.file}`;
}
