import { splitImageReference, formatImageReference } from './image-reference.js';
import type { ImageEntryChange } from '../types.js';

/** The reference an edited entry should produce in the render, field by field. */
export interface ExpectedImage {
  name: string;
  tag: string;
  digest: string;
}

export function expectedImageOf(change: ImageEntryChange): ExpectedImage {
  return { name: change.after.newName || change.name, tag: change.after.newTag, digest: change.after.digest };
}

export function describeExpected(expected: ExpectedImage): string {
  return formatImageReference(expected);
}

/**
 * Whether some rendered reference carries the expected name, tag and digest.
 * A tag may carry a suffix (kustomize's `tagSuffix`); an unset tag or digest is
 * not checked, since the entry leaves the resource's own value in place.
 */
export function rendersExpectedImage(rendered: readonly string[], expected: ExpectedImage): boolean {
  return rendered.some((reference) => {
    const actual = splitImageReference(reference);
    if (actual.name !== expected.name) return false;
    if (expected.tag && !(actual.tag === expected.tag || actual.tag.startsWith(expected.tag))) return false;
    if (expected.digest && actual.digest !== expected.digest) return false;
    return true;
  });
}

/**
 * For an argument whose name matched nothing: an entry whose newName is that
 * name was probably meant (`web=ghcr.io/acme/web:1.5` rather than `ghcr.io/acme/web=…`).
 */
export function suggestArgument(name: string, source: string, entries: ReadonlyArray<{ name: string; newName: string }>): string | undefined {
  const owner = entries.find((entry) => entry.newName === name && entry.name !== name);
  if (!owner) return undefined;
  const value = source.includes('=') ? source.slice(source.indexOf('=') + 1) : source;
  return `${owner.name}=${value}`;
}
