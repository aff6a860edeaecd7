import semver from 'semver';
import { strictSemver } from '../policy/tag-policy.js';
import type { ImageValue, Skew } from './drift-types.js';

/** The value an environment's overlay held after one commit (undefined: the entry or file was absent). */
export interface HistoryEntry {
  sha: string;
  /** Committer date (ms). */
  date: number;
  value?: ImageValue;
}

const DAY_MS = 86_400_000;

const sameValue = (a: ImageValue | undefined, b: ImageValue): boolean =>
  a !== undefined && (a.digest && b.digest ? a.digest === b.digest : a.tag === b.tag && a.digest === b.digest);

/**
 * How `later` (say production) stands against `earlier` (staging), using the
 * earlier environment's overlay history, newest commit first. Versions behind
 * counts the distinct semver tags the earlier environment has carried above the
 * later one's, up to its current one; the days count from the oldest commit of
 * the latest unbroken run in which the earlier environment was ahead. No I/O.
 */
export function computeSkew(
  earlier: ImageValue,
  later: ImageValue,
  history: readonly HistoryEntry[],
  now: number,
  historyComplete = true,
): Omit<Skew, 'from' | 'promotionPr'> {
  const base = { earlier, later, historyComplete, earlierSince: sinceOf(history, (value) => sameValue(value, earlier)) };
  if (sameValue(later, earlier)) return { ...base, status: 'same' };

  const earlierVersion = strictSemver(earlier.tag);
  const laterVersion = strictSemver(later.tag);
  let status: Skew['status'];
  let ahead: (value: ImageValue) => boolean;
  if (earlierVersion && laterVersion && !semver.eq(earlierVersion, laterVersion)) {
    if (semver.lt(earlierVersion, laterVersion)) return { ...base, status: 'ahead' };
    status = 'behind';
    ahead = (value) => {
      const version = strictSemver(value.tag);
      return version !== null && semver.gt(version, laterVersion);
    };
  } else {
    status = earlier.tag === later.tag ? 'different-digest' : 'different';
    ahead = (value) => !sameValue(value, later);
  }

  const behindSince = sinceOf(history, (value) => value !== undefined && ahead(value));
  const daysBehind = behindSince === undefined ? undefined : Math.max(0, Math.floor((now - Date.parse(behindSince)) / DAY_MS));
  const skew = { ...base, status, behindSince, daysBehind };
  if (status !== 'behind') return skew;
  return { ...skew, versionsBehind: countVersionsBetween(history, earlier, laterVersion!, earlierVersion!) };
}

/** Distinct semver versions v with later < v ≤ earlier among the history and the current value. */
function countVersionsBetween(history: readonly HistoryEntry[], earlier: ImageValue, later: semver.SemVer, upTo: semver.SemVer): number {
  const seen = new Set<string>();
  for (const value of [earlier, ...history.map((entry) => entry.value)]) {
    const version = value ? strictSemver(value.tag) : null;
    if (version && semver.gt(version, later) && semver.lte(version, upTo)) seen.add(version.version);
  }
  return seen.size;
}

/** The date (ISO) of the oldest commit in the newest unbroken run of entries that pass `holds`. */
function sinceOf(history: readonly HistoryEntry[], holds: (value: ImageValue | undefined) => boolean): string | undefined {
  let since: number | undefined;
  for (const entry of history) {
    if (!holds(entry.value)) break;
    since = entry.date;
  }
  return since === undefined ? undefined : new Date(since).toISOString();
}

/** One line for the report: `2 versions behind staging for 10d`. */
export function describeSkew(skew: Skew): string {
  const days = skew.daysBehind === undefined ? '' : ` for ${skew.daysBehind}d`;
  switch (skew.status) {
    case 'same':
      return `same as ${skew.from}`;
    case 'ahead':
      return `ahead of ${skew.from}`;
    case 'behind':
      return `${skew.versionsBehind} version${skew.versionsBehind === 1 ? '' : 's'} behind ${skew.from}${days}`;
    case 'different-digest':
      return `same tag as ${skew.from}, different digest${days}`;
    case 'different':
      return `differs from ${skew.from}${days}`;
  }
}
