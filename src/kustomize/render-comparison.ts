import type { RenderedImageSite } from './render.js';

/** One image field whose reference an edit changes in the render. */
export interface RenderedImageMove {
  resource: string;
  field: string;
  from: string;
  to: string;
}

/**
 * The image fields whose reference differs between a render before an edit
 * and one after it, paired by resource and field: an `images:` edit moves no
 * resource and no container, it only rewrites references in place.
 */
export function compareRenders(before: readonly RenderedImageSite[], after: readonly RenderedImageSite[]): RenderedImageMove[] {
  const earlier = new Map(before.map((site) => [siteKey(site), site.reference]));
  const moves: RenderedImageMove[] = [];
  for (const site of after) {
    const from = earlier.get(siteKey(site));
    if (from !== undefined && from !== site.reference) moves.push({ resource: site.resource, field: site.field, from, to: site.reference });
  }
  return moves;
}

function siteKey(site: RenderedImageSite): string {
  return `${site.resource}\u0000${site.field}`;
}
