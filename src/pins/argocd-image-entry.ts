import { InputError, UserError } from '../errors.js';
import { parseImageArgument, type ImageArgument } from '../kustomize/image-argument.js';
import { splitImageReference } from '../kustomize/image-reference.js';
import type { ImageFieldValues } from '../types.js';

/**
 * An entry of an Argo CD Application's `kustomize.images`: a string Argo CD
 * hands to `kustomize edit set image` as it is (after substituting its
 * build variables), so an entry is exactly an image argument:
 * `name=newName:tag@digest`, `name:tag`, `name@sha256:…`, `name=newName`.
 */

/** The entry's image argument; an entry that does not parse is refused, naming the file and the entry's place. */
export function imageArgumentOfEntry(entry: string, file: string, location: string): ImageArgument {
  try {
    return parseImageArgument(entry, location);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const problem = error.message.slice(`Input '${error.input}': `.length);
    throw new UserError(`${file}: ${location} ${problem}`);
  }
}

/**
 * Argo CD substitutes its build variables (`$ARGOCD_APP_REVISION`,
 * `${ARGOCD_APP_NAME}`) in an entry before kustomize sees it, so such an
 * entry is only known at build time: it is read for what it names and never
 * rewritten.
 */
export function holdsBuildVariable(entry: string): boolean {
  return /\$(\{?)[A-Za-z_]/.test(entry);
}

/** What an entry with a build variable names, split the way kustomize splits an argument, without checking its parts. */
export function looseImageArgumentOfEntry(entry: string): ImageArgument {
  const source = entry.trim();
  const eq = source.indexOf('=');
  const value = eq < 0 ? source : source.slice(eq + 1);
  const parts = splitImageReference(value);
  return {
    source,
    name: eq < 0 ? parts.name : source.slice(0, eq),
    newName: eq < 0 ? '' : parts.name,
    newTag: parts.tag,
    digest: parts.digest,
  };
}

/** The shortest argument that sets these values: `name=newName:tag@digest`, without `=newName` when there is none. */
export function formatImageEntry(name: string, values: ImageFieldValues): string {
  const tag = values.newTag ? `:${values.newTag}` : '';
  const digest = values.digest ? `@${values.digest}` : '';
  return `${name}${values.newName ? `=${values.newName}` : ''}${tag}${digest}`;
}

export function valuesOf(argument: ImageArgument): ImageFieldValues {
  return { newName: argument.newName, newTag: argument.newTag, digest: argument.digest };
}
