import { describe, expect, test } from '@jest/globals';
import { computeSkew, describeSkew, skewReadsPast, type HistoryEntry } from '../../src/drift/skew.js';
import { exceedsMaxSkew, parseMaxSkew, parseMaxSkewInput, type MaxSkew } from '../../src/drift/max-skew.js';
import type { Skew } from '../../src/drift/drift-types.js';

const NOW = Date.parse('2026-03-20T12:00:00Z');
const daysAgo = (days: number): number => NOW - days * 86_400_000;
const tag = (value: string, digest = '') => ({ tag: value, digest });
/** Newest first, as git log lists them. */
const history = (...entries: Array<[string, number, string?]>): HistoryEntry[] =>
  entries.map(([value, days, digest], index) => ({ sha: `c${index}`, date: daysAgo(days), value: value === '-' ? undefined : tag(value, digest ?? '') }));

describe('computeSkew', () => {
  test.each([
    ['same tag', tag('1.4.0'), tag('1.4.0'), history(['1.4.0', 3]), { status: 'same' }],
    ['same digest, other tags', tag('1.4.0', 'sha256:aa'), tag('v1.4.0', 'sha256:aa'), history(['1.4.0', 3, 'sha256:aa']), { status: 'same' }],
    [
      'two versions behind for ten days',
      tag('1.4.0'),
      tag('1.3.2'),
      history(['1.4.0', 2], ['1.3.3', 10], ['1.3.2', 30]),
      { status: 'behind', versionsBehind: 2, daysBehind: 10 },
    ],
    [
      'a version later rolled back in the earlier env does not count',
      tag('1.4.0'),
      tag('1.3.2'),
      history(['1.4.0', 1], ['1.5.0', 2], ['1.4.0', 4], ['1.3.2', 9]),
      { status: 'behind', versionsBehind: 1, daysBehind: 4 },
    ],
    ['a shallow history still counts the current version', tag('2.0.0'), tag('1.0.0'), [], { status: 'behind', versionsBehind: 1, daysBehind: undefined }],
    [
      'versions at or below the later one are ignored',
      tag('1.3.0'),
      tag('1.2.0'),
      history(['1.3.0', 5], ['1.1.0', 8], ['1.2.0', 9]),
      { status: 'behind', versionsBehind: 1, daysBehind: 5 },
    ],
    ['ahead (a hotfix straight to production)', tag('1.4.0'), tag('1.4.1'), history(['1.4.0', 1]), { status: 'ahead' }],
    [
      'same tag, different digest (a rebuild)',
      tag('1.4.0', 'sha256:bb'),
      tag('1.4.0', 'sha256:aa'),
      history(['1.4.0', 2, 'sha256:bb'], ['1.4.0', 6, 'sha256:aa']),
      { status: 'different-digest', daysBehind: 2 },
    ],
    [
      'non-semver tags that differ',
      tag('main-abc123'),
      tag('main-def456'),
      history(['main-abc123', 3], ['main-0000', 4], ['main-def456', 7]),
      { status: 'different', daysBehind: 4 },
    ],
    [
      'an entry missing from an older commit ends the run',
      tag('1.4.0'),
      tag('1.3.0'),
      history(['1.4.0', 1], ['-', 3], ['1.5.0', 5]),
      { status: 'behind', versionsBehind: 1, daysBehind: 1 },
    ],
  ])('%s', (_title, earlier, later, entries, expected) => {
    expect(computeSkew(earlier, later, entries, NOW)).toEqual(expect.objectContaining(expected));
    // A reader that stops where skewReadsPast says so (the GitHub API walk) gets the same answer from fewer entries.
    const readsPast = skewReadsPast(earlier, later);
    const stop = entries.findIndex((entry) => !readsPast(entry.value));
    const walked = stop === -1 ? entries : entries.slice(0, stop + 1);
    expect(computeSkew(earlier, later, walked, NOW)).toEqual(computeSkew(earlier, later, entries, NOW));
  });

  test('the history walk stops at the first value that is not ahead of the later environment', () => {
    const readsPast = skewReadsPast(tag('1.4.0'), tag('1.3.2'));
    expect([tag('1.4.0'), tag('1.3.3'), tag('1.3.2'), tag('1.1.0'), undefined].map(readsPast)).toEqual([true, true, false, false, false]);
    const same = skewReadsPast(tag('1.4.0'), tag('1.4.0'));
    expect([tag('1.4.0'), tag('1.3.9')].map(same)).toEqual([true, false]);
  });

  test("since-when is the commit that introduced the earlier environment's current value", () => {
    const skew = computeSkew(tag('1.4.0'), tag('1.3.2'), history(['1.4.0', 2], ['1.4.0', 6], ['1.3.3', 10]), NOW);
    expect(skew.earlierSince).toBe(new Date(daysAgo(6)).toISOString());
    expect(skew.behindSince).toBe(new Date(daysAgo(10)).toISOString());
  });

  test.each<[Pick<Skew, 'status' | 'versionsBehind' | 'daysBehind'>, string]>([
    [{ status: 'behind', versionsBehind: 2, daysBehind: 10 }, '2 versions behind staging for 10 days'],
    [{ status: 'behind', versionsBehind: 1 }, '1 version behind staging'],
    [{ status: 'different-digest', daysBehind: 0 }, 'same tag as staging, different digest for less than a day'],
    [{ status: 'same' }, 'same as staging'],
  ])('describeSkew(%j)', (skew, text) => {
    expect(describeSkew({ from: 'staging', earlier: tag('1'), later: tag('1'), historyComplete: true, ...skew })).toBe(text);
  });
});

describe('max-skew', () => {
  test.each<[number | string, MaxSkew | undefined]>([
    [2, { versions: 2 }],
    ['2versions', { versions: 2 }],
    ['1 version', { versions: 1 }],
    ['14d', { days: 14 }],
    ['3 days', { days: 3 }],
    ['2w', undefined],
    [-1, undefined],
  ])('parseMaxSkew(%j)', (value, expected) => {
    expect(parseMaxSkew(value)).toEqual(expected);
  });

  test('the input names environments; limits of one environment combine', () => {
    expect(Object.fromEntries(parseMaxSkewInput('production=2, staging=7d\nproduction=14d', ['dev', 'staging', 'production']))).toEqual({
      production: { versions: 2, days: 14 },
      staging: { days: 7 },
    });
  });

  test.each([
    ['prod=2', "Input 'max-skew': unknown environment 'prod'; the promotion config declares dev, production."],
    ['production', "Input 'max-skew': 'production' is not environment=limit (for example production=2 or staging=7d)."],
    ['production=soon', "Input 'max-skew': 'soon' for production is not a number of versions (2) or days (7d)."],
  ])('bad input %j names the input', (text, message) => {
    expect(() => parseMaxSkewInput(text, ['dev', 'production'])).toThrow(message);
  });

  test.each([
    [{ versionsBehind: 2, daysBehind: 10 }, { versions: 2 }, undefined],
    [{ versionsBehind: 3, daysBehind: 1 }, { versions: 2 }, 'more than 2 versions behind'],
    [{ versionsBehind: 1, daysBehind: 15 }, { versions: 2, days: 14 }, 'behind for more than 14d'],
    [{ daysBehind: 15 }, { versions: 0 }, undefined],
    [{ versionsBehind: 9, daysBehind: 99 }, undefined, undefined],
  ])('exceedsMaxSkew(%j, %j)', (skew, limit, expected) => {
    expect(exceedsMaxSkew(skew, limit)).toBe(expected);
  });
});
