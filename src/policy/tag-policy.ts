import semver from 'semver';

/**
 * A tag as a strict semantic version (a leading `v` allowed), or null. Never
 * coerced: `1.4` or a numeric short SHA such as `1234567` is not a version.
 */
export function strictSemver(tag: string): semver.SemVer | null {
  const bare = tag.replace(/^v(?=\d)/, '');
  return semver.valid(bare) ? new semver.SemVer(bare) : null;
}

/**
 * Whether moving from `oldTag` to `newTag` goes down in semver order. Only when
 * both are strict semver; pre-releases compare as semver does
 * (`1.0.0-rc10` is below `1.0.0-rc9`, since `rc10` and `rc9` compare as text).
 */
export function isDowngrade(oldTag: string, newTag: string): boolean {
  const before = strictSemver(oldTag);
  const after = strictSemver(newTag);
  return before !== null && after !== null && semver.lt(after, before);
}
