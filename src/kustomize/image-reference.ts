/**
 * Container image references as kustomize v5 reads them. These mirror
 * kustomize's `image.Split` and `image.IsImageMatched`, because the action must
 * predict exactly what `kustomize build` will render.
 */

export interface ImageReference {
  name: string;
  tag: string;
  digest: string;
}

/**
 * Splits `[host[:port]/]path[:tag][@digest]` into its parts. A colon before the
 * first slash belongs to the registry host (`localhost:5000/web`).
 */
export function splitImageReference(reference: string): ImageReference {
  const slash = reference.indexOf('/');
  const offset = slash > 0 ? slash : 0;
  const searched = reference.slice(offset);
  const at = searched.indexOf('@');
  const colon = searched.indexOf(':');

  if (colon < 0 && at < 0) return { name: reference, tag: '', digest: '' };
  if (at >= 0 && (at < colon || colon < 0)) {
    return { name: reference.slice(0, offset + at), tag: '', digest: reference.slice(offset + at + 1) };
  }
  if (at >= 0) {
    return {
      name: reference.slice(0, offset + colon),
      tag: reference.slice(offset + colon + 1, offset + at),
      digest: reference.slice(offset + at + 1),
    };
  }
  return { name: reference.slice(0, offset + colon), tag: reference.slice(offset + colon + 1), digest: '' };
}

export function formatImageReference({ name, tag, digest }: ImageReference): string {
  return `${name}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
}

const matcherCache = new Map<string, RegExp | null>();

/**
 * Whether an `images:` entry named `entryName` applies to `reference`. kustomize
 * compiles the name as a regular expression (so `.` matches any character) and
 * matches it against the whole repository part: no registry normalisation, so
 * `nginx` does not match `docker.io/library/nginx`. kustomize 5.5 only accepts
 * sha256 digests here. A name that is not a valid expression matches nothing.
 */
export function isImageMatched(reference: string, entryName: string): boolean {
  let matcher = matcherCache.get(entryName);
  if (matcher === undefined) {
    try {
      // Not wrapped in a group: kustomize concatenates the name as is, so an
      // alternation in it (`a|b`) binds to the anchors exactly as it does there.
      matcher = new RegExp(`^${entryName}(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$`);
    } catch {
      matcher = null;
    }
    matcherCache.set(entryName, matcher);
  }
  return matcher !== null && matcher.test(reference);
}

/** The fields of an `images:` entry that change a rendered reference. */
export interface ImageOverride {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
  /** Appended to the current tag when the entry sets neither newTag nor digest. */
  tagSuffix?: string;
}

/**
 * What kustomize renders for `reference` after one entry: a new tag drops the
 * old digest and a new digest drops the old tag, unless both are given; a tag
 * suffix applies only when the entry sets neither.
 */
export function applyImageOverride(reference: string, override: ImageOverride): string {
  if (!isImageMatched(reference, override.name)) return reference;
  const current = splitImageReference(reference);
  const name = override.newName || current.name;
  let { tag, digest } = current;
  if (override.newTag && override.digest) {
    tag = override.newTag;
    digest = override.digest;
  } else if (override.newTag) {
    tag = override.newTag;
    digest = '';
  } else if (override.digest) {
    tag = '';
    digest = override.digest;
  } else if (override.tagSuffix) {
    // kustomize's imagetag updater (HEAD); 5.5 appends the suffix twice.
    tag += override.tagSuffix;
    digest = '';
  }
  return formatImageReference({ name, tag, digest });
}

/** Regular-expression syntax in an image name, besides the `.` that registry hosts are full of. */
const REGEX_SYNTAX = /[\\^$*+?()[\]{}|]/;

/**
 * A name kustomize matches only against image names of its own length: no
 * regular-expression syntax but `.`, no `.` after the last `/` (where it could
 * stand for the `:` before a tag: `web.1` matches `web:1`), and no tag or
 * digest in it. Such a name matches a valid reference exactly when the
 * reference's name has its length and agrees with it wherever it has no `.`.
 */
function isPlainName(name: string): boolean {
  if (name === '' || REGEX_SYNTAX.test(name) || name.slice(name.lastIndexOf('/') + 1).includes('.')) return false;
  const parts = splitImageReference(name);
  return parts.name === name && parts.tag === '' && parts.digest === '';
}

/**
 * Whether one image could carry both names as kustomize matches them: an
 * `images:` entry named `first` could apply to an image that an entry named
 * `second` applies to, or that one renames into `second`. False only when
 * that cannot happen; a name that is not plain might match anything.
 */
export function mayMatchSameImage(first: string, second: string): boolean {
  if (!isPlainName(first) || !isPlainName(second)) return true;
  if (first.length !== second.length) return false;
  for (let index = 0; index < first.length; index++) {
    if (first[index] !== second[index] && first[index] !== '.' && second[index] !== '.') return false;
  }
  return true;
}
