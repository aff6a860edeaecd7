import { readFile } from 'node:fs/promises';
import { parseKustomization } from '../kustomize/kustomization-document.js';
import { formatImageReference } from '../kustomize/image-reference.js';
import { collectRenderedImages, findRenderer, renderOverlay } from '../kustomize/render.js';

import type { DeclaredImages } from './drift-types.js';
import { findImageEntry } from './config-history.js';
import type { Overlay, Pin } from '../types.js';
import { join } from 'node:path';
import { editorFor } from '../pins/pin-editors.js';
import { pinLabel, type PinnedImage } from '../pins/pin-types.js';
import type { ImageValue } from './drift-types.js';

/**
 * The images an app's overlays declare: rendered with kustomize when it is on
 * the runner (every image, base sidecars included), else read from the
 * `images:` entries; and what its pins hold. The app's version is its first
 * configured image's entry (or pinned value).
 */
export async function readDeclaredImages(
  overlays: readonly Overlay[],
  configuredImages: readonly string[],
  // The app's other pins here (Helm values, Applications, setters), read from the branch's files at `root`.
  pins: readonly Pin[] = [],
  root = '',
): Promise<DeclaredImages> {
  const renderer = await findRenderer();
  const images = new Set<string>();
  let version: DeclaredImages['version'];
  let rendered = renderer !== null;
  for (const overlay of overlays) {
    const document = parseKustomization(await readFile(overlay.absoluteFile, 'utf8'), overlay.file);
    const primary = configuredImages.at(0) ?? document.entries.at(0)?.name;
    if (primary !== undefined && !version) {
      const entry = findImageEntry(document.entries, primary);
      if (entry) version = { image: primary, tag: entry.newTag, digest: entry.digest, file: overlay.file };
    }
    // An overlay that does not render is validate's finding; here its `images:` entries still say what it declares.
    const result = renderer ? await renderOverlay(renderer, overlay.absolutePath) : undefined;
    if (result?.ok) {
      collectRenderedImages(result.yaml).forEach((image) => images.add(image));
    } else {
      rendered = false;
      for (const { name, newName, newTag, digest } of document.entries) images.add(formatImageReference({ name: newName || name, tag: newTag, digest }));
    }
  }
  for (const pin of pins) {
    const held = await readPinned(root, pin);
    // A pin holds what its file says, not a render: a live image it does not name is no difference.
    rendered = false;
    for (const { name, values } of held) {
      images.add(formatImageReference({ name: values.newName || name, tag: values.newTag, digest: values.digest }));
      const primary = configuredImages.at(0) ?? name;
      if (!version && name === primary) version = { image: name, tag: values.newTag, digest: values.digest, file: pin.file };
    }
  }
  return { overlays: [...overlays.map((overlay) => overlay.path), ...pins.map(pinLabel)], images: [...images].sort(), rendered, version };
}

/** What a pin's file holds; a file that is missing or does not parse holds nothing here (validate names it). */
async function readPinned(root: string, pin: Pin): Promise<PinnedImage[]> {
  try {
    return editorFor(pin.kind).read(pin, await readFile(join(root, pin.file), 'utf8'));
  } catch {
    return [];
  }
}

/** The tag and digest a pin's file holds for `image` (a version of the file in the history). */
export function pinnedValueIn(pin: Pin): (text: string, file: string, image: string) => ImageValue | undefined {
  return (text, _file, image) => {
    try {
      const held = editorFor(pin.kind)
        .read(pin, text)
        .find((candidate) => candidate.name === image || candidate.values.newName === image);
      return held ? { tag: held.values.newTag, digest: held.values.digest } : undefined;
    } catch {
      return undefined;
    }
  };
}
