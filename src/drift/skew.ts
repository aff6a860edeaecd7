import semver from 'semver';
import { strictSemver } from '../policy/tag-policy.js';
import type { ImageValue, Skew } from './drift-types.js';
import { countOf, daysText } from '../text/wording.js';

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

interface Relation {
  status: Skew['status'];
  /** Which values of the earlier environment are ahead of `later`. */
  ahead?: (value: ImageValue) => boolean;
  /** When `later` is behind on semver: both versions, to count the ones between. */
  versions?: { earlier: semver.SemVer; later: semver.SemVer };
}

/** Where `later` stands against `earlier`, and which values of the earlier environment are ahead of `later`. */
function relate(earlier: ImageValue, later: ImageValue): Relation {
  if (sameValue(later, earlier)) return { status: 'same' };
  const earlierVersion = strictSemver(earlier.tag);
  const laterVersion = strictSemver(later.tag);
  if (earlierVersion && laterVersion && !semver.eq(earlierVersion, laterVersion)) {
    if (semver.lt(earlierVersion, laterVersion)) return { status: 'ahead' };
    return {
      status: 'behind',
      versions: { earlier: earlierVersion, later: laterVersion },
      ahead: (value) => {
        const version = strictSemver(value.tag);
        return version !== null && semver.gt(version, laterVersion);
      },
    };
  }
  return { status: earlier.tag === later.tag ? 'different-digest' : 'different', ahead: (value) => !sameValue(value, later) };
}

/**
 * Whether computeSkew still reads the history past an entry with this value:
 * only while the newest run it measures lasts (the earlier environment's
 * current value, or values ahead of the later one). A reader walking the
 * history newest first stops after the first entry this returns false for,
 * so a checkout and the GitHub API read the same entries.
 */
export function skewReadsPast(earlier: ImageValue, later: ImageValue): (value: ImageValue | undefined) => boolean {
  const { ahead } = relate(earlier, later);
  return ahead ? (value) => value !== undefined && ahead(value) : (value) => sameValue(value, earlier);
}

/**
 * How `later` (say production) stands against `earlier` (staging), using the
 * earlier environment's overlay history, newest commit first. Versions behind
 * counts the distinct semver tags above the later one's, up to the current one,
 * that the earlier environment carried in its latest unbroken run ahead of the
 * later one; the days count from that run's oldest commit. No I/O.
 */
export function computeSkew(
  earlier: ImageValue,
  later: ImageValue,
  history: readonly HistoryEntry[],
  now: number,
  historyComplete = true,
): Omit<Skew, 'from' | 'promotionPr'> {
  const base = { earlier, later, historyComplete, earlierSince: sinceOf(history, (value) => sameValue(value, earlier)) };
  const { status, ahead, versions } = relate(earlier, later);
  if (!ahead) return { ...base, status };

  const run = takeWhile(history, (entry) => entry.value !== undefined && ahead(entry.value));
  const behindSince = oldestDate(run);
  const daysBehind = behindSince === undefined ? undefined : Math.max(0, Math.floor((now - Date.parse(behindSince)) / DAY_MS));
  const skew = { ...base, status, behindSince, daysBehind };
  if (status !== 'behind' || !versions) return skew;
  return { ...skew, versionsBehind: countVersionsBetween(run, earlier, versions.later, versions.earlier) };
}

function takeWhile<T>(items: readonly T[], holds: (item: T) => boolean): T[] {
  const end = items.findIndex((item) => !holds(item));
  return items.slice(0, end === -1 ? items.length : end);
}

/** Distinct semver versions v with later < v ≤ earlier among the run and the current value. */
function countVersionsBetween(run: readonly HistoryEntry[], earlier: ImageValue, later: semver.SemVer, upTo: semver.SemVer): number {
  const seen = new Set<string>();
  for (const value of [earlier, ...run.map((entry) => entry.value)]) {
    const version = value ? strictSemver(value.tag) : null;
    if (version && semver.gt(version, later) && semver.lte(version, upTo)) seen.add(version.version);
  }
  return seen.size;
}

/** The date (ISO) of the oldest commit in the newest unbroken run of entries that pass `holds`. */
function sinceOf(history: readonly HistoryEntry[], holds: (value: ImageValue | undefined) => boolean): string | undefined {
  return oldestDate(takeWhile(history, (entry) => holds(entry.value)));
}

/** The date (ISO) of a newest-first run's last entry, its oldest commit. */
function oldestDate(run: readonly HistoryEntry[]): string | undefined {
  const oldest = run.at(-1);
  return oldest ? new Date(oldest.date).toISOString() : undefined;
}

/** One line for the report: `2 versions behind staging for 10 days`. */
export function describeSkew(skew: Skew): string {
  const days = skew.daysBehind === undefined ? '' : ` for ${daysText(skew.daysBehind)}`;
  switch (skew.status) {
    case 'same':
      return `same as ${skew.from}`;
    case 'ahead':
      return `ahead of ${skew.from}`;
    case 'behind':
      return `${countOf(skew.versionsBehind ?? 0, 'version')} behind ${skew.from}${days}`;
    case 'different-digest':
      return `same tag as ${skew.from}, different digest${days}`;
    case 'different':
      return `differs from ${skew.from}${days}`;
  }
}
