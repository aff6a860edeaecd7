import { mayMatchSameImage, splitImageReference } from './image-reference.js';
import { pairKey, parseKustomization } from './kustomization-document.js';
import type { ImageEntry, ImageEntryChange, ImageFieldValues } from '../types.js';

/**
 * When set-image's downgrade guard needs the overlay's render before the edit,
 * and when the planned edit alone says what it rendered.
 *
 * kustomize's images transformer rewrites every container image whose name an
 * entry's name matches: newName replaces the name, and a newTag or a digest
 * replaces both the tag and the digest the image had. So an existing entry that
 * sets a tag or a digest, before the edit and after it, renders its own values
 * wherever it applies, whatever tag the resources carry; and where it applies
 * is the same before and after, as long as no other entry hands it an image
 * (renames into a name it matches) or takes one from it (matches its name, or
 * what it renames into). Each image it applies to then moves from the entry's
 * old reference to its new one and nothing else moves, so the render's
 * judgement (a lower semver tag of the same repository) is the entry's own
 * (`entryDowngrade`: a lower tag, whatever the name, so at least as strict) and
 * the render before the edit tells the guard nothing new.
 *
 * Each case where the file alone cannot say what ran is a reason to render:
 * - an added entry: the image ran with the resource's tag, or with that of the
 *   entry it now overrides, and neither is in the edit;
 * - an entry without a tag or a digest, before or after: the resource's own tag shows through;
 * - a field kustomize reads that the edit does not model (`tagSuffix`, say);
 * - a newName, tag or digest that does not split back into itself (a tag in
 *   the newName, a `/` in the tag): the render could read another tag out of it;
 * - another entry that renames into the entry's name or applies to its image
 *   (the same name twice; an entry named as what this one renames into).
 *   kustomize reads names as regular expressions, so `.` matches any character
 *   (mayMatchSameImage decides, and takes a name it cannot judge to match);
 * - `replacements:` or `transformers:`, which kustomize runs after `images:` and
 *   which may write image fields from anything.
 * Bases, components and patches run before `images:` (checked with kubectl 1.32
 * / kustomize 5.5: `images:` rewrites what a patch set, and a replacement copies
 * what `images:` wrote): they set only the tag the entry replaces, and which
 * images carry its name, the same before the edit and after it.
 * The resources' images are taken to be valid references (a `:` after the
 * first `/` only before a tag), as anything that runs is.
 */

export type RenderBeforeReason =
  | 'adds an entry'
  | 'sets neither a tag nor a digest'
  | 'has a field the edit does not model'
  | 'has a value that does not split back'
  | 'another entry renames into its name'
  | 'another entry applies to its image'
  | 'replacements or transformers run after images';

/** The kustomization keys whose transformers run after `images:` (kustomize reads keys case-insensitively). */
const AFTER_IMAGES = new Set(['replacements', 'transformers']);

/** The entry fields kustomize reads that the edit models; `newDigest` is Flux's, and kustomize refuses it. */
const MODELLED_KEYS = new Set(['name', 'newname', 'newtag', 'digest']);

// A tag and a digest as the reference grammar has them: neither holds a '/', ':' or '@' that would split a reference elsewhere.
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

/**
 * Why the guard must render the overlay as it was before the edit to judge
 * `changes` (the planned edit of the kustomization `original`), or undefined
 * when the edit itself says what every image it touches rendered.
 */
export function whyRenderBefore(original: string, file: string, changes: readonly ImageEntryChange[]): RenderBeforeReason | undefined {
  const { root, entries } = parseKustomization(original, file);
  if (root?.items.some((pair) => AFTER_IMAGES.has(pairKey(pair).toLowerCase()))) return 'replacements or transformers run after images';
  for (const change of changes) {
    const reason = whyRenderBeforeChange(change, entries, changes);
    if (reason) return reason;
  }
  return undefined;
}

function whyRenderBeforeChange(change: ImageEntryChange, entries: readonly ImageEntry[], changes: readonly ImageEntryChange[]): RenderBeforeReason | undefined {
  const { before, after } = change;
  if (!before) return 'adds an entry';
  if (!setsTagOrDigest(before) || !setsTagOrDigest(after)) return 'sets neither a tag nor a digest';
  const own = entries.findIndex((entry) => entry.name === change.name);
  if (own < 0) return 'adds an entry';
  if (!entries[own].node.items.every((pair) => MODELLED_KEYS.has(pairKey(pair).toLowerCase()))) return 'has a field the edit does not model';
  if (!splitsBack(before) || !splitsBack(after)) return 'has a value that does not split back';
  // What the entry renders its images as (the name they carry when newName is unset), before and after the edit.
  const produced = [...new Set([before.newName || change.name, after.newName || change.name])];
  for (const [index, other] of entries.entries()) {
    if (index === own) continue;
    const edited = changes.find((candidate) => candidate.name === other.name)?.after;
    const renamesInto = [other.newName, edited?.newName ?? ''].filter((name) => name !== '');
    if (renamesInto.some((name) => mayMatchSameImage(name, change.name))) return 'another entry renames into its name';
    if ([change.name, ...produced].some((name) => mayMatchSameImage(other.name, name))) return 'another entry applies to its image';
  }
  return undefined;
}

function setsTagOrDigest(values: ImageFieldValues): boolean {
  return values.newTag !== '' || values.digest !== '';
}

function splitsBack({ newName, newTag, digest }: ImageFieldValues): boolean {
  const name = splitImageReference(newName);
  const nameSplitsBack = newName === '' || (name.name === newName && name.tag === '' && name.digest === '');
  return nameSplitsBack && (newTag === '' || TAG.test(newTag)) && (digest === '' || DIGEST.test(digest));
}
