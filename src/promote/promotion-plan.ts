import { InputError, UserError } from '../errors.js';
import type { AppOverlays } from '../repo/environment-overlays.js';
import type { ImageArgument } from '../kustomize/image-argument.js';
import { formatImageReference } from '../kustomize/image-reference.js';

import { planFileEdit } from '../kustomize/plan-edits.js';
import type { FileEdit, ImageEntry, Overlay } from '../types.js';

/**
 * The pure half of a promotion: what the source environment runs, per app,
 * turned into the `images:` edit of the target environment's overlays.
 */

/** One app's part of a promotion. */
export interface AppPromotion {
  app: string;
  sourceOverlays: Overlay[];
  /** The source's images, as set-image arguments that copy newName, newTag and digest exactly. */
  images: ImageArgument[];
  edits: FileEdit[];
  /** Source images left out of the target, each with why (for the PR body's "Not promoted"). */
  skipped?: string[];
}

/** An app present in the source and the target, with both sets of overlays. */
export interface AppPair {
  app: string;
  source: Overlay[];
  target: Overlay[];
}

/** Pairs the environments' apps by name and keeps those the `apps` input names (all when empty). */
export function pairApps(source: readonly AppOverlays[], target: readonly AppOverlays[], wanted: readonly string[]): AppPair[] {
  const known = new Set(source.map((group) => group.app).filter((app) => target.some((other) => other.app === app)));
  const unknown = wanted.filter((app) => !known.has(app));
  if (unknown.length > 0) {
    const names = [...known].filter(Boolean);
    throw new InputError(
      'apps',
      `${unknown.map((app) => `'${app}'`).join(', ')} matches no app of both environments; known apps: ` +
        `${names.length > 0 ? names.join(', ') : 'none (the overlays have no {app} placeholder)'}.`,
    );
  }
  return source.flatMap((group) => {
    const other = target.find((candidate) => candidate.app === group.app);
    return other && (wanted.length === 0 || wanted.includes(group.app)) ? [{ app: group.app, source: group.overlays, target: other.overlays }] : [];
  });
}

/**
 * The source's `images:` entries of one app as arguments. Two source overlays
 * that disagree about an image make the promotion ambiguous: an error.
 */
/** One place the source pins images: an overlay and its `images:` entries, or a pin and what it holds (its label as the path). */
export interface PromotionSource {
  overlay: Pick<Overlay, 'path' | 'file'>;
  entries: ReadonlyArray<Pick<ImageEntry, 'name' | 'newName' | 'newTag' | 'digest'>>;
}

export function sourceImages(app: string, entriesByOverlay: readonly PromotionSource[]): ImageArgument[] {
  const byName = new Map<string, { argument: ImageArgument; overlay: string }>();
  for (const { overlay, entries } of entriesByOverlay) {
    for (const entry of entries) {
      if (!entry.newName && !entry.newTag && !entry.digest) continue;
      const argument = entryArgument(entry);
      const seen = byName.get(entry.name);
      if (seen && seen.argument.source !== argument.source) {
        throw new UserError(
          `${appLabel(app)}: ${seen.overlay} and ${overlay.path} set image ${entry.name} differently (${valueOf(seen.argument)} and ` +
            `${valueOf(argument)}); promote them one at a time with overlays that agree.`,
        );
      }
      byName.set(entry.name, { argument, overlay: overlay.path });
    }
  }
  if (byName.size === 0) {
    const where = entriesByOverlay.map((item) => item.overlay.file).join(', ');
    throw new UserError(
      `${appLabel(app)}: ${where} has no images: entries to promote; set the images there first (set-image), or leave the app out (apps input).`,
    );
  }
  return [...byName.values()].map((item) => item.argument);
}

/** An argument that writes exactly the entry's newName, newTag and digest (and clears what it lacks). */
export function entryArgument(entry: Pick<ImageEntry, 'name' | 'newName' | 'newTag' | 'digest'>): ImageArgument {
  const reference = formatImageReference({ name: entry.newName || entry.name, tag: entry.newTag, digest: entry.digest });
  return { source: `${entry.name}=${reference}`, name: entry.name, newName: entry.newName, newTag: entry.newTag, digest: entry.digest };
}

/** The target edits of one app (pure: the target files' texts are given). */
export function planAppPromotion(pair: AppPair, images: ImageArgument[], targetTexts: ReadonlyMap<string, string>): AppPromotion {
  const edits = pair.target.map((overlay) => {
    const text = targetTexts.get(overlay.file);
    if (text === undefined) throw new Error(`internal: the target overlay ${overlay.file} was not read before planning`);
    return planFileEdit(overlay, text, images);
  });
  return { app: pair.app, sourceOverlays: pair.source, images, edits };
}

export function appLabel(app: string): string {
  return app === '' ? 'The source environment' : `App '${app}'`;
}

function valueOf(argument: ImageArgument): string {
  return argument.source.slice(argument.source.indexOf('=') + 1);
}
