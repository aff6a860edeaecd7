import { readFile } from 'node:fs/promises';
import { parseKustomization } from '../kustomize/kustomization-document.js';
import { formatImageReference } from '../kustomize/image-reference.js';
import { collectRenderedImages, findRenderer, renderOverlay } from '../kustomize/render.js';

import type { DeclaredImages } from './drift-types.js';
import { findImageEntry } from './config-history.js';
import type { Overlay } from '../types.js';

/**
 * The images an app's overlays declare: rendered with kustomize when it is on
 * the runner (every image, base sidecars included), else read from the
 * `images:` entries. The app's version is its first configured image's entry.
 */
export async function readDeclaredImages(overlays: readonly Overlay[], configuredImages: readonly string[]): Promise<DeclaredImages> {
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
  return { overlays: overlays.map((overlay) => overlay.path), images: [...images].sort(), rendered, version };
}
